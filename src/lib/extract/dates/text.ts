/**
 * Small text helpers shared by the date rules: number words, Unicode-aware word boundaries. Folds
 * live in ../text/fold.ts (`foldKeep` keeps string length, so offsets found in folded text are
 * valid in the original; gazetteer keys are looked up with `fold`).
 */
/** The length-keeping fold (text/fold.ts), for the date rules' imports. */
export { foldKeep } from '../text/fold.ts';
import { parseQuantity } from '../numbers.ts';

/**
 * The number words the date rules read in distances ("près de deux ans", "il y a trois mois"). Their
 * values come from numbers.ts, the one reader of French numbers; "un"/"une" are 1 here, while a
 * quantity reads them as numbers only before a weapon noun.
 */
const DISTANCE_NUMBER_WORDS = [
  'un',
  'une',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'vingt',
  'trente',
  'quarante',
  'cinquante',
  'soixante',
  'cent',
  'mille',
];

export const NUMBER_SRC = `(?:\\d+(?:[.,]\\d+)?|${DISTANCE_NUMBER_WORDS.join('|')}|quelques|plusieurs)`;

export function parseNumberWord(s: string): number | null {
  const w = s.toLowerCase();
  if (/^\d/.test(w)) return parseFloat(w.replace(',', '.'));
  if (!DISTANCE_NUMBER_WORDS.includes(w)) return null;
  return w === 'un' || w === 'une' ? 1 : (parseQuantity(w)?.value ?? null);
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
    const opens = /^(?:[\p{L}\d'[]|\\[pd]|\((?!\?[!=<]))/u.test(next);
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
