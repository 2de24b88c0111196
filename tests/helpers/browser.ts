/**
 * Debian's Chromium through playwright-core. Browser suites skip (with a printed reason) when
 * /usr/bin/chromium is missing, unless REQUIRE_BROWSER=1, in which case they fail.
 *
 *   const available = browserAvailable('site journeys');
 *   describe.skipIf(!available)('…', () => { … launchBrowser() … });
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** True when Chromium can be launched; otherwise warns (or throws under REQUIRE_BROWSER=1). */
export function browserAvailable(suite = 'browser tests'): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `${suite}: ${CHROMIUM} not found (apt-get install -y chromium)`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${reason}; REQUIRE_BROWSER=1 forbids skipping`);
  console.warn(`SKIPPED ${reason}`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The WCAG 2.x A/AA rules and axe's best practices: what the site promises. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core's violations on the page as it is now, one line each ("rule: targets"). axe is
 * evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(o: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run({
        runOnly: { type: 'tag', values: tags },
      }),
    AXE_TAGS,
  );
  return violations.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The pages of `paths` (relative to `base`) wider than a 320 px screen, each with its width and
 * the first elements sticking out: what a phone reader would have to scroll sideways.
 */
export async function overflowingAt320(browser: Browser, base: string, paths: readonly string[]): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const overflowing: string[] = [];
  for (const path of paths) {
    await page.goto(base + path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) {
      const culprits = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 320)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
          .slice(0, 3),
      );
      overflowing.push(`/${path}: ${width}px (${culprits.join(', ')})`);
    }
  }
  await context.close();
  return overflowing;
}
