/**
 * npm run ingest — seeds/ → src/content/articles/*.mdx + slugs.json + ingest-report.json.
 *
 *   --seeds DIR      seeds folder (default: $SEEDS_DIR or ./seeds; SEEDS_DIR set but empty is an error)
 *   --out DIR        MDX output folder (default: ./src/content/articles)
 *   --report FILE    report path (default: ./ingest-report.json)
 *   --strict         exit non-zero when any seed is rejected or no article is left (also STRICT=1)
 *   --allow-shrink   let one run remove more than half of the pages already in --out
 *   --quiet          print only the summary
 *   --no-cache       re-extract every seed (default: reuse .cache/ingest/ results of unchanged seeds)
 *   --cache DIR      cache folder (default: .cache/ingest/<id of --out>)
 *
 * Every seed is read without following links (src/lib/ingest/files.ts) and extracted within a
 * budget (src/lib/ingest/budget.ts): a seed's failure is its own rejection, never the ingest's.
 * The output folder's slugs.json is the slug map and the manifest of what ingest wrote: only
 * those files (and ingest's own temp files) are ever removed from --out.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ExtractOutcome } from '../src/lib/extract/pipeline.ts';
import type { ExtractionResult, Warning } from '../src/lib/extract/types.ts';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';
import { ExtractionBudget } from '../src/lib/ingest/budget.ts';
import { archivePeriodOf } from '../src/lib/events/load.ts';
import { ExtractionCache, cacheKey, extractorVersion, type CachedSeed } from '../src/lib/ingest/cache.ts';
import { classifySeedFile, listSeeds, readSeed } from '../src/lib/ingest/files.ts';
import { assignSlugs, emptySlugMap, parseSlugMap, SLUG_MAP_FILE, type SlugMap } from '../src/lib/ingest/slugs.ts';
import { formatReport, summarise, type FileOutcome, type IngestReport, type NewNameReport } from '../src/lib/ingest/report.ts';
import { articleToMdx } from '../src/lib/mdx/article.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** A usage error: printed as one line, exit code 1 (exit code 2 is left for unexpected failures). */
class Refusal extends Error {}

interface Options {
  seedsDir: string;
  outDir: string;
  reportFile: string;
  strict: boolean;
  allowShrink: boolean;
  quiet: boolean;
  /** Extraction cache folder, or null with --no-cache. */
  cacheDir: string | null;
}

interface Extracted {
  file: string;
  /** Bytes-based path of the seed (the shown name may be a Latin-1 decoding). */
  path: Buffer;
  hash: string;
  title: string;
  encoding: string;
  bodyKey: string;
  requestedSlug?: string;
  warnings: Warning[];
  newNames: Array<{ name: string; type: string }>;
  /** Absent when the seed came from the cache (loaded only if its MDX must be rewritten). */
  result?: ExtractionResult;
  /** Slug and MDX hash of the page written from the cached result, if any. */
  cachedSlug?: string;
  cachedMdx?: string;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'allow-shrink': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      cache: { type: 'string' },
    },
  });
  // An empty value would resolve to the current folder (the repository): refuse it.
  if (values.seeds !== undefined && values.seeds.trim() === '') throw new Refusal('--seeds is empty: give the seeds folder');
  if (values.seeds === undefined && process.env.SEEDS_DIR !== undefined && process.env.SEEDS_DIR.trim() === '') {
    throw new Refusal('SEEDS_DIR is set but empty: set it to the seeds folder, or unset it to use ./seeds');
  }
  if (values.out !== undefined && values.out.trim() === '') throw new Refusal('--out is empty: give the output folder');
  const outDir = resolve(values.out ?? join(ROOT, 'src/content/articles'));
  return {
    seedsDir: resolve(values.seeds ?? process.env.SEEDS_DIR ?? join(ROOT, 'seeds')),
    outDir,
    reportFile: resolve(values.report ?? join(ROOT, 'ingest-report.json')),
    strict: values.strict || process.env.STRICT === '1',
    allowShrink: values['allow-shrink'],
    quiet: values.quiet,
    // One cache per output folder, so test and benchmark sites do not evict each other's entries.
    cacheDir: values['no-cache'] ? null : resolve(values.cache ?? join(ROOT, '.cache/ingest', sha256(outDir).slice(0, 16))),
  };
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Same article = same body once whitespace and case are folded, whatever the encoding or boilerplate. */
function bodyKey(body: string): string {
  return sha256(body.replace(/\s+/g, ' ').trim().toLowerCase());
}

