/**
 * Delivery events for the site, computed ONCE per build from the content collection (never by
 * re-running extraction): every article's delivery rows, merged (./merge.ts), with display names,
 * weapon categories and the groupings the explorer, entity pages and exports need.
 */
import { getArticles, type ArticleEntry } from '../site/articles.ts';
import { getEntityIndex } from '../site/entities.ts';
import { entitySlug, entityUrl, url } from '../site/urls.ts';
import { mergeDeliveries, rowKey, type DeliveryEvent, type DeliveryRow } from './merge.ts';
import { STATUS_ORDER } from './rules.ts';
import { eventPath, UNDATED_YEAR } from '../../client/livraisons/params.ts';
import { t } from '../../i18n/index.ts';
import fr from '../../i18n/fr.json' with { type: 'json' };

/** URL slug standing for "supplier/recipient not stated". */
export const UNKNOWN_PARTY = 'non-precise';

export interface Party {
  /** Entity id, or null when unknown. */
  id: string | null;
  slug: string;
  name: string;
  /** Entity page, when the party is a known entity. */
  href?: string;
}

export interface SiteEvent extends DeliveryEvent {
  supplierParty: Party;
  recipientParty: Party;
  system: Party;
  category: string;
  /** Year of the first report ("2024"), or null. */
  year: string | null;
  /** The event's row (anchor) on its system's page for its year. */
  href: string;
}

/** Party columns of an events table (a view leaves its own party out). */
export type EventColumn = 'supplier' | 'recipient' | 'system';

export interface EventGroup {
  party: Party;
  events: SiteEvent[];
}

export interface DeliveryData {
  /** Newest first report first (undated last). */
  events: SiteEvent[];
  byId: Map<string, SiteEvent>;
  /** The event of an article's delivery row. */
  eventOf(article: string, index: number): SiteEvent | undefined;
  articles: Map<string, ArticleEntry>;
  /** By name; each group's events newest first. */
  suppliers: EventGroup[];
  recipients: EventGroup[];
  systems: EventGroup[];
  bySupplier: Map<string, EventGroup>;
  byRecipient: Map<string, EventGroup>;
  bySystem: Map<string, EventGroup>;
  /** Values present, in display order (statuses: every stage of any event's history). */
  categories: string[];
  statuses: string[];
  years: string[];
  /** Delivery rows merged. */
  rows: number;
}

export const explorerUrl = () => url('livraisons/');
export const supplierViewUrl = (slug: string) => url(`livraisons/fournisseur/${slug}/`);
export const systemViewUrl = (slug: string) => url(`livraisons/systeme/${slug}/`);
export { UNDATED_YEAR };
/**
 * A system's events of one year (of their first report), each row anchored by its event id: the
 * event's URL is derived from its content (system, year, id), so it stays put as the archive grows.
 */
export const systemYearUrl = (slug: string, year: string | null) => url(`livraisons/systeme/${slug}/${year ?? UNDATED_YEAR}/`);

