/**
 * Rule 6 — combine constraints into a publication window.
 * - Constraints are applied strongest first; one that would empty the window is dropped and
 *   reported as a "conflict" evidence entry (so the weakest conflicting facts go first).
 * - value: the middle of [earliest, latest] (floor), moved to the nearest possible day when the
 *   set has gaps; with only a lower bound, earliest + OPEN_LAG_DAYS (snapped the same way); with
 *   only an upper bound, latest; with none, null. The midpoint
 *   minimises the worst-case error, and for a window of a few days it is within a day or two.
 * - precision: 'day' when earliest = latest; 'month' when both lie in one calendar month;
 *   'year' when both lie in one calendar year; 'range' when wider or half-open;
 *   'unknown' when nothing bounds the date.
 */
import type { DatePrecision, DateWindow, Evidence } from '../types.ts';
import { EVERYTHING, intersect, lowerBound, nearestDay, upperBound, type Constraint, type DaySet } from './constraint.ts';
import { iso, ymdOf } from './calendar.ts';

export interface Solved {
  set: DaySet;
  kept: Constraint[];
  dropped: Constraint[];
}

export function solve(constraints: Constraint[], start: DaySet = EVERYTHING): Solved {
  const ordered = constraints
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.strength - a.c.strength || a.i - b.i)
    .map((x) => x.c);
  let set = start;
  const kept: Constraint[] = [];
  const dropped: Constraint[] = [];
  for (const c of ordered) {
    const next = intersect(set, c.set);
    if (next.length === 0) dropped.push(c);
    else {
      set = next;
      kept.push(c);
    }
  }
  return { set, kept, dropped };
}

/**
 * The constraints that shape the result ("used"): those whose set reaches the final earliest or
 * latest bound, or that exclude days inside the final hull (a gap), or that carry a note without
 * narrowing anything (evidence-only facts such as a resolved "le 18 août dernier").
 */
export function binding(kept: Constraint[], set: DaySet): Constraint[] {
  const lo = lowerBound(set),
    hi = upperBound(set);
  return kept.filter((c) => {
    const cl = lowerBound(c.set),
      ch = upperBound(c.set);
    if (!Number.isFinite(cl) && !Number.isFinite(ch)) return c.set.length === 1 && !c.clue; // evidence-only (clues: cited when the estimate uses them)
    if (cl === lo && Number.isFinite(lo)) return true;
    if (ch === hi && Number.isFinite(hi)) return true;
    return c.set.some((iv, i) => i > 0 && iv[0] > lo && c.set[i - 1][1] < hi);
  });
}

export function precisionOf(earliest: number | null, latest: number | null): DatePrecision {
  if (earliest === null && latest === null) return 'unknown';
  if (earliest === null || latest === null) return 'range';
  if (earliest === latest) return 'day';
  const a = ymdOf(earliest),
    b = ymdOf(latest);
  if (a.y === b.y && a.m === b.m) return 'month';
  if (a.y === b.y) return 'year';
  return 'range';
}

/** Estimated lag between the latest past fact an article reports and its publication. */
export const OPEN_LAG_DAYS = 30;

export function valueOf(set: DaySet): number | null {
  if (!set.length) return null;
  const lo = lowerBound(set),
    hi = upperBound(set);
  if (!Number.isFinite(lo) && !Number.isFinite(hi)) return null;
  if (!Number.isFinite(lo)) return hi;
  // Only a lower bound (a past fact the article reports): news follows its facts closely, so the
  // best single guess is a short lag after it (precision stays 'range': only an estimate).
  const mid = Number.isFinite(hi) ? Math.floor((lo + hi) / 2) : lo + OPEN_LAG_DAYS;
  return nearestDay(set, mid);
}

function evidenceOf(c: Constraint): Evidence {
  const ev: Evidence = { text: c.evidence.text, offset: c.evidence.offset, rule: c.evidence.rule };
  if (c.event) ev.event = { id: c.event.id, title: c.event.title, url: c.event.url };
  return ev;
}

/**
 * `cited` overrides which kept constraints are cited (used when solving in passes: a constraint
 * that bound the first-pass window stays cited after a second pass narrowed it further).
 */
export function toWindow(solved: Solved, cited?: Constraint[], estimate?: number, period?: { from: string; to: string }): DateWindow {
  const { set } = solved;
  const lo = lowerBound(set),
    hi = upperBound(set);
  const earliest = Number.isFinite(lo) ? lo : null;
  const latest = Number.isFinite(hi) ? hi : null;
  const uses = (cited ?? binding(solved.kept, set)).filter((c, i, all) => all.indexOf(c) === i);
  const evidence: Evidence[] = uses.map(evidenceOf);
  for (const c of solved.dropped) evidence.push({ ...evidenceOf(c), rule: 'conflict' });
  const precision = precisionOf(earliest, latest);
  const v = estimate ?? valueOf(set);
  const e = earliest === null ? null : iso(earliest);
  const l = latest === null ? null : iso(latest);
  // A side the text did not bound is the archive period's: said so (basis "period" when both are).
  const fromPeriod = period && (e === period.from || l === period.to) ? { archive: { from: period.from, to: period.to } } : {};
  const textBound = uses.some((c) => Number.isFinite(lowerBound(c.set)) || Number.isFinite(upperBound(c.set)));
  return {
    value: v === null ? null : iso(v),
    earliest: e,
    latest: l,
    precision,
    basis: precision === 'unknown' ? 'unknown' : period && !textBound && e === period.from && l === period.to ? 'period' : 'inferred',
    evidence: precision === 'unknown' ? evidence.filter((x) => x.rule === 'conflict') : evidence,
    ...fromPeriod,
  };
}
