/**
 * The search state and its URL: the query string of /recherche/ is the whole state (words,
 * facet selections, sort), so reload, share, back and forward all work. Filter values are the
 * French display names of entities (the `name` of the gazetteer profile, as in article
 * frontmatter): exactly the Pagefind filter values, so a link needs no lookup table. Example:
 *   searchUrl(import.meta.env.BASE_URL, { country: 'Slovaquie' }) → "/recherche/?country=Slovaquie"
 */
import { SEARCH_FILTERS, type SearchFilter, type SearchSort } from './filters.ts';
import { normalizeQuery } from './query.ts';

export type SearchFilters = Partial<Record<SearchFilter, string | string[]>>;

export interface SearchState {
  /** Search words ('' = browse by filters), normalised (normalizeQuery). */
  q: string;
  /** Selected values per facet (OR within a facet, AND across facets). */
  filters: Partial<Record<SearchFilter, string[]>>;
  sort: SearchSort;
}

/** Query string (with leading "?" when not empty) of a search state, parameters in a stable order. */
export function searchQuery(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  const q = normalizeQuery(state.q ?? '');
  if (q) params.set('q', q);
  for (const key of SEARCH_FILTERS) {
    for (const value of state.filters?.[key] ?? []) params.append(key, value);
  }
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The search state a URL's query string describes (unknown parameters ignored). */
export function parseSearchQuery(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length) filters[key] = values;
  }
  return {
    q: normalizeQuery(params.get('q') ?? ''),
    filters,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** URL of the search page under `base` (Astro's BASE_URL), pre-filtered and/or with words. */
export function searchUrl(base: string, options: SearchFilters & { q?: string } = {}): string {
  const { q, ...rest } = options;
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const value = rest[key];
    if (value !== undefined) filters[key] = Array.isArray(value) ? value : [value];
  }
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}recherche/${searchQuery({ q, filters })}`;
}
