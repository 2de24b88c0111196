/**
 * Debian's Chromium through playwright-core. Browser suites skip (with a printed reason) when
 * /usr/bin/chromium is missing, unless REQUIRE_BROWSER=1, in which case they fail.
 *
 *   const available = browserAvailable('site journeys');
 *   describe.skipIf(!available)('…', () => { … launchBrowser() … });
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
