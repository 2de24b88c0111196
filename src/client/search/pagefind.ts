/**
 * Where the search page's data comes from, each loaded once and on demand: Pagefind (its script,
 * metadata and WebAssembly; no filter index), a second Pagefind that counts (see `counting`), and
 * the archive's facet counts built with the site (recherche/facettes.json).
 */
import type { FacetList } from '../../lib/search/facets.ts';
import { SEARCH_RANKING } from '../../lib/search/ranking.ts';
import { totalsOf, type Totals } from './state.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}
export type FilterCounts = Record<string, Record<string, number>>;
export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  preload(term: string, o?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, o?: Record<string, unknown>): Promise<PagefindResponse | null>;
}

export class SearchSources {
  private pagefindPromise: Promise<Pagefind> | undefined;
  private countingPromise: Promise<Pagefind> | undefined;
  private totalsPromise: Promise<Totals> | undefined;

  /** The site's base path ("/" or "/archive/"). */
  private readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  /** Pagefind, initialised (its entry, metadata and WebAssembly; no filter index). A failed load is retried on the next call. */
  pagefind(): Promise<Pagefind> {
    this.pagefindPromise ??= (async () => {
      const pagefind = (await import(/* @vite-ignore */ `${this.base}pagefind/pagefind.js`)) as Pagefind;
      await pagefind.options({ baseUrl: this.base, excerptLength: 30, ranking: SEARCH_RANKING });
      await pagefind.init();
      return pagefind;
    })();
    this.pagefindPromise.catch(() => (this.pagefindPromise = undefined));
    return this.pagefindPromise;
  }

  /**
   * Per-result counts come from a second Pagefind, loaded when the reader turns to the facets,
   * that holds the whole filter index: a Pagefind with filter chunks loaded counts every value of
   * every loaded facet against every result, on each search (seconds for a broad query at 10 000
   * articles), so the Pagefind that finds the results never loads more than the facets in use.
   * It is a separate instance of pagefind.js (another module URL), hence its own Web Worker: a
   * slow count never delays the next results.
   */
  counting(): Promise<Pagefind> {
    this.countingPromise ??= (async () => {
      const pagefind = (await import(/* @vite-ignore */ `${this.base}pagefind/pagefind.js?counts`)) as Pagefind;
      await pagefind.options({ baseUrl: this.base });
      await pagefind.init();
      await pagefind.filters();
      return pagefind;
    })();
    return this.countingPromise;
  }

  /** Forgets a failed counting Pagefind, so the next call loads it again. */
  resetCounting(): void {
    this.countingPromise = undefined;
  }

  /** Facet counts over the whole archive, computed at build time (recherche/facettes.json). */
  totals(): Promise<Totals> {
    this.totalsPromise ??= fetch(`${this.base}recherche/facettes.json`).then(async (response) => {
      if (!response.ok) throw new Error(`facettes.json: HTTP ${response.status}`);
      const { facets } = (await response.json()) as { facets: FacetList };
      return totalsOf(facets);
    });
    this.totalsPromise.catch(() => (this.totalsPromise = undefined));
    return this.totalsPromise;
  }
}
