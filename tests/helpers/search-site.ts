/**
 * The site the search suites query: the project's seeds plus tests/fixtures/search/*.txt (one
 * article naming Slovakia, written with curly apostrophes). Built once through getSite().
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { getSite, ROOT, type BuiltSite, type SiteOptions } from './site.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/search');
const SEEDS = join(ROOT, '.cache/search-seeds');

/** Copies seeds/ and the search fixtures into one stable folder (the site cache is keyed by content). */
function searchSeeds(): string {
  rmSync(SEEDS, { recursive: true, force: true });
  mkdirSync(SEEDS, { recursive: true });
  for (const dir of [join(ROOT, 'seeds'), FIXTURES]) {
    for (const file of readdirSync(dir)) if (/\.(txt|md)$/.test(file) && file !== 'README.md') copyFileSync(join(dir, file), join(SEEDS, file));
  }
  return SEEDS;
}

export interface SearchSite extends BuiltSite {
  /** Seed file name → its text. */
  seedText: Map<string, string>;
  /** Seed file name → article slug. */
  slugOf: Map<string, string>;
  /** Slugs of the articles whose seed text matches `pattern`. */
  slugsMatching(pattern: RegExp): string[];
}

export async function getSearchSite(options: Omit<SiteOptions, 'seeds'> = {}): Promise<SearchSite> {
  const seeds = searchSeeds();
  const site = await getSite({ name: 'search', ...options, seeds });
  const seedText = new Map(readdirSync(seeds).map((f) => [f, readFileSync(join(seeds, f), 'utf8')]));
  const slugOf = new Map(site.report.files.filter((f) => f.outcome === 'page' && f.slug).map((f) => [f.file, f.slug as string]));
  return {
    ...site,
    seedText,
    slugOf,
    slugsMatching: (pattern) =>
      [...seedText]
        .filter(([file, text]) => pattern.test(text) && slugOf.has(file))
        .map(([file]) => slugOf.get(file) as string)
        .sort(),
  };
}

/** "/articles/x/" or "/archive/articles/x/" → "x". */
export function slugOfUrl(url: string): string {
  const match = /\/articles\/([^/]+)\/$/.exec(url);
  if (!match) throw new Error(`not an article URL: ${url}`);
  return match[1];
}
