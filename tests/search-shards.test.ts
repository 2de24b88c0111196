/**
 * The search index's shard plan (src/lib/search/shards.ts): calendar shards, disjoint and newest
 * first, stable when one article is added; and the fragment cap shared by the shards.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_SIZE, planShards, shardPath, shardSize, sortDateOf, UNDATED, type PageDate } from '../src/lib/search/shards.ts';
import { FileLimitError, splitFragmentCap } from '../src/lib/build/file-limit.ts';

/** `n` pages dated `date` (YYYY-MM-DD), named after it. */
const pages = (date: string, n: number, tag = ''): PageDate[] =>
  Array.from({ length: n }, (_, i) => ({ path: `articles/${date}${tag}-${String(i).padStart(4, '0')}/index.html`, date }));

const ids = (plan: ReturnType<typeof planShards>) => plan.map((s) => `${s.id}:${s.pages.length}`);

describe('SEARCH_SHARD_SIZE', () => {
  it('defaults to 2,000 pages; a whole number overrides it', () => {
    expect(shardSize(undefined)).toBe(DEFAULT_SHARD_SIZE);
    expect(DEFAULT_SHARD_SIZE).toBe(2_000);
    expect(shardSize(' 3000 ')).toBe(3000);
    expect(() => shardSize('0')).toThrow(/SEARCH_SHARD_SIZE/);
    expect(() => shardSize('1e3x')).toThrow(/SEARCH_SHARD_SIZE/);
  });
});

describe('the date a built page gives Pagefind', () => {
  it('is read from its data-pagefind-sort attribute; undated pages sort as 0000-00-00', () => {
    expect(sortDateOf('<span data-pagefind-meta="datetime:2024-01-18" data-pagefind-sort="date:2024-01-18"></span>')).toBe('2024-01-18');
    expect(sortDateOf('<span data-pagefind-sort="date:0000-00-00"></span>')).toBe(UNDATED);
    expect(sortDateOf('<p>no sort key</p>')).toBe(UNDATED);
  });
});

