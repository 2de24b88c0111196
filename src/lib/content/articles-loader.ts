/**
 * Content loader of the articles collection: the MDX files ingest writes.
 *
 * Like Astro's glob loader it parses each file's frontmatter and validates it against the schema;
 * unlike it, the body is rendered to HTML here, while the content layer syncs, by the renderer of
 * the grammar ingest writes (src/lib/mdx/render.ts), and written to a file named by a digest of
 * the article file (src/lib/content/article-body.ts: the data store keeps the path, not the HTML),
 * so an unchanged article is neither parsed nor rendered again on the next build. The fields only
 * some pages read (sentences, contexts, search aliases) go to a details file beside it, after the
 * whole data is validated: the store keeps the rest.
 * A body outside that grammar is left to @astrojs/mdx (a deferred render: Astro compiles that one
 * file as a module, with the article page's <Mention> component). At 10,000 articles this removes
 * 10,000 compiled modules from the bundle; see README "Performance".
 *
 * ARTICLES_RENDER=mdx sends every article through @astrojs/mdx (the tests compare both paths).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import matter from 'gray-matter';
import { renderArticleBody, type MentionLinker } from '../mdx/render.ts';
import {
  articleBodiesDir,
  bodyFile,
  bodyFileOf,
  detailsFile,
  detailsFileOf,
  pruneArticleFiles,
  splitDetails,
  writeBody,
  writeDetails,
} from './article-body.ts';
import { entitySlug, entityUrl } from '../site/urls.ts';
import { ENTITY_FIELDS } from '../site/entity-fields.ts';
import type { EntityType } from '../gazetteer/types.ts';

/** An entry as the loader stores it (Astro does not export the type from astro/loaders). */
type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/** Bump when render.ts changes its output: cached entries then render again. */
const RENDERER_VERSION = 2;

export interface ArticlesLoaderOptions {
  /** Folder of the MDX files, relative to the project root. */
  base: string;
  /** 'mdx' renders every body with @astrojs/mdx instead of the grammar renderer. */
  render?: 'fast' | 'mdx';
}

/** MDX files under `dir`, in a stable order. */
function listMdx(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => join(dir, name))
    .sort();
}

/**
 * Links a mention the way the article page's <Mention> component does: to the entity's page when
 * the entity has one, i.e. when the article lists it among its entities.
 */
function linkerFor(data: Record<string, unknown>): MentionLinker {
  return (type, id) => {
    const field = ENTITY_FIELDS[type as EntityType];
    const listed = Array.isArray(data[field]) && (data[field] as Array<{ id?: unknown }>).some((ref) => ref.id === id);
    return listed && entitySlug(id) ? entityUrl(type as EntityType, id) : null;
  };
}

/** A JSON frontmatter block, as ingest writes it (JSON strings hold no raw line break, so the
 * first "}" line followed by the closing fence ends it). */
const JSON_FRONTMATTER = /^---\r?\n(\{[\s\S]*?\n\})\r?\n---[ \t]*(?:\r?\n|$)/;

/** gray-matter would run JavaScript frontmatter ("---js"): an article file must never run code. */
const refuseCode = () => {
  throw new Error('JavaScript frontmatter is not allowed');
};

/**
 * Frontmatter data and body of an article file. JSON (what ingest writes) is read with JSON.parse;
 * anything else is YAML, read by gray-matter. Errors name the file.
 */
export function parseFrontmatter(contents: string, filePath: string): { data: Record<string, unknown>; content: string } {
  const json = JSON_FRONTMATTER.exec(contents);
  if (json) {
    try {
      return { data: JSON.parse(json[1]), content: contents.slice(json[0].length) };
    } catch {
      // Not JSON after all (YAML flow syntax): gray-matter reads it below.
    }
  }
  try {
    // Options (even empty ones) also keep gray-matter from caching every file's text in memory.
    const parsed = matter(contents, { engines: { js: refuseCode, javascript: refuseCode } });
    return { data: parsed.data, content: parsed.content };
  } catch (error) {
    throw new Error(`${filePath}: invalid frontmatter: ${(error as Error).message}`, { cause: error });
  }
}

/** What the store holds of a file from the previous sync. */
interface StoredFile {
  id: string;
  digest?: string | number;
  deferredRender?: boolean;
  /** Where its rendered body was written (none when deferred). */
  bodyFile?: string;
  /** Where its details were written. */
  detailsFile?: string;
}

/** Stored entries by file path (relative to the root). */
function storedByPath(context: LoaderContext): Map<string, StoredFile> {
  const byPath = new Map<string, StoredFile>();
  for (const [id, entry] of context.store.entries()) {
    if (entry.filePath)
      byPath.set(entry.filePath, {
        id,
        digest: entry.digest,
        deferredRender: entry.deferredRender,
        bodyFile: bodyFileOf(entry),
        detailsFile: detailsFileOf(entry),
      });
  }
  return byPath;
}

