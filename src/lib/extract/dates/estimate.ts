/**
 * The estimate (`date.value`): the most likely publication day inside the window, not its middle.
 * News follows its facts closely, so the estimate is the day of the latest fact the article
 * reports (an event it covers, a date it cites, a year-less date resolved in the window), moved to
 * the weekday the text names when it says "mardi", "ce jeudi". Facts with several possible days
 * (a year-less date, an event name shared by several events) count when the window leaves one of
 * them, or one lies near the other facts; of those, the ones the text makes the news ("lors du
 * sommet", "mardi, au premier jour du sommet", the lead) may move a merely cited fact.
 * Without any such fact the estimate is the middle of the window, or of its part within the
 * archive's focus (the full-scale war) when the window reaches into it; the window says how wide it is.
 */
import type { Sentence } from '../types.ts';
import { intersect, lowerBound, nearestDay, upperBound, type Constraint, type DaySet } from './constraint.ts';
import { WEEKDAYS, weekdayOf } from './calendar.ts';
import { hasFutureVerb } from './tense.ts';
import { ure } from './text.ts';
import type { PriorDay } from './entity-clues.ts';

/** How long before the window a reported fact may lie and still date the article. */
export const FACT_REACH_DAYS = 400;
/** How far after its latest fact an article is placed when no weekday says more. */
export const DEFAULT_LAG_DAYS = 1;
/** A year-less fact is resolved to the occurrence at most this far after the other facts. */
const AHEAD_SLACK_DAYS = 45;

const WEEKDAY_WORD_RE = ure(/\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b(?!\s+(?:\d|1er|prochain|derni|suivant|precedent|précédent))/gi);

/** Weekdays the text names as days of its own week, in the past or today (not "lundi prochain", not "lundi 3 mars"). */
export function reportedWeekdays(sentences: Sentence[]): Set<number> {
  const out = new Set<number>();
  for (const s of sentences) {
    const lower = s.text.toLowerCase();
    if (!/(?:lun|mar|mercre|jeu|vendre|same|diman)di|dimanche/.test(lower)) continue;
    WEEKDAY_WORD_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WEEKDAY_WORD_RE.exec(lower))) {
      const clause = lower.slice(Math.max(0, m.index - 60), m.index + 60);
      if (hasFutureVerb(clause) && !/\b(?:a|ont|avait)\s+\p{L}+é/u.test(clause)) continue;
      out.add(WEEKDAYS[m[1]]);
    }
  }
  return out;
}

export interface Estimate {
  day: number;
  /** The constraint whose fact fixed the estimate (cited as evidence), if any. */
  from: Constraint | null;
}

/** The most likely day of `set` (finite on both sides) given the kept constraints. */
/** The weighted median of the prior's days inside [lo, hi], or null when none lies there. */
export function priorMedian(prior: readonly PriorDay[], lo: number, hi: number): number | null {
  const inside = prior.filter((p) => p.day >= lo && p.day <= hi).sort((a, b) => a.day - b.day);
  const total = inside.reduce((sum, p) => sum + p.weight, 0);
  if (!inside.length || total <= 0) return null;
  let acc = 0;
  for (const p of inside) if ((acc += p.weight) >= total / 2) return p.day;
  return inside[inside.length - 1].day;
}

export function estimateDay(
  set: DaySet,
  kept: Constraint[],
  sentences: Sentence[],
  focusFrom?: number,
  prior: readonly PriorDay[] = [],
  held: DaySet | null = null,
): Estimate {
  const lo = lowerBound(set),
    hi = upperBound(set);
  const usable = (list: Constraint[]) =>
    list.map((c) => ({ c, days: c.clue!.days.filter((d) => d <= hi && d + c.clue!.span >= lo - FACT_REACH_DAYS) })).filter((f) => f.days.length > 0);
  // Fallback clues (entity-clues.ts) only when no fact of the text can date the article.
  const ownFacts = usable(kept.filter((c) => c.clue && !c.clue.fallback));
  const facts = ownFacts.length ? ownFacts : usable(kept.filter((c) => c.clue?.fallback));
  const latestOf = (list: typeof facts) => {
    let best: { c: Constraint; day: number } | null = null;
    for (const f of list) for (const d of f.days) if (!best || d > best.day) best = { c: f.c, day: d };
    return best;
  };
  const single = facts.filter((f) => f.days.length === 1);
  // The latest fact with one possible day: the article reports it, so it is not older (news follows its facts).
  let pick = latestOf(single);
  // Facts with several possible days (year-less dates, ambiguous event names): the single one the
  // window allows, else the one just around the other facts; otherwise they say nothing.
  const base = pick;
  for (const f of facts) {
    if (f.days.length === 1) continue;
    const inWindow = f.days.filter((d) => d >= lo - 31 && d <= hi);
    const near = base ? f.days.filter((d) => d >= base.day - AHEAD_SLACK_DAYS && d <= base.day + AHEAD_SLACK_DAYS) : [];
    // Alone, a fact the window leaves two readings of is read in the archive's focus (the full-scale
    // war) when only one reading lies there, else as the older one (a "dernier" date near the build day).
    const inFocus = focusFrom === undefined ? inWindow : inWindow.filter((d) => d >= focusFrom);
    const two = !base && inWindow.length === 2 ? (inFocus.length === 1 ? inFocus[0] : inWindow[0]) : null;
    const day = inWindow.length === 1 ? inWindow[0] : near.length === 1 ? near[0] : two;
    if (day === null) continue;
    if (!pick || (day > pick.day && (f.c.clue!.strong || !pick.c.clue!.strong))) pick = { c: f.c, day };
  }
  if (!pick) {
    const from = focusFrom !== undefined && focusFrom > lo && focusFrom <= hi ? focusFrom : lo;
    // The most likely day given the article's actors (entity-clues.ts): the weighted median of
    // their news, within the terms of the officeholders it names when some of it lies there; else
    // the middle (of those terms when they meet the window).
    const heldPrior = held ? prior.filter((p) => intersect(held, [[p.day, p.day]]).length > 0) : [];
    const median = priorMedian(heldPrior, from, hi) ?? priorMedian(prior, from, hi) ?? priorMedian(prior, lo, hi);
    if (median !== null) return { day: nearestDay(set, median), from: null };
    const heldPart = held ? intersect(intersect(set, held), [[from, hi]]) : [];
    const [a, b] = heldPart.length ? [lowerBound(heldPart), upperBound(heldPart)] : [from, hi];
    return { day: nearestDay(set, Math.floor((a + b) / 2)), from: null };
  }
  const fact = Math.min(Math.max(pick.day, lo - FACT_REACH_DAYS), hi);
  const span = pick.c.clue!.span;
  const weekdays = reportedWeekdays(sentences);
  let day = fact + (pick.c.clue!.lag ?? DEFAULT_LAG_DAYS);
  if (weekdays.size) {
    // The latest named weekday on or after the fact, within the week that follows it.
    let found = -1;
    for (let k = 0; k <= span + 6; k++) if (weekdays.has(weekdayOf(fact + k))) found = k <= span ? Math.max(found, k) : found < 0 ? k : found;
    if (found >= 0) day = fact + found;
  } else if (span > 0) day = fact + span;
  return { day: nearestDay(set, day), from: pick.c };
}
