/**
 * Link checking on a built site: every href/src of every HTML page that points inside the site
 * must resolve to a file of dist (under the base path), and #fragments to an id on that page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function htmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) out.push(relative(dist, path));
    }
  };
  walk(dist);
  return out.sort();
}

/** URL path of a page file: "articles/x/index.html" → "/base/articles/x/". */
export function pagePath(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/** File in dist serving a URL path under base, or null. */
export function resolvePath(dist: string, base: string, path: string): string | null {
  if (!path.startsWith(base)) return null;
  let file = join(dist, decodeURIComponent(path.slice(base.length)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/** `pending`: paths under base ("recherche/") owned by pages not written yet, accepted as targets. */
export function findBrokenLinks(
  dist: string,
  base: string,
  origin = 'http://localhost:4321',
  pending: string[] = [],
): { checked: number; broken: BrokenLink[] } {
  const broken: BrokenLink[] = [];
  const idsCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let set = idsCache.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      idsCache.set(file, set);
    }
    return set;
  };
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(join(dist, file), 'utf8');
    const pageUrl = new URL(pagePath(file, base), origin);
    for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
      const raw = decode(m[1]);
      if (/^(mailto|tel|data|javascript):/.test(raw)) continue;
      const target = new URL(raw, pageUrl);
      if (target.origin !== pageUrl.origin) continue;
      checked++;
      const resolved = resolvePath(dist, base, target.pathname);
      if (!resolved && pending.includes(target.pathname.slice(base.length))) continue;
      if (!resolved) {
        broken.push({ page: file, link: raw, reason: target.pathname.startsWith(base) ? 'no such file' : `outside base ${base}` });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && resolved.endsWith('.html') && !ids(resolved).has(fragment)) broken.push({ page: file, link: raw, reason: `no id "${fragment}"` });
    }
  }
  return { checked, broken };
}
