/**
 * The search's year facet files an article under the year of its date, except an article nothing
 * in its text dates (basis "period": only the archive period bounds it, the page says "date non
 * établie"): its guessed middle-of-the-archive year would put it in a year it may not belong to.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/content.config.ts';
import { articleFacets, facetCounts, facetYear } from '../src/lib/search/facets.ts';

type DateData = Article['date'];
const date = (d: Partial<DateData>): DateData => ({
  value: '2024-07-14',
  earliest: '2014-01-01',
  latest: '2026-12-02',
  precision: 'range',
  basis: 'inferred',
  evidence: [],
  ...d,
});
const article = (d: Partial<DateData>): Article =>
  ({ title: 'Essai', date: date(d), weapons: [], countries: [], people: [], organizations: [], source: null }) as unknown as Article;

describe('year facet', () => {
  it('files a dated or inferred article under its year', () => {
    expect(facetYear(date({ value: '2023-02-14', earliest: '2023-02-14', latest: '2023-02-14', precision: 'day', basis: 'dateline' }))).toBe('2023');
    expect(facetYear(date({ value: '2024-06-06', earliest: '2024-06-06', latest: '2024-06-20' }))).toBe('2024');
  });

  it('leaves an article dated only by the archive period out of every year', () => {
    const undated = article({ basis: 'period', archive: { from: '2014-01-01', to: '2026-12-02' } });
    expect(facetYear(undated.date)).toBeUndefined();
    expect(articleFacets(undated).year).toEqual([]);
    const counts = facetCounts([undated, article({ value: '2024-03-01' })]);
    expect(counts.year).toEqual({ '2024': 1 });
  });

  it('files no year for an unknown date', () => {
    expect(facetYear(date({ value: null, earliest: null, latest: null, precision: 'unknown', basis: 'unknown' }))).toBeUndefined();
  });
});
