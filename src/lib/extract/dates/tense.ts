import { ure } from './text.ts';

/**
 * Rough tense of the clause around a date: is the date reported as past, planned, or neutral?
 * Heuristic, deliberately conservative: a date is only trusted as past when the text says so.
 * Works on lower-cased original text (accents kept: "a" ≠ "à").
 */

export type Tense = 'past' | 'future' | 'mixed' | 'neutral';

/** Past verb forms: passé composé / plus-que-parfait ("a annoncé", "avaient convenu"), reflexive
 * and être-verb past ("s'est rendu", "est arrivée"), imparfait of être/avoir, passé simple. */
export const VERB_PAST_RE = ure(
  /\b(?:a|ont|avait|avaient|avons|ai|eut|eurent|aurait|auraient)\s+(?:(?:d[ée]j[àa]|ainsi|également|aussi|notamment|alors|pas|plus|jamais|bien|finalement|enfin|récemment|encore|toujours|en outre)\s+){0,2}(?:\p{L}+(?:é|ée|és|ées|i|is|it|u|us|ue|ert|ort|int|aint|ait)|été|eu|fait|dit|pris|mis)\b|(?:\bs'|\bse\s+)(?:est|sont|était|étaient)\s+(?:\p{L}+\s+)?\p{L}+(?:é|ée|és|ées|u|ue|us|ues|i|ie|is|ies)\b|\b(?:est|sont|était|étaient|fut|furent)\s+(?:arrivé|venu|parti|allé|entré|sorti|mort|né|tombé|devenu|revenu|rentré|intervenu|resté|passé|retourné|décédé)(?:e|s|es)?\b|\b(?:était|étaient|avait|avaient|fut|furent)\b/u,
);

/** Past markers: past verbs, or "depuis", "dernier", "il y a". */
const PAST_RE = ure(new RegExp(VERB_PAST_RE.source + '|\\bdepuis\\b|\\bdernière?\\b|\\bil y a\\b', 'u'));

/** Words that end like a future/conditional verb but are not verbs. */
const NOT_FUTURE = new Set([
  'front',
  'affront',
  'ankara',
  'caméra',
  'camera',
  'cobra',
  'opéra',
  'opera',
  'extra',
  'samara',
  'para',
  'sierra',
  'hydra',
  'contra',
  'vera',
  'escadrons',
  'environs',
  'patrons',
  'marrons',
  'citrons',
  'sara',
  'tiara',
  'angara',
  'chimera',
  'kara',
  'sahara',
  'mitra',
  'terra',
  'ultra',
  'intra',
  'agra',
  'tora',
]);
const FUTURE_WORD_RE = ure(/\b\p{L}{2,}(?:ra|ront|rai|rons|rez|rait|raient)\b/gu);

/** Planning and intention vocabulary: the dates they govern are targets, not past events. */
const PLAN_RE = ure(
  /\b(?:va|vont|allons|allait|allaient)\s+\p{L}+(?:er|ir|re)\b|\b(?:prévoi[ts]|prévoient|prévue?s?|envisage(?:nt)?|compte(?:nt)?|entend(?:ent)?|souhaite(?:nt)?|veu(?:t|lent)|espère(?:nt)?|projette(?:nt)?|objectif|d'ici|prochaine?s?|doi(?:t|vent)|devr(?:ait|aient|a|ont)|pourr(?:ait|aient|a|ont)|à l'horizon|calendrier|programmée?s?|attendue?s?|promis|promet(?:tent)?|s'engage(?:nt)?|engagement)\b/u,
);

/** Infinitives of production/delivery verbs: "produire … en 2024", "livrer d'ici". */
const INFINITIVE_RE = ure(
  /\b(?:produire|livrer|fournir|fabriquer|atteindre|acheter|acquérir|commander|recevoir|financer|déployer|doubler|tripler|augmenter|porter|construire|achever|former|entraîner|envoyer|lancer|mettre|rehausser|accélérer|intensifier)\b/u,
);

/**
 * Intention verbs followed by the infinitive they govern: "vont annoncer", "comptent livrer",
 * "doit se tenir". Unlike PLAN_RE, no bare promise or commitment word ("promettent",
 * "engagement"): those say what is promised, not that a named event lies ahead.
 */
const PLAN_INFINITIVE_RE = ure(
  /\b(?:va|vont|allons|allait|allaient|compte(?:nt)?|entend(?:ent)?|prévoi[ts]|prévoient|souhaite(?:nt)?|espère(?:nt)?|veu(?:t|lent)|projette(?:nt)?|doi(?:t|vent)|envisage(?:nt)?)\s+(?:de\s+|d'|se\s+|s')?\p{L}+(?:er|ir|re)\b/u,
);

/** Is the clause around [start, end) about what lies ahead: a future or conditional verb, or an intention with its infinitive? */
export function clauseAhead(lower: string, start: number, end: number): boolean {
  const clause = clauseAround(lower, start, end);
  return hasFutureVerb(clause) || PLAN_INFINITIVE_RE.test(clause);
}

export function hasFutureVerb(s: string): boolean {
  FUTURE_WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FUTURE_WORD_RE.exec(s))) {
    if (!NOT_FUTURE.has(m[0])) return true;
  }
  return false;
}

