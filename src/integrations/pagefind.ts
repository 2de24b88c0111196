/**
 * Builds the Pagefind search index from the built site, inside Astro's build (astro:build:done),
 * through Pagefind's Node API. Any indexing error fails the build, and so does a site that cannot
 * fit in a file limit the user declared (HOST_FILE_LIMIT; src/lib/build/file-limit.ts). Without
 * one, result files are not bundled, and a site past COMMON_HOST_FILE_CAP files gets a warning.
 *
 * A large archive is indexed in shards (src/lib/search/shards.ts), each in its own Pagefind run so
 * memory stays bounded by the shard size, and each kept in Astro's cacheDir (pagefind/) so the
 * next build re-indexes only the shards whose pages changed.
 */
import type { AstroIntegration } from 'astro';
import {
  copyFileSync,
  cpSync,
  existsSync,
  globSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { COMMON_HOST_FILE_CAP, estimateIndexFiles, FileLimitError, fragmentCap, hostFileLimit, splitFragmentCap } from '../lib/build/file-limit.ts';
import { planShards, SHARD_MANIFEST, shardPath, shardSize, sortDateOf, type PageDate, type Shard, type ShardManifest } from '../lib/search/shards.ts';

export interface PagefindOptions {
  /** Index every language as this one (the archive is French). */
  forceLanguage?: string;
  /** Files the host accepts in the whole site (null: no limit); default HOST_FILE_LIMIT, or none. */
  fileLimit?: number | null;
  /** With no limit declared, a site past this many files gets a warning; default COMMON_HOST_FILE_CAP. */
  advisoryFileLimit?: number;
  /** Told when a site with no declared limit is past the advisory one. */
  warn?: (message: string) => void;
  /** Pages to read, relative to the output folder (glob). */
  glob?: string;
  /** Pages per index shard (src/lib/search/shards.ts); default SEARCH_SHARD_SIZE, or 10,000. */
  shardSize?: number;
  /** Folder keeping each shard's written index for the next build (undefined: none, every shard is indexed). */
  cacheDir?: string;
}

/**
 * The archive's index settings: French; only article pages read, since only they carry
 * data-pagefind-body and reading the others (entity pages list thousands of articles) costs time
 * and memory for nothing. One fragment file per article unless the host's file limit
 * (HOST_FILE_LIMIT, none unless declared) needs them bundled: bundling costs the first search about
 * 55 KB at 10,000 articles, so it is applied only as far as the limit requires.
 */
export const ARCHIVE_INDEX: PagefindOptions & { forceLanguage: string; glob: string } = {
  forceLanguage: 'fr',
  glob: 'articles/**/*.html',
};

/** Files under `dir`, recursively. */
export function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

export interface IndexResult {
  pages: number;
  /** Pagefind's maxFragments used, summed over the shards (undefined: one fragment file per page). */
  maxFragments: number | undefined;
  /** Files in the whole site once indexed. */
  totalFiles: number;
  /** Shards in the index; the ids of those indexed by Pagefind and of those copied from the cache. */
  shards: number;
  indexed: string[];
  reused: string[];
}

/** Pagefind's version: a cached shard index is only as good as the Pagefind that wrote it. */
function pagefindVersion(): string {
  let file: string;
  try {
    file = fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind')));
  } catch {
    // Where import.meta.resolve is missing (a bundled config), the project's own install.
    file = join(process.cwd(), 'node_modules/pagefind/package.json');
  }
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export interface IndexedPage extends PageDate {
  /** sha256 of the built page. */
  hash: string;
}

/** The pages to index, each with its date key and the hash of its bytes (the shard cache's input). */
export function readPages(outDir: string, glob: string): IndexedPage[] {
  return globSync(glob, { cwd: outDir })
    .sort()
    .map((path) => {
      const html = readFileSync(join(outDir, path));
      return { path, date: sortDateOf(html.toString('utf8')), hash: createHash('sha256').update(html).digest('hex') };
    });
}

/** The cache key of a shard's written index: Pagefind's version, the index settings, the shard and each page's path and bytes. */
function shardKey(shard: Shard, pages: Map<string, IndexedPage>, settings: typeof ARCHIVE_INDEX, maxFragments: number | undefined): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      pagefind: pagefindVersion(),
      forceLanguage: settings.forceLanguage,
      glob: settings.glob,
      maxFragments: maxFragments ?? null,
      id: shard.id,
    }),
  );
  for (const path of shard.pages) hash.update(`\n${path}\0${pages.get(path)!.hash}`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * Writes one shard's index into `target` in its own Pagefind service, closed at the end so its
 * memory is freed before the next shard. A shard of the whole site reads it in place; another
 * reads a folder of hard links to its pages, laid out as in the site so URLs are unchanged
 * (faster than adding the pages one by one).
 */
async function writeShard(
  outDir: string,
  shard: Shard,
  whole: boolean,
  settings: typeof ARCHIVE_INDEX,
  maxFragments: number | undefined,
  target: string,
): Promise<number> {
  const pagefind = await import('pagefind');
  const stage = join(outDir, '.pagefind-shard');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: settings.forceLanguage, ...(maxFragments !== undefined && { maxFragments }) });
    if (!index || errors.length) throw new Error(`createIndex: ${errors.join('; ')}`);
    if (!whole) {
      rmSync(stage, { recursive: true, force: true });
      for (const page of shard.pages) {
        mkdirSync(dirname(join(stage, page)), { recursive: true });
        try {
          linkSync(join(outDir, page), join(stage, page));
        } catch {
          copyFileSync(join(outDir, page), join(stage, page));
        }
      }
    }
    const added = await index.addDirectory({ path: whole ? outDir : stage, glob: settings.glob });
    if (added.errors.length) throw new Error(`addDirectory: ${added.errors.join('; ')}`);
    if (added.page_count !== shard.pages.length) throw new Error(`shard ${shard.id}: indexed ${added.page_count} pages of ${shard.pages.length}`);
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length) throw new Error(`writeFiles: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
    rmSync(stage, { recursive: true, force: true });
  }
}

interface ShardsWritten {
  /** Shard ids indexed by Pagefind, and those copied from the cache. */
  indexed: string[];
  reused: string[];
  /** Cache entries this build used. */
  keys: Set<string>;
}

/**
 * Writes every shard's index into the site (newest at pagefind/, the others under
 * pagefind/shards/), and the manifest the search page reads. With a cache folder, a shard whose
 * key is there is copied instead of indexed, and each shard indexed is kept there.
 */
async function writeShards(
  outDir: string,
  plan: Shard[],
  pages: Map<string, IndexedPage>,
  settings: typeof ARCHIVE_INDEX,
  caps: Array<number | undefined>,
  cacheDir: string | undefined,
): Promise<ShardsWritten> {
  const out: ShardsWritten = { indexed: [], reused: [], keys: new Set() };
  // The newest first: pagefind/ is written before the shards nested in it.
  for (const [i, shard] of plan.entries()) {
    const dest = join(outDir, shardPath(shard.id, i === 0));
    if (!cacheDir) {
      await writeShard(outDir, shard, plan.length === 1, settings, caps[i], dest);
      out.indexed.push(shard.id);
      continue;
    }
    const key = shardKey(shard, pages, settings, caps[i]);
    const entry = join(cacheDir, key);
    out.keys.add(key);
    let reused = false;
    if (existsSync(entry)) {
      try {
        cpSync(entry, dest, { recursive: true });
        reused = true;
      } catch {
        // Pruned meanwhile by another build sharing the cache folder: indexed below instead.
        rmSync(dest, { recursive: true, force: true });
      }
    }
    if (reused) out.reused.push(shard.id);
    else {
      const temp = `${entry}.${process.pid}.tmp`;
      rmSync(temp, { recursive: true, force: true });
      await writeShard(outDir, shard, plan.length === 1, settings, caps[i], temp);
      cpSync(temp, dest, { recursive: true });
      try {
        renameSync(temp, entry);
      } catch {
        // Another build stored the same key meanwhile: same content, keep theirs.
        rmSync(temp, { recursive: true, force: true });
      }
      out.indexed.push(shard.id);
    }
  }
  // Always written, even for one shard: the search page learns what to merge without a failed request.
  const manifest: ShardManifest = { shards: plan.map((shard, i) => ({ id: shard.id, path: shardPath(shard.id, i === 0), pages: shard.pages.length })) };
  writeFileSync(join(outDir, 'pagefind', SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  return out;
}

/** Removes the cache entries the last build did not use (the cache never grows past one site's index). */
function pruneCache(cacheDir: string, keep: Set<string>): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    if (keep.has(name)) continue;
    // Another build's shard being written (a leftover of a killed one, after an hour).
    if (name.endsWith('.tmp') && Date.now() - statSync(join(cacheDir, name)).mtimeMs < 3_600_000) continue;
    rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * Indexes the built site within the host's file limit: the fragments get the room the site's
 * other files and the index's own files leave (estimated first; if the written site is over the
 * limit, the index is written again with the exact count). Throws FileLimitError if it cannot fit.
 */
export async function indexSite(outDir: string, options: PagefindOptions = {}): Promise<IndexResult> {
  const settings = { ...ARCHIVE_INDEX, ...options };
  const declared = options.fileLimit !== undefined || (process.env.HOST_FILE_LIMIT ?? '').trim() !== '';
  const limit = options.fileLimit !== undefined ? options.fileLimit : hostFileLimit(process.env.HOST_FILE_LIMIT);
  const size = options.shardSize ?? shardSize(process.env.SEARCH_SHARD_SIZE);
  if (options.cacheDir) mkdirSync(options.cacheDir, { recursive: true });
  const result = await indexWithin(outDir, settings, limit, size, options.cacheDir);
  const advisory = options.advisoryFileLimit ?? COMMON_HOST_FILE_CAP;
  if (!declared && result.totalFiles > advisory)
    options.warn?.(
      `the site has ${result.totalFiles} files, more than some hosts accept (Cloudflare Pages' free plan: ${COMMON_HOST_FILE_CAP}). For such a host, set HOST_FILE_LIMIT to its limit: search result files are then bundled to fit.`,
    );
  if (options.cacheDir) pruneCache(options.cacheDir, result.keys);
  const { keys: _keys, ...rest } = result;
  return rest;
}

