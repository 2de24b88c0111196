/**
 * How the timeline chart fits its column at any range (pure; unit-tested in tests/chart.test.ts).
 *
 * 1. Range: the chart covers where the bulk of the articles lies, so a few misdated or very old
 *    articles do not stretch it. When every dated month fits in MAX_BARS monthly bars nothing is
 *    cut. Otherwise the range runs from the first to the last "busy" month, one holding at least
 *    half the articles of a typical month (the month of the median article, weighted by articles),
 *    widened by the adjacent month on each side when it holds articles (a first or last month
 *    covered only in part); then an end separated from the rest by more than ISOLATION_GAP empty months and holding at
 *    most OUTLIER_SHARE of the articles is dropped, as long as there is one (a sparse archive
 *    where every month is "busy"). The chart states how many articles fall outside; the table
 *    below it still lists every month.
 * 2. Granularity: months when the range fits in MAX_BARS bars, else quarters, else years.
 */

export type Granularity = 'month' | 'quarter' | 'year';

export interface MonthCount {
  /** "YYYY-MM". */
  month: string;
  count: number;
  /** How many of them are placed by an estimate. */
  estimated: number;
}

export interface Bar {
  /** First month the bar covers ("YYYY-MM"). */
  first: string;
  /** Last month the bar covers. */
  last: string;
  count: number;
  estimated: number;
  /** The latest month of the bar holding articles (null for an empty bar). */
  latestFilled: string | null;
}

export interface ChartPlan {
  granularity: Granularity;
  bars: Bar[];
  /** Dated articles before the first bar and after the last (listed in the table only). */
  before: number;
  after: number;
}

/** Bars that fit the text column (46rem less padding ≈ 704 px) at ≥ 14 px each. */
export const MAX_BARS = 48;
/** A busy month holds at least this share of a typical month's articles. */
export const BUSY_SHARE = 0.5;
/** Empty months that isolate an end of the range from the rest. */
export const ISOLATION_GAP = 12;
/** An isolated end is dropped only if it holds at most this share of the articles. */
export const OUTLIER_SHARE = 0.05;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Months, quarters or years: the finest that fits `spanMonths` (inclusive) in `maxBars` bars. */
export function granularityFor(spanMonths: number, maxBars = MAX_BARS): Granularity {
  if (spanMonths <= maxBars) return 'month';
  if (Math.ceil(spanMonths / 3) + 1 <= maxBars) return 'quarter';
  return 'year';
}

/**
 * The first and last month the chart covers (indices into `months`, sorted by month, empty
 * months absent). See the module comment for the rule.
 */
export function bulkRange(months: MonthCount[], maxBars = MAX_BARS): { start: number; end: number } {
  const filled = months.filter((m) => m.count > 0);
  if (!filled.length) return { start: 0, end: -1 };
  const index = (i: number) => months.indexOf(filled[i]);
  let start = 0;
  let end = filled.length - 1;
  if (monthIndex(filled[end].month) - monthIndex(filled[0].month) + 1 <= maxBars) return { start: index(start), end: index(end) };

  const total = filled.reduce((n, m) => n + m.count, 0);
  // Typical month: the count of the month holding the median article.
  const byCount = filled.map((m) => m.count).sort((a, b) => a - b);
  let seen = 0;
  let typical = byCount.at(-1)!;
  for (const c of byCount) {
    seen += c;
    if (seen * 2 >= total) {
      typical = c;
      break;
    }
  }
  const busy = (m: MonthCount) => m.count >= typical * BUSY_SHARE;
  while (start < end && !busy(filled[start])) start++;
  while (end > start && !busy(filled[end])) end--;
  // The month just before or after a busy run is often covered in part (an archive's first and
  // last months): it stays when it holds articles.
  if (start > 0 && monthIndex(filled[start - 1].month) === monthIndex(filled[start].month) - 1) start--;
  if (end < filled.length - 1 && monthIndex(filled[end + 1].month) === monthIndex(filled[end].month) + 1) end++;

  // Isolated ends: a small group cut off from the rest by a long empty stretch.
  const limit = total * OUTLIER_SHARE;
  for (let changed = true; changed;) {
    changed = false;
    let head = 0;
    for (let i = start; i < end; i++) {
      head += filled[i].count;
      if (head > limit) break;
      if (monthIndex(filled[i + 1].month) - monthIndex(filled[i].month) - 1 > ISOLATION_GAP) {
        start = i + 1;
        changed = true;
        break;
      }
    }
    let tail = 0;
    for (let i = end; i > start; i--) {
      tail += filled[i].count;
      if (tail > limit) break;
      if (monthIndex(filled[i].month) - monthIndex(filled[i - 1].month) - 1 > ISOLATION_GAP) {
        end = i - 1;
        changed = true;
        break;
      }
    }
  }
  return { start: index(start), end: index(end) };
}

/** The chart: its range, granularity and bars (empty periods included: the x axis is linear in time). */
export function planChart(months: MonthCount[], maxBars = MAX_BARS): ChartPlan | null {
  const sorted = [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const { start, end } = bulkRange(sorted, maxBars);
  if (end < start) return null;
  const from = monthIndex(sorted[start].month);
  const to = monthIndex(sorted[end].month);
  const granularity = granularityFor(to - from + 1, maxBars);
  const size = granularity === 'month' ? 1 : granularity === 'quarter' ? 3 : 12;
  // Bars aligned on calendar quarters and years.
  const first = from - (from % size);
  const bars: Bar[] = [];
  for (let i = first; i <= to; i += size) bars.push({ first: monthAt(i), last: monthAt(i + size - 1), count: 0, estimated: 0, latestFilled: null });
  const last = first + bars.length * size - 1;
  let before = 0;
  let after = 0;
  for (const m of sorted) {
    const at = monthIndex(m.month);
    if (at < first) before += m.count;
    else if (at > last) after += m.count;
    else {
      const bar = bars[Math.floor((at - first) / size)];
      bar.count += m.count;
      bar.estimated += m.estimated;
      if (m.count > 0) bar.latestFilled = m.month;
    }
  }
  return { granularity, bars, before, after };
}
