/**
 * French quantities in agency copy: digits ("40", "1 500", "1.500", "2,5 milliards"), number words
 * ("six", "vingt-cinq", "douze", "deux cents"), approximate amounts ("une douzaine" ≈ 12) and vague
 * amounts kept as text only ("des dizaines", "des centaines", "des milliers", "plusieurs").
 * "un"/"une" count as 1 only when a weapon noun follows ("une batterie Patriot").
 */
import { wordTokens as tokenize, type WordToken as Tok } from './text/words.ts';

export interface Quantity {
  /** Number of units, or null for vague amounts. */
  value: number | null;
  /** Surface text of the quantity as written (without a trailing "de"/"d'"). */
  text: string;
  start: number;
  end: number;
}

const UNITS: Record<string, number> = {
  zero: 0,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
};
const TENS: Record<string, number> = {
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
};
const SCALES: Record<string, number> = {
  cent: 100,
  cents: 100,
  mille: 1000,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
};
/** Approximate counts with a number: "une douzaine" ≈ 12, "une vingtaine" ≈ 20. */
const APPROX: Record<string, number> = {
  douzaine: 12,
  douzaines: 12,
  dizaine: 10,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
};
/** Vague plural amounts: value null. */
const VAGUE_PLURAL = new Set(['dizaines', 'douzaines', 'vingtaines', 'centaines', 'milliers', 'millions', 'milliards']);

/** Nouns that announce military hardware; used for "un/une" and for delivery phrase detection. */
// prettier-ignore
export const WEAPON_NOUNS = new Set([
  'missile', 'missiles', 'obusier', 'obusiers', 'canon', 'canons', 'systeme', 'systemes', 'batterie', 'batteries',
  'char', 'chars', 'drone', 'drones', 'lanceur', 'lanceurs', 'lance', 'roquette', 'roquettes', 'bombe', 'bombes',
  'vehicule', 'vehicules', 'blinde', 'blindes', 'avion', 'avions', 'chasseur', 'chasseurs', 'helicoptere',
  'helicopteres', 'radar', 'radars', 'munition', 'munitions', 'obus', 'mortier', 'mortiers', 'fusil', 'fusils',
  'navire', 'navires', 'fregate', 'fregates', 'vedette', 'vedettes', 'plateforme', 'plate', 'unite', 'unites',
  'exemplaire', 'exemplaires', 'pieces', 'piece', 'engin', 'engins', 'intercepteur', 'intercepteurs', 'tube', 'tubes',
  'transport', 'transports', 'camion', 'camions', 'appareil', 'appareils', 'lance-roquettes', 'chasseurs-bombardiers',
]);
const ONE_QUALIFIERS = new Set([
  'nouveau',
  'nouvel',
  'nouvelle',
  'seul',
  'seule',
  'autre',
  'premier',
  'premiere',
  'deuxieme',
  'second',
  'seconde',
  'dernier',
  'derniere',
]);

