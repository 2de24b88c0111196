/**
 * npm run ingest — seeds/ → src/content/articles/*.mdx + ingest-report.json.
 *
 *   --seeds DIR   seeds folder (default: $SEEDS_DIR or ./seeds)
 *   --out DIR     MDX output folder (default: ./src/content/articles)
 *   --report FILE report path (default: ./ingest-report.json)
 *   --strict      exit non-zero when any seed is rejected (also STRICT=1)
 *   --quiet       print only the summary
 *   --no-cache    re-extract every seed (default: reuse .cache/ingest/ results of unchanged seeds)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractSeed } from '../src/lib/extract/pipeline.ts';
import type { ExtractionResult, Warning } from '../src/lib/extract/types.ts';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';
import { getDatingContext } from '../src/lib/events/load.ts';
import { ExtractionCache, cacheKey, extractorVersion, type CachedSeed } from '../src/lib/ingest/cache.ts';
import { classifySeedFile } from '../src/lib/ingest/files.ts';
import { assignSlugs } from '../src/lib/ingest/slugs.ts';
import { formatReport, summarise, type FileOutcome, type IngestReport, type NewNameReport } from '../src/lib/ingest/report.ts';
import { articleToMdx } from '../src/lib/mdx/article.ts';

const ROOT = resolve(import.meta.dirname, '..');

interface Options {
  seedsDir: string;
  outDir: string;
  reportFile: string;
  strict: boolean;
  quiet: boolean;
  /** Extraction cache folder, or null with --no-cache. */
  cacheDir: string | null;
}

interface Extracted {
  file: string;
  hash: string;
  title: string;
  encoding: string;
  warnings: Warning[];
  newNames: Array<{ name: string; type: string }>;
  /** Absent when the seed came from the cache (loaded only if its MDX must be rewritten). */
  result?: ExtractionResult;
  /** Slug of the MDX written from the cached result, if any. */
  cachedSlug?: string;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  const outDir = resolve(values.out ?? join(ROOT, 'src/content/articles'));
  return {
    seedsDir: resolve(values.seeds ?? process.env.SEEDS_DIR ?? join(ROOT, 'seeds')),
    outDir,
    reportFile: resolve(values.report ?? join(ROOT, 'ingest-report.json')),
    strict: values.strict || process.env.STRICT === '1',
    quiet: values.quiet,
    // One cache per output folder, so test and benchmark sites do not evict each other's entries.
    cacheDir: values['no-cache'] ? null : join(ROOT, '.cache/ingest', sha256(outDir).slice(0, 16)),
  };
}

/** Seed files, recursively, in a stable (code-point) order so slugs are stable from run to run. */
function listSeedFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`seeds folder not found: ${dir}`);
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(path);
      } else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Same article = same body once whitespace and case are folded, whatever the encoding or boilerplate. */
function bodyKey(body: string): string {
  return sha256(body.replace(/\s+/g, ' ').trim().toLowerCase());
}

/** Writes through a temp file + rename so an interrupted ingest never leaves a half-written file. */
function writeAtomic(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
  return true;
}

/** Extracts one seed, or takes its summary from the cache when its bytes and the extractor are unchanged. */
function extractCached(cache: ExtractionCache | null, bytes: Buffer, file: string, hash: string): { seed: CachedSeed; result?: ExtractionResult } {
  const key = cacheKey(file, hash);
  const cached = cache?.lookup(key);
  if (cached) return { seed: cached };
  const outcome = extractSeed(bytes, file, getDefaultCompiledGazetteer(), getDatingContext());
  if (!outcome.ok) {
    const seed: CachedSeed = { ok: false, reason: outcome.reason, warnings: outcome.warnings };
    cache?.store(key, seed);
    return { seed };
  }
  const r = outcome.result;
  const seed: CachedSeed = { ok: true, title: r.title, encoding: outcome.encoding, bodyKey: bodyKey(r.body), warnings: r.warnings, newNames: r.newNames.map((n) => ({ name: n.name, type: n.type })) };
  cache?.store(key, seed, r);
  return { seed, result: r };
}

