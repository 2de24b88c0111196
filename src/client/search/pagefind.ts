/**
 * Where the search page's data comes from, each loaded once and on demand: Pagefind (its script,
 * metadata and WebAssembly; no filter index), a second Pagefind that counts (see `counting`), and
 * the archive's facet counts built with the site (recherche/facettes.json).
 *
 * A large archive's index is in shards (src/lib/search/shards.ts; pagefind/shards.json lists
 * them, newest first): both Pagefinds merge every shard (mergeIndex, sharing the first one's
 * WebAssembly), each shard's pages tagged with a filter of its own (SHARD_FILTER), never shown.
 */
import type { FacetList } from '../../lib/search/facets.ts';
import { SEARCH_RANKING } from '../../lib/search/ranking.ts';
import { SHARD_FILTER, SHARD_MANIFEST, type ShardManifest } from '../../lib/search/shards.ts';
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
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  preload(term: string, o?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, o?: Record<string, unknown>): Promise<PagefindResponse | null>;
}

/** `response` without the shard filter (the UI and the URL know only the archive's facets). */
function withoutShards(response: PagefindResponse): PagefindResponse {
  const { [SHARD_FILTER]: _f, ...filters } = response.filters ?? {};
  const { [SHARD_FILTER]: _t, ...totalFilters } = response.totalFilters ?? {};
  return { ...response, filters, totalFilters };
}

/** Per-value counts added up (each shard counts its own pages). */
function addCounts(into: FilterCounts, counts: FilterCounts): FilterCounts {
  for (const [key, values] of Object.entries(counts)) {
    const sum = (into[key] ??= {});
    for (const [value, n] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + n;
  }
  return into;
}

export class SearchSources {
  private manifestPromise: Promise<ShardManifest['shards']> | undefined;
  private pagefindPromise: Promise<Pagefind> | undefined;
  private countingPromise: Promise<Pagefind> | undefined;
  private totalsPromise: Promise<Totals> | undefined;

  /** The site's base path ("/" or "/archive/"). */
  private readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  /** The index's shards, newest first (the first at pagefind/); a site without the manifest is one index. */
  private shards(): Promise<ShardManifest['shards']> {
    this.manifestPromise ??= fetch(`${this.base}pagefind/${SHARD_MANIFEST}`).then(async (response) => {
      if (!response.ok) return [{ id: 'all', path: 'pagefind/', pages: 0 }];
      return ((await response.json()) as ShardManifest).shards;
    });
    this.manifestPromise.catch(() => (this.manifestPromise = undefined));
    return this.manifestPromise;
  }

  /**
   * Loads the Pagefind of `module` with `options`, every shard merged: the first (pagefind/) gets
   * its shard filter before init, as mergeIndex gives it to the others.
   */
  private async load(module: string, options: Record<string, unknown>): Promise<Pagefind> {
    const [pagefind, shards] = await Promise.all([import(/* @vite-ignore */ module) as Promise<Pagefind>, this.shards()]);
    const tag = (id: string) => (shards.length > 1 ? { mergeFilter: { [SHARD_FILTER]: id } } : {});
    await pagefind.options({ ...options, ...tag(shards[0].id) });
    await pagefind.init();
    await Promise.all(shards.slice(1).map((shard) => pagefind.mergeIndex(`${this.base}${shard.path}`, { ...options, ...tag(shard.id) })));
    return pagefind;
  }

  /** Pagefind, initialised (its entry, metadata and WebAssembly; no filter index). A failed load is retried on the next call. */
  pagefind(): Promise<Pagefind> {
    this.pagefindPromise ??= this.load(`${this.base}pagefind/pagefind.js`, { baseUrl: this.base, excerptLength: 30, ranking: SEARCH_RANKING });
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
      const pagefind = await this.load(`${this.base}pagefind/pagefind.js?counts`, { baseUrl: this.base });
      await pagefind.filters();
      return pagefind;
    })();
    return this.countingPromise;
  }

  /**
   * Searches `pagefind` (either of the two) across every shard. Sorted by date, Pagefind ranks
   * each shard's results by their place in that shard's order, so one merged search would
   * interleave the shards: since shards hold disjoint date ranges, a date-sorted search asks one
   * shard at a time (its filter) and lists them newest shard first. A relevance search is one
   * merged search.
   */
  async search(pagefind: Pagefind, term: string | null, options: Record<string, unknown>): Promise<PagefindResponse | null> {
    const shards = await this.shards();
    if (!options.sort || shards.length === 1) {
      const response = await pagefind.search(term, options);
      return response && withoutShards(response);
    }
    const filters = (options.filters ?? {}) as Record<string, unknown>;
    const responses = await Promise.all(shards.map((shard) => pagefind.search(term, { ...options, filters: { ...filters, [SHARD_FILTER]: shard.id } })));
    if (responses.some((r) => !r)) return null;
    const all = responses as PagefindResponse[];
    return withoutShards({
      ...all[0],
      results: all.flatMap((r) => r.results),
      filters: all.reduce<FilterCounts>((sum, r) => addCounts(sum, r.filters), {}),
      // Counts before the filters: the shard's own filter does not narrow them, every response has them all.
      totalFilters: all[0].totalFilters,
    });
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
