/**
 * The search page on a site whose index is in shards (tests/helpers/shard-site.ts): a search
 * finds the articles of every shard, sorted by date they come newest first across shards, a
 * facet still filters and counts across shards, and the shard filter never shows. The search is
 * progressive: the first results come from the newest shard alone (no older shard's file is
 * fetched), an older shard is fetched only when "more" needs it, results only append, and the
 * count says how much of the archive it covers until every shard was searched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { slugOfUrl } from '../helpers/search-site.ts';
import { getShardSite, type ShardSite } from '../helpers/shard-site.ts';

const available = browserAvailable('search shards browser tests');

describe.skipIf(!available)('the search page over an index in shards', () => {
  let site: ShardSite;
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await getShardSite();
    server = await serve(site.dist, '/');
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(problems).toEqual([]);
  });

  /** Opens `query` on the search page and returns every result's slug in order (all pages of results). */
  async function results(query: string): Promise<{ page: Page; slugs: string[]; status: string }> {
    const page = await browser.newPage();
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`${query}: ${m.text()}`)));
    page.on('pageerror', (e) => problems.push(`${query}: ${e.message}`));
    await page.goto(new URL(`recherche/${query}`, server.url).href);
    await page.waitForSelector(`#search-app[data-rendered="${query}"]:not([aria-busy])`, { timeout: 30_000 });
    while (await page.isVisible('#search-more')) {
      const shown = await page.$$eval('#search-results .search-result', (items) => items.length);
      await page.click('#search-more');
      // "More" may go on searching older shards after the first new results show.
      await page.waitForFunction(
        (n) => document.querySelectorAll('#search-results .search-result').length > n && !document.querySelector('#search-app[aria-busy]'),
        shown,
      );
    }
    const hrefs = await page.$$eval('#search-results .search-result h3 a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    return { page, slugs: hrefs.map(slugOfUrl), status: (await page.textContent('#search-status')) ?? '' };
  }

  /** Articles whose page has `value` in the Pagefind filter `key`. */
  function withFilter(key: string, value: string): string[] {
    return [...site.shardOf.keys()]
      .filter((slug) => readFileSync(join(site.dist, 'articles', slug, 'index.html'), 'utf8').includes(`data-pagefind-filter="${key}">${value}<`))
      .sort();
  }

  /** Opens `query` in a fresh context recording every request (the Web Worker's included). */
  async function openRecording(query: string): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext();
    const requests: string[] = [];
    context.on('request', (request) => void requests.push(new URL(request.url()).pathname));
    const page = await context.newPage();
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`${query}: ${m.text()}`)));
    page.on('pageerror', (e) => problems.push(`${query}: ${e.message}`));
    await page.goto(new URL(`recherche/${query}`, server.url).href);
    await page.waitForSelector(`#search-app[data-rendered="${query}"]:not([aria-busy])`, { timeout: 30_000 });
    return { page, requests, close: () => context.close() };
  }

  /** The status line, its no-break spaces (French typography) as plain spaces. */
  const statusOf = async (page: Page) => ((await page.textContent('#search-status')) ?? '').replace(/[\u00a0\u202f]/g, ' ');
  const shownSlugs = async (page: Page) =>
    (await page.$$eval('#search-results .search-result h3 a', (links) => links.map((a) => a.getAttribute('href') ?? ''))).map(slugOfUrl);
  /** The older shards whose files were fetched, in the manifest's order. */
  const olderFetched = (requests: string[]) => site.manifest.shards.slice(1).filter((shard) => requests.some((path) => path.startsWith(`/${shard.path}`)));
  async function clickMore(page: Page): Promise<void> {
    const shown = await page.$$eval('#search-results .search-result', (items) => items.length);
    await page.click('#search-more');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results .search-result').length > n && !document.querySelector('#search-app[aria-busy]'),
      shown,
    );
  }

  it('shows the first results from the newest shards alone, and searches an older shard only when "more" needs it, appending', async () => {
    const ukraine = new Set(withFilter('country', 'Ukraine'));
    const shards = site.manifest.shards;
    const total = shards.reduce((n, s) => n + s.pages, 0);
    // Per shard (newest first): its results; and the shards a page of `n` results needs.
    const inShard = shards.map((shard) => [...ukraine].filter((slug) => site.shardOf.get(slug) === shard.id).length);
    const needed = (n: number) => {
      let sum = 0;
      const k = inShard.findIndex((count) => (sum += count) >= n);
      return k === -1 ? shards.length : k + 1;
    };
    const shardIds = (n: number) => inShard.flatMap((count, i) => Array<string>(count).fill(shards[i].id)).slice(0, n);
    const status = (k: number) =>
      `${inShard.slice(0, k).reduce((a, b) => a + b, 0)} articles pour « Ukraine » parmi les ${shards.slice(0, k).reduce((n, s) => n + s.pages, 0)} articles les plus récents (sur ${total}) ; les plus anciens sont cherchés quand vous affichez plus de résultats`;
    // The corpus leaves shards unneeded by the first two pages (else this proves nothing).
    expect(needed(20)).toBeLessThan(shards.length);

    const { page, requests, close } = await openRecording('?q=Ukraine');
    const first = await shownSlugs(page);
    expect(first.map((slug) => site.shardOf.get(slug))).toEqual(shardIds(10));
    // Only the shards the first page needed were fetched (the newest at pagefind/ is always).
    expect(olderFetched(requests).map((s) => s.id)).toEqual(shards.slice(1, needed(10)).map((s) => s.id));
    expect(await statusOf(page)).toBe(status(needed(10)));

    // The second page: the next shard(s) only, appended after the first page, which stays as it was.
    await clickMore(page);
    const second = await shownSlugs(page);
    expect(second.slice(0, 10)).toEqual(first);
    expect(second.map((slug) => site.shardOf.get(slug))).toEqual(shardIds(20));
    expect(olderFetched(requests).map((s) => s.id)).toEqual(shards.slice(1, needed(20)).map((s) => s.id));
    expect(await statusOf(page)).toBe(status(needed(20)));

    // To the end: every shard in order, nothing shown before ever moves, and the count is exact.
    let shown = second;
    while (await page.isVisible('#search-more')) {
      await clickMore(page);
      const now = await shownSlugs(page);
      expect(now.slice(0, shown.length)).toEqual(shown);
      shown = now;
    }
    expect([...shown].sort()).toEqual([...ukraine].sort());
    expect(shown.map((slug) => site.shardOf.get(slug))).toEqual(shardIds(ukraine.size));
    expect(await statusOf(page)).toBe(`${ukraine.size} articles pour « Ukraine »`);
    await close();
  });

  it('shows no partial count on a facet in use until every shard is searched, then the exact one', async () => {
    const ukraine = withFilter('country', 'Ukraine');
    const { page, requests, close } = await openRecording('?q=Ukraine&country=Ukraine');
    // The first page did not need every shard.
    expect(olderFetched(requests).length).toBeLessThan(site.manifest.shards.length - 1);
    const label = 'fieldset[data-facet="country"] label:has-text("Ukraine")';
    expect(await page.textContent(label)).toBe('Ukraine');
    expect(await page.isVisible('#search-facets-note')).toBe(true);
    while (await page.isVisible('#search-more')) await clickMore(page);
    expect(await page.textContent(label)).toBe(`Ukraine (${ukraine.length})`);
    expect(await statusOf(page)).toBe(`${ukraine.length} articles pour « Ukraine », filtres : Ukraine`);
    await close();
  });

  it('is built in at least three shards', () => {
    expect(site.manifest.shards.length).toBeGreaterThanOrEqual(3);
  });

  it('finds a word present in every shard in all of them; the count is the sum of the shards', async () => {
    // The articles naming Ukraine (the generated corpus's recipient): all but a few, in every shard.
    const ukraine = withFilter('country', 'Ukraine');
    expect(ukraine.length).toBeGreaterThan(site.shardOf.size * 0.9);
    const { page, slugs, status } = await results('?q=Ukraine');
    expect([...slugs].sort()).toEqual(ukraine);
    expect(new Set(slugs.map((s) => site.shardOf.get(s)))).toEqual(new Set(site.manifest.shards.map((s) => s.id)));
    expect(status).toMatch(new RegExp(`^${ukraine.length} articles pour`));
    await page.close();
  });

  it('sorted by date, lists the articles newest first across shards', async () => {
    const ukraine = withFilter('country', 'Ukraine');
    const { page, slugs, status } = await results('?q=Ukraine&sort=date');
    expect([...slugs].sort()).toEqual(ukraine);
    const dates = slugs.map((s) => site.dateOf.get(s)!);
    expect(dates).toEqual([...dates].sort().reverse());
    // Shards in the manifest's order, each once.
    const order = slugs.map((s) => site.shardOf.get(s)).filter((id, i, all) => id !== all[i - 1]);
    expect(order).toEqual(site.manifest.shards.map((s) => s.id));
    expect(status).toMatch(new RegExp(`^${ukraine.length} articles pour`));
    await page.close();
  });

  it('filters by a facet across shards, counting its values over every shard, and shows no shard facet', async () => {
    const expected = withFilter('country', 'Pologne');
    expect(new Set(expected.map((s) => site.shardOf.get(s))).size).toBeGreaterThanOrEqual(2);
    const { page, slugs, status } = await results('?q=Ukraine&country=Pologne&sort=date');
    expect([...slugs].sort()).toEqual(expected);
    const dates = slugs.map((s) => site.dateOf.get(s)!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(status).toMatch(new RegExp(`^${expected.length} articles pour`));
    expect(await page.textContent('fieldset[data-facet="country"] label:has-text("Pologne")')).toBe(`Pologne (${expected.length})`);
    expect(await page.textContent('fieldset[data-facet="country"] label:has-text("Russie")')).toBe(`Russie (${withFilter('country', 'Russie').length})`);
    expect(await page.$$('[data-facet="shard"], input[name="shard"]')).toHaveLength(0);
    expect(new URL(page.url()).search).toBe('?q=Ukraine&country=Pologne&sort=date');
    await page.close();
  });
});
