/**
 * Rule 3 — anchor events with a stated distance: "près de deux ans après le début de
 * l'invasion", "un an après l'annexion de la Crimée", "trois semaines avant le sommet de
 * Vilnius", "au 100e jour de la guerre", "le deuxième anniversaire de l'invasion".
 * Also "terms" whose existence proves a lower bound ("coalition des volontaires").
 * Data: src/data/events.json (injectable for tests).
 */
import type { Sentence } from '../types.ts';
import eventsData from '../../../data/events.json' with { type: 'json' };
import { STRENGTH, normalize, type Constraint } from './constraint.ts';
import { addMonths, parseIso } from './calendar.ts';
import { NUMBER_SRC, foldKeep, parseNumberWord, ure } from './text.ts';
import { VERB_PAST_RE } from './tense.ts';
import { G_RELATIVE, G_TERM } from './gate.ts';

export interface AnchorEvent {
  id: string;
  date: string;
  /** Other dates the same phrases may denote. */
  alternatives?: string[];
  /** Folded phrases naming the event. */
  phrases: string[];
}
export interface ExistenceTerm {
  id: string;
  notBefore: string;
  patterns: string[];
}
export interface EventData {
  events: AnchorEvent[];
  terms: ExistenceTerm[];
}

export const DEFAULT_EVENTS: EventData = eventsData as unknown as EventData;

/** Quick test: can the sentence hold a relative expression or an anniversary? */
export const HAS_RELATIVE_RE = /apres|avant|depuis|il y a|anniversaire| jour /;

const QUAL_SRC =
  "(?:(pres de|pres d'|presque|bientot|environ|quelque|un peu plus de|un peu plus d'|plus de|plus d'|au moins|pas moins de|un peu moins de|un peu moins d'|moins de|moins d')\\s*)?";
const UNIT_SRC = '(jours?|semaines?|mois|ans|annees?|an|heures?)';
const REL_RE = ure(new RegExp(`\\b${QUAL_SRC}(${NUMBER_SRC})\\s+${UNIT_SRC}(\\s+et\\s+demie?)?\\s+(apres|avant|depuis)\\s+`, 'g'));
const REL_QUICK_RE = /(?:jours?|semaines?|mois|ans|annees?|an|heures?|demie?)\s+(?:apres|avant|depuis)\s/;
const AGO_RE = ure(new RegExp(`\\bil y a\\s+${QUAL_SRC}(${NUMBER_SRC})\\s+${UNIT_SRC}(\\s+et\\s+demie?)?`, 'g'));
const NTH_DAY_RE = ure(/\b(\d+)(?:e|eme|ieme)\s+jour\s+(?:de|du|depuis)\s+/g);
const ANNIV_RE = ure(/\b(premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|4e|cinquieme|5e|dixieme|10e)\s+anniversaire\s+(?:de|du|des)\s+/g);
const ORDINALS: Record<string, number> = {
  premier: 1, '1er': 1, deuxieme: 2, '2e': 2, second: 2, troisieme: 3, '3e': 3, quatrieme: 4, '4e': 4, cinquieme: 5, '5e': 5, dixieme: 10, '10e': 10,
};

interface Span {
  /** Lower and upper distance, in days (unit day) or months (unit month). */
  lo: number;
  hi: number;
  unit: 'day' | 'month';
}

