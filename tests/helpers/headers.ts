/** Reads the headers that public/_headers sets on every path ("/*"), for tests that serve dist. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './site.ts';

export function siteHeaders(options: { dropUpgradeInsecure?: boolean } = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of readFileSync(join(ROOT, 'public/_headers'), 'utf8').split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) inAll = line.trim() === '/*';
    else if (inAll && /^\s+[\w-]+:/.test(line)) {
      const [, name, value] = line.match(/^\s+([\w-]+):\s*(.*)$/)!;
      headers[name] = value;
    }
  }
  // The test server is plain http on 127.0.0.1: upgrading requests to https would break it.
  if (options.dropUpgradeInsecure && headers['Content-Security-Policy']) {
    headers['Content-Security-Policy'] = headers['Content-Security-Policy'].replace(/;\s*upgrade-insecure-requests/, '');
    delete headers['Strict-Transport-Security'];
  }
  return headers;
}
