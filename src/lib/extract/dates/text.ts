/**
 * Small text helpers shared by the date rules. `foldKeep` keeps string length so offsets found
 * in folded text are valid in the original.
 */
import { Buffer } from 'node:buffer';

const charFold = new Map<string, string>();
function foldChar(c: string): string {
  let f = charFold.get(c);
  if (f === undefined) {
    const code = c.charCodeAt(0);
    if (c === '\u2019' || c === '\u02bc' || c === '\u2018') f = "'";
    else if (code >= 0xd800 && code <= 0xdfff) f = c;
    else {
      const base = c.normalize('NFD')[0];
      f = base && base.length === 1 ? base : c;
    }
    charFold.set(c, f);
  }
  return f;
}

/** foldChar per UTF-16 unit (0 = not computed yet); ASCII units are kept as they are. */
const UNIT_FOLD = new Uint16Array(0x10000);
let unitBuf = new Uint16Array(1024);
/** ignoreBOM keeps a leading U+FEFF; strings with surrogates never reach it (a lone one would become U+FFFD). */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Same result as `lower.replace(/[^\x00-\x7f]/g, foldChar)`, without a callback per accented letter. */
function foldUnits(lower: string): string {
  const n = lower.length;
  let i = 0;
  while (i < n && lower.charCodeAt(i) < 128) i++;
  if (i === n) return lower;
  if (unitBuf.length < n) unitBuf = new Uint16Array(n * 2);
  const buf = unitBuf;
  for (let j = 0; j < i; j++) buf[j] = lower.charCodeAt(j);
  for (; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (c < 128) {
      buf[i] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) return lower.replace(/[^\x00-\x7f]/g, foldChar);
    let f = UNIT_FOLD[c];
    if (f === 0) f = UNIT_FOLD[c] = foldChar(String.fromCharCode(c)).charCodeAt(0);
    if (f >= 0xd800 && f <= 0xdfff) return lower.replace(/[^\x00-\x7f]/g, foldChar);
    buf[i] = f;
  }
  return UTF16.decode(buf.subarray(0, n));
}

/**
 * Lower case + fold per UTF-16 unit (0 = not computed yet, 0xffff = unit needs the whole-string path).
 * Per-unit lower-casing equals String#toLowerCase except for length-changing letters (U+0130),
 * the context-dependent final sigma (U+03A3) and surrogate pairs: those take the old path.
 */
const CASED_FOLD = new Uint16Array(0x10000);

/* Scratch copy of a string's code units, filled natively (typed-array reads beat charCodeAt on sliced or cons strings). */
let unitBytes = Buffer.alloc(1 << 13);
let unitView = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);

/** foldUnits(s.toLowerCase()) when s has no unit that lower-cases differently alone; else null. */
function foldCased(s: string): string | null {
  const n = s.length;
  if (unitView.length < n) {
    unitBytes = Buffer.alloc(n * 4);
    unitView = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);
  }
  unitBytes.write(s, 0, 'utf16le');
  const buf = unitView;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        buf[i] = c + 32;
        changed = true;
      }
      continue;
    }
    let f = CASED_FOLD[c];
    if (f === 0) {
      const l = String.fromCharCode(c).toLowerCase();
      if (c === 0x130 || c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff) || l.length !== 1) f = 0xffff;
      else {
        const lc = l.charCodeAt(0);
        f = lc < 128 ? lc : foldChar(l).charCodeAt(0);
        // A fold to half a pair (NFD of U+FA6C…) would not survive the UTF-16 decoder.
        if (f >= 0xd800 && f <= 0xdfff) f = 0xffff;
      }
      CASED_FOLD[c] = f;
    }
    if (f === 0xffff) return null;
    buf[i] = f;
    changed = true;
  }
  // Buffer decoding keeps every unit as is (no surrogate reaches here) and is cheaper than TextDecoder.
  return changed ? unitBytes.toString('utf16le', 0, n * 2) : s;
}

const foldMemo = new Map<string, string>();
const FOLD_MEMO_MAX = 4096;

/**
 * Lower case, accents stripped, typographic apostrophes → "'", one char in → one char out
 * (so offsets found in folded text are valid in the original). Memoised per string: several
 * rules fold the same sentences.
 */
export function foldKeep(s: string): string {
  let out = foldMemo.get(s);
  if (out !== undefined) return out;
  const fast = foldCased(s);
  const lower = fast === null ? s.toLowerCase() : '';
  if (fast !== null) out = fast;
  else if (lower.length === s.length) out = foldUnits(lower);
  else {
    out = '';
    for (let i = 0; i < s.length; i++) out += s[i].toLowerCase().length === 1 ? foldChar(s[i].toLowerCase()) : s[i];
  }
  if (foldMemo.size >= FOLD_MEMO_MAX) foldMemo.clear();
  foldMemo.set(s, out);
  return out;
}

/** Folding used for gazetteer keys (see compile.ts): length not kept, hyphens → spaces. */
export function foldKey(s: string): string {
  return foldKeep(s).replace(/[-\s]+/g, ' ').trim();
}

/** French number words used in durations ("deux ans", "dix-huit mois"). */
export const NUMBER_WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19, vingt: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, cent: 100, mille: 1000,
};

export const NUMBER_SRC =
  "(?:\\d+(?:[.,]\\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix-sept|dix-huit|dix-neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|quelques|plusieurs)";

export function parseNumberWord(s: string): number | null {
  const w = s.toLowerCase();
  if (/^\d/.test(w)) return parseFloat(w.replace(',', '.'));
  return NUMBER_WORDS[w] ?? null;
}

/** Word characters for boundaries: ASCII, Latin-1 and Latin Extended letters (French text). */
const W = '[A-Za-z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F]';
const START = `(?<!${W})`;
const END = `(?!${W})`;

/**
 * Builds a Unicode-aware regex: JavaScript's `\b` only knows ASCII letters, so "annoncé\b" or
 * "\bété" never match. Each `\b` in `re` is rewritten as a one-sided letter boundary: a
 * start-of-word check where a word follows, an end-of-word check otherwise (cheaper than a two-sided boundary, and all our `\b` sit next to letters).
 */
export function ure(re: RegExp, extraFlags = ''): RegExp {
  const flags = new Set((re.flags + 'u' + extraFlags).split(''));
  const src = re.source.replace(/\\b/g, (_m, i: number, all: string) => {
    const next = all.slice(i + 2, i + 5);
    // Before a letter, a digit, a class or a group: start of a word. Before ")", "|", a
    // lookaround, whitespace or the end: end of a word.
    const opens = /^(?:[\p{L}\d'\[]|\\[pd]|\((?!\?[!=<]))/u.test(next);
    return opens ? START : END;
  });
  return new RegExp(src, [...flags].join(''));
}

/**
 * `re` (built by ure) without its word-boundary lookarounds: matches whenever `re` does, and scans
 * about 3× faster (a lookbehind tried at every position dominates a plain alternation). Used as a
 * cheap first test; only texts it matches need `re` itself.
 */
export function looseOf(re: RegExp): RegExp {
  return new RegExp(re.source.split(START).join('').split(END).join(''), re.flags.replace(/[gy]/g, ''));
}
