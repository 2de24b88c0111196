/**
 * DATE stage: infer an article's publication date, honestly, with evidence.
 *
 *   (a) frontmatter date          → basis "frontmatter"
 *   (b) dateline / "Publié le …"  → basis "dateline", precision day
 *   (c) otherwise a window from constraints, basis "inferred":
 *       explicit past dates (explicit-dates.ts), office tenures (tenure.ts), anchor events and
 *       existence terms (events.ts), meetings of the people named in a month without year (meetings.ts), weekday-pinned year-less dates (yearless.ts); then, against
 *       that window, "le 18 août dernier" (yearless.ts) and weekdays (weekday.ts). Combined in
 *       window.ts, intersected with the archive period; the estimate is the most likely day
 *       (estimate.ts). Never looks at the clock: the build day comes in with the period.
 */
import type { DateWindow, Delivery, Mention, SegmentedDoc, Sentence } from '../types.ts';
import type { CompiledGazetteer } from '../../gazetteer/types.ts';
import { fromFrontmatter } from './frontmatter.ts';
import { findDateline, findYearlessDateline, type YearlessDateline } from './dateline.ts';
import { explicitDateConstraints } from './explicit-dates.ts';
import { tenureConstraints } from './tenure.ts';
import { eventConstraints } from './events.ts';
import { meetingConstraints } from './meetings.ts';
import { plainYearlessClues, resolveDernier, yearlessConstraints } from './yearless.ts';
import { weekdayConstraints } from './weekday.ts';
import { binding, solve, toWindow } from './window.ts';
import { dayNum, isValidDate, iso, parseIso } from './calendar.ts';
import { EVERYTHING, STRENGTH, intersect, type Constraint, type DaySet } from './constraint.ts';
import { sentenceGates } from './gate.ts';
import { compileKb, type CompiledKb } from './kb.ts';
import { estimateDay } from './estimate.ts';
import { deliveryConstraints } from './deliveries.ts';
import { entityClues, entityPrior, officeholdersSpan } from './entity-clues.ts';

export type { Constraint } from './constraint.ts';

/**
 * What dating needs besides the text: the events knowledge base and the archive period.
 * Scripts build it (src/lib/events/load.ts reads the events; the build day comes from
 * SOURCE_DATE_EPOCH or the clock there), the stage itself never reads files or the clock.
 */
export interface DatingContext {
  kb: CompiledKb;
  /** The archive period: no article is dated outside it (YYYY-MM-DD, inclusive). */
  period: { from: string; to: string };
  /**
   * Where the archive's articles concentrate (the full-scale war, from 2022-02-24): an article
   * with no dated fact is estimated in the middle of this part of its window. Never a bound.
   */
  focusFrom?: string;
}

export interface InferDateOptions {
  frontmatterDate?: string | null;
  /** Knowledge base and archive period; without it no event is known and windows may stay open. */
  dating?: DatingContext;
  /** Deliveries the article reports (deliveries stage), compared with the first pledges and deliveries of the knowledge base. */
  deliveries?: readonly Delivery[];
  /** Every rule reads every sentence (no word gate): for the test that the gate changes nothing. */
  ungated?: boolean;
}

const NO_EVENTS = compileKb([]);

function sentencesOf(doc: SegmentedDoc): Sentence[] {
  if (doc.sentences?.length) return doc.sentences;
  return doc.body ? [{ text: doc.body, start: 0, end: doc.body.length, paragraph: 0 }] : [];
}

/** The constraints that need no window: datelines without year, reported dates, tenures, events, "dernier" dates. */
function firstPass(
  doc: SegmentedDoc,
  sentences: Sentence[],
  mentions: Mention[],
  cg: CompiledGazetteer,
  kb: CompiledKb,
  deliveries: readonly Delivery[] = [],
  ungated = false,
) {
  const yearless = findYearlessDateline(doc.body);
  const gates = ungated ? null : sentenceGates(doc, sentences, cg, kb);
  const constraints = [
    ...(yearless ? [yearlessDatelineConstraint(yearless)] : []),
    ...explicitDateConstraints(sentences, gates),
    ...tenureConstraints(doc.body, sentences, mentions, cg),
    ...eventConstraints(sentences, kb, gates),
    ...meetingConstraints(sentences, mentions, kb),
    ...yearlessConstraints(sentences, gates),
    ...plainYearlessClues(sentences, gates),
    ...deliveryConstraints(deliveries, kb, sentences),
    ...entityClues(mentions, kb, cg, sentences),
  ];
  return { yearless, gates, constraints };
}

