/**
 * npm run build:site — builds the site from the articles already ingested, in two processes:
 *
 *   1. `astro sync`: the content layer reads, validates and renders every article into Astro's
 *      data store (src/lib/content/articles-loader.ts) and generates the types;
 *   2. `astro build` through Astro's JavaScript API, told not to sync again: it reads the store
 *      the first process just wrote and renders the pages.
 *
 * Why: in one process, page generation ran with the heap the content sync had built up; at
 * 10,000 articles it took 83–126 s instead of 50 s. A second sync in the build process, with
 * nothing to do, still cost ~20 s (loading, comparing and rewriting a 130 MB store). Should a
 * future Astro ignore `sync: false`, the build only syncs again: slower, same pages.
 * Both processes get a larger V8 young generation (fewer promotions and full collections) and a
 * heap limit derived from the machine's memory (src/lib/build/heap.ts: half of it, never below
 * Node's default), unless NODE_OPTIONS already sets `--max-old-space-size`. See README "Performance".
 *
 *   node scripts/build-site.ts [--config FILE] [--outDir DIR]
 */
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { buildMemory, childNodeOptions } from '../src/lib/build/heap.ts';

const ROOT = join(import.meta.dirname, '..');
const PAGES_ONLY = '--pages-only';

const { values } = parseArgs({
  options: { config: { type: 'string' }, outDir: { type: 'string' }, 'pages-only': { type: 'boolean', default: false } },
});

if (values['pages-only']) {
  const { build } = await import('astro');
  const options = { sync: false } as Parameters<typeof build>[1];
  await build({ root: process.cwd(), ...(values.config && { configFile: values.config }), ...(values.outDir && { outDir: values.outDir }) }, options);
} else {
  // Unless NODE_OPTIONS sets a heap limit (then kept), this process runs with Node's default one.
  const memory = buildMemory(totalmem(), process.constrainedMemory());
  const heap = childNodeOptions(process.env.NODE_OPTIONS, memory, getHeapStatistics().heap_size_limit);
  console.error(
    heap.heapMb === null
      ? 'build-site: Node heap limit as set in NODE_OPTIONS'
      : `build-site: Node heap limit ${heap.heapMb} MiB (from ${Math.round(memory / 2 ** 20)} MiB of memory)`,
  );
  const env = { ...process.env, NODE_OPTIONS: heap.nodeOptions };
  const config = values.config ? ['--config', values.config] : [];
  const outDir = values.outDir ? ['--outDir', values.outDir] : [];
  const steps: Array<[string, string[]]> = [
    ['astro sync', [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync', ...config]],
    ['astro build', [join(ROOT, 'scripts/build-site.ts'), PAGES_ONLY, ...config, ...outDir]],
  ];
  for (const [name, args] of steps) {
    const result = spawnSync(process.execPath, args, { cwd: process.cwd(), env, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`build-site: ${name} failed${result.signal ? ` (${result.signal})` : ''}`);
      process.exit(result.status ?? 1);
    }
  }
}