export function tenseOf(s: string): Tense {
  const past = PAST_RE.test(s);
  const future = hasFutureVerb(s) || PLAN_RE.test(s);
  if (past && future) return 'mixed';
  if (past) return 'past';
  if (future) return 'future';
  return 'neutral';
}

/** Clause boundaries: punctuation, quotes, and subordinators that open a new clause. */
const BOUNDARY_RE = ure(/[;:«»"“”()]|,\s|\bque\b|\bqu'|\bqui\b|\bmais\b|\bet\s+(?=\p{L}+\s+(?:a|ont|va|vont)\b)/gu);

/** A clause reaches at most this far on each side of the words it is asked about. */
export const CLAUSE_REACH = 240;

/**
 * Per-sentence work shared by every date of the sentence: the clause boundaries (found once, then
 * looked up by binary search) and the tense of the whole sentence. Without it a sentence naming
 * n dates costs n scans of the sentence (quadratic on a long run-on line).
 */
interface SentenceScan {
  lower: string;
  /** Boundary starts and ends, in text order. */
  starts: number[];
  ends: number[];
  tense?: Tense;
}
let lastScan: SentenceScan | null = null;

function scanOf(lower: string): SentenceScan {
  if (lastScan && lastScan.lower === lower) return lastScan;
  const starts: number[] = [],
    ends: number[] = [];
  BOUNDARY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY_RE.exec(lower))) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    if (m[0].length === 0) BOUNDARY_RE.lastIndex++;
  }
  lastScan = { lower, starts, ends };
  return lastScan;
}

/** The first index i with a[i] >= x (a sorted). */
function firstAtLeast(a: number[], x: number): number {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The clause of `lower` around [start, end): from the last boundary before it to the first after it, at most CLAUSE_REACH each side. */
export function clauseAround(lower: string, start: number, end: number): string {
  const { starts, ends } = scanOf(lower);
  // Boundaries are found left to right without overlap, so `ends` is sorted too.
  const before = firstAtLeast(ends, start + 1) - 1; // last boundary ending at or before start
  const after = firstAtLeast(starts, end); // first boundary starting at or after end
  const from = Math.max(before >= 0 ? ends[before] : 0, start - CLAUSE_REACH);
  const to = Math.min(after < starts.length ? starts[after] : lower.length, end + CLAUSE_REACH);
  return lower.slice(from, to);
}

function sentenceTense(lower: string): Tense {
  const scan = scanOf(lower);
  return (scan.tense ??= tenseOf(lower));
}

/** Future/target markers right before a date: "d'ici 2026", "jusqu'en 2025", "pour 2024". */
const FUTURE_LOCAL_RE = ure(
  /(?:d'ici(?:\s+à|\s+la\s+fin\s+de|\s+fin)?|jusqu'(?:en|à|au)|à\s+partir\s+d[eu]|à\s+compter\s+d[eu]|dès|horizon|avant(?:\s+la\s+fin\s+de)?|pour|au\s+plus\s+tard|courant|prévue?s?\s+(?:pour\s+|en\s+)?(?:le|la|les)?|d'ici\s+à)\s+(?:l'|le\s+|la\s+|les\s+|(?:la\s+)?(?:fin|début|mi-?)\s*(?:de\s+|d')?)?$/u,
);

/** Past markers right before a date: "depuis 2014", "depuis le 24 février 2022". */
const PAST_LOCAL_RE = ure(/(?:depuis|dès\s+le\s+début\s+de)\s+(?:le\s+|la\s+|l'|(?:la\s+)?(?:fin|début|mi-?)\s*(?:de\s+|d')?)?$/u);

export type DateContext = 'past' | 'future' | 'neutral' | 'ambiguous';

/**
 * Classifies one date mention inside a sentence (lower-cased original text, date at [start, end)).
 * - 'past': reported as past ("depuis", "dernier", past-tense clause)
 * - 'future': target or plan ("d'ici", "prévu", infinitive of production, future tense)
 * - 'neutral': no verb at all around it (headline-like statement)
 * - 'ambiguous': both past and future markers in its clause
 */
export function dateContext(lower: string, start: number, end: number): DateContext {
  const before = lower.slice(Math.max(0, start - 40), start);
  const after = lower.slice(end, end + 12);
  if (FUTURE_LOCAL_RE.test(before)) return 'future';
  if (PAST_LOCAL_RE.test(before) || /^\s*derni[eè]re?(?![\p{L}])/u.test(after)) return 'past';
  const clause = clauseAround(lower, start, end);
  if (INFINITIVE_RE.test(clause)) return 'future';
  const t = tenseOf(clause);
  if (t === 'past') return 'past';
  if (t === 'future') return 'future';
  if (t === 'mixed') return 'ambiguous';
  // Neutral clause: fall back on the whole sentence.
  const ts = sentenceTense(lower);
  if (ts === 'past') return 'past';
  if (ts === 'future') return 'future';
  if (ts === 'mixed') return 'ambiguous';
  return 'neutral';
}
