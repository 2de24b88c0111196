/**
 * The host's file limit (HOST_FILE_LIMIT): the rule that sizes Pagefind's fragment bundling, and a
 * real built site indexed under a low limit.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateIndexFiles, FileLimitError, fragmentCap, hostFileLimit } from '../src/lib/build/file-limit.ts';
import { countFiles, indexSite } from '../src/integrations/pagefind.ts';
import { search } from './helpers/pagefind.ts';
import { getSearchSite, type SearchSite } from './helpers/search-site.ts';

describe('HOST_FILE_LIMIT', () => {
  it('applies no limit unless one is declared; 0 or "none" lifts it; anything else is refused', () => {
    expect(hostFileLimit(undefined)).toBeNull();
    expect(hostFileLimit(' ')).toBeNull();
    expect(hostFileLimit(' 100000 ')).toBe(100_000);
    expect(hostFileLimit('0')).toBeNull();
    expect(hostFileLimit('none')).toBeNull();
    expect(() => hostFileLimit('20k')).toThrow(/HOST_FILE_LIMIT must be a whole number/);
    expect(() => hostFileLimit('-5')).toThrow(FileLimitError);
  });
});

describe('fragment bundling from the page count', () => {
  it('keeps one fragment file per page while everything fits', () => {
    expect(fragmentCap({ limit: 20_000, siteFiles: 3_000, pages: 1_000, indexFiles: 100 })).toBeUndefined();
    expect(fragmentCap({ limit: null, siteFiles: 90_000, pages: 50_000, indexFiles: 1_000 })).toBeUndefined();
    // Exactly at the limit still fits.
    expect(fragmentCap({ limit: 20_000, siteFiles: 15_000, pages: 4_000, indexFiles: 1_000 })).toBeUndefined();
  });

  it('gives the fragments the room the rest of the site leaves (the 10,000-article site: 15,849 files before indexing)', () => {
    const cap = fragmentCap({ limit: 20_000, siteFiles: 15_849, pages: 10_000, indexFiles: 359 });
    expect(cap).toBe(3_792);
    expect(15_849 + 359 + cap!).toBe(20_000);
  });

  it('fails with the figures when not even one fragment file fits', () => {
    expect(() => fragmentCap({ limit: 20_000, siteFiles: 19_900, pages: 12_000, indexFiles: 400 })).toThrow(/HOST_FILE_LIMIT=20000.*19900 files.*400 more/);
    // The 20,000-article bench site: its pages alone are past a 20,000-file limit.
    expect(() => fragmentCap({ limit: 20_000, siteFiles: 29_045, pages: 20_000, indexFiles: 0 })).toThrow(/pages and assets alone are 29045 files/);
  });

  it('estimates the index files above what the 10,000-article bench index wrote (359)', () => {
    expect(estimateIndexFiles(10_000)).toBeGreaterThanOrEqual(359);
    expect(estimateIndexFiles(30)).toBeGreaterThanOrEqual(40);
  });
});

describe('a built site indexed under a low file limit', () => {
  let site: SearchSite;
  let work: string;
  let dist: string;
  let siteFiles: number;
  let articles: number;

  beforeAll(async () => {
    site = await getSearchSite();
    work = mkdtempSync(join(tmpdir(), 'file-limit-'));
    dist = join(work, 'dist');
    cpSync(site.dist, dist, { recursive: true });
    rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
    siteFiles = countFiles(dist);
    articles = site.slugOf.size;
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes one fragment per article without a limit', async () => {
    const result = await indexSite(dist, { fileLimit: null });
    expect(result.maxFragments).toBeUndefined();
    expect(readdirSync(join(dist, 'pagefind/fragment')).length).toBe(articles);
  });

  it('bundles the results so the whole site stays within the limit, and search still finds every article', async () => {
    const indexFiles = countFiles(join(dist, 'pagefind')) - articles;
    const limit = siteFiles + indexFiles + Math.floor(articles / 3);
    const result = await indexSite(dist, { fileLimit: limit });
    expect(result.maxFragments).toBeDefined();
    expect(countFiles(dist)).toBeLessThanOrEqual(limit);
    expect(result.totalFiles).toBe(countFiles(dist));
    expect(readdirSync(join(dist, 'pagefind/fragment')).length).toBeLessThan(articles);
    const hits = await search(dist, null);
    expect(hits.length).toBe(articles);
    const caesar = site.slugsMatching(/\bCaesar\b/i);
    expect((await search(dist, 'Caesar')).map((h) => h.raw_url).sort()).toEqual(caesar.map((slug) => `/articles/${slug}/`).sort());
  }, 120_000);

  it('bundles the results of an index in shards, sharing the room between the shards', async () => {
    // Two pages a shard: the site's few articles make several shards (src/lib/search/shards.ts).
    const sharded = await indexSite(dist, { fileLimit: null, shardSize: 2 });
    expect(sharded.shards).toBeGreaterThanOrEqual(3);
    const indexFiles = countFiles(join(dist, 'pagefind')) - articles;
    // Room for one result file per shard, and one more: fewer than the articles.
    const limit = siteFiles + indexFiles + sharded.shards + 1;
    expect(sharded.shards + 1).toBeLessThan(articles);
    const result = await indexSite(dist, { fileLimit: limit, shardSize: 2 });
    expect(result.shards).toBe(sharded.shards);
    expect(result.maxFragments).toBeLessThanOrEqual(sharded.shards + 1);
    expect(countFiles(dist)).toBeLessThanOrEqual(limit);
    expect(result.totalFiles).toBe(countFiles(dist));
  }, 120_000);

  it('bundles nothing when no limit is declared, and warns naming HOST_FILE_LIMIT when the site is past the common host cap', async () => {
    const declared = process.env.HOST_FILE_LIMIT;
    delete process.env.HOST_FILE_LIMIT;
    try {
      const warnings: string[] = [];
      const result = await indexSite(dist, { advisoryFileLimit: siteFiles + 2, warn: (m) => warnings.push(m) });
      expect(result.maxFragments).toBeUndefined();
      expect(readdirSync(join(dist, 'pagefind/fragment')).length).toBe(articles);
      expect(warnings.join('\n')).toMatch(/the site has \d+ files.*set HOST_FILE_LIMIT/s);
      const quiet: string[] = [];
      await indexSite(dist, { advisoryFileLimit: countFiles(dist) + 100, warn: (m) => quiet.push(m) });
      expect(quiet).toEqual([]);
    } finally {
      if (declared !== undefined) process.env.HOST_FILE_LIMIT = declared;
    }
  }, 120_000);

  it('fails the indexing with a clear message when the site cannot fit a declared limit', async () => {
    await expect(indexSite(dist, { fileLimit: siteFiles + 2 })).rejects.toThrow(/cannot fit in HOST_FILE_LIMIT=\d+ files/);
  }, 120_000);
});
