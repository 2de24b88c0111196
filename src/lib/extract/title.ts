/**
 * Title stage: find the headline line of a cleaned article, or build one from the lead sentence.
 */
import { BOILERPLATE_RULES, type RuleContext } from './clean.ts';
import { segmentText } from './segment.ts';

const HEADLINE_MAX = 160;
const HEADLINE_MIN_WORDS = 3;
const FIRST_PARAGRAPH = /\n[^\S\n]*\n\s*/;
/** Metadata lines that are never a headline (the clean stage keeps them for the date stage). */
const META_LINE = /^(?:publié|publiée|mis à jour|mise à jour|modifié|actualisé|updated|published|posted)(?!\p{L})/iu;
const DATE_ONLY =
  /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d{1,2}(?:er)?[\s./-]+(?:\p{L}+\.?|\d{1,2})[\s./-]+\d{2,4}(?:\s*(?:à|-|,)?\s*\d{1,2}\s*[h:]\s*\d{0,2})?$/iu;

/**
 * Splits off the first paragraph when it is a headline: one line, ≤ 160 characters, at least
 * three words, one sentence at most, not ending with a period (?, !, », " are fine) or with
 * , ; : (a fragment), followed by more text, and not boilerplate or a metadata line.
 */
export function splitHeadline(text: string): { headline: string | null; rest: string } {
  const m = FIRST_PARAGRAPH.exec(text);
  if (!m) return { headline: null, rest: text };
  const first = text.slice(0, m.index).trim();
  const rest = text.slice(m.index + m[0].length);
  if (!isHeadline(first) || rest.trim() === '') return { headline: null, rest: text };
  return { headline: first, rest };
}

function isHeadline(line: string): boolean {
  if (line.length === 0 || line.length > HEADLINE_MAX || line.includes('\n')) return false;
  const last = line[line.length - 1];
  if (last === '.' && !line.endsWith('...')) return false;
  if (last === ',' || last === ';' || last === ':') return false;
  if (line.split(' ').length < HEADLINE_MIN_WORDS) return false;
  if (META_LINE.test(line) || DATE_ONLY.test(line)) return false;
  const ctx: RuleContext = { lines: [line, ''], index: 0, position: 0, tail: false, text: line };
  for (const rule of BOILERPLATE_RULES) {
    if (rule.test(line, ctx) !== 'keep') return false;
  }
  return segmentText(line).sentences.length <= 1;
}

/* ---------- Headline from the lead sentence ---------- */

/**
 * A leading dateline: "PARIS, 18 janvier (AFP) -", "KIEV (Reuters) —", "Kiev, 18 janvier 2024 —".
 * Accepted only with evidence: an all-caps place, a date, or an agency in parentheses.
 */
const DATELINE = /^(\p{Lu}[\p{L}\p{M}'. -]{0,40}?)\s*(,\s*(?:le\s+)?\d{1,2}(?:er)?\s+\p{L}+\.?(?:\s+\d{4})?)?\s*(\([^()\n]{1,40}\))?\s*[-–—]\s+/u;
const HAS_LOWER = /\p{Ll}/u;

/** A live-blog timestamp: "10h30 :", "09:15 -". */
const TIMESTAMP = /^\d{1,2}\s?[h:]\s?\d{2}\s*[:\-–—|]\s+/;
/** "RIA Novosti." or "Ukrinform." right after a dateline dash. */
const AGENCY_AFTER_DASH = /^[\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*){0,2}\.\s+(?=\p{Lu})/u;

/** Removes a leading news-agency dateline or live-blog timestamp ("10h30 :"), if any. */
export function stripDateline(sentence: string): string {
  const stamp = TIMESTAMP.exec(sentence);
  if (stamp && stamp[0].length < sentence.length) return sentence.slice(stamp[0].length);
  const m = DATELINE.exec(sentence);
  if (!m) return sentence;
  const place = m[1].trim();
  const allCapsPlace = place.length >= 2 && !HAS_LOWER.test(place);
  if (!allCapsPlace && !m[2] && !m[3]) return sentence;
  let rest = sentence.slice(m[0].length);
  const agency = AGENCY_AFTER_DASH.exec(rest);
  if (agency) rest = rest.slice(agency[0].length);
  return rest.length > 0 ? rest : sentence;
}

/** Words a headline must not end with (articles, prepositions, conjunctions, determiners, pronouns). */
const DANGLING = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'à',
  'a',
  'au',
  'aux',
  'et',
  'ou',
  'en',
  'pour',
  'par',
  'sur',
  'avec',
  'que',
  'qui',
  'un',
  'une',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'dont',
  'où',
  'ce',
  'cet',
  'cette',
  'ces',
  'mon',
  'ma',
  'mes',
  'notre',
  'nos',
  'votre',
  'vos',
  'dans',
  'chez',
  'vers',
  'entre',
  'contre',
  'sans',
  'sous',
  'depuis',
  'pendant',
  'lors',
  'selon',
  'mais',
  'donc',
  'ni',
  'car',
  'si',
  'ne',
  'se',
  'comme',
  'afin',
  'alors',
  'tandis',
  'ainsi',
  'dès',
  'après',
  'avant',
  'malgré',
  'face',
  'près',
  'plus',
  'moins',
  'très',
  'y',
  'il',
  'elle',
  'ils',
  'elles',
  'on',
  'nous',
  'vous',
  'the',
  'of',
  'and',
  'to',
  'in',
  'for',
  'a-t-il',
  'a-t-elle',
]);

