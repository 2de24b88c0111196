/**
 * Word tokens of a span of text, as plain objects: the same cut as the document tokenizer
 * (tokens.ts: runs of letters and digits, \p{L}/\p{N}) and the same token fold, for the stages that
 * read a short window rather than a whole document (quantities before a weapon name).
 */
import { CHAR_CLASS, CHAR_TABLE_SIZE, CH_WORD, charClass, foldSlice } from './fold.ts';

/** A word token; its text as written is text.slice(start, end) (not stored: most tokens never need it). */
export interface WordToken {
  /** Folded word (foldSlice). */
  w: string;
  start: number;
  end: number;
}

/** The code unit is a letter or a digit (part of a word token). */
export function isWordUnit(c: number): boolean {
  return ((c < CHAR_TABLE_SIZE ? CHAR_CLASS[c] : charClass(c)) & CH_WORD) !== 0;
}

/** The word tokens starting in [from, to) (the last one may run past `to`, to its end). */
export function wordTokens(text: string, from = 0, to = text.length): WordToken[] {
  const out: WordToken[] = [];
  let i = from;
  while (i < to) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < text.length && isWordUnit(text.charCodeAt(i))) i++;
    out.push({ w: foldSlice(text, s, i), start: s, end: i });
  }
  return out;
}
