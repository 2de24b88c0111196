/**
 * Cache keys for Astro's incremental static builds (`experimental.incrementalBuild`, enabled by
 * INCREMENTAL_BUILD=1): a page keyed here is copied from the previous build when its key, and the
 * hash of its code (Astro's module graph: templates, UI strings, styles), are unchanged.
 *
 * A key hashes the data the page renders beyond its code, as the page reads it:
 * - an article is its entry digest (file contents, path, base, renderer: see the articles loader)
 *   — everything of its own the page shows — plus what it shows of others: its related articles
 *   (their digests: title and date), the entity names its deliveries table resolves and the
 *   delivery event each row links to (merged across the archive: its status and names can change);
 * - a listing (home pages, months, entity pages) is the digests of the articles it lists, its
 *   page number, page count and totals; an entity page adds its record's own fields, its
 *   gazetteer profile (read from files, outside the module graph) and the names and existence of
 *   every entity (its profile links to other entities), and on its first page the delivery
 *   events it tallies ("Fournit", "Reçoit", "Fourni par").
 * - an explorer view (a supplier's pages, a system's page and its year pages) is the events it
 *   shows (parties, status history, reports), taken whole since the view tallies them, and the
 *   digests of the articles those reports cite (their title, date and evidence sentence show);
 * - an explorer data shard (a supplier's, a system's or a year's events as JSON), the explorer's
 *   file of all events and /data/delivery-events.csv are their events, taken whole: each is made
 *   from them alone (its labels and addresses are code and config).
 * Pages not keyed here (indexes, feeds, the other data files, the search page) render on every build.
 * tests/incremental-build.test.ts checks that a series of changes built incrementally gives a
 * dist/ byte-identical to a cold build of the same input.
 */
import { createHash } from 'node:crypto';
import type { ArticleEntry } from './articles.ts';
import type { EntityIndex, EntityRecord } from './entities.ts';
import type { Page } from './paginate.ts';
import { getRelatedArticles } from './related.ts';
import { getGazetteerProfile } from './gazetteer.ts';
import { getDeliveryData, type SiteEvent } from '../deliveries/site.ts';
import { entitySlug } from './urls.ts';

export function cacheKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** An article as a listing or a related list shows it: its id and the digest of its file. */
const ref = (article: ArticleEntry) => [article.id, article.digest ?? null];

/**
 * The key of an article page, or undefined (always rendered) when its body is left to
 * @astrojs/mdx: there <Mention> resolves entities against the whole archive.
 */
export async function articlePageKey(article: ArticleEntry, index: EntityIndex): Promise<string | undefined> {
  if (article.deferredRender || article.digest === undefined) return undefined;
  const related = (await getRelatedArticles(article)).map(ref);
  const ids = new Set<string>();
  for (const d of article.data.deliveries) for (const id of [d.supplier, d.recipient, d.weapon]) if (id) ids.add(id);
  const parties = [...ids].map((id) => {
    const found = index.nameOf(id);
    return [id, found ? [found.name, found.type, found.record.id] : null];
  });
  const deliveries = await getDeliveryData();
  const events = article.data.deliveries.map((_, i) => deliveries.eventOf(article.id, i) ?? null);
  return cacheKey(['article', ref(article), related, parties, events]);
}

/** The key of a page listing articles (home pages, months). */
export function listPageKey(kind: string, items: readonly ArticleEntry[], extra: unknown): string {
  return cacheKey([kind, items.map(ref), extra]);
}

const namesDigests = new WeakMap<EntityIndex, string>();
/** Every entity's key, id and name, and what each bare id resolves to (entity pages link to others). */
function entityNames(index: EntityIndex): string {
  let digest = namesDigests.get(index);
  if (digest === undefined) {
    const byId = [...index.byId].map(([key, r]) => [key, r.type, r.id, r.slug, r.name, r.unverified]);
    const bare = [...new Set([...index.byId.values()].map((r) => r.id))].map((id) => {
      const found = index.nameOf(id);
      return [id, found ? [found.name, found.type, found.record.slug] : null];
    });
    namesDigests.set(index, (digest = cacheKey([byId, bare])));
  }
  return digest;
}

