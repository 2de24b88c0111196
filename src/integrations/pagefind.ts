/**
 * Builds the Pagefind search index from the built site, inside Astro's build (astro:build:done),
 * through Pagefind's Node API. Any indexing error fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface PagefindOptions {
  /** Index every language as this one (the archive is French). */
  forceLanguage?: string;
  /** Bundles fragment files beyond this many pages, to stay under hosts' file-count caps. */
  maxFragments?: number;
  /** Pages to read, relative to the output folder (glob). */
  glob?: string;
}

/**
 * The archive's index settings: French; only article pages read, since only they carry
 * data-pagefind-body and reading the others (entity pages list thousands of articles) costs time
 * and memory for nothing; one fragment file per article unless PAGEFIND_MAX_FRAGMENTS caps their
 * number. Bundling fragments costs the first search about 55 KB at 10,000 articles (over the
 * 150 KB budget), so it is left to hosts with a file-count cap (Cloudflare Pages' free plan:
 * 20,000 files, which a 10,000-article site passes without bundling).
 */
export const ARCHIVE_INDEX: PagefindOptions & { forceLanguage: string; glob: string } = {
  forceLanguage: 'fr',
  maxFragments: maxFragmentsFromEnv(process.env.PAGEFIND_MAX_FRAGMENTS),
  glob: 'articles/**/*.html',
};

/** PAGEFIND_MAX_FRAGMENTS: a whole number ≥ 1 caps the fragment files; unset or 0 = one per page. */
export function maxFragmentsFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`PAGEFIND_MAX_FRAGMENTS must be a whole number ≥ 0, got "${value}"`);
  return n === 0 ? undefined : n;
}

export async function indexSite(outDir: string, options: PagefindOptions = {}): Promise<{ pages: number }> {
  const settings = { ...ARCHIVE_INDEX, ...options };
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: settings.forceLanguage,
      ...(settings.maxFragments !== undefined && { maxFragments: settings.maxFragments }),
    });
    if (!index || errors.length) throw new Error(`createIndex: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: settings.glob });
    if (added.errors.length) throw new Error(`addDirectory: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`writeFiles: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'arms-archive:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // The benchmark times `astro build` and the indexing apart (scripts/bench/pagefind-worker.ts).
        if (process.env.PAGEFIND_SKIP === '1') {
          logger.info('indexing skipped (PAGEFIND_SKIP=1)');
          return;
        }
        const started = performance.now();
        const { pages } = await indexSite(fileURLToPath(dir), options);
        logger.info(`search index built from ${pages} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