function extractAll(options: Options, outcomes: FileOutcome[], cache: ExtractionCache | null): Extracted[] {
  const extracted: Extracted[] = [];
  const byBytes = new Map<string, string>();
  const byBody = new Map<string, string>();
  for (const file of listSeedFiles(options.seedsDir)) {
    const kind = classifySeedFile(file);
    if (kind.kind === 'ignored') {
      outcomes.push({ file, outcome: 'ignored', reason: kind.reason });
      continue;
    }
    const path = join(options.seedsDir, file);
    if (statSync(path).size === 0) {
      outcomes.push({ file, outcome: 'rejected', reason: 'empty file' });
      continue;
    }
    const bytes = readFileSync(path);
    const hash = sha256(bytes);
    const sameBytes = byBytes.get(hash);
    if (sameBytes) {
      outcomes.push({ file, outcome: 'duplicate', duplicateOf: sameBytes });
      continue;
    }
    byBytes.set(hash, file);
    const { seed: outcome, result } = extractCached(cache, bytes, file, hash);
    if (!outcome.ok) {
      const first = outcome.warnings.find((w) => w.fatal);
      const field = first?.reason.match(/^field "([^"]+)"/)?.[1];
      outcomes.push({ file, outcome: 'rejected', reason: outcome.reason, line: first?.line, field });
      continue;
    }
    const key = outcome.bodyKey;
    const sameBody = byBody.get(key);
    if (sameBody) {
      outcomes.push({ file, outcome: 'duplicate', duplicateOf: sameBody });
      continue;
    }
    byBody.set(key, file);
    const { title, encoding, warnings, newNames, slug: cachedSlug } = outcome;
    extracted.push({ file, hash, title, encoding, warnings, newNames, result, cachedSlug: result ? undefined : cachedSlug });
  }
  return extracted;
}

function writePages(options: Options, extracted: Extracted[], outcomes: FileOutcome[], cache: ExtractionCache | null): void {
  mkdirSync(options.outDir, { recursive: true });
  const slugs = assignSlugs(extracted);
  const written = new Set<string>();
  for (const item of extracted) {
    const slug = slugs.get(item)!;
    const target = join(options.outDir, `${slug}.mdx`);
    const key = cacheKey(item.file, item.hash);
    // An unchanged seed under an unchanged slug: its MDX (same extractor version) is already there.
    if (!(item.cachedSlug === slug && existsSync(target))) {
      const result = item.result ?? cache?.result(key) ?? extractSeedOrThrow(join(options.seedsDir, item.file), item.file);
      // The gazetteer is compiled only when a page is written (not on an ingest where nothing changed).
      writeAtomic(target, articleToMdx(result, { slug, seed: item.file, hash: item.hash }, getDefaultCompiledGazetteer()));
    }
    cache?.setSlug(key, slug);
    written.add(`${slug}.mdx`);
    outcomes.push({
      file: item.file,
      outcome: 'page',
      slug,
      title: item.title,
      encoding: item.encoding,
      warnings: item.warnings.map((w) => w.reason),
    });
  }
  // Stale pages of deleted seeds (and temp files of an interrupted run) go.
  for (const name of readdirSync(options.outDir)) {
    if (!written.has(name) && (name.endsWith('.mdx') || name.endsWith('.tmp'))) rmSync(join(options.outDir, name));
  }
}

/** A cached seed whose result file is gone: extract it again (it was accepted before). */
function extractSeedOrThrow(path: string, file: string): ExtractionResult {
  const outcome = extractSeed(readFileSync(path), file, getDefaultCompiledGazetteer(), getDatingContext());
  if (!outcome.ok) throw new Error(`${file}: ${outcome.reason}`);
  return outcome.result;
}

function collectNewNames(extracted: Extracted[]): NewNameReport[] {
  const names = new Map<string, NewNameReport>();
  for (const item of extracted) {
    for (const n of item.newNames) {
      const entry = names.get(n.name) ?? { name: n.name, type: n.type, files: [] };
      if (!entry.files.includes(item.file)) entry.files.push(item.file);
      names.set(n.name, entry);
    }
  }
  return [...names.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

function main(): void {
  const options = readOptions(process.argv.slice(2));
  const outcomes: FileOutcome[] = [];
  const cache = options.cacheDir ? new ExtractionCache(options.cacheDir, `${extractorVersion()}:${getDatingContext().period.to}`) : null;
  const extracted = extractAll(options, outcomes, cache);
  writePages(options, extracted, outcomes, cache);
  cache?.save();
  outcomes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const report: IngestReport = {
    seedsDir: options.seedsDir,
    outDir: options.outDir,
    counts: summarise(outcomes),
    files: outcomes,
    newNames: collectNewNames(extracted),
    warnings: extracted.flatMap((e) => e.warnings.map((w) => ({ ...w, file: e.file }))),
  };
  writeAtomic(options.reportFile, JSON.stringify(report, null, 2) + '\n');
  console.log(formatReport(report));
  if (cache && !options.quiet) console.log(`  cache: ${cache.hits} seed(s) reused, ${cache.misses} extracted`);
  if (!options.quiet && report.newNames.length) {
    console.log(`  new names to review: ${report.newNames.map((n) => n.name).join(', ')}`);
  }
  if (options.strict && report.counts.rejected > 0) {
    console.error(`ingest: --strict: ${report.counts.rejected} seed(s) rejected`);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  console.error(`ingest: ${(error as Error).message}`);
  process.exitCode = 2;
}
