// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import pagefind from './src/integrations/pagefind.ts';
import dataStoreFile from './src/integrations/data-store-file.ts';
import keepDist from './src/integrations/keep-dist.ts';
import viteCache from './src/integrations/vite-cache.ts';
import { contentModulesWithoutFrontmatter } from './src/lib/mdx/vite-content-modules.ts';
import { deployTarget, DeployConfigError } from './src/lib/site/deploy.ts';
import { articleRedirects } from './src/lib/site/redirects.ts';

/**
 * Rolldown log filter: drops only the MODULE_LEVEL_DIRECTIVE warning Astro's "use astro:head-inject"
 * directive raises in every compiled MDX module (one 10-line warning per article: 10,000 at 10k
 * articles); every other log, and that warning for any other module, goes to Vite's handler.
 * @param {import('rolldown').LogLevel} level
 * @param {import('rolldown').RolldownLog} log
 * @param {import('rolldown').LogOrStringHandler} handler
 */
function onLog(level, log, handler) {
  const mdxDirective = log.code === 'MODULE_LEVEL_DIRECTIVE' && /\.mdx(?:\?|$)/.test(log.id ?? '') && (log.message ?? '').includes('use astro:head-inject');
  if (!mdxDirective) handler(level, log);
}

// SITE_URL and BASE_PATH let one build run at a domain root or under a sub-path (GitHub Pages);
// a wrong value stops the build with one message naming the variable (src/lib/site/deploy.ts).
/** @type {import('./src/lib/site/deploy.ts').DeployTarget} */
let target;
try {
  target = deployTarget(process.env);
} catch (error) {
  if (!(error instanceof DeployConfigError)) throw error;
  console.error(`astro.config: ${error.message}`);
  process.exit(1);
}
const articlesDir = process.env.ARTICLES_DIR || './src/content/articles';

export default defineConfig({
  site: target.site,
  base: target.base,
  // Old article URLs that moved (the slug map ingest keeps): static pages with a meta refresh and canonical link.
  redirects: articleRedirects(articlesDir, target.base),
  trailingSlash: 'always',
  // CSS as files, never inline <style>: the Content-Security-Policy allows only 'self' styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Author text renders exactly as written: no smart quotes (they would also hide words from search).
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  // dataStoreFile: the build's bundle reads Astro's data store from its file instead of embedding it (memory).
  // keepDist (incremental builds only): keeps dist/ and prunes stale files, after the sitemap, before the index.
  // viteCache: Vite's pre-bundled dependencies in this build's cacheDir, not in the node_modules every checkout shares.
  integrations: [mdx(), sitemap(), dataStoreFile(), keepDist(), viteCache(), pagefind()],
  devToolbar: { enabled: false },
  // INCREMENTAL_BUILD=1: pages whose cache key (src/lib/site/page-keys.ts) and code are unchanged
  // are copied from the previous build (Astro's cacheDir) instead of rendered again.
  experimental: { incrementalBuild: process.env.INCREMENTAL_BUILD === '1' },
  vite: {
    // Article modules need only their body: the content layer keeps the frontmatter (see the plugin).
    plugins: [contentModulesWithoutFrontmatter(articlesDir)],
    // Astro inlines small bundled scripts (< assetsInlineLimit) into the page; the site's CSP
    // allows only script files ('self'), so the "/" shortcut must stay a file.
    build: { assetsInlineLimit: 0, rolldownOptions: { onLog } },
  },
  // Tests and the benchmark give each build its own cache so builds never share a data store.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
