/**
 * Lighthouse (performance, accessibility) on the home, one article and the search page of a built
 * site, served with gzip on 127.0.0.1, in Debian's Chromium (CHROME_PATH; no browser download).
 *
 *   node scripts/bench/lighthouse.ts DIST  → JSON [{ page, performance, accessibility }]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveGzip } from './browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const LIGHTHOUSE = join(ROOT, 'node_modules/lighthouse/cli/index.js');

export interface LighthouseScore {
  page: string;
  performance: number;
  accessibility: number;
}

export async function lighthouse(dist: string): Promise<LighthouseScore[]> {
  const article = readdirSync(join(dist, 'articles')).sort()[0];
  const pages = ['', `articles/${article}/`, 'recherche/?q=Caesar'];
  const server = await serveGzip(dist);
  const out = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  try {
    const scores: LighthouseScore[] = [];
    for (const [i, page] of pages.entries()) {
      const report = join(out, `${i}.json`);
      // Asynchronous: the static server lives in this process and must keep answering.
      const child = spawn(
        process.execPath,
        [
          LIGHTHOUSE,
          new URL(page, server.url).href,
          '--only-categories=performance,accessibility',
          '--output=json',
          `--output-path=${report}`,
          '--quiet',
          '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run',
        ],
        { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((done) => child.on('close', done));
      if (code !== 0) throw new Error(`lighthouse ${page}: ${stderr.slice(-2000)}`);
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      scores.push({ page: `/${page}`, performance: Math.round(lhr.categories.performance.score * 100), accessibility: Math.round(lhr.categories.accessibility.score * 100) });
    }
    return scores;
  } finally {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) {
  console.log(JSON.stringify(await lighthouse(resolve(process.argv[2]))));
}
