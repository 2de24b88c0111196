/**
 * The search page in Debian's Chromium (playwright-core), on a BASE_PATH build served with the
 * site's Content-Security-Policy: the two questions users come with ("every article about Caesar",
 * "everything that mentions Slovakia"), aliases, shareable URLs, history, keyboard, accessibility.
 * Skips with a printed reason when Chromium is missing (fails instead under REQUIRE_BROWSER=1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { getSearchSite, slugOfUrl, type SearchSite } from '../helpers/search-site.ts';
import { ROOT } from '../helpers/site.ts';

const available = browserAvailable('search page browser tests');
const BASE = '/archive/';

/** The CSP of public/_headers when it exists; otherwise the strict policy it is meant to be. */
function contentSecurityPolicy(): string {
  const headers = join(ROOT, 'public/_headers');
  const line = existsSync(headers)
    ? readFileSync(headers, 'utf8')
        .split('\n')
        .find((l) => /^\s*Content-Security-Policy:/i.test(l))
    : undefined;
  return line
    ? line.replace(/^\s*Content-Security-Policy:\s*/i, '').trim()
    : "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}

describe.skipIf(!available)('the search page in a real browser (BASE_PATH build, CSP)', () => {
  let site: SearchSite;
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await getSearchSite({ name: 'search-base', env: { BASE_PATH: BASE } });
    server = await serve(site.dist, BASE, { 'Content-Security-Policy': contentSecurityPolicy() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${path}: console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
    await page.goto(new URL(path, server.url).href);
    return page;
  }

  /** Opens `path` on the search page, recording the path of every request (the Web Worker's included). */
  async function openRecording(path: string): Promise<{ page: Page; requests: string[] }> {
    const page = await openPage('about:blank');
    const requests: string[] = [];
    page.on('request', (request) => void requests.push(new URL(request.url()).pathname));
    await page.goto(new URL(path, server.url).href);
    return { page, requests };
  }

  /** Waits until the page shows the results of `query` (a search-url query string, "?" for none). */
  async function rendered(page: Page, query: string): Promise<void> {
    await page.waitForSelector(`#search-app[data-rendered="${query.replace(/"/g, '\\"')}"]:not([aria-busy])`, { timeout: 15_000 });
  }

  async function resultSlugs(page: Page): Promise<string[]> {
    const hrefs = await page.$$eval('#search-results .search-result h3 a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href.startsWith(`${BASE}articles/`)).toBe(true);
    return hrefs.map(slugOfUrl).sort();
  }

  it('"Caesar" returns exactly the seed articles that name Caesar, with highlighted excerpts and a count', async () => {
    const { page, requests } = await openRecording('recherche/');
    await rendered(page, '?');
    await page.fill('#search-q', 'Caesar');
    await page.press('#search-q', 'Enter');
    await rendered(page, '?q=Caesar');
    const expected = site.slugsMatching(/\bCaesar\b/i);
    expect(await resultSlugs(page)).toEqual(expected);
    // Only the results shown are loaded (one query: the box was filled at once, not typed).
    expect(requests.filter((path) => path.startsWith(`${BASE}pagefind/`) && path.includes('/fragment/')).length).toBeLessThanOrEqual(
      Math.min(expected.length, 10),
    );
    expect(await page.textContent('#search-status')).toBe(`${expected.length} articles pour «\u202fCaesar\u202f»`);
    expect(await page.$$eval('#search-results mark', (marks) => marks.map((m) => m.textContent))).toContain('Caesar');
    expect(new URL(page.url()).search).toBe('?q=Caesar');
    await page.close();
  });

  it('opening /recherche/ with no parameters fetches no result fragment and no filter index; typing then shows results', async () => {
    // Pagefind fetches from its Web Worker; the page's request events include the worker's.
    const { page, requests } = await openRecording('recherche/');
    await rendered(page, '?');
    const pagefindFiles = () => requests.filter((path) => path.startsWith(`${BASE}pagefind/`));
    // The facets' counts come from the counts built with the site: no search ran, no result
    // was loaded, and Pagefind's filter index (it grows with the archive) was not fetched.
    expect(requests).toContain(`${BASE}recherche/facettes.json`);
    expect(pagefindFiles().filter((path) => path.includes('/filter/'))).toEqual([]);
    expect(pagefindFiles().filter((path) => path.includes('/fragment/'))).toEqual([]);
    expect(await page.$$('#search-results li')).toHaveLength(0);
    expect(await page.textContent('#search-status')).toBe('Tapez des mots ci-dessus ou cochez un filtre pour afficher les articles.');
    const caesarLabel = await page.textContent('fieldset[data-facet="weapon"] label:has-text("Caesar")');
    expect(caesarLabel).toBe(`Caesar (${site.slugsMatching(/\bCaesar\b/i).length})`);

    // Typing searches without Enter; every keystroke is kept and only the last search shows.
    const historyLength = await page.evaluate(() => history.length);
    await page.click('#search-q');
    await page.keyboard.type('Caesar');
    await rendered(page, '?q=Caesar');
    const expected = site.slugsMatching(/\bCaesar\b/i);
    expect(await resultSlugs(page)).toEqual(expected);
    expect(await page.inputValue('#search-q')).toBe('Caesar');
    // A plain query does not load the filter index either. (How many fragments load is checked
    // where the query is filled at once: on a busy machine the typing pause can pass mid-word, and
    // the results of a prefix then show, and load, first.)
    expect(pagefindFiles().filter((path) => path.includes('/filter/'))).toEqual([]);
    // Typing replaced the entry; leaving the box commits the search as its own entry.
    expect(new URL(page.url()).search).toBe('?q=Caesar');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => history.length)).toBe(historyLength + 1);
    await page.goBack();
    await rendered(page, '?');
    expect(await page.inputValue('#search-q')).toBe('');
    expect(await page.$$('#search-results li')).toHaveLength(0);
    await page.goForward();
    await rendered(page, '?q=Caesar');
    expect(await resultSlugs(page)).toEqual(expected);
    await page.close();
  });

  it('the country filter "Slovaquie" alone returns the one article naming Slovakia', async () => {
    const page = await openPage('recherche/?country=Slovaquie');
    await rendered(page, '?country=Slovaquie');
    const expected = site.slugsMatching(/\b(Slovaquie|slovaques?)\b/);
    expect(expected.length).toBe(1);
    expect(await resultSlugs(page)).toEqual(expected);
    expect(await page.isChecked('fieldset[data-facet="country"] input[value="Slovaquie"]')).toBe(true);
    expect(await page.textContent('#search-status')).toMatch(/^1 article, filtres\u00a0: Slovaquie$/);
    await page.close();
  });

  it('"Storm Shadow" returns the Scalp article and "NATO" the articles naming OTAN', async () => {
    const page = await openPage('recherche/?q=Storm+Shadow');
    await rendered(page, '?q=Storm+Shadow');
    expect(await resultSlugs(page)).toEqual(site.slugsMatching(/\bScalp\b/i));
    await page.goto(new URL('recherche/?q=NATO', server.url).href);
    await rendered(page, '?q=NATO');
    expect(await resultSlugs(page)).toEqual(site.slugsMatching(/\bOTAN\b/));
    await page.close();
  });

  it('shows the number of articles of every facet value over the whole archive before any search', async () => {
    const page = await openPage('recherche/');
    await rendered(page, '?');
    const archive = JSON.parse(readFileSync(join(site.dist, 'recherche/facettes.json'), 'utf8')) as { facets: Record<string, Array<[string, number]>> };
    for (const [key, values] of Object.entries(archive.facets)) {
      const toggle = page.locator(`fieldset[data-facet="${key}"] [data-facet-toggle]`);
      if (await toggle.count()) await toggle.click();
      const labels = await page.$$eval(`fieldset[data-facet="${key}"] label`, (ls) => ls.map((l) => l.textContent));
      // Most articles first, equal counts in alphabetical order (years: newest first).
      const expected = [...values]
        .sort(([a, ca], [b, cb]) => (key === 'year' ? b.localeCompare(a) : cb - ca || a.localeCompare(b, 'fr')))
        .map(([value, count]) => `${value} (${count})`);
      expect(labels, key).toEqual(expected);
    }
    await page.close();
  });

  it('after a search, loads per-result counts only when the reader turns to the facets', async () => {
    const { page, requests } = await openRecording('recherche/?q=Caesar');
    await rendered(page, '?q=Caesar');
    const filterFiles = () => requests.filter((path) => path.startsWith(`${BASE}pagefind/filter/`));
    expect(filterFiles()).toEqual([]);
    // Values without numbers, and a note saying how to get them.
    expect(await page.textContent('fieldset[data-facet="weapon"] label:has-text("Caesar")')).toBe('Caesar');
    expect(await page.isVisible('#search-facets-note')).toBe(true);
    await page.focus('fieldset[data-facet="weapon"] input[value="Caesar"]');
    await page.waitForFunction(() => /\(\d+\)$/.test(document.querySelector('fieldset[data-facet="weapon"] label')?.textContent ?? ''));
    expect(filterFiles().length).toBeGreaterThan(0);
    const caesar = site.slugsMatching(/\bCaesar\b/i).length;
    // Counts of the results: every result names Caesar; the focus stayed where it was.
    expect(await page.textContent('fieldset[data-facet="weapon"] label:has-text("Caesar")')).toBe(`Caesar (${caesar})`);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Caesar');
    expect(await page.isHidden('#search-facets-note')).toBe(true);
    const countries = await page.$$eval('fieldset[data-facet="country"] label', (ls) => ls.map((l) => Number(/\((\d+)\)$/.exec(l.textContent ?? '')?.[1])));
    expect(countries.length).toBeGreaterThan(0);
    for (const count of countries) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(caesar);
    }
    await page.close();
  });

  it('shows facets with counts; one facet ORs its values, facets AND together', async () => {
    const page = await openPage('recherche/');
    await rendered(page, '?');
    const caesarLabel = await page.textContent('fieldset[data-facet="weapon"] label:has-text("Caesar")');
    expect(caesarLabel).toBe(`Caesar (${site.slugsMatching(/\bCaesar\b/i).length})`);
    await page.check('fieldset[data-facet="weapon"] input[value="Caesar"]');
    await rendered(page, '?weapon=Caesar');
    await page.check('fieldset[data-facet="weapon"] input[value="Scalp"]');
    await rendered(page, '?weapon=Caesar&weapon=Scalp');
    const union = [...new Set([...site.slugsMatching(/\bCaesar\b/i), ...site.slugsMatching(/\bScalp\b/i)])].sort();
    expect(await resultSlugs(page)).toEqual(union);
    // Adding a country narrows (AND); the weapon facet still counts across its other values.
    await page.check('fieldset[data-facet="country"] input[value="Ukraine"]');
    await rendered(page, '?weapon=Caesar&weapon=Scalp&country=Ukraine');
    expect((await resultSlugs(page)).every((slug) => union.includes(slug))).toBe(true);
    await page.close();
  });

  it('a URL with words, filters and sort reloads to the same results; back and forward restore them', async () => {
    const query = '?q=Ukraine&country=France&sort=date';
    const page = await openPage(`recherche/${query}`);
    await rendered(page, query);
    const first = await page.$$eval('#search-results h3 a', (a) => a.map((x) => x.getAttribute('href')));
    expect(first.length).toBeGreaterThan(0);
    expect(await page.inputValue('#search-q')).toBe('Ukraine');
    expect(await page.inputValue('#search-sort')).toBe('date');
    const dates = await page.$$eval('#search-results time', (t) => t.map((x) => x.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());

    await page.reload();
    await rendered(page, query);
    expect(await page.$$eval('#search-results h3 a', (a) => a.map((x) => x.getAttribute('href')))).toEqual(first);

    await page.uncheck('fieldset[data-facet="country"] input[value="France"]');
    await rendered(page, '?q=Ukraine&sort=date');
    await page.goBack();
    await rendered(page, query);
    expect(await page.$$eval('#search-results h3 a', (a) => a.map((x) => x.getAttribute('href')))).toEqual(first);
    await page.goForward();
    await rendered(page, '?q=Ukraine&sort=date');
    await page.close();
  });

  it('a shared URL whose words hold a line break, or a pasted page of text, still shows results', async () => {
    // A line break in q once left the page on "Chargement…": the box drops it, so the box never
    // matched the searched words and the page waited for typing to end.
    const page = await openPage('recherche/?q=Caesar%0Aautomoteur');
    await rendered(page, '?q=Caesar+automoteur');
    expect(await page.inputValue('#search-q')).toBe('Caesar automoteur');
    expect(await page.textContent('#search-status')).not.toBe('Chargement de la recherche…');
    // 1,500 words are cut to the first 32 (they took 11 s to search).
    const words = Array.from({ length: 1500 }, (_, i) => (i === 0 ? 'Caesar' : `mot${i}`));
    const started = Date.now();
    await page.goto(new URL(`recherche/?q=${words.join('+')}`, server.url).href);
    await rendered(page, `?q=${words.slice(0, 32).join('+')}`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await page.inputValue('#search-q')).split(' ')).toHaveLength(32);
    await page.close();
  });

  it('"/" focuses the header search from any page, and the header form leads to the results', async () => {
    const page = await openPage('');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
    await page.keyboard.type('Caesar');
    await page.keyboard.press('Enter');
    await rendered(page, '?q=Caesar');
    expect(new URL(page.url()).pathname).toBe(`${BASE}recherche/`);
    expect(await resultSlugs(page)).toEqual(site.slugsMatching(/\bCaesar\b/i));
    // On the search page, "/" goes to the page's own box; results are reachable with Tab.
    await page.focus('#search-sort');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null)).toBe(true);
    await page.close();
  });

  it('announces the result count in a status region and has zero axe violations', async () => {
    const page = await openPage('recherche/?q=Caesar&country=France');
    await rendered(page, '?q=Caesar&country=France');
    expect(await page.getAttribute('#search-status', 'role')).toBe('status');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('logs no console error, page error or CSP violation on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
