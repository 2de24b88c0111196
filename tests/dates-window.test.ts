import { afterEach, describe, expect, it, vi } from 'vitest';
import { inferDate } from '../src/lib/extract/dates/index.ts';
import { precisionOf, solve, toWindow, valueOf } from '../src/lib/extract/dates/window.ts';
import { dayNum } from '../src/lib/extract/dates/calendar.ts';
import type { Constraint } from '../src/lib/extract/dates/constraint.ts';
import { dating, doc, gazetteer, person } from './dates-fixtures.ts';

const cg = gazetteer();
const day = (s: string) => dayNum(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
const c = (lo: string | null, hi: string | null, strength: number, rule: string): Constraint => ({
  set: [[lo ? day(lo) : -Infinity, hi ? day(hi) : Infinity]],
  strength,
  evidence: { text: rule, offset: 0, rule },
});

describe('window solving', () => {
  it('intersects constraints and cites the ones that set a bound', () => {
    const w = toWindow(
      solve([
        c('2023-09-06', '2025-07-24', 50, 'office-tenure'),
        c('2023-08-24', '2024-03-24', 35, 'anchor-relative'),
        c('2022-02-24', null, 46, 'explicit-date'),
      ]),
    );
    expect(w).toMatchObject({ earliest: '2023-09-06', latest: '2024-03-24', value: '2023-12-15', precision: 'range', basis: 'inferred' });
    expect(w.evidence.map((e) => e.rule)).toEqual(['office-tenure', 'anchor-relative']);
  });

  it('drops the weakest conflicting constraint and reports it', () => {
    const s = solve([c('2024-01-18', null, 46, 'explicit-date'), c('2021-09-15', '2022-09-13', 50, 'office-tenure')]);
    expect(s.dropped.map((x) => x.evidence.rule)).toEqual(['explicit-date']);
    const w = toWindow(s);
    expect(w).toMatchObject({ earliest: '2021-09-15', latest: '2022-09-13' });
    expect(w.evidence.at(-1)).toEqual({ text: 'explicit-date', offset: 0, rule: 'conflict' });
  });

  it('reports a conflict between a tenure and a misread date in inferDate', () => {
    const body = "La ministre britannique des Affaires étrangères Liz Truss a parlé. Le 18 janvier 2024, la France a annoncé l'envoi de missiles.";
    const w = inferDate(doc(body), [person(body, 'Liz Truss', 'liz-truss')], cg);
    expect(w).toMatchObject({ earliest: '2021-09-15', latest: '2022-09-13', basis: 'inferred' });
    expect(w.evidence).toContainEqual({ text: "Le 18 janvier 2024, la France a annoncé l'envoi de missiles.", offset: 67, rule: 'conflict' });
  });

  it('classifies precision', () => {
    expect(precisionOf(day('2024-01-18'), day('2024-01-18'))).toBe('day');
    expect(precisionOf(day('2024-01-02'), day('2024-01-30'))).toBe('month');
    expect(precisionOf(day('2024-01-11'), day('2024-09-28'))).toBe('year');
    expect(precisionOf(day('2023-09-06'), day('2024-03-24'))).toBe('range');
    expect(precisionOf(day('2025-02-01'), null)).toBe('range');
    expect(precisionOf(null, null)).toBe('unknown');
  });

  it('takes the midpoint as value, snapped into the set; earliest + 30 days with only a lower bound; latest with only an upper bound', () => {
    expect(valueOf([[day('2024-01-11'), day('2024-09-28')]])).toBe(day('2024-05-20'));
    expect(
      valueOf([
        [day('2020-01-01'), day('2020-05-01')],
        [day('2020-12-20'), day('2020-12-31')],
      ]),
    ).toBe(day('2020-05-01'));
    expect(valueOf([[day('2025-02-01'), Infinity]])).toBe(day('2025-03-03'));
    expect(valueOf([[-Infinity, day('2025-02-01')]])).toBe(day('2025-02-01'));
    // Gaps: the lagged target snaps to the nearest possible day (here the lower bound itself).
    expect(
      valueOf([
        [day('2024-11-21'), day('2024-11-21')],
        [day('2025-11-21'), Infinity],
      ]),
    ).toBe(day('2024-11-21'));
  });

  it('keeps precision "range" for a half-open window even though it has a value', () => {
    const w = inferDate(doc('Depuis le 24 février 2022, la Russie a lancé des milliers de missiles.'), [], cg);
    expect(w).toMatchObject({ earliest: '2022-02-24', latest: null, value: '2022-03-26', precision: 'range', basis: 'inferred' });
  });

  it('returns an unknown window when nothing constrains the date and no archive period is given', () => {
    expect(inferDate(doc('Le ministre a parlé jeudi.'), [], cg)).toEqual({
      value: null,
      earliest: null,
      latest: null,
      precision: 'unknown',
      basis: 'unknown',
      evidence: [],
    });
  });
});

describe('clock independence', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same window whatever the system date', () => {
    const body = "Le président américain Joe Biden a parlé hier jeudi. Près de deux ans après le début de l'invasion, le front est figé.";
    const mentions = [person(body, 'Joe Biden', 'joe-biden')];
    const before = inferDate(doc(body), mentions, cg, { dating: dating() });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2099-06-01T00:00:00Z'));
    expect(inferDate(doc(body), mentions, cg, { dating: dating() })).toEqual(before);
    expect(before).toMatchObject({ earliest: '2023-08-24', latest: '2024-03-24' });
  });
});
