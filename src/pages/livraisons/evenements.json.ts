/**
 * The explorer's data: every delivery event in a compact, dictionary-coded form (see ExplorerData),
 * fetched by src/client/livraisons/explorer.ts only when the reader filters or sorts.
 */
import { getDeliveryData, type Party } from '../../lib/deliveries/site.ts';
import { formatMonth } from '../../lib/site/dates.ts';
import type { ExplorerData } from '../../client/livraisons/params.ts';
import { statusLabel } from '../../lib/deliveries/site.ts';
import { url } from '../../lib/site/urls.ts';

export async function GET() {
  const data = await getDeliveryData();
  const parties: ExplorerData['parties'] = [];
  const indexOf = new Map<string, number>();
  const ref = (p: Party, kind: string) => {
    const key = `${kind}:${p.slug}`;
    let i = indexOf.get(key);
    if (i === undefined) {
      indexOf.set(key, (i = parties.length));
      parties.push([p.slug, p.name, p.href ?? '']);
    }
    return i;
  };
  const body: ExplorerData = {
    parties,
    systemView: url('livraisons/systeme/'),
    months: Array.from({ length: 12 }, (_, m) => formatMonth(`2000-${String(m + 1).padStart(2, '0')}`).replace(/ 2000$/, '')),
    statuses: Object.fromEntries(data.statuses.map((s) => [s, statusLabel(s)])),
    events: data.events.map((e) => [
      e.id, ref(e.supplierParty, 'p'), ref(e.recipientParty, 'p'), ref(e.system, 'w'), e.category, e.status,
      e.quantity, e.quantity == null ? (e.quantityText ?? '') : '', e.first ?? '', e.articles.length,
    ]),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
