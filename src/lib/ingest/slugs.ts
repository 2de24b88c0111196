/**
 * URL slugs from titles. Stable from run to run: seeds are processed in file-name order
 * and a clash is resolved with a suffix derived from the content hash, never a counter
 * that would shift when another article arrives.
 */
import slugify from '@sindresorhus/slugify';

const MAX_SLUG = 80;

export function baseSlug(title: string): string {
  const slug = slugify(title, { lowercase: true, decamelize: false });
  if (!slug) return 'article';
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}

/** Assigns unique slugs; `items` must be in a stable order (the ingest sorts by file name). */
export function assignSlugs<T extends { title: string; hash: string }>(items: readonly T[]): Map<T, string> {
  const taken = new Set<string>();
  const slugs = new Map<T, string>();
  for (const item of items) {
    const base = baseSlug(item.title);
    let slug = base;
    for (let length = 6; taken.has(slug); length += 2) slug = `${base}-${item.hash.slice(0, length)}`;
    taken.add(slug);
    slugs.set(item, slug);
  }
  return slugs;
}
