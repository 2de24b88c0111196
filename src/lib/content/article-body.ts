/**
 * Rendered article bodies and an article's "details" live in files, not in Astro's data store.
 *
 * The store is parsed whole into the page process's heap for the whole build, and Astro saves it
 * as ONE string (V8 caps a string at about 536 M characters), so what it holds per article bounds
 * the archive. The articles loader renders each body when the content layer syncs and writes the
 * HTML to `<cacheDir>/article-bodies/<folder key>/<digest>.html`, and the fields only some pages
 * read (DETAIL_FIELDS: the cited sentences, the entity contexts, the search aliases), once the
 * full data is validated, to `<digest>.json` beside it. The store entry keeps the data without
 * those fields and the two paths (in `rendered.metadata`). The article page reads its body once
 * (`withBody`); pages read details through `articleDetails`, behind a small LRU cache, since
 * explorer and entity pages read the same articles again and again. The files are named by the
 * entry's digest, which changes whenever the article file changes, so incremental builds' page
 * keys (page-keys.ts) still change with the body and the details.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../content.config.ts';

/** The folder the loader owns, inside Astro's cacheDir. */
export const ARTICLE_BODIES = 'article-bodies';

const SUFFIX = '.html';
const DETAILS_SUFFIX = '.json';

/** The fields of an article kept in its details file rather than in the store. */
export const DETAIL_FIELDS = ['sentences', 'contexts', 'searchAliases'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
/** What the details file holds. */
export type ArticleDetails = Pick<Article, DetailField>;
/** An article's data as the store holds it. */
export type StoredArticle = Omit<Article, DetailField>;

/**
 * The loader's folder for one articles folder. Astro's default cacheDir is inside node_modules,
 * which several checkouts may share: each articles folder gets its own subfolder, so that one
 * checkout's sync never prunes the bodies another one's build is reading.
 */
export function articleBodiesDir(cacheDir: URL, articlesDir: string): string {
  const key = createHash('sha256').update(articlesDir).digest('hex').slice(0, 16);
  return join(fileURLToPath(new URL(`${ARTICLE_BODIES}/`, cacheDir)), key);
}

export function bodyFile(dir: string, digest: string | number): string {
  return join(dir, `${digest}${SUFFIX}`);
}

export function detailsFile(dir: string, digest: string | number): string {
  return join(dir, `${digest}${DETAILS_SUFFIX}`);
}

/** Writes one article file (body or details), creating its folder. */
function writeArticleFile(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

export function writeBody(file: string, html: string): void {
  writeArticleFile(file, html);
}

/** The stored part of validated data, and its details (written with writeDetails). */
export function splitDetails<T extends Record<string, unknown>>(data: T): { stored: Omit<T, DetailField>; details: Pick<T, DetailField & keyof T> } {
  const stored: Record<string, unknown> = { ...data };
  const details: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) {
    if (field in stored) details[field] = stored[field];
    delete stored[field];
  }
  return { stored: stored as Omit<T, DetailField>, details: details as Pick<T, DetailField & keyof T> };
}

export function writeDetails(file: string, details: unknown): void {
  writeArticleFile(file, JSON.stringify(details));
}

/** Deletes the body and details files no entry refers to any more (articles changed or removed). */
export function pruneArticleFiles(dir: string, kept: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = join(dir, name);
    if ((name.endsWith(SUFFIX) || name.endsWith(DETAILS_SUFFIX)) && !kept.has(file)) {
      rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

interface RenderedEntry {
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

/** The body file of a stored entry, when its body was written to one. */
export function bodyFileOf(entry: RenderedEntry): string | undefined {
  const file = entry.rendered?.metadata?.bodyFile;
  return typeof file === 'string' ? file : undefined;
}

/** The details file of a stored entry (every entry the loader stores has one). */
export function detailsFileOf(entry: RenderedEntry): string | undefined {
  const file = entry.rendered?.metadata?.detailsFile;
  return typeof file === 'string' ? file : undefined;
}

/**
 * The entry as Astro's render() expects it, with its body read from its file; an entry without
 * one (left to @astrojs/mdx) is returned as it is. A missing file fails the page, naming it.
 */
export function withBody<T extends RenderedEntry>(entry: T): T {
  const file = bodyFileOf(entry);
  if (file === undefined) return entry;
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Rendered article body ${file} is missing: run the build again (astro sync renders it)`, { cause: error });
  }
  return { ...entry, rendered: { html, metadata: {} } };
}

/** How many details files stay parsed in memory: a bounded LRU, so memory does not grow with the archive. */
export const DETAILS_CACHE_SIZE = 4096;
const detailsCache = new Map<string, ArticleDetails>();

/**
 * The details of a stored entry (its sentences, contexts and search aliases), read from its file;
 * the most recently read stay cached (Map order is the LRU order). A missing file fails the page,
 * naming it.
 */
export function articleDetails(entry: RenderedEntry & { id?: string }): ArticleDetails {
  const file = detailsFileOf(entry);
  if (file === undefined) throw new Error(`Article ${entry.id ?? ''} has no details file: its entry was not stored by the articles loader`);
  let details = detailsCache.get(file);
  if (details) {
    detailsCache.delete(file);
  } else {
    try {
      details = JSON.parse(readFileSync(file, 'utf8')) as ArticleDetails;
    } catch (error) {
      throw new Error(`Article details ${file} are missing or unreadable: run the build again (astro sync writes them)`, { cause: error });
    }
    if (detailsCache.size >= DETAILS_CACHE_SIZE) detailsCache.delete(detailsCache.keys().next().value!);
  }
  detailsCache.set(file, details);
  return details;
}

/** How many details are cached now (tests check the bound). */
export const detailsCacheSize = (): number => detailsCache.size;

/**
 * Where each detail field sits in the schema (the field it follows): the full data keeps the
 * schema's key order, which the open-data export (fullFacts) writes. tests/article-details.test.ts
 * checks it against the schema.
 */
export const DETAIL_AFTER: Readonly<Record<DetailField, string>> = { sentences: 'deliveries', contexts: 'sentences', searchAliases: 'footnotes' };

/** An entry's full data, in the schema's key order: the stored fields and its details. */
export function fullData(entry: RenderedEntry & { data: StoredArticle }): Article {
  const details = articleDetails(entry);
  const full: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    full[key] = value;
    for (const field of DETAIL_FIELDS) if (DETAIL_AFTER[field] === key) put(field, details[field]);
  };
  for (const [key, value] of Object.entries(entry.data)) put(key, value);
  return full as Article;
}