async function indexWithin(
  outDir: string,
  settings: typeof ARCHIVE_INDEX,
  limit: number | null,
  size: number,
  cacheDir: string | undefined,
): Promise<IndexResult & { keys: Set<string> }> {
  const indexDir = join(outDir, 'pagefind');
  rmSync(indexDir, { recursive: true, force: true });
  const siteFiles = countFiles(outDir);
  const pages = readPages(outDir, settings.glob);
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const plan = planShards(pages, size);
  const sizes = plan.map((s) => s.pages.length);
  fragmentCap({ limit, siteFiles, pages: pages.length, indexFiles: 0 }); // throws if the pages alone are over the limit
  // The index's own files are estimated first (per shard, plus the manifest); when the estimate
  // leaves no room, a first pass with one fragment file per shard counts them, and the exact figure decides.
  let estimated: number | undefined | null = null;
  try {
    estimated = fragmentCap({ limit, siteFiles, pages: pages.length, indexFiles: 1 + sizes.reduce((sum, n) => sum + estimateIndexFiles(n), 0) });
  } catch (error) {
    if (!(error instanceof FileLimitError)) throw error;
  }
  let caps = estimated === null ? sizes.map(() => 1) : splitFragmentCap(estimated, sizes);
  let written = await writeShards(outDir, plan, byPath, settings, caps, cacheDir);
  const indexFiles = () => countFiles(indexDir) - plan.reduce((sum, shard, i) => sum + countFiles(join(outDir, shardPath(shard.id, i === 0), 'fragment')), 0);
  let total = siteFiles + countFiles(indexDir);
  let cap = estimated === null ? plan.length : estimated;
  if (limit !== null && (total > limit || estimated === null)) {
    const exact = fragmentCap({ limit, siteFiles, pages: pages.length, indexFiles: indexFiles() });
    const exactCaps = splitFragmentCap(exact, sizes);
    if (exactCaps.some((c, i) => c !== caps[i])) {
      caps = exactCaps;
      cap = exact ?? cap;
      rmSync(indexDir, { recursive: true, force: true });
      written = await writeShards(outDir, plan, byPath, settings, caps, cacheDir);
      total = siteFiles + countFiles(indexDir);
    }
    if (total > limit)
      throw new FileLimitError(
        `the site has ${total} files once indexed, over HOST_FILE_LIMIT=${limit}, although the search results were bundled into ${cap} files`,
      );
  }
  const maxFragments = caps.every((c) => c === undefined) ? undefined : caps.reduce<number>((sum, c, i) => sum + (c ?? sizes[i]), 0);
  return { pages: pages.length, maxFragments, totalFiles: total, shards: plan.length, indexed: written.indexed, reused: written.reused, keys: written.keys };
}

export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'arms-archive:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The benchmark times `astro build` and the indexing apart (scripts/bench/pagefind-worker.ts).
        if (process.env.PAGEFIND_SKIP === '1') {
          logger.info('indexing skipped (PAGEFIND_SKIP=1)');
          return;
        }
        const started = performance.now();
        try {
          const { pages, maxFragments, totalFiles, shards, indexed, reused } = await indexSite(fileURLToPath(dir), {
            cacheDir,
            ...options,
            warn: (message) => logger.warn(message),
          });
          const bundled = maxFragments === undefined ? 'one result file per page' : `results bundled into at most ${maxFragments} files`;
          const work = `${shards} shard${shards > 1 ? 's' : ''}: ${indexed.length} indexed${indexed.length ? ` (${indexed.join(', ')})` : ''}, ${reused.length} reused`;
          logger.info(
            `search index built from ${pages} pages in ${Math.round(performance.now() - started)} ms (${work}; ${bundled}; ${totalFiles} files in the site)`,
          );
        } catch (error) {
          if (error instanceof FileLimitError) logger.error(error.message);
          throw error;
        }
      },
    },
  };
}
