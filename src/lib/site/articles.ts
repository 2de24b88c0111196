/**
 * The articles collection, read ONCE per build and shared by every page (calling
 * getCollection() in each page multiplies build time on large archives). Sorted newest first.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortKey } from './dates.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

let cached: Promise<ArticleEntry[]> | undefined;

export function getArticles(): Promise<ArticleEntry[]> {
  cached ??= getCollection('articles').then((all) => all.sort((a, b) => sortKey(b.data.date).localeCompare(sortKey(a.data.date)) || a.id.localeCompare(b.id)));
  return cached;
}
