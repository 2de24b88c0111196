import type { Evidence } from '../types.ts';
import type { KbEvent } from './kb.ts';

/**
 * A set of possible publication days: sorted, disjoint, inclusive [lo, hi] intervals of day
 * numbers. -Infinity / +Infinity stand for an open bound. A union is needed because some facts
 * are disjunctive (a person who held the same office twice).
 */
export type DaySet = [number, number][];

export const EVERYTHING: DaySet = [[-Infinity, Infinity]];

/**
 * How much a kind of constraint is trusted. When constraints cannot all hold, the weakest are
 * dropped first (see window.ts). Higher = stronger.
 */
export const STRENGTH = {
  officeTenure: 50,
  yearlessDateline: 48,
  explicitDay: 46,
  explicitMonth: 45,
  explicitYear: 40,
  anchorRelative: 35,
  eventPast: 32,
  deliveryEvent: 31,
  termExistence: 30,
  eventAhead: 28,
  yearlessWeekday: 25,
  eventReported: 24,
  yearlessDernier: 22,
  weekdayDateNear: 21,
  weekday: 20,
} as const;

/** One hard constraint on the publication date, with the sentence that supports it. */
export interface Constraint {
  /** Days on which the article can have been published according to this fact. */
  set: DaySet;
  strength: number;
  evidence: Evidence;
  /** The expression that produced it (for tests and debugging): text and body offset. */
  match?: { text: string; offset: number };
  /** Human-readable detail, e.g. the resolved date of "le 18 août dernier". */
  note?: string;
  /** The event of the knowledge base the fact names (cited on the site with its source). */
  event?: KbEvent;
  /** What the fact says of the most likely day (estimate.ts), beyond the days it allows. */
  clue?: Clue;
}

/**
 * A dated fact the article reports: the article most likely follows it closely. `days` are the
 * possible days of the fact (several when the year or the event is ambiguous); `span` its length
 * in days beyond each (a summit); `strong` when the text makes it the news of the article.
 */
export interface Clue {
  days: number[];
  span: number;
  strong: boolean;
  /** Body offset of its sentence (the weekday words of that sentence pin the day). */
  sentence: number;
  /** Days from the fact to the likely publication when no weekday says more (estimate.ts: DEFAULT_LAG_DAYS). */
  lag?: number;
  /** Only when no other fact dates the article (entity-clues.ts). */
  fallback?: boolean;
}

export function range(lo: number, hi: number): DaySet {
  return lo <= hi ? [[lo, hi]] : [];
}

/** Normalises a list of intervals into a DaySet (sorted, merged). */
export function normalize(intervals: [number, number][]): DaySet {
  const xs = intervals.filter(([a, b]) => a <= b).sort((p, q) => p[0] - q[0]);
  const out: DaySet = [];
  for (const [a, b] of xs) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function intersect(a: DaySet, b: DaySet): DaySet {
  const out: DaySet = [];
  let i = 0,
    j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

export function lowerBound(s: DaySet): number {
  return s.length ? s[0][0] : Infinity;
}

export function upperBound(s: DaySet): number {
  return s.length ? s[s.length - 1][1] : -Infinity;
}

/** The day of a non-empty set nearest to `day` (`day` itself when the set holds it). */
export function nearestDay(s: DaySet, day: number): number {
  let best = day,
    dist = Infinity;
  for (const [a, b] of s) {
    const x = Math.min(Math.max(day, a), b);
    if (Math.abs(x - day) < dist) {
      dist = Math.abs(x - day);
      best = x;
    }
  }
  return best;
}

/** Width in days of the hull of a set (Infinity when open). */
export function width(s: DaySet): number {
  return s.length ? upperBound(s) - lowerBound(s) + 1 : 0;
}
