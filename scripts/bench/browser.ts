/**
 * The browser part of the benchmark: serves a built site with gzip on 127.0.0.1 (like a static
 * host) and, in headless Chromium (Debian's, through playwright-core), types a query on the
 * search page and measures the bytes transferred (CDP encodedDataLength) and the time from the
 * last keystroke to the first result shown. Also the gzip weight of article pages (HTML + CSS).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { median } from './measure.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Static server with gzip for text types (Pagefind's own files are already compressed). */
export function serveGzip(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const type = TYPES[extname(file)];
    let body = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': type ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (type && /gzip/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
    void path;
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

export interface QueryMeasure {
  query: string;
  /** Time from the last keystroke to the first result in the list. */
  msToResults: number;
  /** Bytes on the wire (gzip) of Pagefind index data (meta, index chunks, filters, fragments), page load + query. */
  indexBytes: number;
  /** The same, only what the typed query fetched (after the page had loaded and gone idle). */
  queryIndexBytes: number;
  /** Bytes on the wire of everything under /pagefind/ (with pagefind.js and its WebAssembly). */
  pagefindBytes: number;
  /** Bytes on the wire of the whole page load + query. */
  totalBytes: number;
  results: number;
  /** Where the time went (ms): keystroke → search started (typing pause), search, loading the results' data. */
  phases?: { debounce: number; search: number; data: number };
  /** Every file under /pagefind/ with its bytes on the wire, and whether the typed query fetched it. */
  pagefindFiles: Array<{ path: string; bytes: number; query: boolean }>;
}

/** Pagefind index data: meta, index chunks, filters, fragments (not its JS and WebAssembly), of every shard (pagefind/shards/<id>/…). */
export const INDEX_FILE = /\/pagefind\/(?:shards\/[^/]+\/)?(?:[^/]*\.pf_meta$|index\/|filter\/|fragment\/)/;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Every request the context finishes, with its bytes on the wire (gzip body + headers); `pending`
 * settles once each size is read. Context-level events also see a Web Worker's requests (Pagefind
 * fetches from one), which a page CDP session would not.
 */
export function recordTransfers(context: BrowserContext): { sizes: Array<{ url: string; bytes: number }>; pending: Array<Promise<void>> } {
  const sizes: Array<{ url: string; bytes: number }> = [];
  const pending: Array<Promise<void>> = [];
  context.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const s = await request.sizes();
        // Chromium reports no body size for a worker's script: take the served length.
        const body = s.responseBodySize || Number((await request.response())?.headers()['content-length'] ?? 0);
        sizes.push({ url: request.url(), bytes: body + s.responseHeadersSize });
      })().catch(() => undefined),
    );
  });
  return { sizes, pending };
}

