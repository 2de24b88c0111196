/**
 * Rendered article bodies live in files, not in Astro's data store.
 *
 * The articles loader renders each body when the content layer syncs and writes the HTML to
 * `<cacheDir>/article-bodies/<folder key>/<digest>.html`; the store entry keeps only that file's path (in
 * `rendered.metadata.bodyFile`, with an empty `html`). The store is parsed whole into the page
 * process's heap for the whole build, and the bodies were 56 of its 138 MB at 10,000 articles,
 * though only the article page reads a body, once: it reads the file when it renders
 * (`withBody`). The file is named by the entry's digest, which changes whenever the article file
 * changes, so incremental builds' page keys (page-keys.ts) still change with the body.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder the loader owns, inside Astro's cacheDir. */
export const ARTICLE_BODIES = 'article-bodies';

const SUFFIX = '.html';

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

export function writeBody(file: string, html: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, html);
}

/** Deletes the body files no entry refers to any more (articles changed or removed). */
export function pruneBodies(dir: string, kept: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = join(dir, name);
    if (name.endsWith(SUFFIX) && !kept.has(file)) {
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
