/**
 * Related articles: those sharing the most distinctive entities with an article. Each shared
 * entity weighs log(N / df): a weapon named in 3 articles counts far more than "Ukraine",
 * named in nearly all. Entities named in very many articles are skipped as candidate sources,
 * so the cost per article stays bounded on a 10,000-article archive.
 */
import type { ArticleEntry } from './articles.ts';
import { getArticles } from './articles.ts';
import { getEntityIndex, type EntityRecord } from './entities.ts';
import { ENTITY_FIELD_PAIRS } from './entity-fields.ts';

const MAX_SOURCE_DF = 400;
/**
 * Candidate visits per article. The article's rarest entities are visited first: they carry the
 * highest weights, and an entity named in hundreds of articles only reorders the tail. Without
 * this bound a 10,000-article build spent 4.5 s here (CPU profile, README "Performance").
 */
const VISIT_BUDGET = 1500;

// The page's cache key (page-keys.ts) and the page itself ask for the same list: computed once.
const memo = new WeakMap<ArticleEntry, Promise<ArticleEntry[]>>();

export function getRelatedArticles(article: ArticleEntry, limit = 5): Promise<ArticleEntry[]> {
  if (limit !== 5) return relatedArticles(article, limit);
  let related = memo.get(article);
  if (!related) memo.set(article, (related = relatedArticles(article, limit)));
  return related;
}

async function relatedArticles(article: ArticleEntry, limit: number): Promise<ArticleEntry[]> {
  const [index, all] = await Promise.all([getEntityIndex(), getArticles()]);
  const n = all.length;
  const records = new Set<EntityRecord>();
  for (const [type, field] of ENTITY_FIELD_PAIRS) {
    for (const ref of article.data[field]) {
      const record = index.byId.get(`${type}:${ref.id}`);
      if (record) records.add(record);
    }
  }
  const sources = [...records]
    // Named in most articles ("Ukraine"): says nothing about relatedness.
    .filter((r) => r.articles.length > 1 && r.articles.length <= MAX_SOURCE_DF && r.articles.length <= Math.max(2, n / 2))
    .sort((a, b) => a.articles.length - b.articles.length);
  const scores = new Map<ArticleEntry, number>();
  let visits = 0;
  for (const record of sources) {
    if (visits >= VISIT_BUDGET) break;
    const df = record.articles.length;
    const weight = Math.log((n + 1) / df);
    for (const other of record.articles) {
      if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
    visits += df;
  }
  return topK(scores, limit);
}

/**
 * The `limit` best-scored articles, best first, without sorting every candidate (up to
 * MAX_SOURCE_DF per shared entity): one pass keeping a small sorted list. Ties keep the
 * first-inserted, i.e. the newest article (candidates come in date order per entity).
 */
function topK(scores: Map<ArticleEntry, number>, limit: number): ArticleEntry[] {
  const best: Array<[ArticleEntry, number]> = [];
  for (const entry of scores) {
    const score = entry[1];
    if (score <= 0 || (best.length === limit && score <= best[limit - 1][1])) continue;
    let i = best.length;
    while (i > 0 && best[i - 1][1] < score) i--;
    best.splice(i, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best.map(([a]) => a);
}
