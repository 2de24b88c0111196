/**
 * npm run build:site — builds the site from the articles already ingested, in two processes:
 *
 *   1. `astro sync`: the content layer reads, validates and renders every article into Astro's
 *      data store (src/lib/content/articles-loader.ts);
 *   2. `astro build`: finds the store up to date and renders the pages.
 *
 * Why two: in one process, page generation ran with the heap the content sync had built up; at
 * 10,000 articles it took 83–126 s instead of 50 s (README "Performance"). Both run with a larger
 * V8 young generation, which cut the build's CPU time further.
 *
 *   node scripts/build-site.ts [--config FILE] [--outDir DIR] [other astro build options]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const V8_OPTIONS = '--max-semi-space-size=64';

const args = process.argv.slice(2);
const configIndex = args.indexOf('--config');
const configArgs = configIndex >= 0 ? args.slice(configIndex, configIndex + 2) : [];
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${V8_OPTIONS}`.trim() };

for (const step of [['sync', ...configArgs], ['build', ...args]]) {
  const result = spawnSync(process.execPath, [ASTRO, ...step], { cwd: process.cwd(), env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build-site: astro ${step[0]} failed${result.signal ? ` (${result.signal})` : ''}`);
    process.exit(result.status ?? 1);
  }
}
