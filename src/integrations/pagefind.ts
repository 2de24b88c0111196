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
 * and memory for nothing; fragments bundled past PAGEFIND_MAX_FRAGMENTS files (default 2,000) so
 * a 10,000-article site stays under Cloudflare Pages' 20,000-file cap. Bundling costs the first
 * search about 55 KB at 10,000 articles: hosts without such a cap can set it to 0 (no bundling).
 */
export const ARCHIVE_INDEX: Required<PagefindOptions> = {
  forceLanguage: 'fr',
  maxFragments: maxFragmentsFromEnv(process.env.PAGEFIND_MAX_FRAGMENTS),
  glob: 'articles/**/*.html',
};

/** PAGEFIND_MAX_FRAGMENTS: a whole number; 0 means no bundling; unset means 2,000. */
export function maxFragmentsFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 2000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`PAGEFIND_MAX_FRAGMENTS must be a whole number ≥ 0, got "${value}"`);
  return n === 0 ? 1_000_000_000 : n;
}

/** Indexes the built site in `outDir` into `outDir/pagefind`; throws on any Pagefind error. */
export async function indexSite(outDir: string, options: PagefindOptions = {}): Promise<{ pages: number }> {
  const settings = { ...ARCHIVE_INDEX, ...options };
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: settings.forceLanguage, maxFragments: settings.maxFragments });
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
      // Astro inlines small bundled scripts (< vite.build.assetsInlineLimit) into the page; the
      // site's CSP allows only script files ('self'), so the "/" shortcut must stay a file.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { assetsInlineLimit: 0 } } });
      },
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
