/**
 * The deliveries explorer's part of the benchmark: in headless Chromium, on a site served with
 * gzip, the bytes on the wire of the first view of /livraisons/ (HTML, CSS, JS: everything the
 * page loads until the network is idle), then the bytes of the events data fetched when the
 * reader first filters, and the time from choosing a supplier to the filtered rows.
 *
 *   node scripts/bench/explorer.ts DIST    (a built site; or through npm run bench)
 */
import { launchChromium, recordTransfers } from './browser.ts';

export interface ExplorerMeasure {
  /** Bytes on the wire (gzip, headers included) of everything loaded by the first view. */
  firstViewBytes: number;
  firstViewFiles: Array<{ path: string; bytes: number }>;
  /** Rows of the first view (server-rendered). */
  rows: number;
  /** Bytes on the wire fetched by the first filter (the events data file). */
  filterBytes: number;
  /** Choosing the first supplier → filtered rows on screen. */
  msToFiltered: number;
  events: number;
}

export async function measureExplorer(siteUrl: string, path = 'livraisons/'): Promise<ExplorerMeasure> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    const { sizes, pending } = recordTransfers(context);
    await page.goto(new URL(path, siteUrl).href, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const firstView = [...sizes];
    const rows = await page.locator('#explorer-rows tr').count();
    const loaded = sizes.length;
    const select = page.locator('#filter-fournisseur');
    const value = await select.locator('option').nth(1).getAttribute('value');
    const started = await page.evaluate(() => performance.now());
    await select.selectOption(value ?? '');
    const done = await page.waitForFunction(
      () => /correspond/.test(document.querySelector('#explorer-status')?.textContent ?? '') && performance.now(),
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    const msToFiltered = ((await done.jsonValue()) as number) - started;
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const events = Number(await page.locator('#explorer').getAttribute('data-total'));
    await context.close();
    return {
      firstViewBytes: firstView.reduce((n, s) => n + s.bytes, 0),
      firstViewFiles: firstView.map((s) => ({ path: new URL(s.url).pathname, bytes: s.bytes })),
      rows,
      filterBytes: sizes.slice(loaded).reduce((n, s) => n + s.bytes, 0),
      msToFiltered,
      events,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.filename === process.argv[1]) {
  const { resolve } = await import('node:path');
  const { serveGzip } = await import('./browser.ts');
  const server = await serveGzip(resolve(process.argv[2] ?? 'dist'));
  try {
    const m = await measureExplorer(server.url);
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    console.log(`/livraisons/ first view: ${kb(m.firstViewBytes)} gzip on the wire, ${m.rows} rows of ${m.events} events`);
    for (const f of m.firstViewFiles) console.log(`  ${kb(f.bytes).padStart(9)}  ${f.path}`);
    console.log(`first filter: ${kb(m.filterBytes)} fetched, ${Math.round(m.msToFiltered)} ms to the filtered rows`);
  } finally {
    await server.close();
  }
}
