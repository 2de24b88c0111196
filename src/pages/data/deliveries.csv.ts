/**
 * Open data: one row per delivery as extracted from one article, with the article, its date, the
 * evidence sentence and the delivery event it was merged into (see /data/delivery-events.csv).
 */
import type { APIContext } from 'astro';
import { getArticles } from '../../lib/site/articles.ts';
import { getEntityIndex } from '../../lib/site/entities.ts';
import { csvLines } from '../../lib/site/csv.ts';
import { streamedResponse } from '../../lib/site/stream.ts';
import { fullDeliveries } from '../../lib/site/evidence.ts';
import { articleDetails } from '../../lib/content/article-body.ts';
import { absoluteUrl, articleUrl } from '../../lib/site/urls.ts';
import { getDeliveryData } from '../../lib/deliveries/site.ts';

export async function GET(context: APIContext) {
  const [articles, index, events] = await Promise.all([getArticles(), getEntityIndex(), getDeliveryData()]);
  const name = (id: string | null) => (id ? (index.nameOf(id)?.name ?? id) : '');
  // Rows are made as the streamed body is read (src/lib/site/stream.ts), one article at a time.
  const rows = (function* () {
    for (const a of articles)
      yield* fullDeliveries({ deliveries: a.data.deliveries, sentences: articleDetails(a).sentences }).map((d, i) => [
        a.id,
        a.data.date.value ?? '',
        a.data.date.earliest ?? '',
        a.data.date.latest ?? '',
        a.data.date.precision,
        d.supplier ?? '',
        name(d.supplier),
        d.recipient ?? '',
        name(d.recipient),
        d.weapon,
        name(d.weapon),
        d.quantity ?? '',
        d.quantityText ?? '',
        d.status,
        d.evidence.text,
        d.evidence.offset,
        a.data.source?.name ?? '',
        absoluteUrl(articleUrl(a.id), context.site),
        events.eventOf(a.id, i)?.id ?? '',
      ]);
  })();
  const header = [
    'article',
    'date',
    'date_earliest',
    'date_latest',
    'date_precision',
    'supplier_id',
    'supplier',
    'recipient_id',
    'recipient',
    'weapon_id',
    'weapon',
    'quantity',
    'quantity_text',
    'status',
    'evidence',
    'evidence_offset',
    'source',
    'page',
    'event_id',
  ];
  return streamedResponse(csvLines(header, rows), 'text/csv; charset=utf-8');
}
