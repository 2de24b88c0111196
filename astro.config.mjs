// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import pagefind from './src/integrations/pagefind.ts';
import { contentModulesWithoutFrontmatter } from './src/lib/mdx/vite-content-modules.ts';

/**
 * "/archive" or "archive/" → "/archive/"; empty → "/".
 * @param {string | undefined} value
 */
function normaliseBase(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Rolldown log filter: drops only the MODULE_LEVEL_DIRECTIVE warning Astro's "use astro:head-inject"
 * directive raises in every compiled MDX module (one 10-line warning per article: 10,000 at 10k
 * articles); every other log, and that warning for any other module, goes to Vite's handler.
 * @param {import('rolldown').LogLevel} level
 * @param {import('rolldown').RolldownLog} log
 * @param {import('rolldown').LogOrStringHandler} handler
 */
function onLog(level, log, handler) {
  const mdxDirective =
    log.code === 'MODULE_LEVEL_DIRECTIVE' &&
    /\.mdx(?:\?|$)/.test(log.id ?? '') &&
    (log.message ?? '').includes('use astro:head-inject');
  if (!mdxDirective) handler(level, log);
}

// SITE_URL and BASE_PATH let one build run at a domain root or under a sub-path (GitHub Pages).
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: normaliseBase(process.env.BASE_PATH),
  trailingSlash: 'always',
  // CSS as files, never inline <style>: the Content-Security-Policy allows only 'self' styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Author text renders exactly as written: no smart quotes (they would also hide words from search).
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [mdx(), sitemap(), pagefind()],
  devToolbar: { enabled: false },
  // INCREMENTAL_BUILD=1: pages whose cache key (src/lib/site/page-keys.ts) and code are unchanged
  // are copied from the previous build (Astro's cacheDir) instead of rendered again.
  experimental: { incrementalBuild: process.env.INCREMENTAL_BUILD === '1' },
  vite: {
    // Article modules need only their body: the content layer keeps the frontmatter (see the plugin).
    plugins: [contentModulesWithoutFrontmatter(process.env.ARTICLES_DIR || './src/content/articles')],
    build: { rolldownOptions: { onLog } },
  },
  // Tests and the benchmark give each build its own cache so builds never share a data store.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
