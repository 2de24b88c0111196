/**
 * Open data: every extracted fact of every article, with its evidence, as one JSON file. Each
 * delivery also names the delivery event it was merged into (`event`, see /data/delivery-events.csv).
 */
import { getArticles } from '../../lib/site/articles.ts';
import { fullFacts } from '../../lib/site/evidence.ts';
import { fullData } from '../../lib/content/article-body.ts';
import { absoluteUrl, articleUrl } from '../../lib/site/urls.ts';
import type { APIContext } from 'astro';
import { getDeliveryData } from '../../lib/deliveries/site.ts';
import { jsonWithArray, streamedResponse } from '../../lib/site/stream.ts';

export async function GET(context: APIContext) {
  const [articles, events] = await Promise.all([getArticles(), getDeliveryData()]);
  // Compact: indentation made the 10,000-article export 30 % larger and slower to write.
  // Streamed, one article's record at a time (src/lib/site/stream.ts).
  const body = jsonWithArray({ generated: 'Arms Archive', count: articles.length }, 'articles', articles, (a) => {
    const facts = fullFacts(fullData(a));
    const deliveries = facts.deliveries.map((d, i) => ({ ...d, event: events.eventOf(a.id, i)?.id ?? null }));
    return { ...facts, deliveries, page: absoluteUrl(articleUrl(a.id), context.site) };
  });
  return streamedResponse(body, 'application/json; charset=utf-8');
}
