/**
 * Key folding shared by every gazetteer lookup: lower case, diacritics stripped (NFD minus
 * combining marks), œ→oe, æ→ae, typographic apostrophes → ', runs of hyphens/whitespace → one space.
 * Same semantics as foldForMatch in extract/normalize.ts.
 */
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
 */
export function foldKeepLength(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    if (ch === '\u2019' || ch === '\u2018') {
      out += "'";
      continue;
    }
    const lower = ch.toLowerCase();
    const base = lower.normalize('NFD').replace(COMBINING, '');
    out += base.length === 1 ? base : lower.length === 1 ? lower : ch;
  }
  return out;
}
