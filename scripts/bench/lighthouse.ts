/**
 * Lighthouse (performance, accessibility) on the home, one article, the search page and the
 * deliveries explorer of a built
 * site, served with gzip on 127.0.0.1, in Debian's Chromium (CHROME_PATH; no browser download).
 *
 *   node scripts/bench/lighthouse.ts DIST [--only search|explorer|home|article] [--runs R]
 *     → JSON [{ page, performance, accessibility, metrics }] (with --runs, every run, then the
 *       median performance of each page)
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
  /** The performance metrics behind the score (ms; CLS unitless). */
  metrics?: Record<string, number>;
}

const PAGES = ['home', 'article', 'search', 'explorer'] as const;
type PageName = (typeof PAGES)[number];

export async function lighthouse(dist: string, only: readonly PageName[] = PAGES): Promise<LighthouseScore[]> {
  const article = readdirSync(join(dist, 'articles')).sort()[0];
  const paths: Record<PageName, string> = { home: '', article: `articles/${article}/`, search: 'recherche/?q=Caesar', explorer: 'livraisons/' };
  const pages = only.map((name) => paths[name]);
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
      const metric = (id: string) =>
        Math.round((lhr.audits[id]?.numericValue ?? NaN) * (id === 'cumulative-layout-shift' ? 1000 : 1)) / (id === 'cumulative-layout-shift' ? 1000 : 1);
      const metrics = Object.fromEntries(
        ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [id, metric(id)]),
      );
      scores.push({
        page: `/${page}`,
        performance: Math.round(lhr.categories.performance.score * 100),
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        metrics,
      });
    }
    return scores;
  } finally {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) {
  const { parseArgs } = await import('node:util');
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { only: { type: 'string', multiple: true }, runs: { type: 'string', default: '1' } },
  });
  const only = (values.only ?? [...PAGES]).filter((name): name is PageName => (PAGES as readonly string[]).includes(name));
  const runs: LighthouseScore[][] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    runs.push(await lighthouse(resolve(positionals[0]), only));
    console.log(JSON.stringify(runs.at(-1)));
  }
  if (runs.length > 1) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      JSON.stringify(
        only.map((name, i) => ({
          page: name,
          performance: median(runs.map((r) => r[i].performance)),
          accessibility: median(runs.map((r) => r[i].accessibility)),
        })),
      ),
    );
  }
}