const dictionary: Record<string, string> = fr;
/** French label of a status; a status the UI has no string for yet shows as stored. */
export function statusLabel(status: string): string {
  const key = `delivery.status.${status}`;
  return key in dictionary ? t(key as 'delivery.status.announced') : status;
}
export function categoryLabel(category: string): string {
  const key = `category.${category}`;
  return key in dictionary ? t(key as 'category.other') : category;
}
export function statusRank(status: string): number {
  const i = STATUS_ORDER.indexOf(status);
  return i < 0 ? STATUS_ORDER.length : i;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
const newestFirst = (a: DeliveryEvent, b: DeliveryEvent) =>
  (b.first ?? '').localeCompare(a.first ?? '') || (b.latest ?? '').localeCompare(a.latest ?? '') || a.id.localeCompare(b.id);

let cached: Promise<DeliveryData> | undefined;

export function getDeliveryData(): Promise<DeliveryData> {
  cached ??= Promise.all([getArticles(), getEntityIndex()]).then(([articles, index]) => {
    const rows: DeliveryRow[] = [];
    for (const a of articles) {
      const { date } = a.data;
      a.data.deliveries.forEach((d, i) =>
        rows.push({
          article: a.id,
          index: i,
          date,
          supplier: d.supplier,
          recipient: d.recipient,
          weapon: d.weapon,
          quantity: d.quantity,
          quantityText: d.quantityText,
          status: d.status,
        }),
      );
    }
    const merged = mergeDeliveries(rows);
    const parties = new Map<string, Party>();
    const party = (id: string | null): Party => {
      const key = id ?? '';
      let p = parties.get(key);
      if (!p) {
        const found = id ? index.nameOf(id) : undefined;
        p = !id
          ? { id: null, slug: UNKNOWN_PARTY, name: t('delivery.unknownParty') }
          : found
            ? { id, slug: entitySlug(id), name: found.name, href: entityUrl(found.type, found.record.id) }
            : { id, slug: entitySlug(id), name: id };
        parties.set(key, p);
      }
      return p;
    };
    const events: SiteEvent[] = merged.events.map((e) => {
      const system = party(e.weapon);
      return {
        ...e,
        supplierParty: party(e.supplier),
        recipientParty: party(e.recipient),
        system,
        category: index.byId.get(`weapon:${e.weapon}`)?.category ?? 'other',
        year: e.first?.slice(0, 4) ?? null,
        href: eventPath(url('livraisons/systeme/'), system.slug, e.first, e.id),
      };
    });
    events.sort(newestFirst);
    const byId = new Map(events.map((e) => [e.id, e]));
    const group = (pick: (e: SiteEvent) => Party) => {
      const map = new Map<string, EventGroup>();
      for (const e of events) {
        const p = pick(e);
        let g = map.get(p.slug);
        if (!g) map.set(p.slug, (g = { party: p, events: [] }));
        g.events.push(e);
      }
      return map;
    };
    const sorted = (map: Map<string, EventGroup>) =>
      [...map.values()].sort((a, b) => Number(a.party.id === null) - Number(b.party.id === null) || collator.compare(a.party.name, b.party.name));
    const bySupplier = group((e) => e.supplierParty);
    const byRecipient = group((e) => e.recipientParty);
    const bySystem = group((e) => e.system);
    return {
      events,
      byId,
      eventOf: (article, i) => byId.get(merged.eventOf.get(rowKey(article, i)) ?? ''),
      articles: new Map(articles.map((a) => [a.id, a])),
      suppliers: sorted(bySupplier),
      recipients: sorted(byRecipient),
      systems: sorted(bySystem),
      bySupplier,
      byRecipient,
      bySystem,
      categories: [...new Set(events.map((e) => e.category))].sort((a, b) => collator.compare(categoryLabel(a), categoryLabel(b))),
      statuses: [...new Set(events.flatMap((e) => e.history.map((h) => h.status)))].sort((a, b) => statusRank(a) - statusRank(b) || a.localeCompare(b)),
      years: [...new Set(events.map((e) => e.year).filter((y): y is string => !!y))].sort().reverse(),
      rows: rows.length,
    };
  });
  return cached;
}

/** Per system (or per supplier…): events, delivered events and units, first report of each stage. */
export interface Tally {
  party: Party;
  events: number;
  delivered: number;
  /** Units delivered, summed over delivered events that state a number. */
  deliveredUnits: number;
  /** Units of every event that states a number. */
  units: number;
  /** First report of a delivery. */
  firstDelivered: string | null;
  /** First report of any kind. */
  first: string | null;
  /** The events, newest first. */
  list: SiteEvent[];
}

const min = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/** Groups `events` by `pick` and sums them; most events first, then by name. */
export function tally(events: readonly SiteEvent[], pick: (e: SiteEvent) => Party): Tally[] {
  const map = new Map<string, Tally>();
  for (const e of events) {
    const p = pick(e);
    let r = map.get(p.slug);
    if (!r) map.set(p.slug, (r = { party: p, events: 0, delivered: 0, deliveredUnits: 0, units: 0, firstDelivered: null, first: null, list: [] }));
    r.events++;
    r.list.push(e);
    r.units += e.quantity ?? 0;
    r.first = min(r.first, e.first);
    const step = e.history.find((h) => h.status === 'delivered');
    if (step) {
      r.delivered++;
      r.deliveredUnits += e.quantity ?? 0;
      r.firstDelivered = min(r.firstDelivered, step.first);
    }
  }
  return [...map.values()].sort((a, b) => b.events - a.events || collator.compare(a.party.name, b.party.name));
}
