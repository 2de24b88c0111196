/**
 * From article-level delivery rows to delivery events: the same pledge reported by several
 * outlets over days becomes one event, with every report, its first and latest report and its
 * status history (announced → delivered).
 *
 * A pure function of the rows, run on every build: the articles keep their facts exactly as
 * extracted, and each report of an event records why it joined (`reason`), so the merge can be
 * explained row by row and undone by reading the reports back. The rules (statuses, time windows)
 * are in ./rules.ts.
 *
 * Rows are merged in three passes, each in a fixed order (date, article, row), so the result does
 * not depend on the order rows are given in:
 *  1. rows naming supplier and recipient, placed in time: joined to the nearest compatible event
 *     of the same supplier, recipient and system, or founding one;
 *  2. rows with an unknown supplier or recipient, placed in time: joined to a compatible event
 *     whose known parties agree when those events all name the same parties (the missing party is
 *     then inferred, and flagged in `inferred`); otherwise grouped with rows of the same unknown;
 *  3. rows whose article date is too vague: joined to the one compatible event within reach of
 *     its window when there is exactly one (time cannot decide between several); rows whose date
 *     is unknown: the same, and only when both state the same quantity. Otherwise grouped with the
 *     other such rows of the same parties and system.
 */
import { createHash } from 'node:crypto';
import { LIFECYCLE, MERGE_RULES, STATUS_ORDER } from './rules.ts';

/** One delivery fact of one article, as extracted (the frontmatter's `deliveries[i]`) with the article's date. */
export interface DeliveryRow {
  /** Article id (slug). */
  article: string;
  /** Index of the row in the article's `deliveries`. */
  index: number;
  /** The article's publication date window (frontmatter `date`). */
  date: { value: string | null; earliest: string | null; latest: string | null };
  supplier: string | null;
  recipient: string | null;
  weapon: string;
  quantity: number | null;
  quantityText?: string | null;
  status: string;
}

/** Why a report is part of its event. */
export type MergeReason =
  /** The first report: the event was founded by it. */
  | 'first'
  /** Same stage as the event (or a status outside the lifecycle, identical), close in time. */
  | 'same-stage'
  /** A later stage of the lifecycle (announced → delivered) within the progression window. */
  | 'progression'
  /** An earlier stage reported shortly after the later one (an outlet relaying older news). */
  | 'echo'
  /** The article's date is unknown or too vague: the only compatible event. */
  | 'only-candidate'
  /** The article's date is unknown or too vague and several events were possible: kept with other such reports. */
  | 'undated';

export interface EventReport {
  article: string;
  index: number;
  /** The article's best date (YYYY-MM-DD), or null when its date is unknown or too vague to place the report. */
  date: string | null;
  status: string;
  quantity: number | null;
  reason: MergeReason;
  /** Parties the row did not name and the event supplied ("supplier", "recipient"). */
  inferred?: Array<'supplier' | 'recipient'>;
  /** Days between the report and the event's reports before it (0: overlapping), when placed in time. */
  gapDays?: number;
}

export interface StatusStep {
  status: string;
  /** Date of the first report at this status (null: only undated reports). */
  first: string | null;
  /** Article of that first report. */
  article: string;
}

export interface DeliveryEvent {
  /** Stable id: a hash of the founding report's article, parties, system, status and quantity. */
  id: string;
  supplier: string | null;
  recipient: string | null;
  weapon: string;
  /** Units, when a report states them (reports that state one all agree). */
  quantity: number | null;
  /** A vague amount ("des dizaines") when no report states a number. */
  quantityText: string | null;
  /** The furthest stage reported (the status itself outside the lifecycle). */
  status: string;
  /** First report of each status, in lifecycle order. */
  history: StatusStep[];
  /** Every report, oldest first (undated last). */
  reports: EventReport[];
  /** Reporting articles, each once, oldest report first. */
  articles: string[];
  /** Dates of the first and latest report placed in time (null when none is: unknown or vague dates only). */
  first: string | null;
  latest: string | null;
}

