/**
 * The explorer's data files (see ExplorerData in src/client/livraisons/params.ts): all events in
 * livraisons/evenements.json, and the same shape for the events of one supplier, one system or
 * one year under livraisons/donnees/{fournisseur,systeme,annee}/<slug>.json, so that a filter on
 * one of those fetches only its share of the archive.
 */
import { SHARD_FOLDERS, type ExplorerData } from '../../client/livraisons/params.ts';
import { formatMonth } from '../site/dates.ts';
import { url } from '../site/urls.ts';
import { getDeliveryData, statusLabel, type Party, type SiteEvent } from './site.ts';

const SHARDS = SHARD_FOLDERS;

export function explorerData(events: readonly SiteEvent[]): ExplorerData {
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
  return {
    parties,
    systemView: url('livraisons/systeme/'),
    months: Array.from({ length: 12 }, (_, m) => formatMonth(`2000-${String(m + 1).padStart(2, '0')}`).replace(/ 2000$/, '')),
    statuses: Object.fromEntries([...new Set(events.map((e) => e.status))].map((s) => [s, statusLabel(s)])),
    events: events.map((e) => [
      e.id,
      ref(e.supplierParty, 'p'),
      ref(e.recipientParty, 'p'),
      ref(e.system, 'w'),
      e.category,
      e.status,
      e.quantity,
      e.quantity == null ? (e.quantityText ?? '') : '',
      e.first ?? '',
      e.articles.length,
      e.history.map((h) => h.status).join(' '),
    ]),
  };
}

/** Every shard: folder, slug and its events. */
export async function explorerShards() {
  const data = await getDeliveryData();
  const years = new Map<string, SiteEvent[]>();
  // Appended in place: copying the list for each event made this quadratic (98 s of CPU at 10,000 articles).
  for (const e of data.events) {
    if (!e.year) continue;
    const list = years.get(e.year);
    if (list) list.push(e);
    else years.set(e.year, [e]);
  }
  return [
    ...data.suppliers.map((g) => ({ kind: SHARDS.supplier, slug: g.party.slug, events: g.events })),
    ...data.systems.map((g) => ({ kind: SHARDS.system, slug: g.party.slug, events: g.events })),
    ...[...years].map(([year, events]) => ({ kind: SHARDS.year, slug: year, events })),
  ];
}

export const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
