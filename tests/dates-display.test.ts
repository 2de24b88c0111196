/** How an article dated only by the archive period is shown: as undated, with the period; not charted. */
import { describe, expect, it } from 'vitest';
import { chartMonthOf, displayDate } from '../src/lib/site/dates.ts';

type W = Parameters<typeof displayDate>[0];

describe('a date that only the archive period bounds', () => {
  const period = {
    value: '2024-07-14',
    earliest: '2014-01-01',
    latest: '2026-06-30',
    precision: 'range',
    basis: 'period',
    evidence: [],
    archive: { from: '2014-01-01', to: '2026-06-30' },
  } as W;

  it('is said to be not established, with the period as its window', () => {
    const shown = displayDate(period);
    expect(shown.text).toBe('date non établie (entre le 1er janvier 2014 et le 30 juin 2026)');
    expect(shown.parts.map((p) => p.datetime)).toEqual(['2014-01-01', '2026-06-30']);
  });

  it('is not charted under its estimate; an inferred window is, as an estimate', () => {
    expect(chartMonthOf(period)).toBeNull();
    expect(chartMonthOf({ ...period, basis: 'inferred', earliest: '2023-07-11' } as W)).toEqual({ month: '2024-07', estimated: true });
  });
});
