/** The search page's state and URL logic, without a browser (src/lib/search, src/client/search). */
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_WORDS, normalizeQuery } from '../src/lib/search/query.ts';
import { parseSearchQuery, searchQuery } from '../src/lib/search/url.ts';
import {
  FACET_PREVIEW,
  effectiveSort,
  facetView,
  formatCount,
  isIdle,
  pagefindFilters,
  searchOptions,
  selectionFrom,
  totalsOf,
} from '../src/client/search/state.ts';
import { SEARCH_SCRIPT_KEYS, searchText } from '../src/client/search/text.ts';
import { t } from '../src/i18n/index.ts';

describe('query normalisation', () => {
  it('reads a line break or tab in q as a space, as the search box shows it', () => {
    // The box (an <input>) drops line breaks: a q that keeps them never equals what the box holds,
    // and the page waited forever for the reader to finish typing ("Chargement…").
    expect(parseSearchQuery('?q=Caesar%0Ax').q).toBe('Caesar x');
    expect(parseSearchQuery('?q=%20Storm%09%09Shadow%0D%0A').q).toBe('Storm Shadow');
    expect(normalizeQuery('  Leopard\n\n2 ')).toBe('Leopard 2');
  });

  it(`caps a pasted text at ${MAX_QUERY_WORDS} words and ${MAX_QUERY_CHARS} characters, cut at a word end`, () => {
    const words = Array.from({ length: 1500 }, (_, i) => `mot${i}`);
    const q = parseSearchQuery(`?q=${encodeURIComponent(words.join(' '))}`).q;
    expect(q.split(' ')).toEqual(words.slice(0, MAX_QUERY_WORDS));
    const long = normalizeQuery(Array.from({ length: 30 }, () => 'défense-antiaérienne').join(' '));
    expect(long.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(long.split(' ').every((w) => w === 'défense-antiaérienne')).toBe(true);
    expect(normalizeQuery('x'.repeat(1000))).toHaveLength(MAX_QUERY_CHARS);
    // Never half of a surrogate pair at the cut.
    const emoji = normalizeQuery(`${'a'.repeat(MAX_QUERY_CHARS - 1)}🙂`);
    expect(emoji).toBe('a'.repeat(MAX_QUERY_CHARS - 1));
  });

  it('writes the normalised words into the URL, so a shared link holds what was searched', () => {
    expect(searchQuery({ q: 'Caesar\nx' })).toBe('?q=Caesar+x');
    expect(searchQuery(parseSearchQuery(searchQuery({ q: ' a  b ' })))).toBe('?q=a+b');
  });
});

describe('search state', () => {
  const state = parseSearchQuery('?q=Caesar&weapon=Caesar&weapon=Scalp&country=France');

  it('is idle without words and filters, and browses newest first without words', () => {
    expect(isIdle(parseSearchQuery(''))).toBe(true);
    expect(isIdle(parseSearchQuery('?country=France'))).toBe(false);
    expect(effectiveSort(parseSearchQuery('?country=France'))).toBe('date');
    expect(effectiveSort(state)).toBe('relevance');
  });

  it('asks Pagefind for any value within a facet, every facet, or all but one facet', () => {
    expect(pagefindFilters(state.filters)).toEqual({ weapon: { any: ['Caesar', 'Scalp'] }, country: { any: ['France'] } });
    expect(pagefindFilters(state.filters, 'weapon')).toEqual({ country: { any: ['France'] } });
    expect(searchOptions({ ...state, sort: 'date' })).toEqual({ filters: pagefindFilters(state.filters), sort: { date: 'desc' } });
  });

  it('keeps selected values the collapsed facet does not show when a checkbox changes', () => {
    const next = selectionFrom(state.filters, {
      weapon: [
        { value: 'Caesar', checked: false },
        { value: 'Leopard 2', checked: true },
      ],
      country: [{ value: 'France', checked: true }],
    });
    expect(next).toEqual({ weapon: ['Scalp', 'Leopard 2'], country: ['France'] });
    expect(selectionFrom({}, { person: [{ value: 'X', checked: false }] })).toEqual({});
  });
});

describe('facet lists', () => {
  const totals = totalsOf({
    weapon: [
      ['Caesar', 5],
      ['Leopard 2', 5],
      ['Scalp', 2],
      ['Zuzana', 0],
    ],
    year: [
      ['2022', 3],
      ['2023', 9],
    ],
  });

  it('lists most articles first, ties alphabetically, years newest first, and no empty value', () => {
    expect(facetView('weapon', new Set(), undefined, totals, false).visible).toEqual([
      ['Caesar', null],
      ['Leopard 2', null],
      ['Scalp', null],
    ]);
    expect(facetView('year', new Set(), undefined, totals, false).visible.map(([v]) => v)).toEqual(['2023', '2022']);
    expect(facetView('weapon', new Set(), { Scalp: 4, Caesar: 1 }, totals, false).visible).toEqual([
      ['Scalp', 4],
      ['Caesar', 1],
    ]);
  });

  it('keeps a selected value visible, even without articles or beyond the preview', () => {
    const many = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`v${String(i).padStart(2, '0')}`, 20 - i]));
    const view = facetView('source', new Set(['v14', 'gone']), many, undefined, false);
    expect(view.total).toBe(16);
    expect(view.visible.map(([v]) => v)).toEqual(['gone', ...Array.from({ length: FACET_PREVIEW - 1 }, (_, i) => `v0${i}`), 'v14']);
    expect(facetView('source', new Set(), many, undefined, true).visible).toHaveLength(15);
  });

  it('prints counts with French thousands separators', () => {
    expect(formatCount(12345)).toBe('12\u202f345');
    expect(formatCount(999)).toBe('999');
  });
});

describe('UI strings of the search script', () => {
  it('come from src/i18n through the page, placeholders filled by the script', () => {
    const json = JSON.stringify(Object.fromEntries(SEARCH_SCRIPT_KEYS.map((key) => [key, t(`search.${key}`)])));
    const text = searchText(json);
    expect(text('countMany', { count: formatCount(1234) }) + text('countFor', { q: 'Caesar' })).toBe('1\u202f234 articles pour «\u202fCaesar\u202f»');
    expect(text('countOne') + text('filtered', { filters: 'Slovaquie' })).toBe('1 article, filtres\u00a0: Slovaquie');
    expect(text('more', { count: 10 })).toBe('Afficher 10 résultats de plus');
    expect(() => searchText('{}')).toThrow(/search\.loading/);
  });
});
