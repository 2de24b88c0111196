/**
 * Keeps the built site within the number of files its host accepts (HOST_FILE_LIMIT; Cloudflare
 * Pages' free plan takes 20,000 per deployment). The site's own files (one page per article,
 * entity and listing page, the deliveries data, assets) are what they are; the one file-heavy
 * setting is Pagefind's result fragments, one file per indexed page unless `maxFragments` bundles
 * them. So the fragments get the room the rest leaves; when even that cannot fit, the build fails,
 * naming the figures. No limit is applied unless the user declares one: bundling makes every
 * search download more (≈ 50 KB on the first one at 10,000 articles), a price only a host that
 * caps files should make the archive pay. A site past COMMON_HOST_FILE_CAP files without a declared
 * limit gets a warning naming the setting.
 */

/** The cap of the most restrictive common host (Cloudflare Pages' free plan): past it, the build reminds of HOST_FILE_LIMIT. */
export const COMMON_HOST_FILE_CAP = 20_000;

export class FileLimitError extends Error {
  override name = 'FileLimitError';
}

/** HOST_FILE_LIMIT: unset, `0` or `none` → no limit; else a whole number ≥ 1. */
export function hostFileLimit(value: string | undefined): number | null {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'none') return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new FileLimitError(`HOST_FILE_LIMIT must be a whole number of files (0 or "none": no limit), got "${value}"`);
  return n;
}

/**
 * Upper estimate of the index's files other than fragments (word index and filter chunks, the
 * script, the wasm, the metadata), before indexing: 13 fixed files, 7 filter files and 339 index
 * chunks at 10,000 pages (bench corpus), 30–40 files for a few dozen pages. The figure written is
 * checked after indexing, and the index written again with the exact one if the estimate was short.
 */
export function estimateIndexFiles(pages: number): number {
  return 64 + Math.ceil(pages / 25);
}

export interface FragmentPlan {
  /** The host's limit (null: none). */
  limit: number | null;
  /** Files in the built site outside the search index. */
  siteFiles: number;
  /** Pages to index (an upper bound will do). */
  pages: number;
  /** The index's files other than fragments (estimated or counted). */
  indexFiles: number;
}

/**
 * Pagefind's `maxFragments` for a plan: undefined (one fragment file per page) when everything
 * fits, else the room left under the limit. Throws FileLimitError when not even one fragment
 * file fits.
 */
export function fragmentCap({ limit, siteFiles, pages, indexFiles }: FragmentPlan): number | undefined {
  if (limit === null) return undefined;
  const room = limit - siteFiles - indexFiles;
  if (pages <= room) return undefined;
  if (room < 1) {
    const site =
      siteFiles >= limit
        ? `its pages and assets alone are ${siteFiles} files`
        : `its pages and assets are ${siteFiles} files and the search index needs ${indexFiles} more besides its result files`;
    throw new FileLimitError(
      `the site cannot fit in HOST_FILE_LIMIT=${limit} files: ${site}. Raise HOST_FILE_LIMIT, or set it to "none", for a host that accepts more files.`,
    );
  }
  return room;
}

/**
 * A fragment cap shared by the search index's shards (src/lib/search/shards.ts), each indexed
 * apart: every shard gets one file, then the rest of the cap in proportion to its pages (rounded
 * down, so the shards together stay within `cap`). Undefined (no bundling) stays undefined.
 * Throws FileLimitError when the cap is smaller than the number of shards.
 */
export function splitFragmentCap(cap: number | undefined, pages: readonly number[]): Array<number | undefined> {
  if (cap === undefined) return pages.map(() => undefined);
  if (cap < pages.length)
    throw new FileLimitError(`the search index needs at least one result file per shard (${pages.length}) but HOST_FILE_LIMIT leaves room for ${cap}`);
  const total = pages.reduce((a, b) => a + b, 0);
  const spare = cap - pages.length;
  return pages.map((p) => 1 + (total ? Math.floor((spare * p) / total) : 0));
}