/** ", " followed by a word that opens a subordinate clause or a complement. */
const CLAUSE_COMMA =
  /, (?=(?:qu'|alors qu|tandis qu|afin d|afin qu|ainsi qu|puisqu|bien qu|lors d|avant d|avant qu|pour qu|(?:qui|que|dont|où|dans le cadre|selon|mais|car|même si|après|tout en|notamment|y compris|indiquant|affirmant|soulignant|précisant|estimant|annonçant|déclarant|ajoutant|rapporte|a-t-il|a-t-elle|ont-ils)(?![\p{L}\d])))/giu;
const STRONG_BREAK = / [—–] |;/g;
const PLAIN_BREAK = /, | \(/g;
const TRAILING_PUNCT = /[\s,;:—–-]+$/;

function lastWord(s: string): string {
  const i = s.lastIndexOf(' ');
  return s.slice(i + 1).toLowerCase();
}

function isDangling(s: string): boolean {
  const w = lastWord(s);
  if (w.endsWith("'") || w.endsWith('’')) return true; // l', d', qu', jusqu'
  return DANGLING.has(w);
}

/** Index of the first unmatched opening quote/bracket, or -1 when balanced. */
function unbalancedAt(s: string): number {
  const stack: number[] = [];
  let dquote = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '«' || c === '(' || c === '[') stack.push(i);
    else if (c === '»' || c === ')' || c === ']') {
      if (stack.length === 0) return i; // closer without opener: cut before it too
      stack.pop();
    } else if (c === '"' || c === '“' || c === '”') dquote = dquote < 0 ? i : -1;
  }
  const candidates = [...stack.slice(0, 1), ...(dquote >= 0 ? [dquote] : [])];
  return candidates.length ? Math.min(...candidates) : -1;
}

function isCleanCut(s: string): boolean {
  return s.length > 0 && !isDangling(s) && unbalancedAt(s) < 0;
}

function positions(re: RegExp, s: string, max: number): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m && m.index <= max; m = re.exec(s)) out.push(m.index);
  return out;
}

function bestCut(s: string, cuts: number[], minLength: number): string | null {
  for (let k = cuts.length - 1; k >= 0; k--) {
    const cand = s.slice(0, cuts[k]).replace(TRAILING_PUNCT, '');
    if (cand.length >= minLength && isCleanCut(cand)) return cand;
  }
  return null;
}

/**
 * Builds a headline from the lead sentence: without a leading dateline and its final period; if
 * longer than maxLength, cut at the best clause boundary (", qui", ", alors que", ", selon", " — ",
 * ";" first, then a plain ", " or " (" far enough in), never ending on an article, preposition or
 * conjunction nor with an unbalanced quote or bracket; failing that, cut on a word boundary and
 * append "…".
 */
export function headlineFromLead(sentence: string, maxLength = 110): string {
  let s = stripDateline(sentence.replace(/\s+/g, ' ').trim()).trim();
  if (s.endsWith('.') && !s.endsWith('..')) s = s.slice(0, -1).trimEnd();
  if (s.length <= maxLength) return s;

  const strong = [...positions(CLAUSE_COMMA, s, maxLength), ...positions(STRONG_BREAK, s, maxLength)].sort((a, b) => a - b);
  const cut1 = bestCut(s, strong, Math.min(35, Math.floor(maxLength * 0.35)));
  if (cut1) return cut1;
  const cut2 = bestCut(s, positions(PLAIN_BREAK, s, maxLength), Math.floor(maxLength * 0.6));
  if (cut2) return cut2;

  // Fallback: last word boundary ≤ maxLength - 1, then drop dangling words and open quotes.
  let cut = s.slice(0, maxLength - 1);
  if (s[maxLength - 1] !== ' ') {
    const space = cut.lastIndexOf(' ');
    if (space > 0) cut = cut.slice(0, space);
  }
  cut = cut.replace(TRAILING_PUNCT, '');
  for (let guard = 0; guard < 20; guard++) {
    const open = unbalancedAt(cut);
    if (open > 0) {
      cut = cut.slice(0, open).replace(TRAILING_PUNCT, '');
      continue;
    }
    if (isDangling(cut)) {
      const space = cut.lastIndexOf(' ');
      if (space <= 0) break;
      cut = cut.slice(0, space).replace(TRAILING_PUNCT, '');
      continue;
    }
    break;
  }
  if (cut.length === 0) cut = s.slice(0, maxLength - 1);
  return `${cut}…`;
}