export interface MergeResult {
  events: DeliveryEvent[];
  /** Event id of each row, keyed by rowKey(article, index). */
  eventOf: Map<string, string>;
}

export const rowKey = (article: string, index: number) => `${article}#${index}`;

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

interface Placement {
  /** Best date, as a day number. */
  best: number;
  lo: number;
  hi: number;
}

/** Best date of a window: the value, else the middle of a closed window, else its one bound. */
function bestDate(date: DeliveryRow['date']): string | null {
  if (date.value) return date.value;
  if (date.earliest && date.latest) return isoOf(Math.floor((dayNumber(date.earliest) + dayNumber(date.latest)) / 2));
  return date.earliest ?? date.latest;
}

/** Where a row sits in time, or null when its article's date is unknown or too vague to merge by. */
function place(date: DeliveryRow['date']): Placement | null {
  const lo = date.earliest ?? date.value;
  const hi = date.latest ?? date.value;
  if (!lo || !hi) return null;
  const [l, h] = [dayNumber(lo), dayNumber(hi)];
  if (h - l > MERGE_RULES.maxWindowDays) return null;
  const best = date.value ? dayNumber(date.value) : Math.floor((l + h) / 2);
  return { best, lo: Math.min(l, best), hi: Math.max(h, best) };
}

const family = (status: string) => (status in LIFECYCLE ? 'lifecycle' : `status:${status}`);
const rank = (status: string) => LIFECYCLE[status] ?? -1;

interface Work {
  row: DeliveryRow;
  placement: Placement | null;
  best: string | null;
  /** The article's date window when both bounds are known (even if too wide to place the row). */
  window: { lo: number; hi: number } | null;
  /** In a pass placed in time: the earliest day this row or any after it in the pass starts at (set by timedPass). */
  reachFrom: number;
}

/** Events by list key (see listKeys), each list in founding order. */
type EventLists = Map<string, Building[]>;

const named = (e: { supplier: string | null; recipient: string | null }) => e.supplier != null && e.recipient != null;

/** The lists an event is found in: its parties and system; named, also by system alone and with either party. */
function listKeys(e: Building): string[] {
  const keys = [`parties:${partyKey(e.supplier, e.recipient, e.weapon)}`];
  if (named(e)) keys.push(`named:${e.weapon}`, `supplier:${e.supplier}|${e.weapon}`, `recipient:${e.recipient}|${e.weapon}`);
  return keys;
}

/** The list of the events a row naming at most one party may take its missing party from (see inferable). */
function inferableKey(row: DeliveryRow): string {
  if (row.supplier != null) return `supplier:${row.supplier}|${row.weapon}`;
  if (row.recipient != null) return `recipient:${row.recipient}|${row.weapon}`;
  return `named:${row.weapon}`;
}

function append(lists: EventLists, key: string, event: Building): void {
  const list = lists.get(key);
  if (list) list.push(event);
  else lists.set(key, [event]);
}

/** The farthest apart in days a placed report and an event may be and still join (joinReason's gaps). */
const MAX_GAP_DAYS = Math.max(MERGE_RULES.sameStageDays, MERGE_RULES.progressionDays);

/**
 * Prepares a pass over `works` (in time order) that places rows in time: sets each row's
 * `reachFrom`, the earliest start of it and every row after it, and returns copies of the event
 * lists that the pass will prune as it goes. Without the pruning every row scanned every earlier
 * event of its system, which made the merge quadratic in the size of the archive.
 */
function timedPass(all: EventLists, works: Work[]): EventLists {
  let from = Infinity;
  for (let i = works.length - 1; i >= 0; i--) {
    const placement = works[i].placement;
    if (placement) from = Math.min(from, placement.lo);
    works[i].reachFrom = from;
  }
  return new Map([...all].map(([key, list]) => [key, [...list]]));
}

