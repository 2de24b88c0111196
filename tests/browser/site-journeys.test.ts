/** Main reader journeys in Chromium: home → article → weapon page → another article, at the root and under a base path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { buildFixtureSite } from '../helpers/site-fixtures.ts';

const available = browserAvailable('site journeys');

for (const base of ['/', '/archive/']) {
  describe.skipIf(!available)(`reader journeys with base ${base}`, () => {
    let browser: Browser;
    let server: StaticServer;
    beforeAll(async () => {
      const env: Record<string, string> = base === '/' ? {} : { BASE_PATH: base };
      const site = await buildFixtureSite({ name: base === '/' ? 'site-fixtures' : 'site-fixtures-base-journey', env });
      server = await serve(site.dist, base);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('goes from the home page to an article, its weapon page, then another article', async () => {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(server.url);
      expect(await page.locator('h1').textContent()).toBe('Articles');

      await page.getByRole('link', { name: 'La France envoie des missiles SCALP et des Caesar à l’Ukraine' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('La France envoie des missiles SCALP et des Caesar à l’Ukraine');
      expect(new URL(page.url()).pathname).toBe(`${base}articles/la-france-envoie-des-missiles-scalp-et-des-caesar/`);

      // The date disclosure opens and shows its evidence.
      await page.getByText('Comment cette date a été établie', { exact: false }).click();
      expect(await page.getByText('Publié le 18 janvier 2024').isVisible()).toBe(true);

      // A mention in the text leads to the weapon page.
      await page.locator('.article-body a.mention', { hasText: 'Caesar' }).first().click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Caesar');
      expect(new URL(page.url()).pathname).toBe(`${base}armes/caesar/`);
      expect(await page.locator('mark', { hasText: 'Caesar' }).count()).toBeGreaterThan(0);

      await page.getByRole('link', { name: 'Paris veut produire 72 Caesar supplémentaires' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Paris veut produire 72 Caesar supplémentaires');
      const stylesheets = await page.evaluate(() => document.styleSheets.length);
      expect(stylesheets).toBeGreaterThan(0);
      expect(failed).toEqual([]);
      await page.close();
    });

    it('reaches the timeline, a month, and the open data from the navigation and footer', async () => {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Chronologie' }).click();
      await page.locator('svg a').first().click();
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${base}chronologie/\\d{4}-\\d{2}/$`));
      const csv = await page.request.get(`${server.url}data/deliveries.csv`);
      expect(csv.status()).toBe(200);
      const href = await page.getByRole('contentinfo').getByRole('link', { name: 'Livraisons (CSV)' }).getAttribute('href');
      expect(href).toBe(`${base}data/deliveries.csv`);
      await page.close();
    });
  });
}
