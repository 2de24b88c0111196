/**
 * Accessibility in real Chromium: zero axe-core violations (WCAG 2.2 A/AA rules) on every page
 * type, in light and dark schemes; no horizontal scrolling at 320 px; no CSP violation under
 * the policy of public/_headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, browserAvailable, launchBrowser, overflowingAt320 } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { buildFixtureSite } from '../helpers/site-fixtures.ts';
import { siteHeaders } from '../helpers/headers.ts';

/** One page of each type. */
const PAGES = [
  '',
  'articles/la-france-envoie-des-missiles-scalp-et-des-caesar/',
  'articles/la-slovaquie-transfere-des-obusiers/',
  'armes/',
  'armes/caesar/',
  'pays/',
  'pays/ukraine/',
  'personnes/eduard-heger/',
  'organisations/otan/',
  'chronologie/',
  'chronologie/2024-04/',
  'a-propos/',
  'page-qui-n-existe-pas/',
];

const available = browserAvailable('site accessibility');

describe.skipIf(!available)('every page type in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    const site = await buildFixtureSite({ name: 'site-fixtures' });
    server = await serve(site.dist, '/', siteHeaders({ dropUpgradeInsecure: true }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violation in the ${scheme} scheme`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of PAGES) {
        await page.goto(server.url + path);
        for (const v of await axeViolations(page)) found.push(`/${path}: ${v}`);
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    expect(await overflowingAt320(browser, server.url, PAGES)).toEqual([]);
  });

  it('loads every page without a Content-Security-Policy violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    for (const path of [...PAGES, 'recherche/?q=Caesar']) {
      await page.goto(server.url + path);
      await page.waitForLoadState('networkidle');
    }
    await page.close();
    expect(violations).toEqual([]);
  });

  it('shows a visible focus indicator and a working skip link', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, top: el.getBoundingClientRect().top };
    });
    expect(skip.text).toBe('Aller au contenu');
    expect(skip.outline).toBe('solid');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await page.close();
  });
});
