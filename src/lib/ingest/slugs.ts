/**
 * URL slugs. A published URL is stable: the slug map (slugs.json in the output folder, committed
 * for the project's site) records which seed owns which slug, and the first article to take a
 * slug keeps it:
 *
 *  - a seed keeps its slug while it exists, whatever edits change its title or lead;
 *  - a renamed seed (same cleaned body under a new file name) keeps the slug of the old name;
 *  - a newcomer whose title gives a slug already recorded (owned, retired or redirected) gets a
 *    suffix from its content hash, never a counter that would shift when another article arrives;
 *  - the slug of a deleted seed stays reserved (its URL never shows another article);
 *  - a URL moves only when a seed asks for another slug in its frontmatter (`slug:`): the old
 *    slug then redirects to the new one (Astro builds a redirect page from `redirects`).
 *
 * The map is also the output manifest: the live slugs are the MDX files ingest wrote there.
 */
import slugify from '@sindresorhus/slugify';
import { SLUG_SHAPE } from '../extract/seed-frontmatter.ts';

const MAX_SLUG = 80;
export const SLUG_MAP_FILE = 'slugs.json';

export function baseSlug(title: string): string {
  const slug = slugify(title, { lowercase: true, decamelize: false });
  if (!slug) return 'article';
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}

export interface SlugEntry {
  /** Seed file (relative name) that owns the slug. */
  seed: string;
  /** Duplicate-detection key of its cleaned body (recognises a renamed seed). */
  body: string;
  /** True when ingest wrote `<slug>.mdx` on its last run. */
  live: boolean;
}

export interface SlugMap {
  version: 1;
  articles: Record<string, SlugEntry>;
  /** Old slug → slug it moved to. */
  redirects: Record<string, string>;
}

export const emptySlugMap = (): SlugMap => ({ version: 1, articles: {}, redirects: {} });

/** Parses a slug map file's text; throws a readable error when it is not one. */
export function parseSlugMap(text: string): SlugMap {
  const data = JSON.parse(text) as Partial<SlugMap>;
  if (data?.version !== 1 || typeof data.articles !== 'object' || typeof data.redirects !== 'object' || !data.articles || !data.redirects) {
    throw new Error('not a slug map (expected {"version": 1, "articles": {…}, "redirects": {…}})');
  }
  return { version: 1, articles: data.articles, redirects: data.redirects };
}

export interface SlugItem {
  file: string;
  title: string;
  hash: string;
  bodyKey: string;
  /** Slug asked for in the seed's frontmatter, if any. */
  requestedSlug?: string;
}

export interface SlugAssignment<T> {
  slugs: Map<T, string>;
  map: SlugMap;
  /** URLs that moved this run (old → new), each now a redirect. */
  moved: Array<{ file: string; from: string; to: string }>;
  /** Frontmatter slugs that could not be granted, with the reason (the article keeps its URL). */
  refused: Array<{ file: string; reason: string }>;
}

/** Assigns every item a slug from the previous map; `items` in a stable (file-name) order. */
export function assignSlugs<T extends SlugItem>(items: readonly T[], previous: SlugMap = emptySlugMap()): SlugAssignment<T> {
  const articles: Record<string, SlugEntry> = {};
  for (const [slug, entry] of Object.entries(previous.articles)) articles[slug] = { ...entry, live: false };
  const redirects: Record<string, string> = { ...previous.redirects };
  const present = new Set(items.map((i) => i.file));
  const bySeed = new Map<string, string>();
  const byVanishedBody = new Map<string, string>();
  for (const [slug, entry] of Object.entries(articles)) {
    if (redirects[slug]) continue;
    if (present.has(entry.seed)) bySeed.set(entry.seed, slug);
    else if (!byVanishedBody.has(entry.body)) byVanishedBody.set(entry.body, slug);
  }
  const recorded = (slug: string) => slug in articles || slug in redirects;
  const slugs = new Map<T, string>();
  const claimed = new Set<string>();
  const moved: SlugAssignment<T>['moved'] = [];
  const refused: SlugAssignment<T>['refused'] = [];

  const fresh = (item: T): string => {
    const base = baseSlug(item.title);
    let slug = base;
    for (let length = 6; recorded(slug) || claimed.has(slug); length += 2) slug = `${base}-${item.hash.slice(0, length)}`;
    return slug;
  };

  for (const item of items) {
    let own = bySeed.get(item.file);
    if (own === undefined) {
      const renamed = byVanishedBody.get(item.bodyKey);
      if (renamed !== undefined && !claimed.has(renamed)) {
        own = renamed;
        byVanishedBody.delete(item.bodyKey);
      }
    }
    let slug = own ?? null;
    const wanted = item.requestedSlug;
    if (wanted && wanted !== own) {
      const owner = articles[wanted];
      const free =
        !claimed.has(wanted) && (!owner || owner.seed === item.file || redirects[wanted] === own) && (!redirects[wanted] || redirects[wanted] === own);
      if (!SLUG_SHAPE.test(wanted)) refused.push({ file: item.file, reason: `slug "${wanted}" is not lower-case letters, digits and single hyphens` });
      else if (!free) refused.push({ file: item.file, reason: `slug "${wanted}" already belongs to another article` });
      else {
        delete redirects[wanted];
        if (own !== undefined) {
          redirects[own] = wanted;
          moved.push({ file: item.file, from: own, to: wanted });
        }
        slug = wanted;
      }
    }
    slug ??= fresh(item);
    claimed.add(slug);
    articles[slug] = { seed: item.file, body: item.bodyKey, live: true };
    slugs.set(item, slug);
  }
  // A chain a → b → c redirects a straight to c; a redirect to a page that is gone is dropped.
  for (const from of Object.keys(redirects)) {
    let to = redirects[from];
    for (let hops = 0; redirects[to] && hops < 100; hops++) to = redirects[to];
    if (articles[to]?.live && to !== from) redirects[from] = to;
    else delete redirects[from];
  }
  const sorted = <V>(record: Record<string, V>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { slugs, map: { version: 1, articles: sorted(articles), redirects: sorted(redirects) }, moved, refused };
}
