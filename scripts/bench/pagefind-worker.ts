/**
 * Pagefind indexing of a built site with the archive's own settings (src/integrations/pagefind.ts),
 * run alone so its time and memory are measured apart from Astro; within HOST_FILE_LIMIT and in
 * shards of SEARCH_SHARD_SIZE pages as a build is (no shard cache: every shard is indexed).
 *
 *   node scripts/bench/pagefind-worker.ts DIST
 */
import { indexSite } from '../../src/integrations/pagefind.ts';

const started = performance.now();
const { pages, maxFragments, totalFiles, shards } = await indexSite(process.argv[2]);
console.log(JSON.stringify({ pages, maxFragments: maxFragments ?? null, totalFiles, shards, ms: performance.now() - started }));
