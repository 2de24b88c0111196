/** robots.txt pointing at the sitemap (absolute URL, so it follows SITE_URL and BASE_PATH). */
import type { APIContext } from 'astro';
import { absoluteUrl, url } from '../lib/site/urls.ts';

export function GET(context: APIContext) {
  const body = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(url('sitemap-index.xml'), context.site)}\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
