/**
 * One query over an index in shards (src/client/search/pagefind.ts, ShardedSearch), without a
 * browser: shards are searched one at a time, newest first; results only append, in shard order;
 * the coverage and the facet counts add up the shards searched; a shard that gave no answer is
 * asked again on the next call. The browser side is tests/browser/search-shards.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ShardedSearch, type PagefindResponse, type SearchSources, type ShardInfo } from '../src/client/search/pagefind.ts';

const SHARDS: ShardInfo[] = [
  { id: '2025-04_2026-12', path: 'pagefind/', pages: 30 },
  { id: '2024', path: 'pagefind/shards/2024/', pages: 50 },
  { id: '2014_2023', path: 'pagefind/shards/2014_2023/', pages: 20 },
];

/** Sources whose shard i answers `found[i]` results (named after the shard), each counted under country Ukraine. */
function sources(found: number[], fail = new Set<number>()): { sources: SearchSources; asked: Array<[number, Record<string, unknown>]> } {
  const asked: Array<[number, Record<string, unknown>]> = [];
  const searchShard = async (i: number, _term: string | null, options: Record<string, unknown>): Promise<PagefindResponse | null> => {
    asked.push([i, options]);
    if (fail.has(i)) {
      fail.delete(i);
      return null;
    }
    const results = Array.from({ length: found[i] }, (_, n) => ({ id: `${SHARDS[i].id}/${n}`, data: async () => ({ url: '', excerpt: '', meta: {} }) }));
    return { results, filters: { country: { Ukraine: found[i] } }, totalFilters: {} };
  };
  return { sources: { searchShard } as unknown as SearchSources, asked };
}

describe('a progressive search over shards', () => {
  it('searches one shard at a time, newest first, appending its results after those already found', async () => {
    const { sources: fake, asked } = sources([2, 3, 1]);
    const search = new ShardedSearch(fake, SHARDS, 'caesar', { filters: {} });
    expect(search.complete).toBe(false);
    expect(search.coverage).toEqual({ searched: 0, total: 100 });

    expect(await search.next()).toBe(true);
    expect(search.results.map((r) => r.id)).toEqual(['2025-04_2026-12/0', '2025-04_2026-12/1']);
    expect(search.coverage).toEqual({ searched: 30, total: 100 });
    expect(search.filters).toEqual({ country: { Ukraine: 2 } });
    expect(search.complete).toBe(false);

    const before = [...search.results];
    await search.next();
    expect(search.results.slice(0, 2)).toEqual(before);
    expect(search.results.map((r) => r.id)).toEqual(['2025-04_2026-12/0', '2025-04_2026-12/1', '2024/0', '2024/1', '2024/2']);
    expect(search.coverage).toEqual({ searched: 80, total: 100 });

    await search.next();
    expect(search.complete).toBe(true);
    expect(search.results).toHaveLength(6);
    expect(search.filters).toEqual({ country: { Ukraine: 6 } });
    // Once complete, nothing more is asked.
    expect(await search.next()).toBe(true);
    expect(asked.map(([i]) => i)).toEqual([0, 1, 2]);
    expect(asked.every(([, options]) => JSON.stringify(options) === JSON.stringify({ filters: {} }))).toBe(true);
  });

  it('asks a shard that gave no answer again, and counts nothing from it meanwhile', async () => {
    const { sources: fake, asked } = sources([1, 1, 1], new Set([1]));
    const search = new ShardedSearch(fake, SHARDS, 'caesar', {});
    await search.next();
    expect(await search.next()).toBe(false);
    expect(search.results).toHaveLength(1);
    expect(search.coverage.searched).toBe(30);
    expect(await search.next()).toBe(true);
    expect(search.coverage.searched).toBe(80);
    expect(asked.map(([i]) => i)).toEqual([0, 1, 1]);
  });

  it('is complete after its one shard when the index is one', async () => {
    const { sources: fake } = sources([4]);
    const search = new ShardedSearch(fake, [{ id: 'all', path: 'pagefind/', pages: 0 }], null, {});
    await search.next();
    expect(search.complete).toBe(true);
    expect(search.results).toHaveLength(4);
  });
});
