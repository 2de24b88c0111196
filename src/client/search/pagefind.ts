/**
 * Where the search page's data comes from, each loaded once and on demand: Pagefind (its script,
 * metadata and WebAssembly; no filter index), a second Pagefind that counts (see `counting`), and
 * the archive's facet counts built with the site (recherche/facettes.json).
 *
 * A large archive's index is in shards (src/lib/search/shards.ts; pagefind/shards.json lists
 * them, newest first, with their date ranges disjoint). A query is searched progressively
 * (ShardedSearch): the newest shard first, by the Pagefind of pagefind/ alone, so the first
 * results of any query cost one shard's metadata and word chunks, not the archive's; each older
 * shard is loaded and searched only when the reader needs more results than the shards searched
 * so far hold. Older shards are merged one by one into a second instance (`older`) as they are
 * first needed, each shard's pages tagged with a filter of its own (SHARD_FILTER), never shown:
 * the newest shard's instance never grows, so a new query never waits for an old shard.
 * The counting Pagefind (facet counts, on demand) merges every shard.
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
/** pagefind.js as a module: its default instance, and more instances in the same Web Worker. */
interface PagefindModule extends Pagefind {
  createInstance(o: Record<string, unknown>): Pagefind;
}
export type ShardInfo = ShardManifest['shards'][number];

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

/** Options every instance of the search Pagefind gets. */
const SEARCH_OPTIONS = { excerptLength: 30, ranking: SEARCH_RANKING };

/**
 * One query over the shards, searched one shard at a time, newest first (`next`). Its results are
 * the shards' results in that order, each shard's ranked by Pagefind (relevance, or date): results
 * only ever append, so what the reader sees never moves, and since shards hold disjoint date
 * ranges, a date-sorted list stays newest first across shards.
 */
export class ShardedSearch {
  readonly results: PagefindResult[] = [];
  /** Per-value counts of the facets in use, added up over the shards searched. */
  readonly filters: FilterCounts = {};
  /** Shards searched so far (the newest ones). */
  searched = 0;

  private readonly sources: SearchSources;
  readonly shards: readonly ShardInfo[];
  readonly term: string | null;
  readonly options: Record<string, unknown>;

  constructor(sources: SearchSources, shards: readonly ShardInfo[], term: string | null, options: Record<string, unknown>) {
    this.sources = sources;
    this.shards = shards;
    this.term = term;
    this.options = options;
  }

  /** Every shard has been searched: the results and counts are the archive's. */
  get complete(): boolean {
    return this.searched >= this.shards.length;
  }

  /** Articles in the shards searched so far, and in the archive. */
  get coverage(): { searched: number; total: number } {
    const pages = (list: readonly ShardInfo[]) => list.reduce((n, shard) => n + shard.pages, 0);
    return { searched: pages(this.shards.slice(0, this.searched)), total: pages(this.shards) };
  }

  /** Searches the next older shard and appends its results; false if Pagefind gave no answer. */
  async next(): Promise<boolean> {
    if (this.complete) return true;
    const response = await this.sources.searchShard(this.searched, this.term, this.options);
    if (!response) return false;
    this.results.push(...response.results);
    addCounts(this.filters, response.filters);
    this.searched++;
    return true;
  }
}

export class SearchSources {
  private manifestPromise: Promise<ShardInfo[]> | undefined;
  private modulePromise: Promise<PagefindModule> | undefined;
  private pagefindPromise: Promise<Pagefind> | undefined;
  /** The older shards' instance and how many shards it holds (shards 1..merged-1), merged in order. */
  private olderPromise: Promise<{ pagefind: Pagefind; merged: number }> | undefined;
  private countingPromise: Promise<Pagefind> | undefined;
  private totalsPromise: Promise<Totals> | undefined;

  /** The site's base path ("/" or "/archive/"). */
  private readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  /** The index's shards, newest first (the first at pagefind/); a site without the manifest is one index. */
  shards(): Promise<ShardInfo[]> {
    this.manifestPromise ??= fetch(`${this.base}pagefind/${SHARD_MANIFEST}`).then(async (response) => {
      if (!response.ok) return [{ id: 'all', path: 'pagefind/', pages: 0 }];
      return ((await response.json()) as ShardManifest).shards;
    });
    this.manifestPromise.catch(() => (this.manifestPromise = undefined));
    return this.manifestPromise;
  }

  /** A query over every shard, searched on demand (see ShardedSearch). */
  async progressive(term: string | null, options: Record<string, unknown>): Promise<ShardedSearch> {
    return new ShardedSearch(this, await this.shards(), term, options);
  }

  private module(): Promise<PagefindModule> {
    this.modulePromise ??= import(/* @vite-ignore */ `${this.base}pagefind/pagefind.js`) as Promise<PagefindModule>;
    this.modulePromise.catch(() => (this.modulePromise = undefined));
    return this.modulePromise;
  }

