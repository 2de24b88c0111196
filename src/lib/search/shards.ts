/**
 * The search index in shards, for two reasons. Pagefind holds every page it indexes in memory
 * until it writes (about 245 MiB per 1,000 articles), so a large archive is indexed as several
 * indexes of at most `size` pages each, one Pagefind run per shard. And the search page searches
 * them progressively, newest shard first (src/client/search/pagefind.ts), so what a first search
 * downloads (each searched shard's metadata, ~10 KB gzip per 1,000 pages, and one word chunk of
 * ~25–35 KB per word) is bounded by the shard size, not the archive.
 *
 * Shards follow the calendar, so that a new or edited article changes its own shard only (or, when
 * the newest shard sheds a month, the one after it) and the others are reused from the build
 * cache. The newest shard is the newest whole months that fit in `size` pages: it answers the
 * first results of every query, so it should hold as many recent articles as a shard can. The
 * older pages: one shard per publication year; a year over `size` pages is split into contiguous
 * month ranges (and a month over `size` by date, then address); years too small to be worth a
 * shard (fewer than size/20 pages) are pooled with the small years next to them. Undated pages
 * carry the sort key "0000-00-00" (SearchMeta.astro), so they sit in "year 0000", before every
 * other. Shards therefore cover disjoint, ordered date ranges: the search page lists date-sorted
 * results shard by shard, newest shard first.
 *
 * An archive of at most `size` pages is one shard, written where it always was (pagefind/).
 */

/** Measured at 10,000 articles (README "Performance"): a first search's index data within 150 KB gzip. */
export const DEFAULT_SHARD_SIZE = 2_000;

/** The synthetic filter each shard's pages get on the search page (mergeFilter); never shown. */
export const SHARD_FILTER = 'shard';

/** The manifest the search page reads (pagefind/shards.json), shards newest first. */
export const SHARD_MANIFEST = 'shards.json';

export interface ShardManifest {
  shards: Array<{ id: string; /** Bundle folder relative to the site's base, ending with "/". */ path: string; pages: number }>;
}

/** The undated pages' sort key (the one SearchMeta.astro records for them). */
export const UNDATED = '0000-00-00';

export interface PageDate {
  /** Path relative to the built site ("articles/x/index.html"). */
  path: string;
  /** Sort key "YYYY-MM-DD" (or a shorter prefix); UNDATED when the article has none. */
  date: string;
}

export interface Shard {
  id: string;
  /** Page paths, sorted. */
  pages: string[];
}

/** SEARCH_SHARD_SIZE: unset → DEFAULT_SHARD_SIZE; else a whole number ≥ 1. */
export function shardSize(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') return DEFAULT_SHARD_SIZE;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_SHARD_SIZE must be a whole number of pages, got "${value}"`);
  return n;
}

/** The date key a built article page gives Pagefind to sort by (data-pagefind-sort="date:…"). */
export function sortDateOf(html: string): string {
  return /data-pagefind-sort="date:([^"]*)"/.exec(html)?.[1] || UNDATED;
}

/** Where a shard's bundle goes, relative to the site's base: the newest at pagefind/, as a single index always was. */
export function shardPath(id: string, primary: boolean): string {
  return primary ? 'pagefind/' : `pagefind/shards/${id}/`;
}

const byDateThenPath = (a: PageDate, b: PageDate) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Splits `pages` (date order) into runs of ≤ size, greedily along `unit` (year or month), never splitting a unit that fits. */
function greedy(pages: PageDate[], size: number, unit: (p: PageDate) => string, id: (first: PageDate, last: PageDate) => string): Shard[] {
  const units: PageDate[][] = [];
  for (const page of pages) {
    const last = units.at(-1);
    if (last && unit(last[0]) === unit(page)) last.push(page);
    else units.push([page]);
  }
  const groups: PageDate[][] = [];
  for (const u of units) {
    const last = groups.at(-1);
    if (last && last.length + u.length <= size) last.push(...u);
    else groups.push([...u]);
  }
  return groups.map((g) => ({ id: id(g[0], g.at(-1)!), pages: g.map((p) => p.path) }));
}

const year = (p: PageDate) => p.date.slice(0, 4).padEnd(4, '0');
const month = (p: PageDate) => `${year(p)}-${(p.date.slice(5, 7) || '00').padEnd(2, '0')}`;

/** The shards of `pages` for a shard size, newest first (see the module's comment for the rules). */
export function planShards(pages: readonly PageDate[], size: number = DEFAULT_SHARD_SIZE): Shard[] {
  if (pages.length <= size) return [{ id: 'all', pages: pages.map((p) => p.path).sort() }];
  const sorted = [...pages].sort(byDateThenPath);
  // The newest whole months that fit in a shard (none when the newest month alone is over the size).
  let recent = sorted.length;
  while (recent > 0) {
    let start = recent - 1;
    while (start > 0 && month(sorted[start - 1]) === month(sorted[recent - 1])) start--;
    if (sorted.length - start > size) break;
    recent = start;
  }
  const shards = olderShards(sorted.slice(0, recent), size);
  if (recent < sorted.length) {
    const [first, last] = [month(sorted[recent]), month(sorted.at(-1)!)];
    shards.push({ id: first === last ? first : `${first}_${last}`, pages: sorted.slice(recent).map((p) => p.path) });
  }
  for (const shard of shards) shard.pages.sort();
  return shards.reverse();
}

/** The shards of the pages before the newest shard (date order in, oldest shard first out): years, split or pooled. */
function olderShards(sorted: PageDate[], size: number): Shard[] {
  const years = new Map<string, PageDate[]>();
  for (const page of sorted) {
    const list = years.get(year(page));
    if (list) list.push(page);
    else years.set(year(page), [page]);
  }
  const small = size / 20;
  const shards: Shard[] = [];
  let pool: PageDate[] = [];
  // Consecutive small years are pooled (greedily, whole years, ≤ size), keeping date ranges disjoint.
  const flush = () => {
    if (pool.length) shards.push(...greedy(pool, size, year, (a, b) => (year(a) === year(b) ? year(a) : `${year(a)}_${year(b)}`)));
    pool = [];
  };
  for (const [y, list] of years) {
    if (list.length < small) {
      pool.push(...list);
      continue;
    }
    flush();
    if (list.length <= size) {
      shards.push({ id: y, pages: list.map((p) => p.path) });
      continue;
    }
    // A large year: month ranges; a month larger than a shard, by date then address.
    for (const range of greedy(list, size, month, (a) => month(a))) {
      if (range.pages.length <= size) shards.push(range);
      else {
        const months = list.filter((p) => month(p) === range.id);
        for (let i = 0; i < months.length; i += size)
          shards.push({ id: i === 0 ? range.id : `${range.id}-${i / size + 1}`, pages: months.slice(i, i + size).map((p) => p.path) });
      }
    }
  }
  flush();
  return shards;
}
