/**
 * Rule 3 — anchor events with a stated distance: "près de deux ans après le début de
 * l'invasion", "un an après l'annexion de la Crimée", "trois semaines avant le sommet de
 * Vilnius", "au 100e jour de la guerre", "le deuxième anniversaire de l'invasion".
 * Plus every other mention of an event of the knowledge base (mentionConstraints).
 * Data: the events knowledge base (src/data/events/*.json), compiled by kb.ts and passed in.
 */
import type { Sentence } from '../types.ts';
import { STRENGTH, normalize, type Constraint } from './constraint.ts';
import { addMonths, firstOfMonth, lastOfMonth, weekdayOf, ymdOf } from './calendar.ts';
import { NUMBER_SRC, foldKeep, parseNumberWord, ure } from './text.ts';
import { VERB_PAST_RE, clauseAhead } from './tense.ts';
import { G_EVENT, G_RELATIVE } from './families.ts';
import { disambiguate, findEvents, matchAt, type CompiledKb, type KbEvent } from './kb.ts';

/** Quick test: can the sentence hold a relative expression or an anniversary? */
export const RELATIVE_MARKERS = ['apres', 'avant', 'depuis', 'il y a', 'anniversaire', ' jour '] as const;
export const HAS_RELATIVE_RE = new RegExp(RELATIVE_MARKERS.join('|'));

const QUAL_SRC =
  "(?:(pres de|pres d'|presque|bientot|environ|quelque|un peu plus de|un peu plus d'|plus de|plus d'|au moins|pas moins de|un peu moins de|un peu moins d'|moins de|moins d')\\s*)?";
const UNIT_SRC = '(jours?|semaines?|mois|ans|annees?|an|heures?)';
const REL_RE = ure(new RegExp(`\\b${QUAL_SRC}(${NUMBER_SRC})\\s+${UNIT_SRC}(\\s+et\\s+demie?)?\\s+(apres|avant|depuis)\\s+`, 'g'));
const REL_QUICK_RE = /(?:jours?|semaines?|mois|ans|annees?|an|heures?|demie?)\s+(?:apres|avant|depuis)\s/;
const AGO_RE = ure(new RegExp(`\\bil y a\\s+${QUAL_SRC}(${NUMBER_SRC})\\s+${UNIT_SRC}(\\s+et\\s+demie?)?`, 'g'));
const NTH_DAY_RE = ure(/\b(\d+)(?:e|eme|ieme)\s+jour\s+(?:de|du|depuis)\s+/g);
/**
 * How long the war has lasted, without naming its start: "au 62e jour de guerre", "après deux ans
 * de guerre", "la guerre, qui dure depuis plus de trois ans". The anchor is the event the
 * knowledge base calls "début de la guerre" (data, not a date written here). Not read in a
 * sentence about the war since 2014 (Donbass, Crimea), whose start is another. Each pattern holds a
 * RELATIVE_MARKERS word ("jour", "après", "depuis"), so the sentence gate lets it through.
 */
const WAR_NOUN_SRC = '(?:(?:la |cette )?guerre|(?:du |le )?conflit)';
const WAR_NTH_DAY_RE = ure(new RegExp(`\\b(\\d+)(?:e|eme|ieme)\\s+jour\\s+(?:de|du)\\s+${WAR_NOUN_SRC}(?![a-z])`, 'g'));
const WAR_LASTED_RE = ure(
  new RegExp(
    `\\b(?:apres|depuis)\\s+${QUAL_SRC}(${NUMBER_SRC})\\s+${UNIT_SRC}(\\s+et\\s+demie?)?\\s+(?:de\\s+(?:guerre|conflit|combats)|d'invasion|de l'invasion)(?![a-z])`,
    'g',
  ),
);
const WAR_LASTS_RE = ure(
  new RegExp(
    `\\b(?:guerre|conflit|invasion)(?![a-z])[^.;]{0,40}?\\b(?:qui )?(?:dure|fait rage|se poursuit|se prolonge)\\s+depuis\\s+${QUAL_SRC}(${NUMBER_SRC})\\s+${UNIT_SRC}(\\s+et\\s+demie?)?`,
    'g',
  ),
);
/**
 * The war told through its actors rather than its name, each with how long ago it began: the
 * Russian forces fighting in Ukraine as a whole ("l'Ukraine, où l'armée russe avance depuis deux
 * semaines", "les troupes russes combattent en Ukraine depuis trois mois"), Ukraine resisting or
 * fighting ("l'Ukraine, qui résiste depuis plus de deux ans"), the invasion as a verb with "il y a"
 * ("les troupes russes sont entrées en Ukraine il y a six mois", "depuis que la Russie a envahi
 * l'Ukraine il y a un an"). A front inside Ukraine ("avance depuis trois semaines vers Pokrovsk")
 * names no start of the war: the Russian side counts only with Ukraine itself as the place.
 */