/** Distance range for "près de deux ans", "plus de trois mois", "quelques semaines"… */
export function distance(qual: string | undefined, num: string, unitWord: string, half: boolean): Span | null {
  const u = unitWord.replace(/s$/, '');
  const per = u === 'jour' ? 1 : u === 'semaine' ? 7 : u === 'mois' || u === 'moi' ? 1 : u === 'heure' ? 1 / 24 : 12;
  const unit: 'day' | 'month' = u === 'jour' || u === 'semaine' || u === 'heure' ? 'day' : 'month';
  const n = num.toLowerCase();
  let lo: number, hi: number;
  if (n === 'quelques' || n === 'plusieurs') {
    lo = 2 * per;
    hi = (n === 'quelques' ? 9 : 12) * per;
    return { lo, hi: Math.ceil(hi), unit };
  }
  const v = parseNumberWord(n);
  if (v === null) return null;
  const q = (v + (half ? 0.5 : 0)) * per;
  const slack = unit === 'month' ? 1 : Math.max(1, Math.ceil(q * 0.05));
  const tol = Math.max(unit === 'month' ? 1 : 1, Math.ceil(q * 0.15));
  const k = (qual ?? '').replace(/d'$/, 'de');
  if (k === 'pres de' || k === 'presque' || k === 'bientot') [lo, hi] = [Math.floor(q * 0.75), Math.ceil(q) + slack];
  else if (k === 'un peu plus de') [lo, hi] = [Math.floor(q), Math.ceil(q * 1.25) + slack];
  else if (k === 'plus de') [lo, hi] = [Math.floor(q), Math.ceil(q * 1.5) + slack];
  else if (k === 'au moins' || k === 'pas moins de') [lo, hi] = [Math.floor(q), Math.ceil(q * 2) + slack];
  else if (k === 'un peu moins de') [lo, hi] = [Math.floor(q * 0.75), Math.ceil(q)];
  else if (k === 'moins de') [lo, hi] = [0, Math.ceil(q)];
  else [lo, hi] = [Math.max(0, Math.floor(q - tol)), Math.ceil(q + tol)];
  return { lo, hi, unit };
}

function shift(day: number, amount: number, unit: 'day' | 'month'): number {
  return unit === 'day' ? day + amount : addMonths(day, amount);
}

const ARTICLE_RE = /^(?:le |la |les |l'|du |de la |de l'|des |d')/;

/** The event named at the start of `rest` (folded), if any. */
export function eventAt(rest: string, data: EventData): AnchorEvent | null {
  const stripped = rest.replace(ARTICLE_RE, '');
  let best: AnchorEvent | null = null;
  let bestLen = 0;
  for (const e of data.events) {
    for (const p of e.phrases) {
      if (p.length > bestLen && (rest.startsWith(p) || stripped.startsWith(p)) && !/[a-z]/.test(rest.charAt(rest.startsWith(p) ? p.length : rest.length - stripped.length + p.length) || ' ')) {
        best = e;
        bestLen = p.length;
      }
    }
  }
  return best;
}

/** Anchor day numbers of an event (main date and alternatives). */
function anchorsOf(e: AnchorEvent): number[] {
  return [e.date, ...(e.alternatives ?? [])].map(parseIso).filter((x): x is number => x !== null);
}

/**
 * A sentence with a past verb ("Un an après l'invasion, les alliés ont accepté…") may narrate an
 * old event from a later article: the distance then dates the event, and only gives a lower bound.
 */
function isNarrative(sentenceLower: string): boolean {
  return VERB_PAST_RE.test(sentenceLower);
}

/** `gates` (gate.ts, one entry per sentence) lets sentences without a relative or term word be skipped unfolded. */
export function eventConstraints(sentences: Sentence[], data: EventData = DEFAULT_EVENTS, gates: Uint8Array | null = null): Constraint[] {
  const out: Constraint[] = [];
  // The term bit is built from the default terms only.
  const termMask = data === DEFAULT_EVENTS ? G_TERM : 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const gate = gates === null || termMask === 0 ? G_RELATIVE | G_TERM : gates[i];
    if ((gate & (G_RELATIVE | G_TERM)) === 0) continue;
    const folded = foldKeep(s.text);
    if (data.terms.length && gate & G_TERM) termConstraints(s, folded, data, out);
    if ((gate & G_RELATIVE) === 0 || !HAS_RELATIVE_RE.test(folded)) continue;
    let narrativeMemo: boolean | null = null;
    const narrativeOf = () => (narrativeMemo ??= isNarrative(s.text.toLowerCase()));
    const push = (set: [number, number][], start: number, end: number, e: AnchorEvent, rule: string) => {
      out.push({
        set: normalize(set),
        strength: STRENGTH.anchorRelative,
        evidence: { text: s.text, offset: s.start, rule },
        match: { text: s.text.slice(start, end), offset: s.start + start },
        note: `${e.id}${narrativeOf() ? ' (past narrative: lower bound only)' : ''}`,
      });
    };
    let m: RegExpExecArray | null;
    REL_RE.lastIndex = 0;
    while (REL_QUICK_RE.test(folded) && (m = REL_RE.exec(folded))) {
      const [, qual, num, unitWord, half, dir] = m;
      const after = m.index + m[0].length;
      const e = eventAt(folded.slice(after, after + 120), data);
      if (!e) continue;
      const d = distance(qual, num, unitWord, !!half);
      if (!d) continue;
      const set: [number, number][] = [];
      for (const a of anchorsOf(e)) {
        if (dir === 'avant') set.push(narrativeOf() ? [shift(a, -d.hi, d.unit), Infinity] : [shift(a, -d.hi, d.unit), shift(a, -d.lo, d.unit)]);
        else set.push(narrativeOf() ? [shift(a, d.lo, d.unit), Infinity] : [shift(a, d.lo, d.unit), shift(a, d.hi, d.unit)]);
      }
      const phraseEnd = Math.min(folded.length, after + 60);
      push(set, m.index, endOfPhrase(folded, after, phraseEnd), e, 'anchor-relative');
    }
    // "le début de l'invasion il y a deux ans" / "il y a deux ans, l'invasion …": anchor + distance.
    AGO_RE.lastIndex = 0;
    while (folded.includes('il y a') && (m = AGO_RE.exec(folded))) {
      const [, qual, num, unitWord, half] = m;
      const windowText = folded.slice(Math.max(0, m.index - 90), m.index) + ' ' + folded.slice(m.index + m[0].length, m.index + m[0].length + 90);
      const e = data.events.find((ev) => ev.phrases.some((p) => p.length > 12 && windowText.includes(p)));
      if (!e) continue;
      const d = distance(qual, num, unitWord, !!half);
      if (!d) continue;
      const set = anchorsOf(e).map((a): [number, number] => [shift(a, d.lo, d.unit), shift(a, d.hi, d.unit)]);
      push(set, m.index, m.index + m[0].length, e, 'anchor-ago');
    }
    NTH_DAY_RE.lastIndex = 0;
    while (folded.includes(' jour ') && (m = NTH_DAY_RE.exec(folded))) {
      const after = m.index + m[0].length;
      const e = eventAt(folded.slice(after, after + 120), data);
      if (!e) continue;
      const n = +m[1];
      const set = anchorsOf(e).map((a): [number, number] => (narrativeOf() ? [a + n - 2, Infinity] : [a + n - 2, a + n + 1]));
      push(set, m.index, endOfPhrase(folded, after, after + 60), e, 'anchor-nth-day');
    }
    ANNIV_RE.lastIndex = 0;
    while (folded.includes('anniversaire') && (m = ANNIV_RE.exec(folded))) {
      const after = m.index + m[0].length;
      const e = eventAt(folded.slice(after, after + 120), data);
      if (!e) continue;
      const years = ORDINALS[m[1]];
      // Articles appear in the run-up to an anniversary and just after it.
      const set = anchorsOf(e).map((a): [number, number] => {
        const day = addMonths(a, 12 * years);
        return narrativeOf() ? [day - 45, Infinity] : [day - 45, day + 15];
      });
      push(set, m.index, endOfPhrase(folded, after, after + 60), e, 'anchor-anniversary');
    }
  }
  return out;
}

function endOfPhrase(folded: string, from: number, max: number): number {
  const stop = folded.slice(from, max).search(/[,;.:]/);
  return stop < 0 ? max : from + stop;
}

const termPrefilterCache = new WeakMap<EventData, RegExp>();

/** One regex over every term pattern: most sentences name no term and are skipped in one call. */
function termPrefilter(data: EventData): RegExp {
  let re = termPrefilterCache.get(data);
  if (!re) {
    const alts = data.terms.flatMap((t) => t.patterns).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(alts.length ? alts.join('|') : '(?!)');
    termPrefilterCache.set(data, re);
  }
  return re;
}

function termConstraints(s: Sentence, folded: string, data: EventData, out: Constraint[]): void {
  if (!termPrefilter(data).test(folded)) return;
  for (const t of data.terms) {
    for (const p of t.patterns) {
      const i = folded.indexOf(p);
      if (i < 0) continue;
      const nb = parseIso(t.notBefore);
      if (nb === null) continue;
      out.push({
        set: [[nb, Infinity]],
        strength: STRENGTH.termExistence,
        evidence: { text: s.text, offset: s.start, rule: 'term-existence' },
        match: { text: s.text.slice(i, i + p.length), offset: s.start + i },
        note: t.id,
      });
      break;
    }
  }
}
