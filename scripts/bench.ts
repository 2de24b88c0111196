/**
 * npm run bench -- --articles N — the scale benchmark (issue 7).
 *
 * For each size: generates a synthetic French corpus (scripts/bench/corpus.ts) into its own work
 * folder, then measures apart: extraction throughput on one core (in-process, median of 5 loops),
 * ingest (cold, unchanged, one seed changed), `astro build` (Pagefind skipped), Pagefind indexing
 * (Node API, alone), peak RSS of each, dist/ and index size, article page weight, and in headless
 * Chromium the bytes and time of a first search and the bytes of the deliveries explorer's first
 * view. Prints a table; --json FILE writes the same. Pagefind keeps the site within HOST_FILE_LIMIT
 * when it is set, as a build does (no limit otherwise).
 *
 *   --articles N[,N…]   corpus sizes (default 1000)
 *   --runs R            runs per size; the table shows medians (default 1)
 *   --seed S            corpus seed number (default 1)
 *   --json FILE         also write the results as JSON
 *   --work DIR          work folder (default .cache/bench)
 *   --no-browser        skip the Chromium part
 *   --no-warm-build     skip the second `astro build` with Astro's caches kept
 *   --lighthouse        also run Lighthouse (performance, accessibility) on home, article, search, explorer
 *   --extract-limit K   articles in the extraction loop (default 1000; throughput does not depend on N)
 *   --peer              also build the same seeds as plain pages (scripts/bench/peer.ts: one HTML
 *                       page per seed, no extraction, no entity pages) plus the same Pagefind index,
 *                       right after each run of ours (paired), and print the ratio of the full builds
 *   --relevance         also score search relevance (scripts/bench/relevance.ts) with Pagefind's
 *                       default ranking and with the search page's (src/lib/search/ranking.ts)
 *   --incremental       also measure incremental builds (INCREMENTAL_BUILD=1, own dist/ and cache):
 *                       a cold incremental build and its Pagefind index, then one seed changed:
 *                       ingest, `npm run build:site` (pages rendered, reused) and Pagefind apart
 *   --extract-only      only the extraction measure, on K generated ~3 KB articles (the size the
 *                       throughput target is stated for): articles/s and per CPU-second, median of 5
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, writeCorpus } from './bench/corpus.ts';
import { articlePageWeight, dirSize, measureQueries, serveGzip, type QueryMeasure } from './bench/browser.ts';
import { median, run, type Measured } from './bench/measure.ts';
import { lighthouse, type LighthouseScore } from './bench/lighthouse.ts';
import { measureExplorer, type ExplorerMeasure } from './bench/explorer.ts';
import { scoreRelevance, summarise } from './bench/relevance.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const BUILD_SITE = 'scripts/build-site.ts';
/** The project snapshot every step runs in (set by snapshotProject). */
let PROJECT = ROOT;

/**
 * Copies the project's sources into the work folder (node_modules linked) and runs every step
 * there: Astro writes build chunks under <root>/.astro/, which concurrent builds in the same
 * tree would delete under our feet, and a snapshot also freezes the code being measured.
 */
