/**
 * The search facets: Pagefind filter keys (also the URL parameters of /recherche/), in display
 * order; their labels are UI strings (search.filter.* in src/i18n/fr.json). Shared by the indexed
 * pages (SearchMeta), the search page and its script.
 */
export const SEARCH_FILTERS = ['weapon', 'category', 'country', 'person', 'organization', 'year', 'source'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** Sort orders offered: Pagefind's relevance, or the `date` sort key (newest first). */
export const SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SORTS)[number];
