/**
 * The search page on a site whose index is in shards (tests/helpers/shard-site.ts): a search
 * finds the articles of every shard, sorted by date they come newest first across shards, a
 * facet still filters and counts across shards, and the shard filter never shows.
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
      await page.waitForFunction((n) => document.querySelectorAll('#search-results .search-result').length > n, shown);
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