function snapshotProject(work: string): string {
  const dir = join(work, 'project');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  rmSync(join(dir, 'src/content/articles'), { recursive: true, force: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
const QUERIES = ['Caesar', 'livraison de chars'];

interface RunResult {
  ingestColdMs: number;
  ingestColdRss: number | null;
  ingestColdCpuMs: number | null;
  ingestUnchangedMs: number;
  ingestOneChangedMs: number;
  ingestOneChangedCpuMs: number | null;
  reExtracted: number | null;
  astroMs: number;
  astroRss: number | null;
  astroCpuMs: number | null;
  pages: number | null;
  pagefindMs: number;
  pagefindRss: number | null;
  pagefindCpuMs: number | null;
  indexedPages: number;
  warmAstroMs: number | null;
  warmAstroCpuMs: number | null;
  distBytes: number;
  distFiles: number;
  indexBytes: number;
  indexFiles: number;
  peerGenerateMs: number | null;
  peerGenerateCpuMs: number | null;
  peerPagefindMs: number | null;
  peerPagefindCpuMs: number | null;
  peerPages: number | null;
}

interface SizeResult {
  articles: number;
  corpusBytes: number;
  runs: number;
  extraction: { articles: number; medianMs: number; articlesPerSecond: number; articlesPerCpuSecond?: number };
  median: RunResult;
  all: RunResult[];
  articlePage: { medianBytes: number; maxBytes: number; pages: number };
  search: QueryMeasure[] | null;
  explorer: ExplorerMeasure | null;
  lighthouse: LighthouseScore[] | null;
  relevance: { default: ReturnType<typeof summarise>; tuned: ReturnType<typeof summarise> } | null;
  incremental: IncrementalResult | null;
}

/** --incremental: a cold incremental build, then one seed changed (wall and CPU ms, pages). */
interface IncrementalResult {
  cold: { astroMs: number; astroCpuMs: number | null; astroRss: number | null; pagefindMs: number };
  changed: {
    ingestMs: number;
    ingestCpuMs: number | null;
    astroMs: number;
    astroCpuMs: number | null;
    astroRss: number | null;
    pagefindMs: number;
    pagefindCpuMs: number | null;
    rendered: number;
    reused: number;
  };
}

function options() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      json: { type: 'string' },
      work: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      'no-warm-build': { type: 'boolean', default: false },
      lighthouse: { type: 'boolean', default: false },
      'extract-limit': { type: 'string', default: '1000' },
      'extract-only': { type: 'boolean', default: false },
      relevance: { type: 'boolean', default: false },
      peer: { type: 'boolean', default: false },
      incremental: { type: 'boolean', default: false },
    },
  });
  return {
    sizes: values.articles
      .split(',')
      .map((n) => Number(n.trim()))
      .filter((n) => n > 0),
    runs: Math.max(1, Number(values.runs)),
    seed: Number(values.seed),
    json: values.json ? resolve(values.json) : null,
    work: resolve(values.work ?? join(ROOT, '.cache/bench')),
    browser: !values['no-browser'],
    warmBuild: !values['no-warm-build'],
    lighthouse: values.lighthouse,
    extractLimit: Number(values['extract-limit']),
    extractOnly: values['extract-only'],
    relevance: values.relevance,
    peer: values.peer,
    incremental: values.incremental,
  };
}

const log = (message: string) => console.error(`bench: ${message}`);

function node(script: string, args: string[], env: Record<string, string> = {}): Promise<Measured> {
  return run(NODE, [script, ...args], { cwd: PROJECT, env: { ASTRO_TELEMETRY_DISABLED: '1', ...env } });
}

/** Where scripts/ingest.ts keeps the cache of an output folder. */
function ingestCacheDir(outDir: string): string {
  return join(PROJECT, '.cache/ingest', createHash('sha256').update(outDir).digest('hex').slice(0, 16));
}

