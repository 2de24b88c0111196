/**
 * The facet values of an article, as Pagefind records them (SearchMeta.astro writes exactly these
 * as `data-pagefind-filter`), and their counts over the whole archive. The search page shows
 * those counts before any search from a small static file (recherche/facettes.json) built here,
 * so an empty search page never downloads Pagefind's filter index (it grows with the archive).
 */
import type { Article } from '../../content.config.ts';
import type { StoredArticle } from '../content/article-body.ts';
import { t, type UiKey } from '../../i18n/index.ts';
import { SEARCH_FILTERS, type SearchFilter } from './filters.ts';

/** Facet → value → number of articles. */
export type FacetCounts = Record<SearchFilter, Record<string, number>>;
/**
 * Facet → [value, number of articles] in French alphabetical order (years: oldest first). The
 * search page breaks ties between equal counts with this order, so it never builds an
 * Intl.Collator (the first one costs tens of ms of main thread in Chromium).
 */
export type FacetList = Record<SearchFilter, Array<[string, number]>>;

const unique = (values: Array<string | undefined>): string[] => [...new Set(values.filter((v): v is string => Boolean(v)))];

/**
 * The year an article is filed under, when its date is known at least to the year. An article
 * dated by nothing but the archive period (basis "period": the page says "date non établie") is
 * filed under no year: its estimate is a guess, like the timeline that does not chart it.
 */
export function facetYear(date: Article['date']): string | undefined {
  if (date.precision === 'unknown' || date.basis === 'period') return undefined;
  return (date.value ?? date.earliest ?? date.latest)?.slice(0, 4);
}

/** Filter values are French display names: what readers see in the facets and in shared URLs. */
export function articleFacets(data: StoredArticle): Record<SearchFilter, string[]> {
  const year = facetYear(data.date);
  return {
    weapon: unique(data.weapons.map((w) => w.name)),
    category: unique(data.weapons.map((w) => t(`category.${w.category}` as UiKey))),
    country: unique(data.countries.map((c) => c.name)),
    person: unique(data.people.map((p) => p.name)),
    organization: unique(data.organizations.map((o) => o.name)),
    year: year ? [year] : [],
    source: unique([data.source?.name]),
  };
}

/** Number of articles per facet value over `articles` (each article counts once per value). */
export function facetCounts(articles: Iterable<StoredArticle>): FacetCounts {
  const counts = Object.fromEntries(SEARCH_FILTERS.map((key) => [key, {}])) as FacetCounts;
  for (const article of articles) {
    const facets = articleFacets(article);
    for (const key of SEARCH_FILTERS) {
      for (const value of facets[key]) counts[key][value] = (counts[key][value] ?? 0) + 1;
    }
  }
  return counts;
}

const collator = new Intl.Collator('fr');

/** The counts as lists in French alphabetical order (recherche/facettes.json). */
export function facetList(counts: FacetCounts): FacetList {
  return Object.fromEntries(
    SEARCH_FILTERS.map((key) => [key, Object.entries(counts[key]).sort(([a], [b]) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0))]),
  ) as FacetList;
}
