/**
 * DATE stage: infer an article's publication date, honestly, with evidence.
 *
 *   (a) frontmatter date          → basis "frontmatter"
 *   (b) dateline / "Publié le …"  → basis "dateline", precision day
 *   (c) otherwise a window from constraints, basis "inferred":
 *       explicit past dates (explicit-dates.ts), office tenures (tenure.ts), anchor events and
 *       existence terms (events.ts), weekday-pinned year-less dates (yearless.ts); then, against
 *       that window, "le 18 août dernier" (yearless.ts) and weekdays (weekday.ts). Combined in
 *       window.ts. Never looks at the clock: every date comes from the text or the data.
 */
import type { DateWindow, Mention, SegmentedDoc, Sentence } from '../types.ts';
import type { CompiledGazetteer } from '../../gazetteer/types.ts';
import { fromFrontmatter } from './frontmatter.ts';
import { findDateline, findYearlessDateline, type YearlessDateline } from './dateline.ts';
import { explicitDateConstraints } from './explicit-dates.ts';
import { tenureConstraints } from './tenure.ts';
import { DEFAULT_EVENTS, eventConstraints, type EventData } from './events.ts';
import { resolveDernier, yearlessConstraints } from './yearless.ts';
import { weekdayConstraints } from './weekday.ts';
import { binding, solve, toWindow } from './window.ts';
import { dayNum, isValidDate, iso } from './calendar.ts';
import { STRENGTH, intersect, type Constraint, type DaySet } from './constraint.ts';
import { sentenceGates } from './gate.ts';

export type { Constraint } from './constraint.ts';

export interface InferDateOptions {
  frontmatterDate?: string | null;
  /** Anchor events and existence terms; defaults to src/data/events.json. */
  events?: EventData;
}

function sentencesOf(doc: SegmentedDoc): Sentence[] {
  if (doc.sentences?.length) return doc.sentences;
  return doc.body ? [{ text: doc.body, start: 0, end: doc.body.length, paragraph: 0 }] : [];
}

/** The constraints that need no window: datelines without year, reported dates, tenures, events, "dernier" dates. */
function firstPass(doc: SegmentedDoc, sentences: Sentence[], mentions: Mention[], cg: CompiledGazetteer, events: EventData) {
  const yearless = findYearlessDateline(doc.body);
  const gates = sentenceGates(doc, sentences, cg);
  const constraints = [
    ...(yearless ? [yearlessDatelineConstraint(yearless)] : []),
    ...explicitDateConstraints(sentences, gates),
    ...tenureConstraints(doc.body, sentences, mentions, cg),
    ...eventConstraints(sentences, events, gates),
    ...yearlessConstraints(sentences, gates),
  ];
  return { yearless, gates, constraints };
}

/** The constraints that only narrow a window already found (weekdays, resolved "dernier" dates). */
function secondPass(sentences: Sentence[], window: DaySet, gates: Uint8Array | null): Constraint[] {
  return [...resolveDernier(sentences, window, gates), ...weekdayConstraints(sentences, window)];
}

/** All constraints, in two passes (the second needs the window of the first). For tests/debug. */
export function collectConstraints(
  doc: SegmentedDoc,
  mentions: Mention[],
  cg: CompiledGazetteer,
  events: EventData = DEFAULT_EVENTS,
): { first: Constraint[]; second: Constraint[] } {
  const sentences = sentencesOf(doc);
  const { gates, constraints: first } = firstPass(doc, sentences, mentions, cg, events);
  return { first, second: secondPass(sentences, solve(first).set, gates) };
}

export function inferDate(
  doc: SegmentedDoc,
  mentions: Mention[],
  cg: CompiledGazetteer,
  opts: InferDateOptions = {},
): DateWindow {
  const fm = fromFrontmatter(opts.frontmatterDate);
  if (fm) return fm;

  const dl = findDateline(doc.body);
  if (dl) {
    const v = iso(dl.day);
    return { value: v, earliest: v, latest: v, precision: 'day', basis: 'dateline', evidence: [dl.evidence] };
  }

  const sentences = sentencesOf(doc);
  const { yearless: yd, gates, constraints: first } = firstPass(doc, sentences, mentions, cg, opts.events ?? DEFAULT_EVENTS);
  const s1 = solve(first);
  const second = secondPass(sentences, s1.set, gates);
  if (!second.length) return markYearless(toWindow(s1), yd, s1.set);
  const s2 = solve(second, s1.set);
  const cited = [...binding(s1.kept, s1.set), ...binding(s2.kept, s2.set)];
  return markYearless(toWindow({ set: s2.set, kept: [...s1.kept, ...s2.kept], dropped: [...s1.dropped, ...s2.dropped] }, cited), yd, s2.set);
}

const YEARLESS_FROM = 1990;
const YEARLESS_TO = 2100;

/**
 * A year-less dateline ("Kyiv, le 21 novembre (Ukrinform).") ⇒ the article was published on that
 * day and month of some year: one single day per year (the outer ends left open, so the dateline
 * alone bounds nothing). The other constraints choose the year.
 */
export function yearlessDatelineConstraint(yd: YearlessDateline): Constraint {
  const set: DaySet = [];
  for (let y = YEARLESS_FROM; y <= YEARLESS_TO; y++) {
    if (!isValidDate(y, yd.month, yd.day)) continue;
    const n = dayNum(y, yd.month, yd.day);
    set.push([n, n]);
  }
  set[0][0] = -Infinity;
  set[set.length - 1][1] = Infinity;
  return {
    set,
    strength: STRENGTH.yearlessDateline,
    evidence: yd.evidence,
    match: yd.match,
    note: `day ${yd.day}, month ${yd.month}, year from the other constraints`,
  };
}

/**
 * The year of a year-less dateline is resolved only when the window leaves exactly one
 * occurrence of its day; otherwise the window is kept and the dateline stays cited as evidence.
 */
function markYearless(w: DateWindow, yd: YearlessDateline | null, set: DaySet): DateWindow {
  if (!yd) return w;
  const hit = intersect(set, yearlessDatelineConstraint(yd).set);
  if (hit.length === 0) return w; // dropped as a conflict: already reported
  const resolved = hit.length === 1 && hit[0][0] === hit[0][1];
  const rule = resolved ? 'dateline-yearless' : 'dateline-yearless-unresolved';
  const evidence = w.evidence.filter((e) => !(e.offset === yd.evidence.offset && e.rule === 'dateline-yearless'));
  evidence.unshift({ text: yd.evidence.text, offset: yd.evidence.offset, rule });
  return { ...w, evidence };
}