async function runOnce(
  dirs: { seeds: string; content: string; dist: string; astroCache: string },
  runIndex: number,
  warmBuild: boolean,
  peer: boolean,
): Promise<RunResult> {
  const ingestArgs = ['--seeds', dirs.seeds, '--out', dirs.content, '--report', join(dirs.content, '..', 'report.json')];
  rmSync(dirs.content, { recursive: true, force: true });
  rmSync(ingestCacheDir(dirs.content), { recursive: true, force: true });
  log('ingest (cold)');
  const cold = await node('scripts/ingest.ts', ingestArgs);
  log('ingest (unchanged)');
  const unchanged = await node('scripts/ingest.ts', ingestArgs);
  // One seed changes: a sentence is appended (different on every run, so it is always a change).
  const seedFiles = readdirSync(dirs.seeds).sort();
  appendFileSync(
    join(dirs.seeds, seedFiles[Math.floor(seedFiles.length / 2)]),
    `\nLe ministère a précisé ce point lors de la mise à jour n° ${runIndex + 1}.\n`,
  );
  log('ingest (one seed changed)');
  const changed = await node('scripts/ingest.ts', ingestArgs);
  const reExtracted = Number(/(\d+) extracted/.exec(changed.stdout)?.[1] ?? NaN);

  rmSync(dirs.dist, { recursive: true, force: true });
  rmSync(dirs.astroCache, { recursive: true, force: true });
  // Built as `npm run build` builds: scripts/build-site.ts (astro sync, then astro build).
  const buildEnv = { ARTICLES_DIR: dirs.content, BENCH_CACHE_DIR: dirs.astroCache, PAGEFIND_SKIP: '1' };
  const buildArgs = ['--config', 'scripts/bench/astro.config.mjs', '--outDir', dirs.dist];
  log('astro sync + build (cold)');
  const astro = await node(BUILD_SITE, buildArgs, buildEnv);
  writeFileSync(join(dirs.content, '..', `astro-build-${runIndex + 1}.log`), astro.stdout + astro.stderr);
  const pages = Number(/(\d+) page\(s\) built/.exec(astro.stdout + astro.stderr)?.[1] ?? NaN);
  log('pagefind');
  const pf = await node('scripts/bench/pagefind-worker.ts', [dirs.dist]);
  const pfOut = JSON.parse(pf.stdout.trim().split('\n').at(-1) ?? '{}') as { pages: number; ms: number };

  // The peer on the same seeds, right after (paired: both see about the same machine load).
  let peerGen: Measured | null = null;
  let peerPf: Measured | null = null;
  if (peer) {
    const peerDist = `${dirs.dist}-peer`;
    log('peer: plain pages');
    peerGen = await node('scripts/bench/peer.ts', [dirs.seeds, peerDist]);
    log('peer: pagefind');
    peerPf = await node('scripts/bench/pagefind-worker.ts', [peerDist]);
    rmSync(peerDist, { recursive: true, force: true });
  }

  const all = dirSize(dirs.dist);
  const index = dirSize(join(dirs.dist, 'pagefind'));
  let warmAstroMs: number | null = null;
  let warmAstroCpuMs: number | null = null;
  if (warmBuild) {
    // Astro's caches kept (content data store in BENCH_CACHE_DIR) after one more seed change.
    appendFileSync(join(dirs.seeds, seedFiles[0]), `\nLe porte-parole a confirmé cette information (mise à jour n° ${runIndex + 1}).\n`);
    await node('scripts/ingest.ts', ingestArgs);
    log('astro sync + build (warm, one seed changed)');
    const warm = await node(BUILD_SITE, [...buildArgs.slice(0, -1), `${dirs.dist}-warm`], buildEnv);
    warmAstroMs = warm.ms;
    warmAstroCpuMs = warm.cpuMs;
    rmSync(`${dirs.dist}-warm`, { recursive: true, force: true });
  }
  return {
    ingestColdMs: cold.ms,
    ingestColdRss: cold.rssBytes,
    ingestColdCpuMs: cold.cpuMs,
    ingestUnchangedMs: unchanged.ms,
    ingestOneChangedMs: changed.ms,
    ingestOneChangedCpuMs: changed.cpuMs,
    reExtracted: Number.isFinite(reExtracted) ? reExtracted : null,
    astroMs: astro.ms,
    astroRss: astro.rssBytes,
    astroCpuMs: astro.cpuMs,
    pages: Number.isFinite(pages) ? pages : null,
    pagefindMs: pf.ms,
    pagefindRss: pf.rssBytes,
    pagefindCpuMs: pf.cpuMs,
    indexedPages: pfOut.pages,
    warmAstroMs,
    warmAstroCpuMs,
    distBytes: all.bytes,
    distFiles: all.files,
    indexBytes: index.bytes,
    indexFiles: index.files,
    peerGenerateMs: peerGen?.ms ?? null,
    peerGenerateCpuMs: peerGen?.cpuMs ?? null,
    peerPagefindMs: peerPf?.ms ?? null,
    peerPagefindCpuMs: peerPf?.cpuMs ?? null,
    peerPages: peerGen ? (JSON.parse(peerGen.stdout.trim().split('\n').at(-1) ?? '{}') as { pages: number }).pages : null,
  };
}

/**
 * Incremental builds as a daily update sees them: a cold incremental build (its own dist/ and
 * Astro cache), then one seed changed: ingest, build:site and Pagefind, each timed apart.
 */