/**
 * `list` without the events no row from here on can join, removed in place and in order (so the
 * nearest match and its ties are the same as over the whole list): an event placed in time that
 * ends more than MAX_GAP_DAYS before `reachFrom` is past reach, and stays so, since `reachFrom`
 * only grows along the pass and an event only grows by a row joining it.
 */
function reachable(list: Building[], reachFrom: number): Building[] {
  let kept = 0;
  for (const event of list) if (!(event.placed && reachFrom - event.hi > MAX_GAP_DAYS)) list[kept++] = event;
  list.length = kept;
  return list;
}

interface Building {
  id: string;
  supplier: string | null;
  recipient: string | null;
  weapon: string;
  family: string;
  quantity: number | null;
  /** Span of the placed reports' windows. */
  lo: number;
  hi: number;
  placed: boolean;
  /** Span of every report's bounded date window (placed or not). */
  wlo: number;
  whi: number;
  maxRank: number;
  /** Day the furthest stage was first reported. */
  maxRankDay: number;
  reports: Array<EventReport & { work: Work }>;
}

const partyKey = (supplier: string | null, recipient: string | null, weapon: string) => `${supplier ?? ''}|${recipient ?? ''}|${weapon}`;

/** Same status family, and quantities equal or one unstated. */
function compatible(event: Building, row: DeliveryRow): boolean {
  return family(row.status) === event.family && (row.quantity == null || event.quantity == null || row.quantity === event.quantity);
}

/** How `work` would join `event`, or null when they cannot be one event. `timed`: compare dates. */
function joinReason(event: Building, work: Work, timed: boolean): { reason: MergeReason; gap?: number } | null {
  const { row, placement } = work;
  if (!compatible(event, row)) return null;
  if (!timed) {
    if (work.window) {
      // A wide but bounded window still rules out events far from it.
      if (event.whi >= event.wlo && Math.max(0, work.window.lo - event.whi, event.wlo - work.window.hi) > MERGE_RULES.progressionDays) return null;
    } else if (row.quantity == null || row.quantity !== event.quantity) {
      // Nothing places the report in time: only the same stated quantity identifies the pledge.
      return null;
    }
    return { reason: 'only-candidate' };
  }
  if (!placement || !event.placed) return null;
  const gap = Math.max(0, placement.lo - event.hi, event.lo - placement.hi);
  if (event.family !== 'lifecycle') return gap <= MERGE_RULES.sameStageDays ? { reason: 'same-stage', gap } : null;
  const r = rank(row.status);
  if (r === event.maxRank) return gap <= MERGE_RULES.sameStageDays ? { reason: 'same-stage', gap } : null;
  if (r > event.maxRank) return gap <= MERGE_RULES.progressionDays ? { reason: 'progression', gap } : null;
  return placement.lo - event.maxRankDay <= MERGE_RULES.echoDays && gap <= MERGE_RULES.progressionDays ? { reason: 'echo', gap } : null;
}

/**
 * The event's id, from the content of its founding report: its article, parties, system, status
 * and quantity (not the row's position, which changes when extraction finds more in the article).
 */
function eventId(work: Work, taken: Set<string>): string {
  const { row } = work;
  const digest = createHash('sha256')
    .update([row.article, partyKey(row.supplier, row.recipient, row.weapon), row.status, row.quantity ?? ''].join('\n'))
    .digest('hex');
  let id = `e${digest.slice(0, 11)}`;
  for (let n = 2; taken.has(id); n++) id = `e${digest.slice(0, 11)}-${n}`;
  taken.add(id);
  return id;
}

