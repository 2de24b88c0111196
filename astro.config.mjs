// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';

/** "/archive" or "archive/" → "/archive/"; empty → "/". */
function normaliseBase(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

// SITE_URL and BASE_PATH let one build run at a domain root or under a sub-path (GitHub Pages).
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: normaliseBase(process.env.BASE_PATH),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Author text renders exactly as written: no smart quotes (they would also hide words from search).
  markdown: { smartypants: false },
  integrations: [mdx(), pagefind({ forceLanguage: 'fr', maxFragments: 10000 })],
  devToolbar: { enabled: false },
});
