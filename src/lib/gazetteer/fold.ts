/**
 * Key folding shared by every gazetteer lookup: lower case, diacritics stripped (NFD minus
 * combining marks), œ→oe, æ→ae, typographic apostrophes → ', runs of hyphens/whitespace → one space.
 * Same semantics as foldForMatch in extract/normalize.ts.
 */
import { Buffer } from 'node:buffer';

const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032`\u00b4]/g;
const SEPARATORS = /[\s\-\u2010\u2011\u2012\u2013\u2014\u2212\u00ad]+/g;

export function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(APOSTROPHES, "'")
    .replace(SEPARATORS, ' ')
    .trim();
}

const ASCII_WORD = /^[\x00-\x7f]*$/;

/** Fast fold for one word token (letters/digits only): skips NFD when the token is ASCII. */
export function foldWord(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII_WORD.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

/**
 * Length-preserving fold for cue matching on sentences: each UTF-16 unit is lower-cased and
 * stripped of its accent when that keeps it one unit; offsets stay aligned with the original.
 * The units are read from and written to a typed array (copied and decoded natively), one table
 * lookup per unit.
 */
export function foldKeepLength(s: string): string {
  const n = s.length;
  if (keepView.length < n) {
    keepBytes = Buffer.alloc(n * 4);
    keepView = new Uint16Array(keepBytes.buffer, keepBytes.byteOffset, n * 2);
  }
  keepBytes.write(s, 0, 'utf16le');
  const u = keepView;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = u[i];
    let f = KEEP_FOLD[c];
    if (f < 0) f = KEEP_FOLD[c] = keepFoldUnit(c);
    if (f !== c) {
      u[i] = f;
      changed = true;
    }
  }
  return changed ? keepBytes.toString('utf16le', 0, n * 2) : s;
}

let keepBytes = Buffer.alloc(1 << 12);
let keepView = new Uint16Array(keepBytes.buffer, keepBytes.byteOffset, keepBytes.length >> 1);
/** foldKeepLength of each code unit (-1: not computed yet). */
const KEEP_FOLD = new Int32Array(0x10000).fill(-1);

/** The one unit a code unit folds to in foldKeepLength. */
function keepFoldUnit(code: number): number {
  if (code < 65 || (code > 90 && code < 128)) return code; // ASCII non-letters and lower-case letters stay
  if (code <= 90) return code + 32;
  if (code === 0x2019 || code === 0x2018) return 0x27;
  const ch = String.fromCharCode(code);
  const f = code < CHAR_TABLE_SIZE ? CHAR_FOLD[code] : foldWord(ch);
  if (f.length === 1) return f.charCodeAt(0);
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/* ---------- Character tables for fast tokenisation (built once at module load) ---------- */

/** Size of the precomputed tables: Latin, Greek, Cyrillic, general punctuation. */
export const CHAR_TABLE_SIZE = 0x3000;
/** Bit flags per UTF-16 code unit. */
export const CH_WORD = 1; // \p{L} or \p{N}
export const CH_UPPER = 2; // upper-case letter (has a distinct lower-case form)
export const CH_LOWER = 4; // lower-case letter
export const CHAR_CLASS = new Uint8Array(CHAR_TABLE_SIZE);
/** Folded form of each code unit (lower case, no diacritic, ligatures expanded). */
export const CHAR_FOLD: string[] = new Array<string>(CHAR_TABLE_SIZE);

const WORD_CHAR = /[\p{L}\p{N}]/u;
for (let c = 0; c < CHAR_TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  let flags = 0;
  if (WORD_CHAR.test(ch)) {
    flags |= CH_WORD;
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (ch !== lower && ch === upper) flags |= CH_UPPER;
    if (ch === lower && ch !== upper) flags |= CH_LOWER;
  }
  CHAR_CLASS[c] = flags;
  CHAR_FOLD[c] = flags & CH_WORD ? foldWord(ch) : ch;
}

/** Character class of any code unit (table lookup, regex fallback beyond the table). */
export function charClass(c: number): number {
  if (c < CHAR_TABLE_SIZE) return CHAR_CLASS[c];
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  const ch = String.fromCharCode(c);
  if (!WORD_CHAR.test(ch)) return 0;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return CH_WORD | (ch !== lower && ch === upper ? CH_UPPER : 0) | (ch === lower && ch !== upper ? CH_LOWER : 0);
}

/** Folds text.slice(start, end) (one word token) using the tables; same result as foldWord. */
export function foldSlice(text: string, start: number, end: number): string {
  let lowerAscii = true;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) lowerAscii = false;
  }
  if (ascii) return lowerAscii ? text.slice(start, end) : text.slice(start, end).toLowerCase();
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= CHAR_TABLE_SIZE) return foldWord(text.slice(start, end));
    out += CHAR_FOLD[c];
  }
  return out;
}