/** text.slice(start, end) is a non-empty run of ASCII digits (what /^\d+$/ accepts). */
function isDigits(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Word tokens as parallel arrays, read in a range [lo, hi): the quantity readers work on the entity
 * stage's tokens of the whole body without building an object per token.
 */
interface TokView {
  key: readonly string[];
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

function viewOf(toks: Tok[]): TokView {
  return { key: toks.map((t) => t.w), start: toks.map((t) => t.start), end: toks.map((t) => t.end) };
}

/** Text between tokens a and b. */
function gap(text: string, t: TokView, a: number, b: number): string {
  return text.slice(t.end[a], t.start[b]);
}

/** Parses a run of French number words starting at token i (tokens before hi); returns value and tokens consumed. */
function parseWords(t: TokView, i: number, hi: number, text: string): { value: number; n: number } | null {
  let total = 0;
  let current = 0;
  let n = 0;
  let any = false;
  for (let j = i; j < hi; j++) {
    if (j > i) {
      const g = gap(text, t, j - 1, j);
      if (g !== ' ' && g !== '-') break;
    }
    const w = t.key[j];
    if (w === 'et' && any && j + 1 < hi && (t.key[j + 1] === 'un' || t.key[j + 1] === 'onze')) {
      current += t.key[j + 1] === 'un' ? 1 : 11;
      j++;
      n = j - i + 1;
      continue;
    }
    if (w in UNITS) {
      // "quatre-vingt(s)" is 80.
      if (w === 'quatre' && j + 1 < hi && (t.key[j + 1] === 'vingt' || t.key[j + 1] === 'vingts') && gap(text, t, j, j + 1) === '-') {
        current += 80;
        j++;
      } else if (w === 'dix' && current % 10 === 0 && current >= 20 && current % 20 === 0 && current !== 0) {
        current += 10; // soixante-dix, quatre-vingt-dix
      } else {
        current += UNITS[w];
      }
    } else if (w in TENS) {
      current += TENS[w];
    } else if (w === 'cent' || w === 'cents') {
      current = (current || 1) * 100;
    } else if (w === 'mille') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (w === 'million' || w === 'millions' || w === 'milliard' || w === 'milliards') {
      if (!any) break;
      total += (current || 1) * SCALES[w];
      current = 0;
    } else if (w === 'un' || w === 'une') {
      if (any) break;
      return null; // handled by the caller (needs weapon context)
    } else {
      break;
    }
    any = true;
    n = j - i + 1;
  }
  if (!any) return null;
  return { value: total + current, n };
}

/** Parses a digit group starting at token i: "40", "1 500", "1.500", "2,5 milliards". */
function parseDigits(t: TokView, i: number, hi: number, text: string): { value: number; n: number } | null {
  const s0 = t.start[i];
  const e0 = t.end[i];
  const c0 = text.charCodeAt(s0);
  if (c0 < 48 || c0 > 57) return null; // cheap reject
  if (!isDigits(text, s0, e0)) return null;
  let digits = text.slice(s0, e0);
  let n = 1;
  let decimal = '';
  // Thousands groups: "1 500", "1.500", "100 000" (first group 1–3 digits, then exactly 3 digits).
  if (digits.length <= 3) {
    let j = i + 1;
    while (j < hi && t.end[j] - t.start[j] === 3 && isDigits(text, t.start[j], t.end[j]) && /^[ .\u00a0\u202f]$/.test(gap(text, t, j - 1, j))) {
      // A 4-digit year right after is not a thousands group; exactly three digits only.
      digits += text.slice(t.start[j], t.end[j]);
      j++;
      n++;
    }
  }
  // Decimal comma: "2,5 milliards".
  if (n === 1 && i + 1 < hi && isDigits(text, t.start[i + 1], t.end[i + 1]) && gap(text, t, i, i + 1) === ',') {
    if (i + 2 < hi && t.key[i + 2] in SCALES && gap(text, t, i + 1, i + 2) === ' ') {
      decimal = text.slice(t.start[i + 1], t.end[i + 1]);
      n++;
    }
  }
  let value = Number(decimal ? `${digits}.${decimal}` : digits);
  const nx = i + n;
  if (nx < hi && gap(text, t, nx - 1, nx) === ' ') {
    const w = t.key[nx];
    if (w === 'million' || w === 'millions' || w === 'milliard' || w === 'milliards' || w === 'mille') {
      value *= SCALES[w];
      n++;
    }
  }
  return { value: Math.round(value * 1000) / 1000, n };
}

function followedByWeaponNoun(t: TokView, j: number, hi: number): boolean {
  let k = j;
  if (k < hi && ONE_QUALIFIERS.has(t.key[k])) k++;
  return k < hi && WEAPON_NOUNS.has(t.key[k]);
}

/**
 * Every non-digit word that can start a quantity (the cases of quantityAt and parseWords below);
 * `in` also sees Object.prototype names, so those are included to keep the lookups equivalent.
 */
// prettier-ignore
const QUANTITY_START = new Set([
  'plusieurs', 'quelques', 'nombreux', 'nombreuses', 'des', 'de', 'un', 'une', 'dizaines', 'centaines', 'milliers',
  'cent', 'cents', 'mille', ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Reads the quantity that starts at token i (tokens before hi), or null. */
function quantityAt(t: TokView, i: number, hi: number, text: string): { value: number | null; n: number } | null {
  const w = t.key[i];
  const c0 = text.charCodeAt(t.start[i]);
  if ((c0 < 48 || c0 > 57) && !QUANTITY_START.has(w)) return null; // cannot start a quantity
  const d = parseDigits(t, i, hi, text);
  if (d) return d;
  if (w === 'plusieurs' || w === 'quelques' || w === 'nombreux' || w === 'nombreuses') return { value: null, n: 1 };
  if (w === 'des' || w === 'de') {
    if (i + 1 >= hi) return null;
    const next = t.key[i + 1];
    if (gap(text, t, i, i + 1) === ' ' && VAGUE_PLURAL.has(next)) return { value: null, n: 2 };
    // "de grandes quantités", "des quantités importantes" stay vague.
    if (next === 'grandes' || next === 'quantites') {
      let n = 2;
      if (next === 'grandes' && i + 2 < hi && t.key[i + 2] === 'quantites') n = 3;
      else if (next === 'grandes') return null;
      return { value: null, n };
    }
    return null;
  }
  if (w === 'un' || w === 'une') {
    if (i + 1 < hi && gap(text, t, i, i + 1) === ' ' && t.key[i + 1] in APPROX) return { value: APPROX[t.key[i + 1]], n: 2 };
    if (followedByWeaponNoun(t, i + 1, hi)) return { value: 1, n: 1 };
    return null;
  }
  if (w in APPROX && w.endsWith('aine')) return null; // bare "douzaine" without article
  if (VAGUE_PLURAL.has(w) && (w === 'dizaines' || w === 'centaines' || w === 'milliers')) return { value: null, n: 1 };
  return parseWords(t, i, hi, text);
}

/** All quantity expressions in `text` (non-overlapping, left to right). */
export function findQuantities(text: string): Quantity[] {
  const toks = tokenize(text);
  const t = viewOf(toks);
  const out: Quantity[] = [];
  for (let i = 0; i < toks.length; i++) {
    const q = quantityAt(t, i, toks.length, text);
    if (!q) continue;
    const start = toks[i].start;
    const end = toks[i + q.n - 1].end;
    out.push({ value: q.value, text: text.slice(start, end), start, end });
    i += q.n - 1;
  }
  return out;
}

/** Parses a whole string as one quantity ("1 500", "une douzaine", "des centaines"); null if it is not one. */
export function parseQuantity(s: string): { value: number | null; text: string } | null {
  const toks = tokenize(s);
  if (toks.length === 0) return null;
  const q = quantityAt(viewOf(toks), 0, toks.length, s);
  if (!q) return null;
  // "un"/"une" alone: accept as 1 when the whole string is the article (caller decided context).
  return { value: q.value, text: s.slice(toks[0].start, toks[q.n - 1].end) };
}

/** Words allowed between a quantity and the weapon name it governs ("missiles de croisière « Scalp »"). */
// prettier-ignore
const PHRASE_BLOCK = new Set([
  'a', 'au', 'aux', 'pour', 'par', 'avec', 'sur', 'dans', 'en', 'vers', 'chez', 'et', 'ou', 'mais', 'que', 'qui',
  'dont', 'ont', 'est', 'sont', 'sera', 'seront', 'ete', 'va', 'vont', 'le', 'la', 'les', 'l', 'un', 'une', 'ce',
  'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'afin', 'ainsi', 'apres', 'avant', 'depuis', 'contre',
  'mois', 'jours', 'annees', 'ans', 'an', 'semaines', 'fois', 'heures', 'pays', 'personnes', 'morts', 'soldats',
  'euros', 'dollars', 'pourcent', 'km', 'kilometres', 'tonnes',
]);

/**
 * The quantity directly governing a weapon name that starts at `weaponStart`: a number, then at
 * most `maxWords` noun/adjective words (no verbs, prepositions other than de/d', punctuation other
 * than « » and quotes), then the weapon. Searches back to `limit` (the sentence start).
 */
export function quantityBefore(text: string, weaponStart: number, limit = 0, maxWords = 6): Quantity | null {
  const from = Math.max(limit, weaponStart - WINDOW);
  // Most walks stop within a few tokens: try a short window first. Its answer is final when the walk
  // stopped at a token with at least QUANTITY_REACH tokens before it in the window (the same tokens
  // as in the full window); otherwise redo the walk on the full window.
  const near = Math.max(from, weaponStart - 48);
  if (near > from) {
    const toks = windowTokens(text, near, weaponStart, limit);
    const q = walkBack(text, viewOf(toks), 0, toks.length, weaponStart, maxWords, true);
    if (q !== undefined) return q;
  }
  const toks = windowTokens(text, from, weaponStart, limit);
  return walkBack(text, viewOf(toks), 0, toks.length, weaponStart, maxWords, false) ?? null;
}

/** How far back (in characters) a quantity is searched. */
const WINDOW = 160;

/** Tokens starting in [from, to); a first token cut by `from` is dropped when from > limit. */
function windowTokens(text: string, from: number, to: number, limit: number): Tok[] {
  const toks = tokenize(text, from, to);
  if (toks.length && toks[0].start === from && from > limit && /[\p{L}\p{N}]/u.test(text[from - 1] ?? '')) toks.shift();
  return toks;
}

/** Tokens a quantity can span back from its last token (see the scan below). */
const QUANTITY_REACH = 4;

/**
 * Walks back from the last token before the weapon over tokens [lo, hi) (the window). `partial`:
 * the tokens are only the end of the window; returns undefined when the answer could depend on
 * tokens before them.
 */
function walkBack(text: string, t: TokView, lo: number, hi: number, weaponStart: number, maxWords: number, partial: boolean): Quantity | null | undefined {
  let words = 0;
  let prevStart = weaponStart;
  // quantityAt depends only on its start token: each start is read once per walk, not up to five times.
  const memo: ({ value: number | null; n: number } | null | undefined)[] = new Array(hi - lo);
  for (let i = hi - 1; i >= lo; i--) {
    if (partial && i - lo < QUANTITY_REACH) return undefined;
    const end = t.end[i];
    if (prevStart - end > 4) return null;
    if (!isPhraseGap(text, end, prevStart)) return null;
    // Try a quantity ending here: scan its possible starts (up to 4 tokens back).
    for (let s = Math.max(lo, i - 4); s <= i; s++) {
      let q = memo[s - lo];
      if (q === undefined) q = memo[s - lo] = quantityAt(t, s, hi, text);
      if (q && s + q.n - 1 === i) {
        const qs = t.start[s];
        return { value: q.value, text: text.slice(qs, end), start: qs, end };
      }
      // Vague quantity followed by "de"/"d'": "des centaines de bombes", "une douzaine de".
      if (q && s + q.n === i && (t.key[i] === 'de' || t.key[i] === 'd')) {
        const qs = t.start[s];
        const qe = t.end[s + q.n - 1];
        return { value: q.value, text: text.slice(qs, qe), start: qs, end: qe };
      }
    }
    const w = t.key[i];
    if (PHRASE_BLOCK.has(w)) return null;
    if (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) return null;
    const first = text[t.start[i]];
    if (first !== first.toLowerCase() && w !== 'd') return null; // a capitalised word breaks the phrase
    if (w !== 'de' && w !== 'd') words++;
    if (words > maxWords) return null;
    prevStart = t.start[i];
  }
  return partial ? undefined : null;
}

/** text.slice(from, to) matches /^[ \-'«»"\u00a0]*$/ (spaces, hyphens, quotes between phrase words). */
function isPhraseGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x2d && c !== 0x27 && c !== 0xab && c !== 0xbb && c !== 0x22 && c !== 0xa0) return false;
  }
  return true;
}
