/** Open data: every extracted fact of every article, with its evidence, as one JSON file. */
import { getArticles } from '../../lib/site/articles.ts';
import { fullFacts } from '../../lib/site/evidence.ts';
import { absoluteUrl, articleUrl } from '../../lib/site/urls.ts';
import type { APIContext } from 'astro';

export async function GET(context: APIContext) {
  const articles = await getArticles();
  const body = {
    generated: 'Arms Archive',
    count: articles.length,
    articles: articles.map((a) => ({ ...fullFacts(a.data), page: absoluteUrl(articleUrl(a.id), context.site) })),
  };
  // Compact: indentation made the 10,000-article export 30 % larger and slower to write.
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