async function incrementalRun(dirs: { seeds: string; content: string; dist: string; astroCache: string }): Promise<IncrementalResult> {
  const dist = `${dirs.dist}-incremental`;
  const cache = `${dirs.astroCache}-incremental`;
  rmSync(dist, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const env = { ARTICLES_DIR: dirs.content, BENCH_CACHE_DIR: cache, PAGEFIND_SKIP: '1', INCREMENTAL_BUILD: '1' };
  const args = ['--config', 'scripts/bench/astro.config.mjs', '--outDir', dist];
  log('incremental: astro sync + build (cold)');
  const cold = await node(BUILD_SITE, args, env);
  const coldPf = await node('scripts/bench/pagefind-worker.ts', [dist]);
  const seedFiles = readdirSync(dirs.seeds).sort();
  appendFileSync(join(dirs.seeds, seedFiles[Math.floor(seedFiles.length / 3)]), `\nLe ministère a confirmé cette livraison (mise à jour ${Date.now()}).\n`);
  log('incremental: ingest (one seed changed)');
  const ingest = await node('scripts/ingest.ts', ['--seeds', dirs.seeds, '--out', dirs.content, '--report', join(dirs.content, '..', 'report.json')]);
  log('incremental: astro sync + build (one seed changed)');
  const astro = await node(BUILD_SITE, args, env);
  const output = (astro.stdout + astro.stderr).replace(/\x1b\[[0-9;]*m/g, '');
  writeFileSync(join(dirs.content, '..', 'astro-build-incremental.log'), output);
  const pf = await node('scripts/bench/pagefind-worker.ts', [dist]);
  rmSync(dist, { recursive: true, force: true });
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN);
  const reused = output.split('\n').filter((l) => /\((cached|restored)\)/.test(l)).length;
  return {
    cold: { astroMs: cold.ms, astroCpuMs: cold.cpuMs, astroRss: cold.rssBytes, pagefindMs: coldPf.ms },
    changed: {
      ingestMs: ingest.ms,
      ingestCpuMs: ingest.cpuMs,
      astroMs: astro.ms,
      astroCpuMs: astro.cpuMs,
      astroRss: astro.rssBytes,
      pagefindMs: pf.ms,
      pagefindCpuMs: pf.cpuMs,
      rendered: pages - reused,
      reused,
    },
  };
}

function medianOf(runs: RunResult[]): RunResult {
  const out = {} as Record<string, number | null>;
  for (const key of Object.keys(runs[0]) as Array<keyof RunResult>) {
    const values = runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
    out[key] = values.length ? median(values) : null;
  }
  return out as unknown as RunResult;
}

async function benchSize(n: number, opts: ReturnType<typeof options>): Promise<SizeResult> {
  const work = join(opts.work, String(n));
  const dirs = { seeds: join(work, 'seeds'), content: join(work, 'content'), dist: join(work, 'dist'), astroCache: join(work, 'astro-cache') };
  rmSync(dirs.seeds, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  log(`${n} articles: generating corpus (seed ${opts.seed})`);
  const corpusBytes = writeCorpus(dirs.seeds, generateCorpus({ count: n, seed: opts.seed }));

  log(`extraction on one core (${Math.min(n, opts.extractLimit)} articles, median of 5)`);
  const ex = await run('taskset', ['-c', '0', NODE, 'scripts/bench/extract-worker.ts', dirs.seeds, '--runs', '5', '--limit', String(opts.extractLimit)], {
    cwd: PROJECT,
  }).catch(() => node('scripts/bench/extract-worker.ts', [dirs.seeds, '--runs', '5', '--limit', String(opts.extractLimit)]));
  const extraction = JSON.parse(ex.stdout.trim().split('\n').at(-1) ?? '{}');

  const all: RunResult[] = [];
  for (let i = 0; i < opts.runs; i++) {
    log(`${n} articles: run ${i + 1}/${opts.runs}`);
    all.push(await runOnce(dirs, i, opts.warmBuild, opts.peer));
    log(JSON.stringify(all.at(-1)));
  }
  const incremental = opts.incremental ? await incrementalRun(dirs) : null;
  if (incremental) log(JSON.stringify(incremental));
  const articlePage = articlePageWeight(dirs.dist);
  let search: QueryMeasure[] | null = null;
  let explorer: ExplorerMeasure | null = null;
  if (opts.browser && existsSync('/usr/bin/chromium')) {
    log('search in Chromium');
    const server = await serveGzip(dirs.dist);
    try {
      search = await measureQueries(server.url, QUERIES);
      log('deliveries explorer in Chromium');
      explorer = await measureExplorer(server.url);
    } finally {
      await server.close();
    }
  }
  let scores: LighthouseScore[] | null = null;
  if (opts.lighthouse) {
    log('lighthouse');
    scores = await lighthouse(dirs.dist);
  }
  let relevance: SizeResult['relevance'] = null;
  if (opts.relevance) {
    log('search relevance');
    relevance = { default: summarise(await scoreRelevance(dirs.dist, dirs.content, {})), tuned: summarise(await scoreRelevance(dirs.dist, dirs.content)) };
  }
  return {
    articles: n,
    corpusBytes,
    runs: opts.runs,
    extraction,
    median: medianOf(all),
    all,
    articlePage,
    search,
    explorer,
    lighthouse: scores,
    relevance,
    incremental,
  };
}

const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const mb = (b: number | null) => (b === null ? '–' : `${(b / 1024 / 1024).toFixed(b < 10 * 1024 * 1024 ? 1 : 0)} MB`);
/** Wall time, with CPU time (user + system) in brackets. */
const sc = (ms: number | null, cpu: number | null) => (cpu === null ? s(ms) : `${s(ms)} (cpu ${s(cpu)})`);
const kb = (b: number | null) => (b === null ? '–' : `${(b / 1024).toFixed(1)} KB`);

const sum = (...xs: Array<number | null>) => (xs.every((x) => typeof x === 'number') ? (xs as number[]).reduce((a, b) => a + b, 0) : null);
/** Our full build: cold ingest, astro, pagefind (wall and CPU). */
const ours = (r: SizeResult) => ({
  ms: sum(r.median.ingestColdMs, r.median.astroMs, r.median.pagefindMs),
  cpuMs: sum(r.median.ingestColdCpuMs, r.median.astroCpuMs, r.median.pagefindCpuMs),
});
/** The peer's full build, when it ran. */
const theirs = (r: SizeResult) =>
  r.median.peerGenerateMs === null
    ? null
    : { ms: sum(r.median.peerGenerateMs, r.median.peerPagefindMs), cpuMs: sum(r.median.peerGenerateCpuMs, r.median.peerPagefindCpuMs) };
/** Median over the paired runs of ours/peer (wall, and CPU). */
function ratio(r: SizeResult): string {
  const pairs = r.all.filter((run) => run.peerGenerateMs !== null);
  if (!pairs.length) return '–';
  const of = (run: RunResult, cpu: boolean) => {
    const a = cpu ? sum(run.ingestColdCpuMs, run.astroCpuMs, run.pagefindCpuMs) : sum(run.ingestColdMs, run.astroMs, run.pagefindMs);
    const b = cpu ? sum(run.peerGenerateCpuMs, run.peerPagefindCpuMs) : sum(run.peerGenerateMs, run.peerPagefindMs);
    return a !== null && b ? a / b : null;
  };
  const wall = pairs.map((run) => of(run, false)).filter((x): x is number => x !== null);
  const cpu = pairs.map((run) => of(run, true)).filter((x): x is number => x !== null);
  return `${median(wall).toFixed(1)}× (${cpu.length ? `${median(cpu).toFixed(1)}×` : '–'})${pairs.length > 1 ? `, median of ${pairs.length} paired runs` : ''}`;
}

/** Markdown table: one row per measure, one column per corpus size. */
export function formatTable(results: SizeResult[]): string {
  const rows: Array<[string, (r: SizeResult) => string]> = [
    ['corpus (seeds)', (r) => mb(r.corpusBytes)],
    [
      'extraction, 1 core: articles/s (per CPU-second)',
      (r) => `${Math.round(r.extraction.articlesPerSecond)} (${Math.round(r.extraction.articlesPerCpuSecond ?? NaN)})`,
    ],
    ['ingest, cold', (r) => sc(r.median.ingestColdMs, r.median.ingestColdCpuMs)],
    ['ingest, peak RSS', (r) => mb(r.median.ingestColdRss)],
    ['ingest, nothing changed', (r) => s(r.median.ingestUnchangedMs)],
    ['ingest, one seed changed', (r) => `${sc(r.median.ingestOneChangedMs, r.median.ingestOneChangedCpuMs)}, ${r.median.reExtracted ?? '?'} re-extracted`],
    ['astro sync + build (no index)', (r) => sc(r.median.astroMs, r.median.astroCpuMs)],
    ['astro sync + build, peak RSS', (r) => mb(r.median.astroRss)],
    ['astro sync + build again, caches kept', (r) => sc(r.median.warmAstroMs, r.median.warmAstroCpuMs)],
    ['pages built', (r) => String(r.median.pages ?? '–')],
    [
      'incremental, cold: astro sync + build (pagefind)',
      (r) =>
        r.incremental
          ? `${sc(r.incremental.cold.astroMs, r.incremental.cold.astroCpuMs)}, ${mb(r.incremental.cold.astroRss)} (${s(r.incremental.cold.pagefindMs)})`
          : '–',
    ],
    [
      'incremental, one seed changed: ingest / astro sync + build / pagefind',
      (r) => {
        const c = r.incremental?.changed;
        return c ? `${sc(c.ingestMs, c.ingestCpuMs)} / ${sc(c.astroMs, c.astroCpuMs)}, ${mb(c.astroRss)} / ${sc(c.pagefindMs, c.pagefindCpuMs)}` : '–';
      },
    ],
    [
      'incremental, one seed changed: whole rebuild (pages rendered, reused)',
      (r) => {
        const c = r.incremental?.changed;
        return c ? `${s(c.ingestMs + c.astroMs + c.pagefindMs)} (${c.rendered}, ${c.reused})` : '–';
      },
    ],
    ['pagefind index', (r) => sc(r.median.pagefindMs, r.median.pagefindCpuMs)],
    ['pagefind, peak RSS', (r) => mb(r.median.pagefindRss)],
    ['full build (astro + pagefind)', (r) => s(r.median.astroMs + r.median.pagefindMs)],
    ['full build (ingest + astro + pagefind)', (r) => sc(ours(r).ms, ours(r).cpuMs)],
    ['peer: plain pages (no extraction, no entity pages)', (r) => sc(r.median.peerGenerateMs, r.median.peerGenerateCpuMs)],
    ['peer: pagefind index', (r) => sc(r.median.peerPagefindMs, r.median.peerPagefindCpuMs)],
    ['peer: full build', (r) => (theirs(r) ? sc(theirs(r)!.ms, theirs(r)!.cpuMs) : '–')],
    ['ours / peer, full build: wall (CPU)', (r) => ratio(r)],
    ['dist/ size (files)', (r) => `${mb(r.median.distBytes)} (${r.median.distFiles})`],
    ['index size (files)', (r) => `${mb(r.median.indexBytes)} (${r.median.indexFiles})`],
    ['article page HTML+CSS gzip (median / max)', (r) => `${kb(r.articlePage.medianBytes)} / ${kb(r.articlePage.maxBytes)}`],
  ];
  for (const [i, q] of QUERIES.entries()) {
    rows.push([
      `search "${q}": index data gzip, load + query (query only; all Pagefind files)`,
      (r) => (r.search ? `${kb(r.search[i].indexBytes)} (${kb(r.search[i].queryIndexBytes)}; ${kb(r.search[i].pagefindBytes)})` : '–'),
    ]);
    rows.push([
      `search "${q}": last keystroke → results (incl. the page's 60 ms typing pause)`,
      (r) => (r.search ? `${Math.round(r.search[i].msToResults)} ms` : '–'),
    ]);
  }
  rows.push([
    'explorer /livraisons/ first view, gzip on the wire (HTML + CSS + JS)',
    (r) => (r.explorer ? `${kb(r.explorer.firstViewBytes)} (${r.explorer.rows} of ${r.explorer.events} events)` : '–'),
  ]);
  rows.push([
    'explorer first filter: events data fetched, gzip / choice → filtered rows',
    (r) => (r.explorer ? `${kb(r.explorer.filterBytes)} / ${Math.round(r.explorer.msToFiltered)} ms` : '–'),
  ]);
  const rel = (r: SizeResult, k: 'default' | 'tuned') =>
    r.relevance
      ? `nDCG@5 ${r.relevance[k].ndcg5.toFixed(3)}, MRR ${r.relevance[k].mrr.toFixed(2)}, P@5 ${r.relevance[k].precisionAt5.toFixed(2)}, prefix-only above whole: ${r.relevance[k].prefixAboveWhole}`
      : '–';
  rows.push(['search relevance, Pagefind default ranking', (r) => rel(r, 'default')]);
  rows.push(['search relevance, the search page ranking', (r) => rel(r, 'tuned')]);
  for (const [i, label] of ['home', 'article', 'search', 'explorer'].entries()) {
    rows.push([
      `Lighthouse ${label}: performance / accessibility`,
      (r) => (r.lighthouse?.[i] ? `${r.lighthouse[i].performance} / ${r.lighthouse[i].accessibility}` : '–'),
    ]);
  }
  const head = `| measure | ${results.map((r) => `${r.articles} articles${r.runs > 1 ? ` (median of ${r.runs})` : ''}`).join(' | ')} |`;
  const sep = `| --- | ${results.map(() => '---').join(' | ')} |`;
  const lines = [head, sep, ...rows.map(([label, f]) => `| ${label} | ${results.map(f).join(' | ')} |`)];
  if (results.length > 1) {
    const first = results[0];
    const growth = results
      .slice(1)
      .map(
        (r) =>
          `${r.articles}/${first.articles}: astro ×${(r.median.astroMs / first.median.astroMs).toFixed(1)}, pagefind ×${(r.median.pagefindMs / first.median.pagefindMs).toFixed(1)}, full build ×${((r.median.astroMs + r.median.pagefindMs) / (first.median.astroMs + first.median.pagefindMs)).toFixed(1)}`,
      )
      .join('; ');
    lines.push('', `Growth: ${growth}.`);
  }
  return lines.join('\n');
}

/** --extract-only: extraction throughput on one core for ~3 KB articles generated in memory, median of 5 loops. */
async function extractOnly(opts: ReturnType<typeof options>): Promise<void> {
  const args = ['--generate', String(opts.extractLimit), '--seed', String(opts.seed), '--runs', '5'];
  log(`extraction on one core (${opts.extractLimit} generated ~3 KB articles, median of 5)`);
  const ex = await run('taskset', ['-c', '0', NODE, 'scripts/bench/extract-worker.ts', ...args], { cwd: PROJECT }).catch(() =>
    node('scripts/bench/extract-worker.ts', args),
  );
  const r = JSON.parse(ex.stdout.trim().split('\n').at(-1) ?? '{}');
  console.log(
    `extraction, 1 core, ${r.articles} articles of ${(r.bytes / r.articles / 1024).toFixed(1)} KB on average: ` +
      `${Math.round(r.articlesPerSecond)} articles/s, ${Math.round(r.articlesPerCpuSecond)} articles per CPU-second (median of 5)`,
  );
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ date: new Date().toISOString(), seed: opts.seed, extraction: r }, null, 2) + '\n');
}

async function main(): Promise<void> {
  const opts = options();
  if (opts.extractOnly) return extractOnly(opts);
  PROJECT = snapshotProject(opts.work);
  log(`project snapshot in ${PROJECT}`);
  const results: SizeResult[] = [];
  for (const n of opts.sizes) {
    results.push(await benchSize(n, opts));
    // Partial results survive a crash at a larger size.
    if (opts.json) writeFileSync(opts.json, JSON.stringify({ date: new Date().toISOString(), seed: opts.seed, results }, null, 2) + '\n');
  }
  console.log(formatTable(results));
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
