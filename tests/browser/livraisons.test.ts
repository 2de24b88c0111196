/**
 * The deliveries explorer in Chromium, on a BASE_PATH build served with the site's CSP: a reader
 * finds what France has delivered and when it was first reported in two clicks from the home
 * page; filters and sort live in the URL and survive Back; the first view does not fetch the
 * events data; zero axe-core violations in both colour schemes; nothing overflows at 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, browserAvailable, launchBrowser, overflowingAt320 } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { buildFixtureSite } from '../helpers/site-fixtures.ts';
import { siteHeaders } from '../helpers/headers.ts';
import { livraisonsArticles } from '../helpers/livraisons-fixtures.ts';

const BASE = '/archive/';
const PAGES = [
  'livraisons/',
  'livraisons/?fournisseur=france&tri=quantity-desc',
  'livraisons/?statut=delivered',
  'livraisons/fournisseur/france/',
  'livraisons/systeme/caesar/',
  'livraisons/systeme/caesar/2024/',
  'pays/france/',
  'pays/ukraine/',
  'armes/caesar/',
  'articles/paris-confirme-les-caesar/',
];
const available = browserAvailable('deliveries explorer');
const squash = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** A table row's cells, read one after the other. */
const cells = async (row: Locator) => (await row.locator('th, td').allTextContents()).map(squash).join(' ');
const select = (page: Page, name: string | RegExp) => page.getByRole('combobox', { name, exact: true });

describe.skipIf(!available)('the deliveries explorer in Chromium (BASE_PATH build, CSP)', () => {
  let browser: Browser;
  let server: StaticServer;
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    return page;
  };
  beforeAll(async () => {
    const site = await buildFixtureSite({ name: 'livraisons-base', env: { BASE_PATH: BASE, SITE_URL: 'https://example.org' }, articles: livraisonsArticles() });
    server = await serve(site.dist, BASE, siteHeaders({ dropUpgradeInsecure: true }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers “what has France delivered, and when was it first reported?” in two clicks from the home page', async () => {
    const page = watch(await browser.newPage());
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Livraisons' }).click(); // 1
    await page.getByRole('navigation', { name: 'Parcourir' }).getByRole('link', { name: 'France', exact: true }).click(); // 2
    expect(new URL(page.url()).pathname).toBe(`${BASE}livraisons/fournisseur/france/`);
    const answer = page.getByRole('region', { name: 'Ce que France a livré, par matériel' });
    const row = answer.getByRole('row', { name: /Caesar/ });
    expect(await cells(row)).toBe('Caesar 5 mars 2024 6 1 1 18 janvier 2024');
    const header = await answer.getByRole('columnheader').allTextContents();
    expect(header.map(squash)).toEqual(['Matériel', 'Première livraison signalée', 'Unités livrées', 'Livraisons', 'Événements', 'Premier signalement']);
    await page.close();
  });

  it('filters by supplier and status, keeps them in the URL, and steps back with Back', async () => {
    const page = watch(await browser.newPage());
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}livraisons/`);
    await page.waitForLoadState('networkidle');
    // First view: the server-rendered table, no data file.
    expect(fetched).not.toContain(`${BASE}livraisons/evenements.json`);
    const rows = page.locator('#explorer-rows tr');
    const all = await rows.count();
    expect(all).toBeGreaterThan(3);

    await select(page, 'Fournisseur').selectOption({ label: 'France' });
    await expect.poll(() => new URL(page.url()).search).toBe('?fournisseur=france');
    await expect.poll(() => page.locator('#explorer-status').textContent()).toMatch(/^\d+ événements correspondent\.$/);
    const france = await rows.allTextContents();
    expect(france.length).toBeGreaterThan(1);
    expect(france.every((r) => !r.includes('Allemagne'))).toBe(true);

    await select(page, /^Étape/).selectOption({ label: 'livrée' });
    await expect.poll(() => new URL(page.url()).search).toBe('?fournisseur=france&statut=delivered');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await cells(rows.first())).toBe('18 janvier 2024 France Ukraine Caesar 6 livrée 3 articles');
    // The row leads to the event and its evidence on the system's view.
    await rows.first().getByRole('link', { name: '3 articles' }).click();
    await page.waitForURL(/\/systeme\/caesar\/2024\/#/);
    expect(new URL(page.url()).pathname).toBe(`${BASE}livraisons/systeme/caesar/2024/`);
    const target = page.locator(new URL(page.url()).hash);
    expect(await target.count()).toBe(1);
    expect(await target.getByText('Les six canons Caesar promis par la France sont arrivés en Ukraine, selon Kiev.').isVisible()).toBe(true);

    await page.goBack();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await select(page, /^Étape/).inputValue()).toBe('delivered');
    await page.goBack();
    await expect.poll(() => select(page, /^Étape/).inputValue()).toBe('');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await page.close();
  });

  it('opens a shared URL with its filters and sort applied', async () => {
    const page = watch(await browser.newPage());
    await page.goto(`${server.url}livraisons/?systeme=caesar&tri=quantity-desc`);
    const rows = page.locator('#explorer-rows tr');
    await expect.poll(() => page.locator('#explorer-status').textContent()).toBe('3 événements correspondent.');
    const quantities = (await page.locator('#explorer-rows tr td.num').allTextContents()).map(squash);
    expect(quantities).toEqual(['72', '12', '6']);
    expect(await rows.count()).toBe(3);
    expect(await select(page, 'Matériel').inputValue()).toBe('caesar');
    expect(await select(page, 'Trier par').inputValue()).toBe('quantity-desc');
    // A stage finds every event that went through it: France's delivered Caesar were announced first.
    await page.goto(`${server.url}livraisons/?fournisseur=france&statut=announced`);
    await expect.poll(() => page.locator('#explorer-status').textContent()).toBe('2 événements correspondent.');
    expect((await page.locator('#explorer-rows tr').allTextContents()).map(squash).sort()).toEqual([
      expect.stringContaining('Caesar6livrée'),
      expect.stringContaining('SCALP-EG40annoncée'),
    ]);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violation in the ${scheme} scheme`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = watch(await context.newPage());
      const found: string[] = [];
      for (const path of PAGES) {
        await page.goto(server.url + path);
        await page.waitForLoadState('networkidle');
        for (const v of await axeViolations(page)) found.push(`/${path}: ${v}`);
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    expect(await overflowingAt320(browser, server.url, PAGES)).toEqual([]);
  });

  it('logged no console error, page error, failed request or CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