/** Ingest's temp files: `<name>.<pid>.tmp` (removed when a run was interrupted). */
const TEMP_FILE = /\.\d+\.tmp$/;

/** Writes through a temp file + rename so an interrupted ingest never leaves a half-written file. */
function writeAtomic(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
  return true;
}

/** The cache, or null (with a warning) when its folder cannot be written: an ingest never needs it. */
function openCache(dir: string | null, buildDay: string): ExtractionCache | null {
  if (!dir) return null;
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.write-test.${process.pid}.tmp`);
    writeFileSync(probe, '');
    rmSync(probe);
    // Dates are inferred against the build day: a new day is a new extractor.
    return new ExtractionCache(dir, `${extractorVersion()}:${buildDay}`);
  } catch (error) {
    cacheWarning(dir, error);
    return null;
  }
}

function cacheWarning(dir: string, error: unknown): void {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  console.warn(`ingest: warning: the cache folder ${dir} cannot be written (${reason}): continuing without the cache`);
}

/** Extraction through the cache; the cache is dropped (with a warning) the first time it fails. */
class Extractor {
  cache: ExtractionCache | null;
  // INGEST_SEED_CPU_LIMIT_MS lowers (or raises) the per-seed CPU budget, e.g. on a very slow machine.
  readonly budget: ExtractionBudget;

  constructor(cache: ExtractionCache | null, now: number) {
    this.cache = cache;
    this.budget = new ExtractionBudget({ cpuLimitMs: Number(process.env.INGEST_SEED_CPU_LIMIT_MS) || undefined, now });
  }

  /** Runs `fn` on the cache; on failure continues without it. */
  withCache<T>(fn: (cache: ExtractionCache) => T): T | undefined {
    const cache = this.cache;
    if (!cache) return undefined;
    try {
      return fn(cache);
    } catch (error) {
      cacheWarning(cache.dir, error);
      this.cache = null;
      return undefined;
    }
  }

  /** One seed's summary, from the cache when its bytes and the extractor are unchanged. */
  async seed(bytes: Buffer, file: string, hash: string): Promise<{ seed: CachedSeed; result?: ExtractionResult }> {
    const key = cacheKey(file, hash);
    const cached = this.withCache((c) => c.lookup(key));
    if (cached) return { seed: cached };
    const outcome: ExtractOutcome = await this.budget.extract(bytes, file);
    if (!outcome.ok) {
      const seed: CachedSeed = { ok: false, reason: outcome.reason, warnings: outcome.warnings };
      // Budget refusals depend on the machine's load only through CPU time; still, never cache them.
      if (!/^over the (time|memory) limit|^extraction failed/.test(outcome.reason)) this.withCache((c) => c.store(key, seed));
      return { seed };
    }
    const r = outcome.result;
    const seed: CachedSeed = {
      ok: true,
      title: r.title,
      encoding: outcome.encoding,
      bodyKey: bodyKey(r.body),
      warnings: r.warnings,
      newNames: r.newNames.map((n) => ({ name: n.name, type: n.type })),
      ...(outcome.requestedSlug ? { requestedSlug: outcome.requestedSlug } : {}),
    };
    this.withCache((c) => c.store(key, seed, r));
    return { seed, result: r };
  }

  /** The full result of an accepted seed: from the cache, else extracted again. */
  async result(item: Extracted): Promise<ExtractionResult> {
    if (item.result) return item.result;
    const cached = this.withCache((c) => c.result(cacheKey(item.file, item.hash)));
    if (cached) return cached;
    const read = readSeed(item.path);
    if (!read.ok) throw new Error(`${item.file}: ${read.reason}`);
    const outcome = await this.budget.extract(read.bytes, item.file);
    if (!outcome.ok) throw new Error(`${item.file}: ${outcome.reason}`);
    return outcome.result;
  }
}

async function extractAll(options: Options, outcomes: FileOutcome[], extractor: Extractor): Promise<Extracted[]> {
  const extracted: Extracted[] = [];
  const byBytes = new Map<string, string>();
  const byBody = new Map<string, string>();
  for (const entry of listSeeds(options.seedsDir)) {
    const file = entry.name;
    if (entry.kind === 'ignored') {
      outcomes.push({ file, outcome: 'ignored', reason: entry.reason });
      continue;
    }
    const kind = classifySeedFile(file);
    if (kind.kind === 'ignored') {
      outcomes.push({ file, outcome: 'ignored', reason: kind.reason });
      continue;
    }
    const read = readSeed(entry.path);
    if (!read.ok) {
      outcomes.push({ file, outcome: read.reason.startsWith('symbolic link') ? 'ignored' : 'rejected', reason: read.reason });
      continue;
    }
    const bytes = read.bytes;
    if (bytes.length === 0) {
      outcomes.push({ file, outcome: 'rejected', reason: 'empty file' });
      continue;
    }
    const hash = sha256(bytes);
    const sameBytes = byBytes.get(hash);
    if (sameBytes) {
      outcomes.push({ file, outcome: 'duplicate', duplicateOf: sameBytes });
      continue;
    }
    byBytes.set(hash, file);
    const { seed: outcome, result } = await extractor.seed(bytes, file, hash);
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
    const { title, encoding, warnings, newNames, requestedSlug } = outcome;
    extracted.push({
      file,
      path: entry.path,
      hash,
      title,
      encoding,
      bodyKey: key,
      requestedSlug,
      warnings,
      newNames,
      result,
      ...(result ? {} : { cachedSlug: outcome.slug, cachedMdx: outcome.mdx }),
    });
  }
  return extracted;
}

/** The output folder's slug map; a folder without one (first run, or an older ingest) gives an empty map. */
function readSlugMap(outDir: string): { map: SlugMap; found: boolean } {
  const file = join(outDir, SLUG_MAP_FILE);
  if (!existsSync(file)) return { map: emptySlugMap(), found: false };
  try {
    return { map: parseSlugMap(readFileSync(file, 'utf8')), found: true };
  } catch (error) {
    throw new Refusal(`${file} cannot be read (${(error as Error).message}): restore it from version control; deleting it would let published URLs change`);
  }
}

/** An MDX file written by ingest (from before the map existed, or of a run killed before writing it). */
function writtenByIngest(path: string): boolean {
  try {
    const head = readFileSync(path, 'utf8').slice(0, 4096);
    return head.startsWith('---\n{') && head.includes('\n  "seed": ') && head.includes('\n  "hash": ');
  } catch {
    return false;
  }
}

/** Pages ingest wrote in --out before this run: the live slugs of the map, plus unmapped ingest MDX. */
function previousPages(outDir: string, map: SlugMap): Set<string> {
  const pages = new Set(
    Object.entries(map.articles)
      .filter(([, e]) => e.live)
      .map(([slug]) => `${slug}.mdx`),
  );
  if (!existsSync(outDir)) return pages;
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.mdx') && !pages.has(name) && writtenByIngest(join(outDir, name))) pages.add(name);
  }
  return pages;
}

async function writePages(options: Options, extracted: Extracted[], outcomes: FileOutcome[], extractor: Extractor): Promise<void> {
  const { map: previous } = readSlugMap(options.outDir);
  const before = previousPages(options.outDir, previous);
  const { slugs, map, moved, refused } = assignSlugs(extracted, previous);
  const written = new Set([...slugs.values()].map((slug) => `${slug}.mdx`));

  // A wrong --seeds or SEEDS_DIR must not empty the archive: stop before touching anything.
  // (A page whose URL moved is replaced by its new one, not lost.)
  const movedFrom = new Set(moved.map((m) => `${m.from}.mdx`));
  const removed = [...before].filter((name) => !written.has(name) && !movedFrom.has(name));
  if (!options.allowShrink && before.size > 0 && removed.length * 2 > before.size) {
    throw new Refusal(
      `this run would remove ${removed.length} of the ${before.size} pages in ${options.outDir} ` +
        `(${written.size} article(s) found in ${options.seedsDir}): nothing was changed. ` +
        'Check --seeds / SEEDS_DIR, or pass --allow-shrink if the removal is intended.',
    );
  }

  mkdirSync(options.outDir, { recursive: true });
  const movedBy = new Map(moved.map((m) => [m.file, m]));
  const refusedBy = new Map(refused.map((r) => [r.file, r.reason]));
  for (const item of extracted) {
    const slug = slugs.get(item)!;
    const target = join(options.outDir, `${slug}.mdx`);
    // An unchanged seed under an unchanged slug whose MDX is intact (same hash) is left as it is;
    // a damaged, truncated or hand-edited MDX is written again.
    const intact =
      !item.result && item.cachedSlug === slug && item.cachedMdx !== undefined && existsSync(target) && sha256(readFileSync(target)) === item.cachedMdx;
    let mdxHash = item.cachedMdx;
    if (!intact) {
      try {
        const result = await extractor.result(item);
        // The gazetteer is compiled only when a page is written (not on an ingest where nothing changed).
        const mdx = articleToMdx(result, { slug, seed: item.file, hash: item.hash }, getDefaultCompiledGazetteer());
        writeAtomic(target, mdx);
        mdxHash = sha256(mdx);
      } catch (error) {
        // This seed's page could not be made: its rejection, not the archive's (its slug stays reserved).
        map.articles[slug] = { ...map.articles[slug], live: false };
        written.delete(`${slug}.mdx`);
        outcomes.push({ file: item.file, outcome: 'rejected', reason: `page not written: ${((error as Error).message ?? String(error)).slice(0, 200)}` });
        continue;
      }
    }
    extractor.withCache((c) => c.setSlug(cacheKey(item.file, item.hash), slug, mdxHash!));
    const notes = [...item.warnings.map((w) => w.reason)];
    const move = movedBy.get(item.file);
    if (move) notes.push(`URL moved from ${move.from} (a redirect page is built)`);
    const refusal = refusedBy.get(item.file);
    if (refusal) notes.push(`frontmatter ${refusal}: the article keeps ${slug}`);
    outcomes.push({ file: item.file, outcome: 'page', slug, title: item.title, encoding: item.encoding, warnings: notes });
  }
  writeAtomic(join(options.outDir, SLUG_MAP_FILE), JSON.stringify(map, null, 2) + '\n');

  // Pages of deleted seeds and ingest's interrupted temp files go; nothing else in --out is touched.
  const foreign: string[] = [];
  for (const name of readdirSync(options.outDir)) {
    if (written.has(name) || name === SLUG_MAP_FILE) continue;
    if (before.has(name) || TEMP_FILE.test(name)) rmSync(join(options.outDir, name), { force: true });
    else foreign.push(name);
  }
  if (foreign.length && !options.quiet) {
    console.warn(`ingest: left in place in ${options.outDir} (not written by ingest): ${foreign.join(', ')}`);
  }
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

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (!existsSync(options.seedsDir) || !statSync(options.seedsDir).isDirectory()) {
    throw new Refusal(`seeds folder not found: ${options.seedsDir}`);
  }
  const outcomes: FileOutcome[] = [];
  const now = Date.now();
  const extractor = new Extractor(openCache(options.cacheDir, archivePeriodOf(process.env, new Date(now)).to), now);
  let extracted: Extracted[];
  try {
    extracted = await extractAll(options, outcomes, extractor);
    // The worker's memory goes before pages are written (it restarts if a result must be redone).
    await extractor.budget.close();
    if (extracted.length === 0 && options.strict) {
      throw new Refusal(`--strict: no article in ${options.seedsDir} (${outcomes.length} file(s) examined)`);
    }
    await writePages(options, extracted, outcomes, extractor);
  } finally {
    await extractor.budget.close();
  }
  extractor.withCache((c) => c.save());
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
  const cache = extractor.cache;
  if (cache && !options.quiet) console.log(`  cache: ${cache.hits} seed(s) reused, ${cache.misses} extracted`);
  if (!options.quiet && report.newNames.length) {
    console.log(`  new names to review: ${report.newNames.map((n) => n.name).join(', ')}`);
  }
  if (report.counts.pages === 0) console.warn(`ingest: warning: no article in ${options.seedsDir}`);
  if (options.strict && report.counts.rejected > 0) {
    console.error(`ingest: --strict: ${report.counts.rejected} seed(s) rejected`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(`ingest: ${(error as Error).message}`);
  process.exitCode = error instanceof Refusal ? 1 : 2;
}
