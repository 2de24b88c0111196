/**
 * Redirects of article URLs that moved, read from the slug map ingest keeps in the articles folder
 * (src/lib/ingest/slugs.ts): Astro builds each as a static page with a meta refresh and a
 * canonical link to the new URL. Only well-formed slugs pointing to a live article are used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SLUG_SHAPE } from '../extract/seed-frontmatter.ts';
import { parseSlugMap, SLUG_MAP_FILE } from '../ingest/slugs.ts';

/** `{ "/articles/old/": "<base>articles/new/" }` for Astro's `redirects` option. */
export function articleRedirects(articlesDir: string, base: string): Record<string, string> {
  const file = join(articlesDir, SLUG_MAP_FILE);
  if (!existsSync(file)) return {};
  const map = parseSlugMap(readFileSync(file, 'utf8'));
  const redirects: Record<string, string> = {};
  for (const [from, to] of Object.entries(map.redirects)) {
    if (SLUG_SHAPE.test(from) && SLUG_SHAPE.test(to) && map.articles[to]?.live && !map.articles[from]?.live) {
      redirects[`/articles/${from}/`] = `${base}articles/${to}/`;
    }
  }
  return redirects;
}
