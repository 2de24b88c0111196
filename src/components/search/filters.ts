/**
 * The search facets: Pagefind filter keys (also the URL parameters of /recherche/) and their
 * French labels, in display order. Shared by the indexed pages (SearchMeta) and the search page.
 */
export const SEARCH_FILTERS = ['weapon', 'category', 'country', 'person', 'organization', 'year', 'source'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export const FILTER_LABELS: Record<SearchFilter, string> = {
  weapon: 'Arme',
  category: "Catégorie d'arme",
  country: 'Pays',
  person: 'Personne',
  organization: 'Organisation',
  year: 'Année',
  source: 'Source',
};

/** Sort orders offered: Pagefind's relevance, or the `date` sort key (newest first). */
export const SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SORTS)[number];