/** Loads the search page in a fresh browser context, types `query`, waits for results. */
export async function measureQueries(siteUrl: string, queries: string[], searchPath = 'recherche/'): Promise<QueryMeasure[]> {
  const browser = await launchChromium();
  const out: QueryMeasure[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const { sizes, pending } = recordTransfers(context);
      await page.goto(new URL(searchPath, siteUrl).href, { waitUntil: 'networkidle' });
      const input = page.locator('#search-q, input[type=search]').first();
      // The page renders its facets (and no results) on an empty load: let it settle.
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && document.querySelector('#search-app[data-rendered]'), undefined, {
        timeout: 60_000,
      });
      await input.click();
      const loaded = sizes.length;
      // Wait for the results to change, not just to exist.
      const signature = () => `${document.querySelector('#search-status')?.textContent ?? ''}|${document.querySelector('#search-results')?.innerHTML ?? ''}`;
      const before = await page.evaluate(signature);
      await page.keyboard.type(query.slice(0, -1), { delay: 60 });
      const started = await page.evaluate(() => performance.now());
      await page.keyboard.type(query.slice(-1));
      const shownAt = await page.waitForFunction(
        ([previous, q]) => {
          const now = `${document.querySelector('#search-status')?.textContent ?? ''}|${document.querySelector('#search-results')?.innerHTML ?? ''}`;
          const busy = document.querySelector('[aria-busy="true"]');
          const item = document.querySelector('#search-results li, .pagefind-ui__result');
          // The query is in the URL once the page has searched for it.
          const searched = new URLSearchParams(location.search).get('q') === q;
          return searched && now !== previous && !busy && item ? performance.now() : false;
        },
        [before, query.trim()] as const,
        { polling: 'raf', timeout: 30_000 },
      );
      const msToResults = ((await shownAt.jsonValue()) as number) - started;
      // The page's own marks (src/client/search/page.ts): last search started, searched, result data loaded.
      const marks = await page.evaluate(() =>
        Object.fromEntries(
          ['search:start', 'search:searched', 'search:loaded'].map((name) => [name, performance.getEntriesByName(name).at(-1)?.startTime ?? NaN]),
        ),
      );
      const phases = {
        debounce: marks['search:start'] - started,
        search: marks['search:searched'] - marks['search:start'],
        data: marks['search:loaded'] - marks['search:searched'],
      };
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      const results = await page.locator('#search-results li, .pagefind-ui__result').count();
      const sum = (pred: (url: string) => boolean) => sizes.filter((s) => pred(s.url)).reduce((n, s) => n + s.bytes, 0);
      out.push({
        query,
        msToResults,
        indexBytes: sum((u) => INDEX_FILE.test(new URL(u).pathname)),
        queryIndexBytes: sizes
          .slice(loaded)
          .filter((s) => INDEX_FILE.test(new URL(s.url).pathname))
          .reduce((n, s) => n + s.bytes, 0),
        pagefindBytes: sum((u) => u.includes('/pagefind/')),
        totalBytes: sum(() => true),
        results,
        phases,
        pagefindFiles: sizes
          .map((s, i) => ({ path: new URL(s.url).pathname, bytes: s.bytes, query: i >= loaded }))
          .filter((f) => f.path.includes('/pagefind/')),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Gzip size (level 6, as common static hosts) of article pages: HTML plus linked stylesheets. */
export function articlePageWeight(dist: string, sample = 50): { medianBytes: number; maxBytes: number; pages: number } {
  const folder = join(dist, 'articles');
  if (!existsSync(folder)) return { medianBytes: 0, maxBytes: 0, pages: 0 };
  const slugs = readdirSync(folder).sort();
  const step = Math.max(1, Math.floor(slugs.length / sample));
  const weights: number[] = [];
  for (let i = 0; i < slugs.length && weights.length < sample; i += step) {
    const file = join(folder, slugs[i], 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    let bytes = gzipSync(html).length;
    for (const m of html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)) {
      const href = /href="([^"]+)"/.exec(m[0])?.[1];
      if (!href || /^https?:/.test(href)) continue;
      const css = join(dist, href.replace(/^\/+/, ''));
      if (existsSync(css)) bytes += gzipSync(readFileSync(css)).length;
    }
    weights.push(bytes);
  }
  return { medianBytes: weights.length ? median(weights) : 0, maxBytes: Math.max(0, ...weights), pages: weights.length };
}

export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = dirSize(path);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

/**
 * node scripts/bench/browser.ts DIST [--runs R] [--query Q]… — the first search alone, on a built
 * site: median bytes and time of R runs (default 3), and each run's Pagefind files.
 */
if (import.meta.filename === process.argv[1]) {
  const { parseArgs } = await import('node:util');
  const { resolve } = await import('node:path');
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '3' }, query: { type: 'string', multiple: true }, verbose: { type: 'boolean', default: false } },
  });
  const queries = values.query?.length ? values.query : ['Caesar'];
  const server = await serveGzip(resolve(positionals[0] ?? 'dist'));
  try {
    const runs: QueryMeasure[][] = [];
    for (let i = 0; i < Number(values.runs); i++) runs.push(await measureQueries(server.url, queries));
    for (const [q, query] of queries.entries()) {
      const of = (f: (m: QueryMeasure) => number) => median(runs.map((r) => f(r[q])));
      const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
      console.log(
        `"${query}": ${Math.round(of((m) => m.msToResults))} ms to results (runs: ${runs.map((r) => Math.round(r[q].msToResults)).join(', ')}), ` +
          `Pagefind ${kb(of((m) => m.pagefindBytes))} (index data ${kb(of((m) => m.indexBytes))}, query only ${kb(of((m) => m.queryIndexBytes))}), ${runs[0][q].results} results shown`,
      );
      const phase = (k: 'debounce' | 'search' | 'data') => Math.round(of((m) => m.phases?.[k] ?? NaN));
      console.log(`  phases (median): typing pause ${phase('debounce')} ms, search ${phase('search')} ms, result data ${phase('data')} ms`);
      if (values.verbose) for (const f of runs[0][q].pagefindFiles) console.log(`  ${f.query ? 'query' : 'load '} ${kb(f.bytes).padStart(9)}  ${f.path}`);
    }
  } finally {
    await server.close();
  }
}
