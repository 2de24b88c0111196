/**
 * Incremental builds (INCREMENTAL_BUILD=1) keep dist/ between builds, and prune what is stale.
 *
 * Astro empties dist/ before every build, then copies each page it may reuse back from its cache:
 * at 10,000 articles that is ~13,000 file copies for a one-article change. Kept, a reused page is
 * already in place (Astro skips the copy when the file exists). But Astro then writes only what
 * this build produces, so what a cold build would no longer produce stays behind (pages of removed
 * or moved articles and entities, old hashed `_astro/` assets, a removed public/ file, a sitemap
 * shard): this integration deletes it at the end of the build.
 *
 * A file is this build's when it was written after the previous incremental build finished (its
 * mtime), or when it is one of the pages Astro reused (`assets` of astro:build:done). Anything
 * else is stale. The Pagefind index (`pagefind*` at the top of dist/) belongs to the search
 * integration, which rewrites it, and `.git` is kept as Astro keeps it.
 *
 * dist/ is kept only when it is exactly what the previous incremental build left: the same
 * outDir, a marker in Astro's cacheDir written when that build finished (removed when a build
 * starts, so a failed build leaves none), and no file changed since (a build without
 * INCREMENTAL_BUILD, or a hand edit, rewrites files). Otherwise Astro empties dist/ as usual.
 * Without INCREMENTAL_BUILD this integration does nothing.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, lstatSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The marker of the last incremental build that finished, in Astro's cacheDir. */
export const MARKER = 'keep-dist.json';

/** Top-level entries of dist/ that are never pruned nor checked: owned by others. */
export function isForeign(path: string): boolean {
  const top = path.split(sep)[0];
  return top === '.git' || top.startsWith('pagefind');
}

/**
 * Files under `dir` (relative paths), with their mtime, not following links: a symbolic link is
 * listed as a file (itself), never entered. Foreign entries are left out.
 */
export function listFiles(dir: string): Array<{ path: string; mtimeMs: number }> {
  const out: Array<{ path: string; mtimeMs: number }> = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      const path = relative(dir, full);
      if (isForeign(path)) continue;
      if (entry.isDirectory()) walk(full);
      else out.push({ path, mtimeMs: lstatSync(full).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

/**
 * Deletes the files of `dir` written at or before `since` that are not in `keep` (relative
 * paths), then the directories left empty. Returns the deleted files' relative paths.
 */
export function pruneStale(dir: string, since: number, keep: ReadonlySet<string>): string[] {
  const stale = listFiles(dir).filter((f) => f.mtimeMs <= since && !keep.has(f.path));
  for (const f of stale) rmSync(join(dir, f.path), { force: true });
  const removeEmpty = (d: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory() && !isForeign(relative(dir, full)) && removeEmpty(full)) rmdirSync(full);
      else empty = false;
    }
    return empty;
  };
  removeEmpty(dir);
  return stale.map((f) => f.path).sort();
}

interface Marker {
  outDir: string;
}

/**
 * The time up to which dist/ is the previous incremental build's output (the marker's mtime), or
 * null when it cannot be kept (why, for the log).
 */
export function keptSince(outDir: string, markerFile: string): { since: number } | { since: null; why: string } {
  if (!existsSync(markerFile)) return { since: null, why: 'no finished incremental build recorded' };
  const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
  if (marker.outDir !== outDir) return { since: null, why: `the last incremental build wrote to ${marker.outDir}` };
  if (!existsSync(outDir)) return { since: null, why: 'no dist/ yet' };
  const since = lstatSync(markerFile).mtimeMs;
  const changed = listFiles(outDir).find((f) => f.mtimeMs > since);
  if (changed) return { since: null, why: `${changed.path} changed since the last incremental build` };
  return { since };
}

export default function keepDist(): AstroIntegration {
  let since: number | null = null;
  let markerFile = '';
  let outDir = '';
  return {
    name: 'arms-archive:keep-dist',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build' || !config.experimental.incrementalBuild) return;
        outDir = fileURLToPath(config.outDir);
        markerFile = fileURLToPath(new URL(MARKER, config.cacheDir));
        const kept = keptSince(outDir, markerFile);
        rmSync(markerFile, { force: true });
        since = kept.since;
        if (kept.since === null) {
          logger.info(`dist/ emptied (${kept.why})`);
          return;
        }
        logger.info('dist/ kept from the last incremental build; stale files are pruned at the end');
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (!markerFile) return;
        if (since !== null) {
          const root = fileURLToPath(dir);
          const keep = new Set([...assets.values()].flat().map((url) => relative(root, fileURLToPath(url))));
          const pruned = pruneStale(root, since, keep);
          logger.info(
            `pruned ${pruned.length} stale file(s) from dist/${pruned.length ? `: ${pruned.slice(0, 5).join(', ')}${pruned.length > 5 ? ', …' : ''}` : ''}`,
          );
        }
        writeFileSync(markerFile, JSON.stringify({ outDir } satisfies Marker));
      },
    },
  };
}