  /**
   * Pagefind of the newest shard (pagefind/), initialised: its entry, metadata and WebAssembly; no
   * filter index, no older shard. A failed load is retried on the next call.
   */
  pagefind(): Promise<Pagefind> {
    this.pagefindPromise ??= (async () => {
      // The shard list, fetched meanwhile: the first search needs it.
      void this.shards().catch(() => undefined);
      const pagefind = await this.module();
      await pagefind.options({ baseUrl: this.base, ...SEARCH_OPTIONS });
      await pagefind.init();
      return pagefind;
    })();
    this.pagefindPromise.catch(() => (this.pagefindPromise = undefined));
    return this.pagefindPromise;
  }

  /**
   * The instance holding the older shards 1..`upTo` (at least): another Pagefind in the same Web
   * Worker, whose own index is shard 1 (it loads the WebAssembly once more, from that shard's
   * folder), the next ones merged in order as they are first needed.
   */
  private async older(upTo: number): Promise<Pagefind> {
    const shard = async (i: number) => (await this.shards())[i];
    const tag = (info: ShardInfo) => ({ baseUrl: this.base, ...SEARCH_OPTIONS, mergeFilter: { [SHARD_FILTER]: info.id } });
    this.olderPromise ??= (async () => {
      const [module, first] = await Promise.all([this.module(), shard(1)]);
      const pagefind = module.createInstance({ basePath: `${this.base}${first.path}`, ...tag(first) });
      await pagefind.init();
      return { pagefind, merged: 2 };
    })();
    const grown = this.olderPromise.then(async (older) => {
      while (older.merged <= upTo) {
        const info = await shard(older.merged);
        await older.pagefind.mergeIndex(`${this.base}${info.path}`, tag(info));
        older.merged++;
      }
      return older;
    });
    // A failed load or merge is tried again on the next call (from scratch: a half-merged shard cannot be told apart).
    grown.catch(() => (this.olderPromise = undefined));
    this.olderPromise = grown;
    return (await grown).pagefind;
  }

  /** Searches shard `i` alone (newest: 0), without the shard filter in the response. */
  async searchShard(i: number, term: string | null, options: Record<string, unknown>): Promise<PagefindResponse | null> {
    const shards = await this.shards();
    if (i === 0) {
      const response = await (await this.pagefind()).search(term, options);
      return response && withoutShards(response);
    }
    const filters = (options.filters ?? {}) as Record<string, unknown>;
    const response = await (await this.older(i)).search(term, { ...options, filters: { ...filters, [SHARD_FILTER]: shards[i].id } });
    return response && withoutShards(response);
  }

  /** Searches every shard, one by one (the results in shard order, counts added up). */
  async searchAll(term: string | null, options: Record<string, unknown>): Promise<PagefindResponse | null> {
    const search = await this.progressive(term, options);
    while (!search.complete) if (!(await search.next())) return null;
    return { results: search.results, filters: search.filters, totalFilters: {} };
  }

  /**
   * Loads the counting Pagefind (`module`) with every shard merged: the first (pagefind/) gets its
   * shard filter before init, as mergeIndex gives it to the others.
   */
  private async loadAll(module: string, options: Record<string, unknown>): Promise<Pagefind> {
    const [pagefind, shards] = await Promise.all([import(/* @vite-ignore */ module) as Promise<Pagefind>, this.shards()]);
    const tag = (id: string) => (shards.length > 1 ? { mergeFilter: { [SHARD_FILTER]: id } } : {});
    await pagefind.options({ ...options, ...tag(shards[0].id) });
    await pagefind.init();
    await Promise.all(shards.slice(1).map((shard) => pagefind.mergeIndex(`${this.base}${shard.path}`, { ...options, ...tag(shard.id) })));
    return pagefind;
  }

  /**
   * Per-result counts come from a second Pagefind, loaded when the reader turns to the facets,
   * that holds the whole filter index of every shard: a Pagefind with filter chunks loaded counts
   * every value of every loaded facet against every result, on each search (seconds for a broad
   * query at 10 000 articles), so the Pagefind that finds the results never loads more than the
   * facets in use. It is a separate instance of pagefind.js (another module URL), hence its own
   * Web Worker: a slow count never delays the next results.
   */
  counting(): Promise<Pagefind> {
    this.countingPromise ??= (async () => {
      const pagefind = await this.loadAll(`${this.base}pagefind/pagefind.js?counts`, { baseUrl: this.base });
      await pagefind.filters();
      return pagefind;
    })();
    return this.countingPromise;
  }

  /**
   * Searches the counting Pagefind across every shard. Sorted by date, Pagefind ranks each shard's
   * results by their place in that shard's order, so one merged search would interleave the
   * shards: since shards hold disjoint date ranges, a date-sorted search asks one shard at a time
   * (its filter) and lists them newest shard first. A relevance search is one merged search.
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
