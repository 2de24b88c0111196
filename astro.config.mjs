// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';

/**
 * "/archive" or "archive/" → "/archive/"; empty → "/".
 * @param {string | undefined} value
 */
function normaliseBase(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

// SITE_URL and BASE_PATH let one build run at a domain root or under a sub-path (GitHub Pages).
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: normaliseBase(process.env.BASE_PATH),
  trailingSlash: 'always',
  // CSS as files, never inline <style>: the Content-Security-Policy allows only 'self' styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Author text renders exactly as written: no smart quotes (they would also hide words from search).
  markdown: { smartypants: false },
  integrations: [mdx(), sitemap(), pagefind({ forceLanguage: 'fr', maxFragments: 2000 })],
  devToolbar: { enabled: false },
  // Tests and the benchmark give each build its own cache so builds never share a data store.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
