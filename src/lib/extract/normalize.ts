/**
 * Normalisation stage: one canonical character repertoire for every later stage.
 *
 * - Unicode NFC; CRLF / CR / NEL / LS → LF, PS → blank line;
 * - zero-width characters, soft hyphens, BOM and stray control characters removed;
 * - typographic apostrophes (’ ‘ ʼ ′ ‛) → straight "'" (the date parser and the search engine
 *   tokenise on it); a doubled curly single quote (‘‘ … ’’, used as a double quote by some
 *   wires) → '"'; curly double quotes “ ” „ ‟ → '"';
 * - « and » kept, with exactly one regular space inside them ("« Scalp »");
 * - NBSP, NNBSP, thin and other fixed-width spaces, tabs → one regular space;
 * - lines trimmed, more than one blank line → one blank line, leading/trailing blank lines removed.
 *
 * No word of the author is changed. Linear time: a fixed chain of precompiled regexes.
 */
import { fold } from '../gazetteer/fold.ts';

const LINE_BREAKS = /\r\n?|[\u0085\u2028\u000b\u000c]/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g;
// C0 controls except \t and \n (\r, \v, \f were turned into \n above), DEL, C1 controls.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const DOUBLED_SINGLE_QUOTES = /[\u2018\u2019\u201b]{2}/g;
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032\u201b\uff07]/g;
// Acute accent or backtick used as an apostrophe between two letters ("l´Ukraine").
const PSEUDO_APOSTROPHE = /(?<=\p{L})[\u00b4`](?=\p{L})/gu;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\uff02]/g;
const H_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const GUILLEMET_OPEN = /([«‹]) */g;
const GUILLEMET_CLOSE = / *([»›])/g;
const SPACE_RUNS = / {2,}/g;
const LINE_EDGE_SPACES = /^ +| +$/gm;
const BLANK_RUNS = /\n{3,}/g;
const OUTER_NEWLINES = /^\n+|\n+$/g;

/** Normalises decoded article text (see the module comment for the exact rules). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(PARAGRAPH_SEPARATOR, '\n\n')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '')
    .replace(DOUBLED_SINGLE_QUOTES, '"')
    .replace(APOSTROPHES, "'")
    .replace(PSEUDO_APOSTROPHE, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(H_SPACES, ' ')
    .replace(GUILLEMET_OPEN, '$1 ')
    .replace(GUILLEMET_CLOSE, ' $1')
    .replace(SPACE_RUNS, ' ')
    .replace(LINE_EDGE_SPACES, '')
    .replace(BLANK_RUNS, '\n\n')
    .replace(OUTER_NEWLINES, '');
}

/**
 * Folds a string for matching: lower case, diacritics stripped (NFD minus combining marks),
 * œ→oe, æ→ae, typographic apostrophes → "'", hyphens and runs of whitespace → one space, trimmed.
 * Delegates to the gazetteer's fold() so text keys and gazetteer keys can never disagree.
 */
export function foldForMatch(s: string): string {
  return fold(s);
}