/** Merges article-level delivery rows into delivery events. Pure: same rows (in any order), same events. */
export function mergeDeliveries(rows: readonly DeliveryRow[]): MergeResult {
  const works: Work[] = rows.map((row) => ({
    row,
    placement: place(row.date),
    best: bestDate(row.date),
    window: row.date.earliest && row.date.latest ? { lo: dayNumber(row.date.earliest), hi: dayNumber(row.date.latest) } : null,
    reachFrom: -Infinity,
  }));
  const byTime = (a: Work, b: Work) =>
    (a.placement?.best ?? Infinity) - (b.placement?.best ?? Infinity) ||
    (a.best ?? '\uffff').localeCompare(b.best ?? '\uffff') ||
    a.row.article.localeCompare(b.row.article) ||
    a.row.index - b.row.index;
  works.sort(byTime);

  const events: Building[] = [];
  /** Every event, by list key. */
  const all: EventLists = new Map();
  /** In a pass placed in time: the events still within reach of the rows left (see `reachable`). */
  let near: EventLists | null = null;
  const taken = new Set<string>();

  const found = (work: Work, reason: MergeReason): Building => {
    const { row } = work;
    const event: Building = {
      id: eventId(work, taken),
      supplier: row.supplier,
      recipient: row.recipient,
      weapon: row.weapon,
      family: family(row.status),
      quantity: null,
      lo: Infinity,
      hi: -Infinity,
      placed: false,
      wlo: Infinity,
      whi: -Infinity,
      maxRank: -1,
      maxRankDay: -Infinity,
      reports: [],
    };
    events.push(event);
    for (const key of listKeys(event)) for (const lists of near ? [all, near] : [all]) append(lists, key, event);
    add(event, work, reason, undefined);
    return event;
  };

  const add = (event: Building, work: Work, reason: MergeReason, gap: number | undefined) => {
    const { row, placement } = work;
    const inferred: Array<'supplier' | 'recipient'> = [];
    if (row.supplier == null && event.supplier != null) inferred.push('supplier');
    if (row.recipient == null && event.recipient != null) inferred.push('recipient');
    event.reports.push({
      article: row.article,
      index: row.index,
      date: placement ? work.best : null,
      status: row.status,
      quantity: row.quantity,
      reason,
      ...(inferred.length && { inferred }),
      ...(gap !== undefined && { gapDays: gap }),
      work,
    });
    if (event.quantity == null && row.quantity != null) event.quantity = row.quantity;
    if (work.window) {
      event.wlo = Math.min(event.wlo, work.window.lo);
      event.whi = Math.max(event.whi, work.window.hi);
    }
    if (placement) {
      event.placed = true;
      event.lo = Math.min(event.lo, placement.lo);
      event.hi = Math.max(event.hi, placement.hi);
    }
    const r = rank(row.status);
    if (r > event.maxRank) {
      event.maxRank = r;
      event.maxRankDay = placement?.lo ?? -Infinity;
    }
  };

  /** The nearest event of `candidates` `work` can join, with how. */
  const nearest = (candidates: Building[], work: Work, timed: boolean) => {
    let best: { event: Building; reason: MergeReason; gap?: number } | undefined;
    for (const event of candidates) {
      const how = joinReason(event, work, timed);
      if (!how) continue;
      if (!best || (how.gap ?? 0) < (best.gap ?? 0)) best = { event, ...how };
    }
    return best;
  };
  /** The events of one list `work` may join: in a pass placed in time, those still within reach. */
  const candidates = (key: string, work: Work) => (near ? reachable(near.get(key) ?? [], work.reachFrom) : (all.get(key) ?? []));
  /** Events of the same system whose known parties agree with the row's, naming both parties. */
  const inferable = (work: Work) => candidates(inferableKey(work.row), work);
  const sameParties = (work: Work) => candidates(`parties:${partyKey(work.row.supplier, work.row.recipient, work.row.weapon)}`, work);
  /** Candidates of one party pair only (several pairs: the missing party is ambiguous). */
  const unambiguous = (candidates: Building[], work: Work, timed: boolean) => {
    const fitting = candidates.filter((e) => joinReason(e, work, timed));
    return new Set(fitting.map((e) => partyKey(e.supplier, e.recipient, e.weapon))).size === 1 ? fitting : [];
  };

  const complete = works.filter((w) => w.row.supplier != null && w.row.recipient != null);
  const partial = works.filter((w) => w.row.supplier == null || w.row.recipient == null);

  // Pass 1: both parties named, placed in time.
  near = timedPass(all, complete);
  for (const work of complete) {
    if (!work.placement) continue;
    const match = nearest(sameParties(work), work, true);
    if (match) add(match.event, work, match.reason, match.gap);
    else found(work, 'first');
  }
  // Pass 2: a party unknown, placed in time.
  near = timedPass(all, partial);
  for (const work of partial) {
    if (!work.placement) continue;
    const match = nearest(unambiguous(inferable(work), work, true), work, true) ?? nearest(sameParties(work), work, true);
    if (match) add(match.event, work, match.reason, match.gap);
    else found(work, 'first');
  }
  // Pass 3: not placed in time (unknown or vague article date).
  near = null;
  for (const work of [...complete, ...partial]) {
    if (work.placement) continue;
    const { row } = work;
    const sameKey = sameParties(work);
    const own = sameKey.filter((e) => joinReason(e, work, false));
    const others = row.supplier == null || row.recipient == null ? unambiguous(inferable(work), work, false) : [];
    const placed = [...new Set([...own, ...others])].filter((e) => e.placed);
    if (placed.length === 1) {
      add(placed[0], work, 'only-candidate', undefined);
      continue;
    }
    // No dated event, or several: kept with the other vague reports of the same parties and system.
    const apart = sameKey.find((e) => !e.placed && compatible(e, row));
    if (apart) add(apart, work, 'undated', undefined);
    else found(work, placed.length ? 'undated' : 'first');
  }

  const eventOf = new Map<string, string>();
  const out = events.map((e) => finish(e, eventOf));
  out.sort((a, b) => (a.first ?? '\uffff').localeCompare(b.first ?? '\uffff') || a.id.localeCompare(b.id));
  return { events: out, eventOf };
}

