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
const ODD_BREAK = /[\r\u0085\u2028\u2029\u000b\u000c]/;
const PARAGRAPH_SEPARATOR = /\u2029/g;
// Zero-width characters, soft hyphen, BOM; C0 controls except \t and \n (\r, \v, \f were turned
// into \n above), DEL, C1 controls.
const REMOVABLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const DOUBLED_SINGLE_QUOTES = /[\u2018\u2019\u201b]{2}/g;
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032\u201b\uff07]/g;
// Acute accent or backtick used as an apostrophe between two letters ("l´Ukraine").
const PSEUDO_APOSTROPHE = /(?<=\p{L})[\u00b4`](?=\p{L})/gu;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\uff02]/g;
const H_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const GUILLEMET_OPEN = /([«‹]) */g;
const GUILLEMET_CLOSE = / *([»›])/g;
const SPACE_RUNS = / {2,}/g;
const SPACES_AROUND_NEWLINE = / ?\n ?/g;
const BLANK_RUNS = /\n{3,}/g;

/** Normalises decoded article text (see the module comment for the exact rules). */
export function normalizeText(text: string): string {
  // Each pass is guarded by a cheap presence test: most articles need only a few of them.
  let s = text.normalize('NFC');
  if (ODD_BREAK.test(s)) s = s.replace(LINE_BREAKS, '\n').replace(PARAGRAPH_SEPARATOR, '\n\n');
  s = s.replace(REMOVABLE, '');
  if (s.includes('\u2019\u2019') || s.includes('\u2018\u2018') || s.includes('\u201b')) s = s.replace(DOUBLED_SINGLE_QUOTES, '"');
  s = s.replace(APOSTROPHES, "'");
  if (s.includes('\u00b4') || s.includes('`')) s = s.replace(PSEUDO_APOSTROPHE, "'");
  s = s.replace(DOUBLE_QUOTES, '"').replace(H_SPACES, ' ');
  if (s.includes('«') || s.includes('‹')) s = s.replace(GUILLEMET_OPEN, '$1 ');
  if (s.includes('»') || s.includes('›')) s = s.replace(GUILLEMET_CLOSE, ' $1');
  if (s.includes('  ')) s = s.replace(SPACE_RUNS, ' ');
  s = s.replace(SPACES_AROUND_NEWLINE, '\n');
  if (s.includes('\n\n\n')) s = s.replace(BLANK_RUNS, '\n\n');
  // Only ' ' and '\n' are left as whitespace here, so trim() removes exactly the outer blank lines.
  return s.trim();
}

/**
 * Folds a string for matching: lower case, diacritics stripped (NFD minus combining marks),
 * œ→oe, æ→ae, typographic apostrophes → "'", hyphens and runs of whitespace → one space, trimmed.
 * Delegates to the gazetteer's fold() so text keys and gazetteer keys can never disagree.
 */
export function foldForMatch(s: string): string {
  return fold(s);
}
