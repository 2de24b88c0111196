/**
 * A site whose search index is in several shards: a generated corpus (scripts/bench/corpus.ts,
 * 2022–2025) built with a small SEARCH_SHARD_SIZE. Built once through getSite().
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus.ts';
import { readPages } from '../../src/integrations/pagefind.ts';
import { planShards, SHARD_MANIFEST, type ShardManifest } from '../../src/lib/search/shards.ts';
import { getSite, ROOT, type BuiltSite } from './site.ts';

export const SHARD_CORPUS = { count: 48, seed: 11 };
export const SHARD_SIZE = 12;

/** Writes the corpus into `dir` (emptied first). */
export function writeShardSeeds(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeCorpus(dir, generateCorpus(SHARD_CORPUS));
  return dir;
}

export interface ShardSite extends BuiltSite {
  manifest: ShardManifest;
  /** Article slug → the id of its shard, and its date sort key. */
  shardOf: Map<string, string>;
  dateOf: Map<string, string>;
}

/** The shards of a built site, as the build planned them. */
export function shardsOf(dist: string): Pick<ShardSite, 'manifest' | 'shardOf' | 'dateOf'> {
  const manifest = JSON.parse(readFileSync(join(dist, 'pagefind', SHARD_MANIFEST), 'utf8')) as ShardManifest;
  const pages = readPages(dist, 'articles/**/*.html');
  const slug = (path: string) => path.split('/')[1];
  const shardOf = new Map(planShards(pages, SHARD_SIZE).flatMap((shard) => shard.pages.map((p) => [slug(p), shard.id] as const)));
  return { manifest, shardOf, dateOf: new Map(pages.map((p) => [slug(p.path), p.date])) };
}

export async function getShardSite(env: Record<string, string> = {}): Promise<ShardSite> {
  const seeds = writeShardSeeds(join(ROOT, '.cache/shard-seeds'));
  const site = await getSite({ name: 'shards', seeds, env: { SEARCH_SHARD_SIZE: String(SHARD_SIZE), ...env } });
  return { ...site, ...shardsOf(site.dist) };
}