function finish(event: Building, eventOf: Map<string, string>): DeliveryEvent {
  const reports = [...event.reports].sort((a, b) => byReportTime(a.work, b.work));
  const history = new Map<string, StatusStep>();
  for (const r of reports) {
    if (!history.has(r.status)) history.set(r.status, { status: r.status, first: r.date, article: r.article });
    eventOf.set(rowKey(r.article, r.index), event.id);
  }
  const order = (s: string) => {
    const i = STATUS_ORDER.indexOf(s);
    return i < 0 ? STATUS_ORDER.length : i;
  };
  const steps = [...history.values()].sort((a, b) => rank(a.status) - rank(b.status) || order(a.status) - order(b.status) || a.status.localeCompare(b.status));
  const span = reports.filter((r) => r.date).map((r) => r.date!);
  const status =
    event.family === 'lifecycle'
      ? steps.filter((s) => rank(s.status) === event.maxRank).sort((a, b) => order(b.status) - order(a.status))[0].status
      : reports[0].status;
  return {
    id: event.id,
    supplier: event.supplier,
    recipient: event.recipient,
    weapon: event.weapon,
    quantity: event.quantity,
    quantityText: event.quantity == null ? (reports.find((r) => r.work.row.quantityText)?.work.row.quantityText ?? null) : null,
    status,
    history: steps,
    reports: reports.map(({ work: _work, ...r }) => r),
    articles: [...new Set(reports.map((r) => r.article))],
    first: span.length ? span.reduce((a, b) => (a < b ? a : b)) : null,
    latest: span.length ? span.reduce((a, b) => (a > b ? a : b)) : null,
  };
}

function byReportTime(a: Work, b: Work): number {
  const da = a.placement?.best ?? (a.best ? dayNumber(a.best) : Infinity);
  const db = b.placement?.best ?? (b.best ? dayNumber(b.best) : Infinity);
  return da - db || a.row.article.localeCompare(b.row.article) || a.row.index - b.row.index;
}