/** The constraints that only narrow a window already found (weekdays, resolved "dernier" dates). */
function secondPass(sentences: Sentence[], window: DaySet, gates: Uint8Array | null): Constraint[] {
  return [...resolveDernier(sentences, window, gates), ...weekdayConstraints(sentences, window)];
}

function periodSet(dating: DatingContext | undefined): DaySet {
  if (!dating) return EVERYTHING;
  const from = parseIso(dating.period.from),
    to = parseIso(dating.period.to);
  if (from === null || to === null || from > to) throw new Error(`bad archive period ${dating.period.from} → ${dating.period.to}`);
  return [[from, to]];
}

/** All constraints, in two passes (the second needs the window of the first). For tests/debug. */
export function collectConstraints(
  doc: SegmentedDoc,
  mentions: Mention[],
  cg: CompiledGazetteer,
  dating?: DatingContext,
  deliveries: readonly Delivery[] = [],
): { first: Constraint[]; second: Constraint[] } {
  const sentences = sentencesOf(doc);
  const { gates, constraints: first } = firstPass(doc, sentences, mentions, cg, dating?.kb ?? NO_EVENTS, deliveries);
  return { first, second: secondPass(sentences, solve(first, periodSet(dating)).set, gates) };
}

export function inferDate(doc: SegmentedDoc, mentions: Mention[], cg: CompiledGazetteer, opts: InferDateOptions = {}): DateWindow {
  const fm = fromFrontmatter(opts.frontmatterDate);
  if (fm) return fm;

  const start = periodSet(opts.dating);
  const dl = findDateline(doc.body);
  // A dateline outside the archive period (a typo, "2031") is not trusted: the text decides.
  if (dl && intersect(start, [[dl.day, dl.day]]).length) {
    const v = iso(dl.day);
    return { value: v, earliest: v, latest: v, precision: 'day', basis: 'dateline', evidence: [dl.evidence] };
  }

  const sentences = sentencesOf(doc);
  const { yearless: yd, gates, constraints: first } = firstPass(doc, sentences, mentions, cg, opts.dating?.kb ?? NO_EVENTS, opts.deliveries, opts.ungated);
  const s1 = solve(first, start);
  const second = secondPass(sentences, s1.set, gates);
  const s2 = second.length ? solve(second, s1.set) : { set: s1.set, kept: [], dropped: [] };
  const kept = [...s1.kept, ...s2.kept];
  const cited = [...binding(s1.kept, s1.set), ...binding(s2.kept, s2.set)];
  const estimate = opts.dating
    ? estimateDay(
        s2.set,
        kept,
        sentences,
        parseIso(opts.dating.focusFrom ?? '') ?? undefined,
        entityPrior(mentions, opts.dating.kb),
        officeholdersSpan(mentions, cg, doc.body),
      )
    : null;
  if (estimate?.from && !cited.includes(estimate.from)) cited.push(estimate.from);
  const dropped = [...s1.dropped, ...s2.dropped];
  if (dl) dropped.unshift({ set: [[dl.day, dl.day]], strength: 0, evidence: dl.evidence }); // reported as a conflict
  const w = toWindow({ set: s2.set, kept, dropped }, cited, estimate?.day, opts.dating?.period);
  return markYearless(w, yd, s2.set);
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
  const days = set.map(([n]) => n);
  set[0][0] = -Infinity;
  set[set.length - 1][1] = Infinity;
  return {
    set,
    strength: STRENGTH.yearlessDateline,
    evidence: yd.evidence,
    match: yd.match,
    note: `day ${yd.day}, month ${yd.month}, year from the other constraints`,
    // The publication day itself, in the year the window or the other facts choose.
    clue: { days, span: 0, strong: true, sentence: yd.evidence.offset, lag: 0 },
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
