/**
 * Folds: the one place where text is lower-cased and stripped of accents for matching. One fold
 * per purpose, and they agree where their purposes overlap (tests/text-fold.test.ts):
 *
 * - `fold` — keys: gazetteer names and aliases, and any phrase looked up among them. Lower case,
 *   diacritics stripped (NFD minus combining marks), œ→oe, æ→ae, ß→ss, typographic apostrophes →
 *   ', runs of hyphens/whitespace → one space, trimmed. Length is not kept.
 * - `foldWord` / `foldSlice` — one word token (letters and digits only, as the tokenizer cuts
 *   them): the same result as `fold` on that token, computed from per-character tables.
 * - `foldKeep` — sentences searched by regular expressions whose matches are offsets into the
 *   original text: one code unit in, one out. Each unit is lower-cased and folded like `fold` when
 *   that gives one unit (é→e, İ→i); œ, æ, ß stay (they would grow); typographic apostrophes → '.
 */
import { createCodeUnitScratch } from './code-units.ts';

const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032`\u00b4]/g;
const SEPARATORS = /[\s\-\u2010\u2011\u2012\u2013\u2014\u2212\u00ad]+/g;

/** The key fold (gazetteer names, aliases and the phrases looked up among them). */
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

/**
 * The id slug of a name ("new:" ids of people found by pattern): its key fold, runs of anything
 * but ASCII letters and digits → one hyphen. Not @sindresorhus/slugify: that one transliterates
 * (ö→oe, ł→l) and would change the ids existing names already have.
 */
export function nameSlug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ASCII_WORD = /^[\x00-\x7f]*$/;

/** The fold of one word token (letters/digits only): equals fold(s); skips NFD when the token is ASCII. */
export function foldWord(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII_WORD.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

/* ---------- Character tables for fast tokenisation (built once at module load) ---------- */

/** Size of the precomputed tables: Latin, Greek, Cyrillic, general punctuation. */
export const CHAR_TABLE_SIZE = 0x3000;
/** Bit flags per UTF-16 code unit. */
export const CH_WORD = 1; // \p{L} or \p{N}
export const CH_UPPER = 2; // upper-case letter (has a distinct lower-case form)
export const CH_LOWER = 4; // lower-case letter
export const CHAR_CLASS = new Uint8Array(CHAR_TABLE_SIZE);
/** foldWord of each word code unit (lower case, no diacritic, ligatures expanded); other units as they are. */
const CHAR_FOLD: string[] = new Array<string>(CHAR_TABLE_SIZE);

const WORD_CHAR = /[\p{L}\p{N}]/u;

function classOf(ch: string): number {
  if (!WORD_CHAR.test(ch)) return 0;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return CH_WORD | (ch !== lower && ch === upper ? CH_UPPER : 0) | (ch === lower && ch !== upper ? CH_LOWER : 0);
}

for (let c = 0; c < CHAR_TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  CHAR_CLASS[c] = classOf(ch);
  CHAR_FOLD[c] = CHAR_CLASS[c] & CH_WORD ? foldWord(ch) : ch;
}

/** Character class of any code unit (table lookup, regex fallback beyond the table). */
export function charClass(c: number): number {
  if (c < CHAR_TABLE_SIZE) return CHAR_CLASS[c];
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  return classOf(String.fromCharCode(c));
}

/** foldWord(text.slice(start, end)) for one word token, using the tables. */
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

/* ---------- The length-keeping fold ---------- */

/** Apostrophes foldKeep writes as "'" (the typographic ones `fold` also maps and that are not ASCII punctuation). */
const KEEP_APOSTROPHES = new Set([0x2019, 0x2018, 0x02bc]);

/** The one unit a code unit folds to in foldKeep. */
function keepFoldUnit(code: number): number {
  if (code < 65 || (code > 90 && code < 128)) return code; // ASCII non-letters and lower-case letters stay
  if (code <= 90) return code + 32;
  if (KEEP_APOSTROPHES.has(code)) return 0x27;
  const ch = String.fromCharCode(code);
  const f = code < CHAR_TABLE_SIZE ? CHAR_FOLD[code] : foldWord(ch);
  if (f.length === 1) return f.charCodeAt(0);
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** keepFoldUnit of each code unit (-1: not computed yet). */
const KEEP_FOLD = new Int32Array(0x10000).fill(-1);
const keepScratch = createCodeUnitScratch(1 << 11);
/**
 * The length-keeping fold: offsets found in foldKeep(s) are offsets in s. One table lookup per
 * code unit (not memoised: hashing the sentence for a cache costs more than folding it again).
 */
export function foldKeep(s: string): string {
  const n = s.length;
  const u = keepScratch.read(s);
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
  return changed ? keepScratch.decode(n) : s;
}
