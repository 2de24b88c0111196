/**
 * A site indexed in shards (SEARCH_SHARD_SIZE), rebuilt after one article changed: only that
 * article's shard is indexed again, the others come from the cache, and the index is
 * byte-identical to a cold build of the same input.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteNow, ROOT, type BuiltSite } from './helpers/site.ts';
import { SHARD_SIZE, shardsOf, writeShardSeeds } from './helpers/shard-site.ts';

const WORK = join(ROOT, '.cache/search-shards');
const SEEDS = join(WORK, 'seeds');
const ENV = { SEARCH_SHARD_SIZE: String(SHARD_SIZE) };

/** Every file of dist/pagefind (the shards nested in it), path → bytes. */
function indexFiles(dist: string): Map<string, Buffer> {
  const root = join(dist, 'pagefind');
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]),
  );
}

/** "3 shards: 1 indexed (2024), 2 reused" from the build log. */
function shardLog(site: BuiltSite): { shards: number; indexed: string[]; reused: number } {
  const match = /(\d+) shards: (\d+) indexed(?: \(([^)]*)\))?, (\d+) reused/.exec(site.log.replace(/\x1b\[[0-9;]*m/g, ''));
  if (!match) throw new Error(`no shard line in the build log:\n${site.log}`);
  return { shards: Number(match[1]), indexed: match[3] ? match[3].split(', ') : [], reused: Number(match[4]) };
}

describe('a search index in shards, rebuilt with the shard cache', () => {
  let first: BuiltSite;

  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    writeShardSeeds(SEEDS);
    first = await buildSiteNow(join(WORK, 'warm'), SEEDS, ENV);
  }, 600_000);

  it('indexes every shard on a first build, newest at pagefind/, the others under pagefind/shards/', () => {
    const { manifest, shardOf } = shardsOf(first.dist);
    const log = shardLog(first);
    expect(manifest.shards.length).toBeGreaterThanOrEqual(3);
    expect(log).toEqual({ shards: manifest.shards.length, indexed: manifest.shards.map((s) => s.id), reused: 0 });
    expect(manifest.shards[0].path).toBe('pagefind/');
    for (const shard of manifest.shards.slice(1)) expect(shard.path).toBe(`pagefind/shards/${shard.id}/`);
    expect(manifest.shards.reduce((n, s) => n + s.pages, 0)).toBe(shardOf.size);
    for (const shard of manifest.shards) {
      expect(shard.pages).toBeLessThanOrEqual(SHARD_SIZE);
      // Each shard's own result files: one per page.
      expect(readdirSync(join(first.dist, shard.path, 'fragment')).length).toBe(shard.pages);
    }
  });

  it('re-indexes only the shard of a changed article, identically to a cold build', async () => {
    const { shardOf } = shardsOf(first.dist);
    const report = JSON.parse(readFileSync(join(first.dir, 'report.json'), 'utf8')) as { files: Array<{ file: string; slug?: string }> };
    const { file, slug } = report.files.find((f) => f.slug && shardOf.get(f.slug) !== undefined)!;
    writeFileSync(join(SEEDS, file), `${readFileSync(join(SEEDS, file), 'utf8')}\nLe ministère a précisé que la livraison aurait lieu avant l’été.\n`);
    const again = await buildSiteNow(join(WORK, 'warm'), SEEDS, ENV);
    const log = shardLog(again);
    expect(log.indexed).toEqual([shardOf.get(slug!)]);
    expect(log.reused).toBe(log.shards - 1);
    const cold = await buildSiteNow(join(WORK, 'cold'), SEEDS, ENV);
    expect(shardLog(cold).reused).toBe(0);
    const [warm, fresh] = [indexFiles(again.dist), indexFiles(cold.dist)];
    expect([...warm.keys()].sort()).toEqual([...fresh.keys()].sort());
    expect([...warm].filter(([path, bytes]) => !bytes.equals(fresh.get(path)!)).map(([path]) => path)).toEqual([]);
    // The cache keeps only what the last build used: one entry per shard.
    expect(readdirSync(join(WORK, 'warm/astro-cache/pagefind')).length).toBe(log.shards);
  }, 600_000);
});