describe('the shard plan', () => {
  it('keeps an archive of at most the shard size in one index, where it always was', () => {
    const plan = planShards([...pages('2024-03-01', 6), ...pages('1998-01-01', 4)], 10);
    expect(ids(plan)).toEqual(['all:10']);
    expect(shardPath(plan[0].id, true)).toBe('pagefind/');
    expect(shardPath('2023', false)).toBe('pagefind/shards/2023/');
  });

  it('makes the newest whole months that fit one shard, then one shard per year, newest first', () => {
    const plan = planShards([...pages('2022-05-01', 30), ...pages('2023-12-31', 50), ...pages('2024-01-10', 20), ...pages('2024-02-01', 25)], 60);
    expect(ids(plan)).toEqual(['2024-01_2024-02:45', '2023:50', '2022:30']);
  });

  it('grows the newest shard with new articles until a month no longer fits, which goes to the next shard', () => {
    const older = [...pages('2022-05-01', 30), ...pages('2023-11-02', 20), ...pages('2023-12-31', 15)];
    expect(ids(planShards([...older, ...pages('2024-01-10', 20)], 60))).toEqual(['2023-11_2024-01:55', '2022:30']);
    // Six more in January: November no longer fits the newest shard, and becomes 2023's.
    const grown = planShards([...older, ...pages('2024-01-10', 26)], 60);
    expect(ids(grown)).toEqual(['2023-12_2024-01:41', '2023:20', '2022:30']);
    // A newest month over the shard size: no newest shard of its own, the year rules split it.
    expect(ids(planShards([...older, ...pages('2024-01-10', 70)], 60))).toEqual(['2024-01-2:10', '2024-01:60', '2023:35', '2022:30']);
  });

  it('splits a year over the shard size into contiguous month ranges, and a month over it by date then address', () => {
    const year = [...pages('2024-01-10', 30), ...pages('2024-02-10', 30), ...pages('2024-03-10', 50), ...pages('2024-05-01', 130), ...pages('2024-05-02', 10)];
    const plan = planShards([...year, ...pages('2023-06-01', 60)], 100);
    expect(ids(plan)).toEqual(['2024-05-2:40', '2024-05:100', '2024-03:50', '2024-01:60', '2023:60']);
    // The second part of May holds its latest dates: date order across shards holds.
    expect(plan[0].pages.filter((p) => p.includes('2024-05-02'))).toHaveLength(10);
  });

  it('pools small years and undated pages with their small neighbours, keeping date ranges disjoint', () => {
    const plan = planShards(
      [
        ...pages(UNDATED, 3),
        ...pages('1994-06-01', 2),
        ...pages('1997-01-01', 1),
        ...pages('2022-01-01', 300),
        ...pages('2023-01-01', 4),
        ...pages('2024-01-01', 500),
        ...pages('2031-01-01', 1),
        ...pages('2032-01-01', 590),
      ],
      600,
    );
    expect(ids(plan)).toEqual(['2031-01_2032-01:591', '2024:500', '2023:4', '2022:300', '0000_1997:6']);
    const ranges = plan.map((s) => s.id);
    expect(new Set(ranges).size).toBe(ranges.length);
  });

  it('never pools small years past the shard size', () => {
    // 30 years of 4 pages (fewer than 100/20 = 5: small) before a large one: whole years, ≤ 100 a shard.
    const small = Array.from({ length: 30 }, (_, i) => pages(`${1980 + i}-01-01`, 4)).flat();
    expect(ids(planShards([...small, ...pages('2015-01-01', 100)], 100))).toEqual(['2015-01:100', '2005_2009:20', '1980_2004:100']);
  });

  it('is deterministic whatever the input order, and adding an article changes its own shard only', () => {
    const archive = [...pages('2022-03-01', 40), ...pages('2023-07-01', 45), ...pages('2024-11-01', 42), ...pages(UNDATED, 2)];
    const plan = planShards(archive, 50);
    expect(planShards([...archive].reverse(), 50)).toEqual(plan);
    const changedBy = (date: string) => {
      const added = planShards([...archive, { path: 'articles/nouveau/index.html', date }], 50);
      expect(added.map((s) => s.id)).toEqual(plan.map((s) => s.id));
      return added.filter((shard) => JSON.stringify(shard) !== JSON.stringify(plan.find((s) => s.id === shard.id))).map((s) => s.id);
    };
    expect(plan[0].id).toBe('2024-11');
    expect(changedBy('2023-06-15')).toEqual(['2023']);
    expect(changedBy('2024-11-20')).toEqual(['2024-11']);
  });

  it('puts every page in exactly one shard', () => {
    const archive = [...pages('2020-01-01', 7), ...pages('2021-04-01', 90), ...pages('2021-09-01', 90), ...pages(UNDATED, 5), ...pages('1990-01-01', 1)];
    const plan = planShards(archive, 60);
    const all = plan.flatMap((s) => s.pages);
    expect(all.sort()).toEqual(archive.map((p) => p.path).sort());
    for (const shard of plan) expect(shard.pages.length).toBeLessThanOrEqual(60);
  });
});

describe('the fragment cap shared by the shards', () => {
  it('leaves no cap uncapped, and splits a cap in proportion to pages, within the cap', () => {
    expect(splitFragmentCap(undefined, [10, 20])).toEqual([undefined, undefined]);
    expect(splitFragmentCap(1000, [10_000])).toEqual([1000]);
    const caps = splitFragmentCap(3792, [6000, 3000, 1000]) as number[];
    expect(caps).toEqual([1 + Math.floor((3789 * 6000) / 10_000), 1 + Math.floor((3789 * 3000) / 10_000), 1 + Math.floor((3789 * 1000) / 10_000)]);
    expect(caps.reduce((a, b) => a + b)).toBeLessThanOrEqual(3792);
    // Every shard gets at least one file.
    expect(splitFragmentCap(3, [1000, 1, 1])).toEqual([1, 1, 1]);
  });

  it('fails when the cap is smaller than the number of shards', () => {
    expect(() => splitFragmentCap(2, [10, 10, 10])).toThrow(FileLimitError);
  });
});
