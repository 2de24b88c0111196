/**
 * Pagefind indexing of a built site with the archive's own settings (src/integrations/pagefind.ts),
 * run alone so its time and memory are measured apart from Astro; within HOST_FILE_LIMIT as a build is.
 *
 *   node scripts/bench/pagefind-worker.ts DIST
 */
import { indexSite } from '../../src/integrations/pagefind.ts';

const started = performance.now();
const { pages, maxFragments, totalFiles } = await indexSite(process.argv[2]);
console.log(JSON.stringify({ pages, maxFragments: maxFragments ?? null, totalFiles, ms: performance.now() - started }));
