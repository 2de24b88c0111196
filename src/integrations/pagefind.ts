/**
 * Builds the Pagefind search index from the built site, inside Astro's build (astro:build:done),
 * through Pagefind's Node API. Any indexing error fails the build, and so does a site that cannot
 * fit in a file limit the user declared (HOST_FILE_LIMIT; src/lib/build/file-limit.ts). The
 * default limit is a best effort: a site too large for it is built anyway, with a warning.
 */
import type { AstroIntegration } from 'astro';
import { globSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DEFAULT_HOST_FILE_LIMIT, estimateIndexFiles, FileLimitError, fragmentCap, hostFileLimit } from '../lib/build/file-limit.ts';

export interface PagefindOptions {
  /** Index every language as this one (the archive is French). */
  forceLanguage?: string;
  /** Files the host accepts in the whole site (null: no limit); default HOST_FILE_LIMIT, or 20,000. */
  fileLimit?: number | null;
  /** The limit kept, when it can be, if none is declared (HOST_FILE_LIMIT unset); default 20,000. */
  defaultFileLimit?: number;
  /** Told when the default limit cannot be kept and the site is indexed without it. */
  warn?: (message: string) => void;
  /** Pages to read, relative to the output folder (glob). */
  glob?: string;
}

/**
 * The archive's index settings: French; only article pages read, since only they carry
 * data-pagefind-body and reading the others (entity pages list thousands of articles) costs time
 * and memory for nothing. One fragment file per article unless the host's file limit
 * (HOST_FILE_LIMIT, default 20,000) needs them bundled: bundling costs the first search about
 * 55 KB at 10,000 articles, so it is applied only as far as the limit requires.
 */
export const ARCHIVE_INDEX: PagefindOptions & { forceLanguage: string; glob: string } = {
  forceLanguage: 'fr',
  glob: 'articles/**/*.html',
};

/** Files under `dir`, recursively. */
export function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

export interface IndexResult {
  pages: number;
  /** Pagefind's maxFragments used (undefined: one fragment file per page). */
  maxFragments: number | undefined;
  /** Files in the whole site once indexed. */
  totalFiles: number;
}

/** Writes the index of `outDir` into `outDir/pagefind` with `maxFragments` (undefined: one fragment file per page). */
async function writeIndex(outDir: string, settings: typeof ARCHIVE_INDEX, maxFragments: number | undefined): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: settings.forceLanguage, ...(maxFragments !== undefined && { maxFragments }) });
    if (!index || errors.length) throw new Error(`createIndex: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: settings.glob });
    if (added.errors.length) throw new Error(`addDirectory: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`writeFiles: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/**
 * Indexes the built site within the host's file limit: the fragments get the room the site's
 * other files and the index's own files leave (estimated first; if the written site is over the
 * limit, the index is written again with the exact count). Throws FileLimitError if it cannot fit.
 */
export async function indexSite(outDir: string, options: PagefindOptions = {}): Promise<IndexResult> {
  const settings = { ...ARCHIVE_INDEX, ...options };
  const declared = options.fileLimit !== undefined || (process.env.HOST_FILE_LIMIT ?? '').trim() !== '';
  const limit =
    options.fileLimit !== undefined
      ? options.fileLimit
      : declared
        ? hostFileLimit(process.env.HOST_FILE_LIMIT)
        : (options.defaultFileLimit ?? DEFAULT_HOST_FILE_LIMIT);
  try {
    return await indexWithin(outDir, settings, limit);
  } catch (error) {
    // Only a limit the user declared may fail the build; the default one is kept when it can be.
    if (!(error instanceof FileLimitError) || declared) throw error;
    options.warn?.(`${error.message} Built without the default limit: declare HOST_FILE_LIMIT for a host that caps the file count.`);
    return indexWithin(outDir, settings, null);
  }
}

async function indexWithin(outDir: string, settings: typeof ARCHIVE_INDEX, limit: number | null): Promise<IndexResult> {
  const indexDir = join(outDir, 'pagefind');
  rmSync(indexDir, { recursive: true, force: true });
  const siteFiles = countFiles(outDir);
  const pages = globSync(settings.glob, { cwd: outDir }).length;
  fragmentCap({ limit, siteFiles, pages, indexFiles: 0 }); // throws if the pages alone are over the limit
  // The index's own files are estimated first; when the estimate leaves no room, a first pass with
  // one fragment file counts them, and the exact figure decides.
  let estimated: number | undefined | null = null;
  try {
    estimated = fragmentCap({ limit, siteFiles, pages, indexFiles: estimateIndexFiles(pages) });
  } catch (error) {
    if (!(error instanceof FileLimitError)) throw error;
  }
  let maxFragments = estimated === null ? 1 : estimated;
  let indexed = await writeIndex(outDir, settings, maxFragments);
  let total = siteFiles + countFiles(indexDir);
  if (limit !== null && (total > limit || estimated === null)) {
    const indexFiles = countFiles(indexDir) - countFiles(join(indexDir, 'fragment'));
    const exact = fragmentCap({ limit, siteFiles, pages, indexFiles });
    if (exact !== maxFragments) {
      maxFragments = exact;
      rmSync(indexDir, { recursive: true, force: true });
      indexed = await writeIndex(outDir, settings, maxFragments);
      total = siteFiles + countFiles(indexDir);
    }
    if (total > limit)
      throw new FileLimitError(
        `the site has ${total} files once indexed, over HOST_FILE_LIMIT=${limit}, although the search results were bundled into ${maxFragments} files`,
      );
  }
  return { pages: indexed, maxFragments, totalFiles: total };
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
        try {
          const { pages, maxFragments, totalFiles } = await indexSite(fileURLToPath(dir), { ...options, warn: (message) => logger.warn(message) });
          const bundled = maxFragments === undefined ? 'one result file per page' : `results bundled into at most ${maxFragments} files`;
          logger.info(`search index built from ${pages} pages in ${Math.round(performance.now() - started)} ms (${bundled}; ${totalFiles} files in the site)`);
        } catch (error) {
          if (error instanceof FileLimitError) logger.error(error.message);
          throw error;
        }
      },
    },
  };
}
