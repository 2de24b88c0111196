/**
 * Related articles: those sharing the most distinctive entities with an article. Each shared
 * entity weighs log(N / df): a weapon named in 3 articles counts far more than "Ukraine",
 * named in nearly all. Entities named in very many articles are skipped as candidate sources,
 * so the cost per article stays bounded on a 10,000-article archive.
 */
import type { ArticleEntry } from './articles.ts';
import { getArticles } from './articles.ts';
import { getEntityIndex, type EntityRecord } from './entities.ts';

const MAX_SOURCE_DF = 400;

export async function getRelatedArticles(article: ArticleEntry, limit = 5): Promise<ArticleEntry[]> {
  const [index, all] = await Promise.all([getEntityIndex(), getArticles()]);
  const n = all.length;
  const records = new Set<EntityRecord>();
  for (const [type, field] of [['weapon', 'weapons'], ['country', 'countries'], ['person', 'people'], ['organization', 'organizations']] as const) {
    for (const ref of article.data[field]) {
      const record = index.byId.get(`${type}:${ref.id}`);
      if (record) records.add(record);
    }
  }
  const scores = new Map<ArticleEntry, number>();
  for (const record of records) {
    const df = record.articles.length;
    // Named in most articles ("Ukraine"): says nothing about relatedness.
    if (df <= 1 || df > MAX_SOURCE_DF || df > Math.max(2, n / 2)) continue;
    const weight = Math.log((n + 1) / df);
    for (const other of record.articles) {
      if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  }
  // articles are in date order already: ties keep the newest first.
  return [...scores.entries()]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([a]) => a);
}
