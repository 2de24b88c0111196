/**
 * Incremental static builds (INCREMENTAL_BUILD=1, keys in src/lib/site/page-keys.ts): after each
 * change of a series — an edit, an addition, a deletion, a rename, a gazetteer change, a template
 * change — the incremental build's dist/ (pages and search index) is byte-identical to a cold
 * build of the same input (every file, and no file or folder more), while it did reuse pages from
 * the previous build. Incremental builds keep dist/ (src/integrations/keep-dist.ts): reused pages
 * stay in place and are not copied back, and what a cold build would no longer write (pages of a
 * removed or moved article, old hashed assets, a removed public/ file) is pruned; without that
 * pruning these comparisons fail.
 *
 * Runs in a copy of the project (.cache/incremental/project) so gazetteer and template changes
 * never touch the working tree.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../scripts/bench/corpus.ts';
import { ROOT, withBuildLock } from './helpers/site.ts';

const WORK = join(ROOT, '.cache/incremental');
const PROJECT = join(WORK, 'project');
const SEEDS = join(WORK, 'seeds');
const CONTENT = join(WORK, 'content');
const REPORT = join(WORK, 'report.json');
const NODE = join(ROOT, 'node_modules/.bin/node');
const CORPUS = { count: 40, seed: 3 };
const CACHE = join(WORK, 'cache');
const DIST = join(WORK, 'dist');

function snapshotProject(): void {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(PROJECT, { recursive: true });
  for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(PROJECT, entry), { recursive: true });
  }
  rmSync(join(PROJECT, 'src/content/articles'), { recursive: true, force: true });
  symlinkSync(join(ROOT, 'node_modules'), join(PROJECT, 'node_modules'));
}

const run = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(NODE, args, {
    cwd: PROJECT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });

/** Seeds → MDX articles, as `npm run build` does first (only changed seeds are extracted again). */
const ingest = () => run(['scripts/ingest.ts', '--seeds', SEEDS, '--out', CONTENT, '--report', REPORT]);

function build(dist: string, cacheDir: string, incremental: boolean): string {
  return run(['scripts/build-site.ts', '--outDir', dist], { ARTICLES_DIR: CONTENT, ASTRO_CACHE_DIR: cacheDir, INCREMENTAL_BUILD: incremental ? '1' : '0' });
}

/** Seed file → article slug, from the last ingest report. */
function slugs(): Map<string, string> {
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as { files: Array<{ file: string; outcome: string; slug?: string }> };
  return new Map(report.files.filter((f) => f.outcome === 'page' && f.slug).map((f) => [f.file, f.slug!]));
}

/** Every file of a tree with its bytes, and every folder (as `name/`, empty), so an extra empty folder differs too. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        out.set(`${relative(dir, path)}/`, Buffer.alloc(0));
        walk(path);
      } else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** Files that differ between two dist/ trees (missing on one side included). */
function differences(a: string, b: string): string[] {
  const [fa, fb] = [files(a), files(b)];
  const names = new Set([...fa.keys(), ...fb.keys()]);
  return [...names].filter((n) => !fa.get(n)?.equals(fb.get(n) ?? Buffer.alloc(0)) || !fb.has(n)).sort();
}

/**
 * Pages the incremental build reused instead of rendering: left in the kept dist/ ("(cached)" in
 * its log) or copied back from Astro's cache ("(restored)").
 */
const reusedAs = (log: string, how: 'cached' | 'restored') =>
  log
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.includes(`(${how})`))
    .map((l) => /\s(\/\S+)/.exec(l)?.[1] ?? '');

let steps = 0;
const seedFiles = () => readdirSync(SEEDS).sort();

/**
 * Applies a change, ingests, builds incrementally and cold, returns what differs and which pages
 * were reused. Every incremental build here keeps dist/: no reused page is copied back.
 */
async function step(change: () => void): Promise<{ diff: string[]; reused: string[]; log: string }> {
  change();
  return withBuildLock(() => {
    ingest();
    const log = build(DIST, CACHE, true);
    const cold = join(WORK, 'cold');
    rmSync(join(WORK, 'cold-cache'), { recursive: true, force: true });
    build(cold, join(WORK, 'cold-cache'), false);
    if (process.env.KEEP_INCREMENTAL) writeFileSync(join(WORK, `step-${++steps}.log`), log);
    expect(log).toContain('dist/ kept from the last incremental build');
    expect(reusedAs(log, 'restored')).toEqual([]);
    return { diff: differences(DIST, cold), reused: reusedAs(log, 'cached'), log };
  });
}

beforeAll(async () => {
  snapshotProject();
  writeCorpus(SEEDS, generateCorpus(CORPUS));
  await withBuildLock(() => {
    ingest();
    build(DIST, CACHE, true);
  });
}, 300_000);

afterAll(() => {
  if (!process.env.KEEP_INCREMENTAL) rmSync(WORK, { recursive: true, force: true });
});