const RU_FORCES_SRC = "(?:l'armee russe|les (?:troupes|forces|soldats) russes|la russie|moscou|les russes)";
const RU_FIGHTS_SRC = '(?:avancen?t?|progressen?t?|combat(?:tent)?|se bat(?:tent)?|guerroie(?:nt)?|mene(?:nt)? (?:son|une|leur) (?:offensive|invasion|guerre))';
const UA_FIGHTS_SRC = '(?:resisten?t?|se bat(?:tent)?|se defenden?t?|luttent?|combat(?:tent)?|fait face|font face|tient tete|tiennent tete)';
const SPAN_SRC = `${QUAL_SRC}(${NUMBER_SRC})\\s+${UNIT_SRC}(\\s+et\\s+demie?)?`;
const WAR_FRONT_RES = [
  `\\bukraine,? (?:ou|dans laquelle) ${RU_FORCES_SRC} ${RU_FIGHTS_SRC} depuis\\s+${SPAN_SRC}`,
  `\\b${RU_FORCES_SRC} ${RU_FIGHTS_SRC} (?:en ukraine depuis\\s+${SPAN_SRC}|depuis\\s+${SPAN_SRC} en ukraine)`,
  `\\b(?:(?:l')?ukraine|kiev|kyiv|les ukrainiens)(?:,? qui)? ${UA_FIGHTS_SRC} depuis\\s+${SPAN_SRC}`,
  `\\b(?:envahi l'ukraine|(?:sont|est) entree?s? en ukraine|(?:a|ont) (?:attaque|agresse) l'ukraine|(?:a|ont) lance (?:son|leur|l') (?:invasion|offensive) (?:de|en|contre) l'ukraine),? il y a\\s+${SPAN_SRC}`,
].map((src) => ure(new RegExp(src, 'g')));
const EARLIER_WAR_RE = /\b(?:donbass|donbas|crimee|2014)\b/;
/** The phrase that names the start of the war in the knowledge base. */
export const WAR_START_PHRASE = 'debut de la guerre';
const warStartMemo = new WeakMap<CompiledKb, KbEvent[]>();
function warStart(kb: CompiledKb): KbEvent[] {
  let events = warStartMemo.get(kb);
  if (!events) warStartMemo.set(kb, (events = matchAt(kb, WAR_START_PHRASE, 0)?.events ?? []));
  return events;
}

