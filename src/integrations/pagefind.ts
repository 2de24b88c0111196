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
        const pagefind = await import('pagefind');
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({
            forceLanguage: options.forceLanguage ?? 'fr',
            maxFragments: options.maxFragments,
          });
          if (!index || errors.length) throw new Error(`createIndex: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`addDirectory: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(`writeFiles: ${written.errors.join('; ')}`);
          // Pagefind reads every page but indexes only those marked data-pagefind-body (the articles).
          logger.info(`search index built from ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
