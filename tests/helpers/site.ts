/**
 * Builds a real site (ingest → astro build → pagefind) for build-level tests, into its own
 * folder under .cache/test-sites/. A site is keyed by a hash of its inputs (seeds, source,
 * config, env), so test files that need the same site share one build, even across
 * vitest workers (a lock directory serialises them), and unchanged inputs are not rebuilt.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(import.meta.dirname, '../..');
const SITES = join(ROOT, '.cache/test-sites');
const BIN = join(ROOT, 'node_modules/.bin');

export interface BuiltSite {
  /** Folder holding content/, dist/, report.json and logs. */
  dir: string;
  dist: string;
  content: string;
  report: IngestReportLike;
  /** Combined stdout+stderr of ingest and build. */
  log: string;
}

export interface IngestReportLike {
  counts: { files: number; pages: number; duplicates: number; rejected: number; ignored: number };
  files: Array<{ file: string; outcome: string; slug?: string; reason?: string; duplicateOf?: string; line?: number; field?: string; title?: string }>;
  newNames: Array<{ name: string }>;
}

export interface SiteOptions {
  /** Seeds folder (default: the project's seeds/). */
  seeds?: string;
  /** Extra environment (BASE_PATH, SITE_URL, STRICT…). */
  env?: Record<string, string>;
  /** A name for the build folder (readability only). */
  name?: string;
}

export function hashTree(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry === 'content') continue;
      hashTree(hash, join(path, entry));
    }
  } else {
    hash.update(relative(ROOT, path));
    hash.update(readFileSync(path));
  }
}

function inputsKey(seeds: string, env: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const path of [seeds, join(ROOT, 'src'), join(ROOT, 'scripts'), join(ROOT, 'public'), join(ROOT, 'astro.config.mjs'), join(ROOT, 'package-lock.json')]) {
    hashTree(hash, path);
  }
  hash.update(JSON.stringify(env));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Astro writes generated modules into .astro/ at the project root (content-modules.mjs maps entries
 * to files), so two builds running at once in this work tree can render each other's articles.
 * Every test build holds this one lock; each also gets its own cacheDir (ASTRO_CACHE_DIR).
 */
export const BUILD_LOCK = join(SITES, 'astro-build.lock');

export async function withBuildLock<T>(fn: () => T): Promise<T> {
  mkdirSync(SITES, { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // A lock older than 15 minutes is left over from a killed run.
      if (Date.now() - statSync(BUILD_LOCK).mtimeMs > 15 * 60_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the site from the articles in `content` into `dist` the way `npm run build` does
 * (scripts/build-site.ts: astro sync, then astro build), with a private cache; returns the log.
 */
export function astroBuild(content: string, dist: string, env: Record<string, string> = {}): string {
  return run('node', ['scripts/build-site.ts', '--outDir', dist], { ARTICLES_DIR: content, ASTRO_CACHE_DIR: join(dist, '..', 'astro-cache'), ...env });
}

function run(command: string, args: string[], env: Record<string, string>): string {
  return execFileSync(join(BIN, command), args, {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${BIN}:${process.env.PATH}`, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Runs ingest and the Astro build (holding the build lock); throws with the full log when either fails. */
export async function buildSiteNow(dir: string, seeds: string, env: Record<string, string> = {}): Promise<BuiltSite> {
  return withBuildLock(() => buildSiteUnlocked(dir, seeds, env));
}

function buildSiteUnlocked(dir: string, seeds: string, env: Record<string, string>): BuiltSite {
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  const reportFile = join(dir, 'report.json');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let log = '';
  try {
    log += run('node', ['scripts/ingest.ts', '--seeds', seeds, '--out', content, '--report', reportFile], env);
    log += astroBuild(content, dist, env);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`site build failed: ${e.message}\n${log}${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error });
  }
  writeFileSync(join(dir, 'build.log'), log);
  return { dir, dist, content, report: JSON.parse(readFileSync(reportFile, 'utf8')), log };
}

/**
 * Builds `dir` once for every vitest worker: the first to take `<dir>.lock` runs `build`, marks
 * the folder done and the others wait, then everybody reads the finished folder with `read`.
 */
export async function buildOnce<T>(dir: string, build: () => Promise<unknown>, read: () => T): Promise<T> {
  const done = join(dir, 'done');
  const lock = `${dir}.lock`;
  mkdirSync(SITES, { recursive: true });
  for (;;) {
    if (existsSync(done)) return read();
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building this site; a lock older than 15 minutes is stale.
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      await build();
      writeFileSync(done, '');
      return read();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** A built site for these inputs, shared between test files and reused while inputs are unchanged. */
export async function getSite(options: SiteOptions = {}): Promise<BuiltSite> {
  const seeds = resolve(options.seeds ?? join(ROOT, 'seeds'));
  const env = options.env ?? {};
  const dir = join(SITES, `${options.name ?? 'site'}-${inputsKey(seeds, env)}`);
  return buildOnce(
    dir,
    () => buildSiteNow(dir, seeds, env),
    () => ({
      dir,
      dist: join(dir, 'dist'),
      content: join(dir, 'content'),
      report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')),
      log: readFileSync(join(dir, 'build.log'), 'utf8'),
    }),
  );
}

/** Reads a built page (path relative to dist, e.g. "articles/x/index.html"). */
export function readPage(site: BuiltSite, path: string): string {
  return readFileSync(join(site.dist, path), 'utf8');
}

/** All files under dist, relative paths. */
export function listDist(site: BuiltSite): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(site.dist, path));
    }
  };
  walk(site.dist);
  return out.sort();
}