const ANNIV_RE = ure(/\b(premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|4e|cinquieme|5e|dixieme|10e)\s+anniversaire\s+(?:de|du|des)\s+/g);
const ORDINALS: Record<string, number> = {
  premier: 1,
  '1er': 1,
  deuxieme: 2,
  '2e': 2,
  second: 2,
  troisieme: 3,
  '3e': 3,
  quatrieme: 4,
  '4e': 4,
  cinquieme: 5,
  '5e': 5,
  dixieme: 10,
  '10e': 10,
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

const ARTICLE_RE = /(?:le |la |les |l'|du |de la |de l'|des |d')?/y;

/** The events named by the phrase starting at `pos` of a folded sentence (an article may precede it), or null. */
export function eventAt(kb: CompiledKb, folded: string, pos: number): { events: KbEvent[]; end: number } | null {
  const direct = matchAt(kb, folded, pos);
  ARTICLE_RE.lastIndex = pos;
  const art = ARTICLE_RE.exec(folded);
  const after = art && art[0].length ? matchAt(kb, folded, pos + art[0].length) : null;
  const best = direct && (!after || direct.end >= after.end) ? direct : after;
  return best ? { events: best.events, end: best.end } : null;
}

/** Anchor day numbers of the events a phrase names. */
function anchorsOf(events: KbEvent[]): number[] {
  return events.map((e) => e.from);
}

/**
 * A sentence with a past verb ("Un an après l'invasion, les alliés ont accepté…") may narrate an
 * old event from a later article: the distance then dates the event, and only gives a lower bound.
 */
function isNarrative(sentenceLower: string): boolean {
  return VERB_PAST_RE.test(sentenceLower);
}

/** What a sentence says of an event it names, read from the words around the name. */
export type EventRole = 'past' | 'future' | 'reporting';

/** Words right before the name that put the event ahead of the article ("avant le sommet", "le prochain sommet"). */
const AHEAD_BEFORE_RE =
  /(?:\bavant|\bd'ici|\ben vue|\ba l'approche|\ben prevision|\bpour preparer|\bprochaine?s?|\bfuture?s?|\bpreparation|\ben amont|\ba la veille|\ba quelques (?:jours|semaines|heures)|\bdans la perspective|\bjusqu'a)\s+(?:(?:du|de la|de l'|des|d'|le|la|les|l'|au|aux|a la|a l')\s*)?(?:[a-z]+\s+){0,2}$/;
/** Words right after the name that put it ahead ("le sommet prévu en juillet", "qui se tiendra"). */
const AHEAD_AFTER_RE =
  /^\s*,?\s*(?:prevue?s?|programmee?s?|a venir|(?:qui )?(?:se tiendra|aura lieu|s'ouvrira|s'ouvre|debutera|debute|commencera|commence|doit)\b|doit (?:se tenir|avoir lieu|s'ouvrir)|attendue?s?\b)/;
/** Words that make the named event the news of the article ("lors du sommet", "au premier jour du sommet", "mardi"). */
const REPORT_BEFORE_RE =
  /(?:\blors|\ben marge|\ba l'issue|\ba l'occasion|\bau cours|\bpendant|\bdurant|\bouverture|\bcloture|\bau (?:premier|deuxieme|second|dernier|1er|2e) jour)\s+(?:du|de la|de l'|des|d')\s*(?:[a-z]+\s+){0,2}$/;
const REPORT_SENTENCE_RE = /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd'hui|hier|ce week-end|cette semaine|ce matin|ce soir)\b/;

/** How long after an event the article that reports it as the news may appear. */
export const REPORT_REACH_DAYS = 7;

/** Sentences from the start of the body that make its news (the lead). */
export const LEAD_SENTENCES = 2;
/** Words before a name that make the event a past reference point ("depuis le sommet", "après la chute de"). */
const SINCE_BEFORE_RE = /\b(?:depuis|apres|avant|il y a|suite a|a la suite|jusqu'a|anniversaire)\b[^,;.]*$/;

/**
 * The calendar period before the article's, said of an event named beside it ("le sommet de
 * Vilnius, le mois dernier", "la réunion de la semaine dernière", "l'an dernier"): the article is
 * of the month (week, year) after the event's. Within the name's clause only.
 */
const LAST_PERIOD_RE =
  /\b(?:(?:le|du) mois (?:dernier|passe)|(?:la|de la) semaine (?:derniere|passee)|(?:l'|de l')(?:an|annee) (?:dernier|derniere|passee?))\b/;
const LAST_PERIOD_REACH = 50;

/** The days of the period after the one holding `day`: the next calendar month, week (Monday to Sunday) or year. */
function nextPeriod(day: number, unit: string): [number, number] {
  const { y, m } = ymdOf(day);
  if (unit === 'mois') return m === 12 ? [firstOfMonth(y + 1, 1), lastOfMonth(y + 1, 1)] : [firstOfMonth(y, m + 1), lastOfMonth(y, m + 1)];
  if (unit === 'semaine') {
    const monday = day - ((weekdayOf(day) + 6) % 7);
    return [monday + 7, monday + 13];
  }
  return [firstOfMonth(y + 1, 1), lastOfMonth(y + 1, 12)];
}

/** "le mois dernier", "la semaine dernière", "l'an dernier" in the clause of the name at [start, end), or null. */
function lastPeriodNear(folded: string, start: number, end: number): string | null {
  const from = Math.max(0, start - LAST_PERIOD_REACH),
    to = Math.min(folded.length, end + LAST_PERIOD_REACH);
  const m = LAST_PERIOD_RE.exec(folded.slice(from, to));
  if (!m) return null;
  const at = from + m.index;
  const between = at < start ? folded.slice(at + m[0].length, start) : folded.slice(end, at);
  if (/[;:()]|\bmais\b/.test(between)) return null;
  return /mois/.test(m[0]) ? 'mois' : /semaine/.test(m[0]) ? 'semaine' : 'an';
}

/** The role of the event named at [start, end) of a folded sentence (`lower`: the same sentence lower-cased, accents kept). */
export function eventRole(
  folded: string,
  lower: string,
  start: number,
  end: number,
  narrative: boolean,
  sentenceReports: () => boolean = () => REPORT_SENTENCE_RE.test(folded),
): EventRole {
  const before = folded.slice(Math.max(0, start - 50), start);
  const after = folded.slice(end, end + 40);
  if (!narrative && (AHEAD_BEFORE_RE.test(before) || AHEAD_AFTER_RE.test(after))) return 'future';
  if (/\b(?:prochaine?s?|futurs?|futures?)\s*$/.test(before)) return 'future';
  // A future verb or an intention in the clause of the name puts the event ahead; a promise does
  // not ("les alliés condamnent l'invasion et promettent des armes": the invasion is past).
  if (lower.length === folded.length && !narrative && clauseAhead(lower, start, end)) return 'future';
  if (SINCE_BEFORE_RE.test(folded.slice(Math.max(0, start - 40), start))) return 'past';
  if (REPORT_BEFORE_RE.test(before) || sentenceReports()) return 'reporting';
  return 'past';
}

/**
 * Events of the knowledge base named in a sentence, outside the relative expressions above:
 * - an event that only exists since its date (a coalition, an initiative): any mention bounds from below;
 * - an event cited as past bounds from below (the article is not older than the event);
 * - an event announced as ahead bounds from above (the article is not newer than its last day);
 * - an event reported as the news (same sentence as a weekday or "lors du", "au premier jour du")
 *   also bounds from below and is a clue for the estimate: published that day or a few days after.
 */
function mentionConstraints(
  s: Sentence,
  folded: string,
  kb: CompiledKb,
  taken: [number, number][],
  narrative: () => boolean,
  words: () => ReadonlySet<string>,
  lead: boolean,
  out: Constraint[],
): void {
  const lower = s.text.toLowerCase();
  let reports: boolean | undefined; // the sentence's weekday or "aujourd'hui": read once, not once per event named
  const sentenceReports = () => (reports ??= REPORT_SENTENCE_RE.test(folded));
  for (const found of findEvents(kb, folded)) {
    if (taken.some(([a, b]) => found.start < b && found.end > a)) continue;
    const hit = found.events.length > 1 ? { ...found, events: disambiguate(found.events, words()) } : found;
    let role = eventRole(folded, lower, hit.start, hit.end, narrative(), sentenceReports);
    // Both a reporting phrase before the name and a day word in the sentence: the news of the day.
    const saysReported = role === 'reporting' && REPORT_BEFORE_RE.test(folded.slice(Math.max(0, hit.start - 50), hit.start)) && REPORT_SENTENCE_RE.test(folded);
    // In the lead, an event named without "depuis", "après"… is what the article reports.
    // (Not the frame of the war: "l'opération militaire spéciale" in a lead is no news of 2022.)
    // "le sommet de Vilnius, le mois dernier": the article is of the next month, not of the event.
    const period = role === 'past' && !hit.events.some((e) => e.existsSince) ? lastPeriodNear(folded, hit.start, hit.end) : null;
    if (
      lead &&
      !period &&
      role === 'past' &&
      hit.events.every((e) => e.kind !== 'war') &&
      !SINCE_BEFORE_RE.test(folded.slice(Math.max(0, hit.start - 40), hit.start))
    )
      role = 'reporting';
    const exists = hit.events.filter((e) => e.existsSince);
    const first = Math.min(...hit.events.map((e) => e.from));
    const last = Math.max(...hit.events.map((e) => e.to));
    const match = { text: s.text.slice(hit.start, hit.end), offset: s.start + hit.start };
    const ref = hit.events.length === 1 ? hit.events[0] : undefined;
    if (role === 'future') {
      if (exists.length) {
        out.push({
          set: [[Math.min(...exists.map((e) => e.from)), Infinity]],
          strength: STRENGTH.termExistence,
          evidence: { text: s.text, offset: s.start, rule: 'event-exists' },
          match,
          note: exists.map((e) => e.id).join(' | '),
          event: exists.length === 1 ? exists[0] : undefined,
        });
        if (exists.length === hit.events.length) continue;
      }
      out.push({
        set: [[-Infinity, last]],
        strength: STRENGTH.eventAhead,
        evidence: { text: s.text, offset: s.start, rule: 'event-ahead' },
        match,
        note: hit.events.map((e) => e.id).join(' | '),
        event: ref,
        // Imminent ("le sommet qui s'ouvre mardi"): the article is of its eve or its first day.
        ...(REPORT_SENTENCE_RE.test(folded) && { clue: { days: hit.events.map((e) => e.from), span: 0, strong: true, sentence: s.start, lag: 0 } }),
      });
      continue;
    }
    out.push({
      set: [[first, Infinity]],
      strength: exists.length === hit.events.length ? STRENGTH.termExistence : STRENGTH.eventPast,
      evidence: {
        text: s.text,
        offset: s.start,
        rule: exists.length === hit.events.length ? 'event-exists' : role === 'reporting' ? 'event-reported' : 'event-past',
      },
      match,
      note: hit.events.map((e) => e.id).join(' | '),
      event: ref,
      // The frame of the war ("l'invasion", "l'opération militaire spéciale") says nothing of how
      // close the article is; a specific event cited does (weakly, unless reported as the news).
      ...((role === 'reporting' || hit.events.every((e) => e.kind !== 'war')) && {
        clue: { days: hit.events.map((e) => e.from), span: Math.max(...hit.events.map((e) => e.to - e.from)), strong: role === 'reporting', sentence: s.start },
      }),
    });
    // A weak fact: the period may belong to another word of the clause, so anything stronger that disagrees wins.
    if (period) {
      out.push({
        set: normalize(hit.events.map((e) => nextPeriod(e.from, period))),
        strength: STRENGTH.yearlessDernier,
        evidence: { text: s.text, offset: s.start, rule: 'event-last-period' },
        match,
        note: `${hit.events.map((e) => e.id).join(' | ')} (${period} dernier)`,
        event: ref,
      });
    }
    // Said to be the news of the day ("a annoncé mardi, au premier jour du sommet"): published on one
    // of its days or within REPORT_REACH_DAYS after (a weak fact: dropped if anything stronger disagrees).
    if (saysReported && exists.length === 0) {
      out.push({
        set: normalize(hit.events.map((e): [number, number] => [e.from, e.to + REPORT_REACH_DAYS])),
        strength: STRENGTH.eventReported,
        evidence: { text: s.text, offset: s.start, rule: 'event-reported' },
        match,
        note: hit.events.map((e) => e.id).join(' | '),
        event: ref,
      });
    }
  }
}

/** `gates` (gate.ts, one entry per sentence) lets sentences without a relative or event word be skipped unfolded. */
export function eventConstraints(sentences: Sentence[], kb: CompiledKb, gates: Uint8Array | null = null): Constraint[] {
  const out: Constraint[] = [];
  if (!kb.events.length) return out;
  let wordsMemo: Set<string> | null = null;
  const articleWords = () => (wordsMemo ??= new Set(sentences.flatMap((x) => foldKeep(x.text).match(/[a-z0-9]{4,}/g) ?? [])));
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const gate = gates === null ? G_RELATIVE | G_EVENT : gates[i];
    if ((gate & (G_RELATIVE | G_EVENT)) === 0) continue;
    const folded = foldKeep(s.text);
    let narrativeMemo: boolean | null = null;
    const narrativeOf = () => (narrativeMemo ??= isNarrative(s.text.toLowerCase()));
    const taken: [number, number][] = [];
    const push = (set: [number, number][], start: number, end: number, events: KbEvent[], rule: string) => {
      out.push({
        set: normalize(set),
        strength: STRENGTH.anchorRelative,
        evidence: { text: s.text, offset: s.start, rule },
        match: { text: s.text.slice(start, end), offset: s.start + start },
        note: `${events.map((e) => e.id).join(' | ')}${narrativeOf() ? ' (past narrative: lower bound only)' : ''}`,
        event: events.length === 1 ? events[0] : undefined,
      });
      taken.push([start, end]);
    };
    if (gate & G_RELATIVE && HAS_RELATIVE_RE.test(folded)) {
      let m: RegExpExecArray | null;
      REL_RE.lastIndex = 0;
      while (REL_QUICK_RE.test(folded) && (m = REL_RE.exec(folded))) {
        const [, qual, num, unitWord, half, dir] = m;
        const e = eventAt(kb, folded, m.index + m[0].length);
        if (!e) continue;
        const d = distance(qual, num, unitWord, !!half);
        if (!d) continue;
        const set: [number, number][] = [];
        for (const a of anchorsOf(e.events)) {
          if (dir === 'avant') set.push(narrativeOf() ? [shift(a, -d.hi, d.unit), Infinity] : [shift(a, -d.hi, d.unit), shift(a, -d.lo, d.unit)]);
          else set.push(narrativeOf() ? [shift(a, d.lo, d.unit), Infinity] : [shift(a, d.lo, d.unit), shift(a, d.hi, d.unit)]);
        }
        push(set, m.index, e.end, e.events, 'anchor-relative');
      }
      // "le début de l'invasion il y a deux ans" / "il y a deux ans, l'invasion …": anchor + distance.
      AGO_RE.lastIndex = 0;
      while (folded.includes('il y a') && (m = AGO_RE.exec(folded))) {
        const [, qual, num, unitWord, half] = m;
        const at = m.index,
          len = m[0].length;
        const from = Math.max(0, at - 90),
          to = Math.min(folded.length, at + len + 90);
        // Names around the phrase only (a name may start before `from`): not the sentence from its start each time.
        const cut = Math.max(0, folded.lastIndexOf(' ', Math.max(0, from - 150)) + 1);
        const near = findEvents(kb, folded.slice(cut, to))
          .map((h) => ({ ...h, start: h.start + cut, end: h.end + cut }))
          .filter((h) => h.end > from && h.end - h.start > 12 && (h.end <= at || h.start >= at + len));
        if (!near.length) continue;
        const d = distance(qual, num, unitWord, !!half);
        if (!d) continue;
        const set = anchorsOf(near[0].events).map((a): [number, number] => [shift(a, d.lo, d.unit), shift(a, d.hi, d.unit)]);
        push(set, m.index, m.index + m[0].length, near[0].events, 'anchor-ago');
        taken.push([near[0].start, near[0].end]);
      }
      NTH_DAY_RE.lastIndex = 0;
      while (folded.includes(' jour ') && (m = NTH_DAY_RE.exec(folded))) {
        const e = eventAt(kb, folded, m.index + m[0].length);
        if (!e) continue;
        const n = +m[1];
        const set = anchorsOf(e.events).map((a): [number, number] => (narrativeOf() ? [a + n - 2, Infinity] : [a + n - 2, a + n + 1]));
        push(set, m.index, e.end, e.events, 'anchor-nth-day');
      }
      ANNIV_RE.lastIndex = 0;
      while (folded.includes('anniversaire') && (m = ANNIV_RE.exec(folded))) {
        const e = eventAt(kb, folded, m.index + m[0].length);
        if (!e) continue;
        const years = ORDINALS[m[1]];
        // Articles appear in the run-up to an anniversary and just after it.
        const set = anchorsOf(e.events).map((a): [number, number] => {
          const day = addMonths(a, 12 * years);
          return narrativeOf() ? [day - 45, Infinity] : [day - 45, day + 15];
        });
        push(set, m.index, e.end, e.events, 'anchor-anniversary');
      }
    }
    if (gate & G_RELATIVE && warStart(kb).length && !EARLIER_WAR_RE.test(folded)) {
      const war = warStart(kb);
      let m: RegExpExecArray | null;
      WAR_NTH_DAY_RE.lastIndex = 0;
      while (folded.includes(' jour ') && (m = WAR_NTH_DAY_RE.exec(folded))) {
        if (taken.some(([a, b]) => m!.index < b && m!.index + m![0].length > a)) continue;
        const n = +m[1];
        push(
          anchorsOf(war).map((a): [number, number] => (narrativeOf() ? [a + n - 2, Infinity] : [a + n - 2, a + n + 1])),
          m.index,
          m.index + m[0].length,
          war,
          'anchor-war-day',
        );
      }
      for (const [re, always] of [[WAR_LASTED_RE, false], [WAR_LASTS_RE, true], ...WAR_FRONT_RES.map((r) => [r, true] as const)] as const) {
        re.lastIndex = 0;
        while ((m = re.exec(folded))) {
          if (taken.some(([a, b]) => m!.index < b && m!.index + m![0].length > a)) continue;
          // The span's groups: the first matched qualifier/number of the pattern (alternatives hold several copies).
          const g = m.slice(1);
          const at = g.findIndex((x, k) => k % 4 === 1 && x !== undefined);
          if (at < 0) continue;
          const [qual, num, unitWord, half] = g.slice(at - 1, at + 3);
          const d = distance(qual, num, unitWord, !!half);
          if (!d) continue;
          // "qui dure depuis" is the present of the article; "après deux ans de guerre, … ont accepté" may narrate.
          const lowerOnly = !always && narrativeOf();
          push(
            anchorsOf(war).map((a): [number, number] => (lowerOnly ? [shift(a, d.lo, d.unit), Infinity] : [shift(a, d.lo, d.unit), shift(a, d.hi, d.unit)])),
            m.index,
            m.index + m[0].length,
            war,
            'anchor-war-duration',
          );
          // Said in the article's present ("qui dure depuis plus de deux ans"), the duration is also the
          // most likely day when nothing else of the text dates the article: the middle of its span.
          if (!lowerOnly)
            out[out.length - 1].clue = {
              days: anchorsOf(war).map((a) => Math.round((shift(a, d.lo, d.unit) + shift(a, d.hi, d.unit)) / 2)),
              span: 0,
              strong: false,
              sentence: s.start,
              lag: 0,
              fallback: true,
            };
        }
      }
    }
    if (gate & G_EVENT) mentionConstraints(s, folded, kb, taken, narrativeOf, articleWords, i < LEAD_SENTENCES, out);
  }
  return out;
}
