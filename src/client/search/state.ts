/**
 * The search page's pure logic, without a DOM: what a state asks Pagefind for, which facet values
 * a facet lists and in which order, and how checkbox changes become a new selection. Unit-tested
 * in tests/search-state.test.ts; page.ts applies it to the page.
 */
import { SEARCH_FILTERS, type SearchFilter } from '../../lib/search/filters.ts';
import type { FacetCounts, FacetList } from '../../lib/search/facets.ts';
import type { SearchState } from '../../lib/search/url.ts';

/** Values shown per facet before "show all". */
export const FACET_PREVIEW = 10;

export function hasFilters(s: SearchState): boolean {
  return SEARCH_FILTERS.some((key) => (s.filters[key]?.length ?? 0) > 0);
}

/** No words and no filter: nothing to search, the page invites the reader to start. */
export function isIdle(s: SearchState): boolean {
  return !s.q && !hasFilters(s);
}

/** Without words there is no relevance: browsing lists newest first. */
export function effectiveSort(s: SearchState): 'relevance' | 'date' {
  return s.q ? s.sort : 'date';
}

/** Pagefind filter object: `any` within a facet, facets combined with AND; `without` one facet. */
export function pagefindFilters(filters: SearchState['filters'], without?: SearchFilter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SEARCH_FILTERS) {
    const values = filters[key];
    if (key !== without && values?.length) out[key] = { any: values };
  }
  return out;
}

/** Pagefind search options of a state: its filters (but `without`) and its sort. */
export function searchOptions(s: SearchState, without?: SearchFilter): Record<string, unknown> {
  const options: Record<string, unknown> = { filters: pagefindFilters(s.filters, without) };
  if (effectiveSort(s) === 'date') options.sort = { date: 'desc' };
  return options;
}

/** A facet checkbox on the page: its value and whether it is checked. */
export interface ShownValue {
  value: string;
  checked: boolean;
}

/**
 * The selection after the reader changed checkboxes: per facet, the checked values shown, plus
 * the selected values the collapsed list does not show (kept).
 */
export function selectionFrom(previous: SearchState['filters'], shown: Partial<Record<SearchFilter, ShownValue[]>>): SearchState['filters'] {
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const boxes = shown[key] ?? [];
    const shownValues = new Set(boxes.map((b) => b.value));
    const kept = (previous[key] ?? []).filter((v) => !shownValues.has(v));
    const values = [...kept, ...boxes.filter((b) => b.checked).map((b) => b.value)];
    if (values.length) filters[key] = values;
  }
  return filters;
}

/** The archive's facet counts, and each facet's values in French alphabetical order (rank). */
export interface Totals {
  counts: FacetCounts;
  rank: Record<SearchFilter, Map<string, number>>;
}

/** Totals from recherche/facettes.json (values already in French alphabetical order). */
export function totalsOf(facets: Partial<FacetList>): Totals {
  const counts = {} as FacetCounts;
  const rank = {} as Totals['rank'];
  for (const key of SEARCH_FILTERS) {
    counts[key] = Object.fromEntries(facets[key] ?? []);
    rank[key] = new Map((facets[key] ?? []).map(([value], i) => [value, i]));
  }
  return { counts, rank };
}

/** The rows a facet lists: value and count (null: count not known yet). */
export interface FacetView {
  /** Rows to show (the preview, or all when expanded), selected values always among them. */
  visible: Array<[string, number | null]>;
  /** How many values the facet has in all (a "show all" button when over FACET_PREVIEW). */
  total: number;
}

/**
 * What a facet lists. `known`: the per-result counts of the facet, when loaded; else the
 * archive's values (`totals`) without numbers. Values without articles are dropped unless
 * selected; most articles first, ties in French alphabetical order; years newest first.
 */
export function facetView(
  key: SearchFilter,
  selected: ReadonlySet<string>,
  known: Record<string, number> | undefined,
  totals: Totals | undefined,
  expanded: boolean,
): FacetView {
  const rank = totals?.rank[key];
  const alphabetical = (a: string, b: string) => (rank?.get(a) ?? Infinity) - (rank?.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  const values: Array<[string, number | null]> = Object.entries(known ?? totals?.counts[key] ?? {})
    .filter(([value, count]) => count > 0 || selected.has(value))
    .sort(([a, ca], [b, cb]) => (key === 'year' ? alphabetical(b, a) : cb - ca || alphabetical(a, b)))
    .map(([value, count]) => [value, known ? count : null]);
  // A selected value stays visible even when no longer in the preview.
  for (const value of selected) if (!values.some(([v]) => v === value)) values.unshift([value, known ? 0 : null]);
  const visible = expanded ? values : values.filter(([v], i) => i < FACET_PREVIEW || selected.has(v));
  return { visible, total: values.length };
}

/**
 * "12 345" as French prints it (narrow no-break space between thousands), without Intl: the
 * first Intl.NumberFormat or Intl.Collator of a page costs tens of ms of main thread in Chromium.
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** Short stable id fragment for a facet value (labels need unique ids). */
export function valueId(text: string): string {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return (h >>> 0).toString(36);
}
