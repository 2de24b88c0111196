/** The timeline chart's range and granularity rule (src/lib/site/chart.ts). */
import { describe, expect, it } from 'vitest';
import { granularityFor, MAX_BARS, planChart, type ChartPlan, type MonthCount } from '../src/lib/site/chart.ts';

const at = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const idx = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
/** `count(i)` articles in each month from `from` to `to` (inclusive). */
function months(from: string, to: string, count: (i: number) => number): MonthCount[] {
  const out: MonthCount[] = [];
  for (let i = idx(from), k = 0; i <= idx(to); i++, k++) out.push({ month: at(i), count: count(k), estimated: 0 });
  return out.filter((m) => m.count > 0);
}
const total = (ms: MonthCount[]) => ms.reduce((n, m) => n + m.count, 0);
const charted = (plan: ChartPlan) => plan.bars.reduce((n, b) => n + b.count, 0);

describe('granularityFor', () => {
  it('uses months while they fit, then quarters, then years', () => {
    expect(granularityFor(1)).toBe('month');
    expect(granularityFor(MAX_BARS)).toBe('month');
    expect(granularityFor(MAX_BARS + 1)).toBe('quarter');
    expect(granularityFor(10 * 12)).toBe('quarter');
    expect(granularityFor(33 * 12)).toBe('year');
  });
});

describe('planChart', () => {
  it('charts a short archive month by month, every article included', () => {
    const ms = [
      { month: '2023-06', count: 1, estimated: 1 },
      { month: '2024-01', count: 1, estimated: 0 },
      { month: '2024-04', count: 2, estimated: 1 },
    ];
    const plan = planChart(ms)!;
    expect(plan.granularity).toBe('month');
    expect(plan.bars.map((b) => b.first)).toEqual(months('2023-06', '2024-04', () => 1).map((m) => m.month));
    expect(plan.bars.at(-1)).toMatchObject({ count: 2, estimated: 1, latestFilled: '2024-04' });
    expect(plan.bars[1]).toMatchObject({ count: 0, latestFilled: null });
    expect([plan.before, plan.after]).toEqual([0, 0]);
  });

  it('does not let one article from 1994 stretch four years of news', () => {
    const ms = [{ month: '1994-08', count: 1, estimated: 0 }, ...months('2022-02', '2025-12', (i) => 25 + (i % 7))];
    const plan = planChart(ms)!;
    expect(plan.granularity).toBe('month');
    expect(plan.bars[0].first).toBe('2022-02');
    expect(plan.bars.at(-1)!.first).toBe('2025-12');
    expect(plan.before).toBe(1);
    expect(charted(plan) + plan.before + plan.after).toBe(total(ms));
  });

  it('keeps the partly covered first and last months of a busy run', () => {
    const ms = [
      { month: '1994-08', count: 1, estimated: 0 },
      { month: '2022-02', count: 5, estimated: 0 },
      ...months('2022-03', '2022-05', () => 30),
      { month: '2022-06', count: 8, estimated: 0 },
    ];
    const plan = planChart(ms)!;
    expect(plan.bars.map((b) => b.first)).toEqual(['2022-02', '2022-03', '2022-04', '2022-05', '2022-06']);
    expect(plan.before).toBe(1);
  });

  it('leaves a thin spread of misdated articles over earlier years out of the chart, and says how many', () => {
    // Years of a few articles a month (up to a dozen), then the war's coverage at ~30 a month.
    const noise = months('2012-01', '2021-12', (i) => (i % 3 === 0 ? 1 + (i % 7) : i === 113 ? 12 : 0));
    const bulk = months('2022-03', '2025-12', (i) => 20 + ((i * 7) % 30));
    const tail = [{ month: '2026-02', count: 2, estimated: 0 }];
    const ms = [...noise, ...bulk, ...tail];
    const plan = planChart(ms)!;
    expect(plan.granularity).toBe('month');
    expect(plan.bars[0].first).toBe('2022-03');
    expect(plan.bars.at(-1)!.first).toBe('2025-12');
    expect(plan.before).toBe(total(noise));
    expect(plan.after).toBe(2);
  });

  it('drops an isolated old article from a sparse archive too, and groups six years by quarter', () => {
    const ms = [{ month: '1994-08', count: 1, estimated: 0 }, ...months('2020-01', '2025-12', () => 1)];
    const plan = planChart(ms)!;
    expect(plan.before).toBe(1);
    expect(plan.granularity).toBe('quarter');
    expect(plan.bars).toHaveLength(24);
    expect(plan.bars.every((b) => b.count === 3)).toBe(true);
    expect(plan.bars[0]).toMatchObject({ first: '2020-01', last: '2020-03', latestFilled: '2020-03' });
  });

  it('keeps a large group even when a long gap separates it from the rest', () => {
    const ms = [...months('2012-01', '2013-12', () => 10), ...months('2020-01', '2021-12', () => 10)];
    const plan = planChart(ms)!;
    expect([plan.before, plan.after]).toEqual([0, 0]);
    expect(plan.granularity).toBe('quarter');
    expect(plan.bars[0].first).toBe('2012-01');
  });

  it('groups decades of even coverage by year, bars aligned on calendar years', () => {
    const ms = months('1990-05', '2025-03', (i) => 1 + (i % 4));
    const plan = planChart(ms)!;
    expect(plan.granularity).toBe('year');
    expect(plan.bars).toHaveLength(36);
    expect(plan.bars[0]).toMatchObject({ first: '1990-01', last: '1990-12' });
    expect(plan.bars.length).toBeLessThanOrEqual(MAX_BARS);
    expect(charted(plan)).toBe(total(ms));
  });

  it('returns nothing to draw without dated articles', () => {
    expect(planChart([])).toBeNull();
  });
});
