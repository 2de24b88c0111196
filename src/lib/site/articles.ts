/**
 * The articles collection, read ONCE per build and shared by every page (calling
 * getCollection() in each page multiplies build time on large archives). Sorted newest first.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortKey } from './dates.ts';
import type { StoredArticle } from '../content/article-body.ts';

/**
 * An article as the store holds it: its data without the details (read with articleDetails, see
 * src/lib/content/article-body.ts); Astro types the entry with the schema's full data.
 */
export type ArticleEntry = Omit<CollectionEntry<'articles'>, 'data'> & { data: StoredArticle; deferredRender?: boolean };

let cached: Promise<ArticleEntry[]> | undefined;

export function getArticles(): Promise<ArticleEntry[]> {
  cached ??= getCollection('articles').then((all) =>
    (all as ArticleEntry[]).sort((a, b) => sortKey(b.data.date).localeCompare(sortKey(a.data.date)) || a.id.localeCompare(b.id)),
  );
  return cached;
}
