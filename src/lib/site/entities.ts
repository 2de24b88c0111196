/**
 * The entity index, built ONCE per build from the articles' frontmatter: every weapon,
 * country, person and organisation, with the articles that name it (newest first). Entity pages
 * read it instead of scanning all articles per page; the sentences that mention the entity are
 * read per listed article when its page renders (entityContexts: they are in the article's
 * details file, not in memory for the whole archive).
 */
import type { EntityType } from '../gazetteer/types.ts';
import { getArticles, type ArticleEntry } from './articles.ts';
import { entitySlug } from './urls.ts';
import { ENTITY_FIELD_PAIRS } from './entity-fields.ts';
import { articleDetails } from '../content/article-body.ts';

export interface EntityContext {
  text: string;
  offset: number;
  /** Where the entity is named in `text` (start, end), when ingest recorded it. */
  at?: [number, number];
}

export interface EntityRecord {
  type: EntityType;
  /** Id as in the frontmatter (may start with "new:"). */
  id: string;
  /** URL slug (id without "new:"). */
  slug: string;
  name: string;
  /** Weapon category. */
  category?: string;
  /** Found by patterns only, not in the gazetteer. */
  unverified: boolean;
  /** Articles naming the entity, newest first. */
  articles: ArticleEntry[];
}

export interface EntityIndex {
  /** Key "type:slug". */
  byKey: Map<string, EntityRecord>;
  /** Key "type:id" (frontmatter id) → record. */
  byId: Map<string, EntityRecord>;
  /** Entities of a type, sorted by name (French collation). */
  list(type: EntityType): EntityRecord[];
  /** Display name of an id of any type (deliveries name countries, organisations, weapons by id). */
  nameOf(id: string): { name: string; type: EntityType; record: EntityRecord } | undefined;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
let cached: Promise<EntityIndex> | undefined;

function buildIndex(articles: ArticleEntry[]): EntityIndex {
  const byKey = new Map<string, EntityRecord>();
  const byId = new Map<string, EntityRecord>();
  const byBareId = new Map<string, EntityRecord>();
  for (const article of articles) {
    for (const [type, field] of ENTITY_FIELD_PAIRS) {
      for (const ref of article.data[field] as Array<{ id: string; name: string; category?: string }>) {
        const slug = entitySlug(ref.id);
        if (!slug) continue;
        const key = `${type}:${slug}`;
        let record = byKey.get(key);
        if (!record) {
          record = { type, id: ref.id, slug, name: ref.name, category: ref.category, unverified: ref.id.startsWith('new:'), articles: [] };
          byKey.set(key, record);
        }
        // A gazetteer id wins over a pattern-found one for the same slug.
        if (!ref.id.startsWith('new:')) record.unverified = false;
        byId.set(`${type}:${ref.id}`, record);
        if (!byBareId.has(ref.id)) byBareId.set(ref.id, record);
        if (record.articles.at(-1) !== article) record.articles.push(article);
      }
    }
  }
  const lists = new Map<EntityType, EntityRecord[]>();
  for (const [type] of ENTITY_FIELD_PAIRS) {
    lists.set(
      type,
      [...byKey.values()].filter((r) => r.type === type).sort((a, b) => collator.compare(a.name, b.name)),
    );
  }
  return {
    byKey,
    byId,
    list: (type) => lists.get(type) ?? [],
    nameOf: (id) => {
      const record = byBareId.get(id);
      return record && { name: record.name, type: record.type, record };
    },
  };
}

/**
 * The sentences of `article` naming the entity of `record` (each text once, in the article's
 * order): its contexts whose id the article lists under that entity (an id listed under several
 * types counts for the last one, in ENTITY_FIELD_PAIRS order).
 */
export function entityContexts(index: EntityIndex, record: EntityRecord, article: ArticleEntry): EntityContext[] {
  const typeOfId = new Map<string, EntityRecord | undefined>();
  for (const [type, field] of ENTITY_FIELD_PAIRS) {
    for (const ref of article.data[field] as Array<{ id: string }>) if (entitySlug(ref.id)) typeOfId.set(ref.id, index.byId.get(`${type}:${ref.id}`));
  }
  const { sentences, contexts } = articleDetails(article);
  const list: EntityContext[] = [];
  for (const context of contexts) {
    if (typeOfId.get(context.id) !== record) continue;
    const { text, offset } = sentences[context.s];
    if (!list.some((c) => c.text === text)) list.push({ text, offset, at: context.at });
  }
  return list;
}

export function getEntityIndex(): Promise<EntityIndex> {
  cached ??= getArticles().then(buildIndex);
  return cached;
}