/** The key of one page of an entity's articles. */
export async function entityPageKey(record: EntityRecord, page: Page<ArticleEntry>, index: EntityIndex): Promise<string> {
  const own = [record.type, record.id, record.slug, record.name, record.category ?? null, record.unverified, record.articles.length];
  const profile = record.unverified ? null : (getGazetteerProfile(record.type, record.id) ?? null);
  let deliveries: unknown = null;
  if (page.number === 1) {
    // Every group the entity's delivery sections may tally (EntityDeliveries.astro picks by type).
    const data = await getDeliveryData();
    const slug = entitySlug(record.id);
    deliveries = [data.bySystem.get(slug), data.bySupplier.get(slug), data.byRecipient.get(slug)].map((g) => (g ? eventListDigest(g.events) : null));
  }
  return cacheKey(['entity', own, page.number, page.total, page.items.map(ref), profile, entityNames(index), deliveries]);
}

/**
 * Digest of a list, hashed item by item: the JSON of a whole list can pass V8's string limit (a
 * country's delivery events at 50,000 articles did). JSON never holds a raw line break, so the
 * separator keeps items apart.
 */
function listDigest(items: Iterable<unknown>): string {
  const hash = createHash('sha256');
  for (const item of items) hash.update(JSON.stringify(item)).update('\n');
  return hash.digest('base64url');
}

/**
 * Digest of one event, once per build: an event is in five or more lists (its supplier's,
 * recipient's and system's, its system-year's, its year's), each digested once.
 */
const eventDigests = new WeakMap<SiteEvent, string>();
function eventDigest(event: SiteEvent): string {
  let digest = eventDigests.get(event);
  if (digest === undefined) eventDigests.set(event, (digest = cacheKey(event)));
  return digest;
}

/** Digest of a list of events, once per list (an entity's, a supplier's or a system's pages share theirs). */
const eventListDigests = new WeakMap<readonly SiteEvent[], string>();
function eventListDigest(events: readonly SiteEvent[]): string {
  let digest = eventListDigests.get(events);
  if (digest === undefined) eventListDigests.set(events, (digest = listDigest(events.map(eventDigest))));
  return digest;
}

/** Digest of a list of events and of the articles their reports cite (their title, date and evidence show). */
async function eventsDigest(events: readonly SiteEvent[]): Promise<string> {
  const data = await getDeliveryData();
  const cited = new Set<string>();
  for (const e of events) for (const id of e.articles) cited.add(id);
  const articles = [...cited].map((id) => {
    const article = data.articles.get(id);
    return article ? ref(article) : [id, null];
  });
  return cacheKey([eventListDigest(events), listDigest(articles)]);
}

/** The key of a file made from every delivery event alone (the explorer's data, the events CSV). */
export async function allEventsKey(file: string): Promise<string> {
  return cacheKey(['all-events', file, eventListDigest((await getDeliveryData()).events)]);
}

/** The key of an explorer data shard: the events it encodes (see explorerData). */
export function eventsDataKey(kind: string, slug: string, events: readonly SiteEvent[]): string {
  return cacheKey(['events-data', kind, slug, eventListDigest(events)]);
}

const viewDigests = new WeakMap<readonly SiteEvent[], Promise<string>>();
/** The key of an explorer view showing `events` (the view's own party and page go in `extra`). */
export async function eventsPageKey(kind: string, events: readonly SiteEvent[], extra: unknown): Promise<string> {
  let digest = viewDigests.get(events);
  if (digest === undefined) viewDigests.set(events, (digest = eventsDigest(events)));
  return cacheKey([kind, await digest, extra]);
}
