/**
 * recherche/facettes.json — every facet value of the archive with its number of articles,
 * computed at build time from the content collection with the values the index records
 * (src/lib/search/facets.ts). The search page shows these counts before any search, so
 * an empty search page never loads Pagefind's filter index (which grows with the archive).
 *   { "articles": 1234, "facets": { "weapon": [["A2SM", 3], ["Caesar", 56], …], "country": […], … } }
 * Values of a facet in French alphabetical order (the page's tie-break between equal counts).
 */
import { getArticles } from '../../lib/site/articles.ts';
import { facetCounts, facetList } from '../../lib/search/facets.ts';

export async function GET() {
  const articles = await getArticles();
  const body = { articles: articles.length, facets: facetList(facetCounts(articles.map((a) => a.data))) };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
