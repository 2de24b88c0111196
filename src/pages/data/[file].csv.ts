/**
 * Open data: one row per delivery event (article-level deliveries merged across articles, see
 * src/lib/deliveries/merge.ts): parties, system, quantity, status and its history, first and
 * latest report, the reporting articles, and the event's place in the explorer. Each row of
 * /data/deliveries.csv names its event in `event_id`.
 * A route with one path, only so that it can have a cache key (a static route has none).
 */
import type { APIContext } from 'astro';
import { csvLines } from '../../lib/site/csv.ts';
import { streamedResponse } from '../../lib/site/stream.ts';
import { absoluteUrl } from '../../lib/site/urls.ts';
import { getDeliveryData } from '../../lib/deliveries/site.ts';
import { allEventsKey } from '../../lib/site/page-keys.ts';

export async function getStaticPaths() {
  return [{ params: { file: 'delivery-events' }, cacheKey: await allEventsKey('delivery-events.csv') }];
}

export async function GET(context: APIContext) {
  const data = await getDeliveryData();
  const header = [
    'event_id',
    'supplier_id',
    'supplier',
    'recipient_id',
    'recipient',
    'weapon_id',
    'weapon',
    'category',
    'quantity',
    'quantity_text',
    'status',
    'status_history',
    'first_report',
    'latest_report',
    'reports',
    'articles',
    'page',
  ];
  const rows = (function* () {
    for (const e of data.events) {
      yield [
        e.id,
        e.supplier ?? '',
        e.supplier ? e.supplierParty.name : '',
        e.recipient ?? '',
        e.recipient ? e.recipientParty.name : '',
        e.weapon,
        e.system.name,
        e.category,
        e.quantity ?? '',
        e.quantityText ?? '',
        e.status,
        e.history.map((h) => `${h.status}:${h.first ?? ''}`).join(' '),
        e.first ?? '',
        e.latest ?? '',
        e.reports.length,
        e.articles.join(' '),
        absoluteUrl(e.href, context.site),
      ];
    }
  })();
  // Streamed, rows made as the body is read (src/lib/site/stream.ts).
  return streamedResponse(csvLines(header, rows), 'text/csv; charset=utf-8');
}