export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  const mode = options.render ?? 'fast';
  return {
    name: 'arms-archive:articles',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, options.base);
      const bodies = articleBodiesDir(context.config.cacheDir, dir);
      const untouched = new Set(context.store.keys());
      const previous = storedByPath(context);

      let files: string[] = [];
      try {
        files = listMdx(dir);
      } catch {
        context.logger.warn(`The articles folder "${dir}" does not exist: run npm run ingest.`);
      }
      // Read, validate and render everything first, then fill the store in one synchronous pass:
      // Astro saves the store to disk 500 ms after the last set(), and sets spread over the whole
      // sync let that save (of an ever larger store) run again and again — quadratic at 10,000.
      const updates: ArticleUpdate[] = [];
      const fileOfId = new Map<string, string>();
      for (const file of files) {
        const update = await readArticle(context, root, bodies, file, mode, previous.get(relative(root, file)));
        const other = fileOfId.get(update.id);
        if (other) throw new Error(`${relative(root, file)}: slug "${update.id}" is already used by ${relative(root, other)}`);
        fileOfId.set(update.id, file);
        untouched.delete(update.id);
        updates.push(update);
      }
      const counts: Record<ArticleUpdate['outcome'], number> = { rendered: 0, deferred: 0, unchanged: 0 };
      for (const update of updates) {
        applyUpdate(context, update);
        counts[update.outcome]++;
      }
      for (const id of untouched) context.store.delete(id);
      const kept = new Set<string>();
      for (const entry of context.store.values()) {
        for (const file of [bodyFileOf(entry), detailsFileOf(entry)]) if (file) kept.add(file);
      }
      pruneArticleFiles(bodies, kept);
      context.logger.info(
        `${files.length} articles: ${counts.rendered} rendered, ${counts.deferred} left to @astrojs/mdx, ${counts.unchanged} unchanged, ${untouched.size} removed`,
      );

      // Dev server: follow ingest rewriting the folder.
      if (context.watcher) {
        context.watcher.add(dir);
        const onChange = async (file: string) => {
          if (!file.startsWith(dir) || !file.endsWith('.mdx')) return;
          const stored = storedByPath(context).get(relative(root, file));
          applyUpdate(context, await readArticle(context, root, bodies, file, mode, stored));
        };
        context.watcher.on('add', onChange);
        context.watcher.on('change', onChange);
        context.watcher.on('unlink', (file) => {
          const stored = storedByPath(context).get(relative(root, file));
          if (stored) context.store.delete(stored.id);
        });
      }
    },
  };
}

/** What one file changes in the store. */
type ArticleUpdate =
  | { outcome: 'unchanged'; id: string; filePath: string; deferred: boolean }
  | { outcome: 'rendered' | 'deferred'; id: string; replaces?: string; entry: DataEntry };

/** Reads, validates and renders one file (nothing is stored yet); unchanged files are not parsed. */
async function readArticle(
  context: LoaderContext,
  root: string,
  bodies: string,
  file: string,
  mode: 'fast' | 'mdx',
  stored: StoredFile | undefined,
): Promise<ArticleUpdate> {
  const { parseData, generateDigest, config } = context;
  const filePath = relative(root, file);
  const contents = readFileSync(file, 'utf8');
  // The rendered HTML holds links under the base path: a new base or renderer renders again. The
  // path is in the digest too, because Astro's store ignores a set() whose digest it already holds:
  // the same article moved to another folder would keep pointing at its old file. So is the folder
  // of body files: the entry holds its body file's path.
  const digest = generateDigest(`${filePath}\0${contents}\0${config.base}\0${RENDERER_VERSION}\0${mode}\0${bodies}`);
  // A body or details file deleted since (a cleaned cache folder) is written again.
  const has = (file: string | undefined) => file !== undefined && existsSync(file);
  const intact = has(stored?.detailsFile) && (stored?.deferredRender || has(stored?.bodyFile));
  if (stored && stored.digest === digest && intact) return { outcome: 'unchanged', id: stored.id, filePath, deferred: !!stored.deferredRender };

  const parsed = parseFrontmatter(contents, filePath);
  const id = typeof parsed.data.slug === 'string' && parsed.data.slug ? parsed.data.slug : file.replace(/^.*[\\/]|\.mdx$/g, '');
  const replaces = stored && stored.id !== id ? stored.id : undefined;
  const data = await parseData({ id, data: parsed.data, filePath: file });
  const html = mode === 'fast' ? renderArticleBody(parsed.content, linkerFor(data)) : null;
  // The store keeps the files' paths only; pages read the body (withBody) and details (articleDetails).
  const { stored: kept, details } = splitDetails(data);
  const jsonFile = detailsFile(bodies, digest);
  writeDetails(jsonFile, details);
  // Astro renders a deferred entry from its module and ignores `rendered`, which carries the path.
  if (html === null)
    return {
      outcome: 'deferred',
      id,
      replaces,
      entry: { id, data: kept, filePath, digest, deferredRender: true, rendered: { html: '', metadata: { detailsFile: jsonFile } } },
    };
  const htmlFile = bodyFile(bodies, digest);
  writeBody(htmlFile, html);
  return {
    outcome: 'rendered',
    id,
    replaces,
    entry: { id, data: kept, filePath, digest, rendered: { html: '', metadata: { bodyFile: htmlFile, detailsFile: jsonFile } } },
  };
}

function applyUpdate({ store }: LoaderContext, update: ArticleUpdate): void {
  if (update.outcome === 'unchanged') {
    // A deferred entry must register its module again, as Astro's glob loader does.
    if (update.deferred) store.addModuleImport(update.filePath);
    return;
  }
  if (update.replaces) store.delete(update.replaces);
  store.set(update.entry);
}