describe('incremental build', () => {
  it('rebuilds an edited article, and only the pages showing what changed, identically to a cold build', async () => {
    const file = seedFiles()[7];
    const slug = slugs().get(file)!;
    const r = await step(() =>
      writeFileSync(join(SEEDS, file), `${readFileSync(join(SEEDS, file), 'utf8')}\nLe ministère a précisé que la livraison aurait lieu avant l’été.\n`),
    );
    expect(r.diff).toEqual([]);
    expect(r.reused.length).toBeGreaterThan(20);
    expect(r.reused).not.toContain(`/articles/${slug}/index.html`);
    expect(r.reused.filter((p) => p.startsWith('/articles/')).length).toBeGreaterThan(20);
  }, 300_000);

  it('adds an article', async () => {
    const r = await step(() => {
      const extra = generateCorpus({ ...CORPUS, count: CORPUS.count + 1 }).at(-1)!;
      writeFileSync(join(SEEDS, extra.name), extra.text);
    });
    expect(r.diff).toEqual([]);
    expect(r.reused.length).toBeGreaterThan(20);
  }, 300_000);

  it('deletes an article', async () => {
    const file = seedFiles()[3];
    const slug = slugs().get(file)!;
    const r = await step(() => rmSync(join(SEEDS, file)));
    expect(r.diff).toEqual([]);
    expect(existsSync(join(DIST, 'articles', slug))).toBe(false);
    expect(r.log).toMatch(/pruned [1-9]\d* stale file/);
    expect(r.reused.length).toBeGreaterThan(20);
  }, 300_000);

  it('re-renders the pages showing a delivery event when another article reports it', async () => {
    // An article with a delivery whose three parties are named: a new, later report of the same
    // delivery changes the event its row links to (history, status), so its page must render again.
    const mdx = readdirSync(CONTENT).filter((n) => n.endsWith('.mdx'));
    type Named = { id: string; name: string };
    type Front = {
      deliveries: Array<{ supplier: string | null; recipient: string | null; weapon: string; status: string }>;
      countries: Named[];
      weapons: Named[];
    };
    const found = mdx
      .map((n) => ({ slug: n.replace(/\.mdx$/, ''), front: JSON.parse(readFileSync(join(CONTENT, n), 'utf8').split('\n---\n')[0].slice(4)) as Front }))
      .flatMap(({ slug, front }) => front.deliveries.map((d) => ({ slug, d, front })))
      .find(({ d }) => d.supplier && d.recipient && d.status !== 'delivered');
    expect(found).toBeDefined();
    const { slug, d, front } = found!;
    const name = (list: Named[], id: string) => list.find((e) => e.id === id)!.name;
    const sentence = `${name(front.countries, d.supplier!)} a livré 4 ${name(front.weapons, d.weapon)} à ${name(front.countries, d.recipient!)}, a confirmé mardi le ministère.`;
    const page = () => readFileSync(join(DIST, 'articles', slug, 'index.html'), 'utf8');
    const before = page();
    const r = await step(() => writeFileSync(join(SEEDS, 'zz-nouveau-rapport.txt'), `---\ndate: 2026-06-02\n---\nLivraison confirmée\n\n${sentence}\n`));
    expect(page()).not.toBe(before);
    expect(r.diff).toEqual([]);
    expect(r.reused).not.toContain(`/articles/${slug}/index.html`);
  }, 300_000);

  it('retitles an article and moves it to a new address (its old one redirects)', async () => {
    const file = seedFiles()[11];
    const before = slugs().get(file)!;
    const after = `${before}-nouvelle-etape`;
    const r = await step(() => {
      const text = readFileSync(join(SEEDS, file), 'utf8');
      // A new title alone keeps a published URL; the frontmatter slug is how an address moves on purpose.
      const retitled = text.replace(/^(?!\s*$)(?!Temps de lecture)(.+)$/m, 'Nouvelle étape : $1');
      writeFileSync(join(SEEDS, file), `---\nslug: ${after}\n---\n${retitled}`);
    });
    expect(slugs().get(file)).toBe(after);
    expect(r.diff).toEqual([]);
    expect(readFileSync(join(DIST, 'articles', before, 'index.html'), 'utf8')).toContain(`articles/${after}/`);
    expect(readFileSync(join(DIST, 'articles', after, 'index.html'), 'utf8')).toContain('Nouvelle étape');
    // No reuse is asserted: a moved address adds a redirect to Astro's config, whose hash keys every page.
  }, 300_000);

  it('follows a gazetteer change (entity pages show aliases read from its files)', async () => {
    const r = await step(() => {
      const file = join(PROJECT, 'src/data/gazetteer/weapons.json');
      const weapons = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; aliases: string[] }>;
      for (const w of weapons) w.aliases.push(`${w.aliases[0] ?? w.id} NG`);
      writeFileSync(file, JSON.stringify(weapons, null, 2));
    });
    expect(r.diff).toEqual([]);
    expect(r.reused.filter((p) => p.startsWith('/armes/') && p.split('/').length === 4)).toEqual([]);
  }, 300_000);

  it('follows a template change (a UI string every article page shows, a style), and a removed public file', async () => {
    const assets = () => readdirSync(join(DIST, '_astro')).sort();
    const before = assets();
    expect(existsSync(join(DIST, '_headers'))).toBe(true);
    const r = await step(() => {
      const file = join(PROJECT, 'src/i18n/fr.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"article.related": "Articles liés"', '"article.related": "À lire aussi"'));
      // A new style gives the stylesheet a new hashed name: the old one must go.
      writeFileSync(join(PROJECT, 'src/styles/global.css'), `${readFileSync(join(PROJECT, 'src/styles/global.css'), 'utf8')}\nmain { min-height: 1px; }\n`);
      rmSync(join(PROJECT, 'public/_headers'));
    });
    expect(r.diff).toEqual([]);
    expect(r.reused.filter((p) => p.startsWith('/articles/'))).toEqual([]);
    expect(existsSync(join(DIST, '_headers'))).toBe(false);
    expect(assets().filter((name) => name.endsWith('.css'))).not.toEqual(before.filter((name) => name.endsWith('.css')));
  }, 300_000);
});
