/**
 * Ingest that cannot be tricked or starved: each test runs the real `npm run ingest`
 * script on a seeds folder made here, the way a user would, and checks what they would notice:
 * the report, the exit code, the pages written, the time taken.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/site.ts';

interface Report {
  counts: { files: number; pages: number; duplicates: number; rejected: number; ignored: number };
  files: Array<{ file: string; outcome: string; slug?: string; reason?: string; line?: number; field?: string; title?: string; warnings?: string[] }>;
}

const NODE = join(ROOT, 'node_modules/.bin/node');
const SEEDS = join(ROOT, 'seeds');

function work(): string {
  return mkdtempSync(join(tmpdir(), 'arms-robust-ingest-'));
}

/** Runs ingest on `seeds` into `<dir>/content`, report `<dir>/report.json`, private cache. */
function ingest(dir: string, seeds: string | null, args: string[] = [], env: Record<string, string | undefined> = {}) {
  const started = Date.now();
  const run = spawnSync(
    NODE,
    [
      join(ROOT, 'scripts/ingest.ts'),
      ...(seeds === null ? [] : ['--seeds', seeds]),
      '--out',
      join(dir, 'content'),
      '--report',
      join(dir, 'report.json'),
      '--cache',
      join(dir, 'cache'),
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 },
  );
  const reportFile = join(dir, 'report.json');
  const report: Report | null = run.status === 0 || run.status === 1 ? (existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null) : null;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started, report };
}

function entry(report: Report | null, file: string) {
  const found = report?.files.find((f) => f.file === file);
  if (!found) throw new Error(`no report entry for ${file}: ${JSON.stringify(report?.files.map((f) => f.file))}`);
  return found;
}

function mdxFiles(dir: string): string[] {
  return readdirSync(join(dir, 'content'))
    .filter((f) => f.endsWith('.mdx'))
    .sort();
}

/** A seeds folder holding one of the project's seeds plus `files`. */
function seedsWith(dir: string, files: Record<string, string | Buffer> = {}): string {
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds, { recursive: true });
  const first = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))[0];
  cpSync(join(SEEDS, first), join(seeds, first));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(seeds, name, '..'), { recursive: true });
    writeFileSync(join(seeds, name), content);
  }
  return seeds;
}

const ARTICLE = "Paris annonce l'envoi de six canons Caesar à l'Ukraine.\n\nLe ministre a confirmé la livraison jeudi, selon un communiqué.\n";

describe('the seeds folder holds regular files only', () => {
  it('lists links (to /etc/passwd, to a folder named d.txt, dangling, inside the folder) as ignored and never reads them', () => {
    const dir = work();
    const seeds = seedsWith(dir, { 'real/d.txt/inner.txt': ARTICLE });
    symlinkSync('/etc/passwd', join(seeds, 'passwd.txt'));
    symlinkSync(join(seeds, 'real/d.txt'), join(seeds, 'd.txt'));
    symlinkSync(join(dir, 'nowhere.txt'), join(seeds, 'dangling.txt'));
    const inside = readdirSync(seeds).find((f) => /^\d+_.*\.txt$/.test(f))!;
    symlinkSync(join(seeds, inside), join(seeds, 'inside-link.txt'));
    const run = ingest(dir, seeds);
    expect(run.status, run.stderr).toBe(0);
    for (const link of ['passwd.txt', 'd.txt', 'dangling.txt', 'inside-link.txt']) {
      expect(entry(run.report, link)).toMatchObject({ outcome: 'ignored' });
      expect(entry(run.report, link).reason).toMatch(/symbolic link/);
    }
    // A real folder named d.txt is walked like any folder.
    expect(entry(run.report, 'real/d.txt/inner.txt').outcome).toBe('page');
    const written = mdxFiles(dir)
      .map((f) => readFileSync(join(dir, 'content', f), 'utf8'))
      .join('\n');
    expect(written).not.toContain('root:x:0:0');
    expect(run.report!.counts.pages).toBe(2);
  });

  it('does not publish seeds/README.md, reads a Latin-1 file name, and lists hidden folders', () => {
    const dir = work();
    const seeds = seedsWith(dir, {
      'README.md': '# Le dossier des articles\n\nDéposez ici les articles à publier.\n',
      '.brouillons/a.txt': ARTICLE,
      '.brouillons/b.txt': ARTICLE,
    });
    // "été.txt" with its name in Latin-1 bytes (not valid UTF-8).
    writeFileSync(Buffer.concat([Buffer.from(seeds + '/'), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('.txt')]), ARTICLE);
    const run = ingest(dir, seeds);
    expect(run.status, run.stderr).toBe(0);
    expect(entry(run.report, 'README.md')).toMatchObject({ outcome: 'ignored', reason: 'documentation file' });
    expect(entry(run.report, 'été.txt').outcome).toBe('page');
    expect(entry(run.report, '.brouillons/')).toMatchObject({ outcome: 'ignored' });
    expect(entry(run.report, '.brouillons/').reason).toMatch(/hidden folder: its 2 entries/);
  });
});

describe('one seed cannot stall or abort the archive', () => {
  it('refuses a YAML alias bomb at once, in date or in title, naming the file, line and field', () => {
    const dir = work();
    const bomb = (field: string) =>
      `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n${field}: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\nCorps.\n`;
    const seeds = seedsWith(dir, { 'bomb-date.txt': bomb('date'), 'bomb-title.txt': bomb('title'), 'anchor.txt': '---\ntitle: &t "Titre"\n---\nCorps.\n' });
    const run = ingest(dir, seeds);
    expect(run.status, run.stderr).toBe(0);
    expect(run.ms).toBeLessThan(30_000);
    for (const file of ['bomb-date.txt', 'bomb-title.txt']) {
      expect(entry(run.report, file)).toMatchObject({ outcome: 'rejected', line: 2, field: 'a' });
      expect(entry(run.report, file).reason).toMatch(/anchors and aliases/);
    }
    expect(entry(run.report, 'anchor.txt')).toMatchObject({ outcome: 'rejected', line: 2, field: 'title' });
    expect(run.report!.counts.pages).toBe(1);
  });

  it('keeps the evidence of a line repeating a date 3,000 times small (each sentence once, capped, truncated)', () => {
    const dir = work();
    const seeds = seedsWith(dir, { 'repeat.txt': `Des dates à la chaîne\n\n${'le 12 mars 2024, '.repeat(3_000)}\n` });
    const run = ingest(dir, seeds);
    expect(run.status, run.stderr).toBe(0);
    const page = entry(run.report, 'repeat.txt');
    expect(page.outcome).toBe('page');
    const mdx = readFileSync(join(dir, 'content', `${page.slug}.mdx`), 'utf8');
    // The body itself is 136 KB; the frontmatter (facts and evidence) stays small.
    const frontmatter = mdx.slice(0, mdx.indexOf('\n---\n'));
    expect(frontmatter.length).toBeLessThan(20_000);
    const extract = spawnSync(NODE, [join(ROOT, 'scripts/extract.ts'), join(seeds, 'repeat.txt')], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(extract.status, extract.stderr).toBe(0);
    expect(extract.stdout.length).toBeLessThan(20_000);
    const [facts] = JSON.parse(extract.stdout);
    expect(facts.date.evidence.length).toBeGreaterThan(0);
    expect(facts.date.evidence.length).toBeLessThanOrEqual(5);
    for (const e of facts.date.evidence) expect(e.text.length).toBeLessThanOrEqual(1_000);
  });

  it('joins 100,000 hard-wrapped lines in linear time', () => {
    const dir = work();
    const seeds = seedsWith(dir, { 'wrapped.txt': `Un texte coupé\n\nIntroduction.\n\n${'x: y\n'.repeat(100_000)}` });
    const run = ingest(dir, seeds, [], { INGEST_SEED_CPU_LIMIT_MS: '60000' });
    expect(run.status, run.stderr).toBe(0);
    expect(entry(run.report, 'wrapped.txt').outcome).toBe('page');
    // Was 46 s (quadratic); now about a second, process start included (loose bound: shared CI machines).
    expect(run.ms).toBeLessThan(30_000);
  });

  it('rejects a seed over its CPU budget or over 10 MB with the reason, and builds the rest', () => {
    const dir = work();
    const seeds = seedsWith(dir, {
      'slow.txt': `Des dates à la chaîne\n\n${'le 12 mars 2024, '.repeat(30_000)}\n`,
      'huge.txt': Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
      'good.txt': ARTICLE,
    });
    const run = ingest(dir, seeds, [], { INGEST_SEED_CPU_LIMIT_MS: '1000' });
    expect(run.status, run.stderr).toBe(0);
    expect(entry(run.report, 'slow.txt')).toMatchObject({ outcome: 'rejected' });
    expect(entry(run.report, 'slow.txt').reason).toMatch(/over the time limit/);
    expect(entry(run.report, 'huge.txt').reason).toMatch(/larger than the 10 MB limit/);
    expect(entry(run.report, 'good.txt').outcome).toBe('page');
    expect(run.report!.counts.pages).toBe(2);
  });
});

describe('a wrong path cannot empty the archive', () => {
  it('stops when SEEDS_DIR is set but empty, naming the variable, and never reads the repository', () => {
    const dir = work();
    const run = ingest(dir, null, [], { SEEDS_DIR: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/SEEDS_DIR is set but empty/);
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('refuses to remove more than half of the pages unless --allow-shrink; --strict fails on zero articles', () => {
    const dir = work();
    const seeds = join(dir, 'seeds');
    cpSync(SEEDS, seeds, { recursive: true });
    expect(ingest(dir, seeds).status).toBe(0);
    const before = mdxFiles(dir);
    expect(before).toHaveLength(5);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const refused = ingest(dir, empty);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/would remove 5 of the 5 pages.*--allow-shrink/s);
    expect(mdxFiles(dir)).toEqual(before);
    for (const f of readdirSync(seeds).slice(0, 3)) rmSync(join(seeds, f));
    expect(ingest(dir, seeds).status).toBe(1);
    expect(mdxFiles(dir)).toEqual(before);
    expect(ingest(dir, seeds, ['--allow-shrink']).status).toBe(0);
    expect(mdxFiles(dir)).toHaveLength(2);
    const strict = ingest(work(), empty, ['--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/--strict: no article/);
  });

  it('--out removes only what ingest wrote (notes.mdx and draft.tmp stay)', () => {
    const dir = work();
    const seeds = join(dir, 'seeds');
    cpSync(SEEDS, seeds, { recursive: true });
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content', 'notes.mdx'), 'mes notes\n');
    writeFileSync(join(dir, 'content', 'draft.tmp'), 'brouillon\n');
    const run = ingest(dir, seeds);
    expect(run.status, run.stderr).toBe(0);
    rmSync(join(seeds, readdirSync(seeds)[0]));
    const again = ingest(dir, seeds);
    expect(again.status).toBe(0);
    expect(readFileSync(join(dir, 'content', 'notes.mdx'), 'utf8')).toBe('mes notes\n');
    expect(readFileSync(join(dir, 'content', 'draft.tmp'), 'utf8')).toBe('brouillon\n');
    expect(mdxFiles(dir)).toHaveLength(5); // 4 articles + notes.mdx
    expect(again.stderr).toMatch(/left in place.*notes\.mdx/);
  });
});

describe('cache', () => {
  it('a cached rerun repairs a truncated or edited MDX', () => {
    const dir = work();
    const seeds = join(dir, 'seeds');
    cpSync(SEEDS, seeds, { recursive: true });
    expect(ingest(dir, seeds).status).toBe(0);
    const [first, second] = mdxFiles(dir);
    const good = readFileSync(join(dir, 'content', first), 'utf8');
    const goodSecond = readFileSync(join(dir, 'content', second), 'utf8');
    truncateSync(join(dir, 'content', first), 100);
    writeFileSync(join(dir, 'content', second), goodSecond.replace('---\n', '---\n '));
    const rerun = ingest(dir, seeds);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(/5 seed\(s\) reused/);
    expect(readFileSync(join(dir, 'content', first), 'utf8')).toBe(good);
    expect(readFileSync(join(dir, 'content', second), 'utf8')).toBe(goodSecond);
  });

  it('an unwritable cache folder falls back to no cache with a warning', () => {
    const dir = work();
    const seeds = seedsWith(dir);
    writeFileSync(join(dir, 'not-a-folder'), '');
    const cache = join(dir, 'not-a-folder', 'cache');
    const run = spawnSync(
      NODE,
      [join(ROOT, 'scripts/ingest.ts'), '--seeds', seeds, '--out', join(dir, 'content'), '--report', join(dir, 'r.json'), '--cache', cache],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/cache folder .* cannot be written .*continuing without the cache/);
    expect(mdxFiles(dir)).toHaveLength(1);
    // Also when the folder exists but refuses writes (as a non-root user).
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const again = ingest(dir, seeds, ['--cache', join(locked, 'c')]);
      expect(again.status).toBe(0);
    }
  });
});

describe('frontmatter', () => {
  it('rejects impossible dates, quoted or not, with file, line and field', () => {
    const dir = work();
    const seeds = seedsWith(dir, {
      'feb-30.txt': '---\ntitle: "Un titre"\ndate: 2024-02-30\n---\nCorps du texte.\n',
      'month-13.txt': '---\ntitle: "Un titre"\nsource: AFP\ndate: 2024-13-45\n---\nCorps du texte.\n',
      'quoted.txt': '---\ntitle: "Un titre"\ndate: "2024-02-30"\n---\nCorps du texte.\n',
    });
    const run = ingest(dir, seeds);
    expect(run.status).toBe(0);
    expect(entry(run.report, 'feb-30.txt')).toMatchObject({ outcome: 'rejected', line: 3, field: 'date' });
    expect(entry(run.report, 'month-13.txt')).toMatchObject({ outcome: 'rejected', line: 4, field: 'date' });
    expect(entry(run.report, 'quoted.txt')).toMatchObject({ outcome: 'rejected', line: 3, field: 'date' });
    for (const file of ['feb-30.txt', 'month-13.txt', 'quoted.txt']) expect(entry(run.report, file).reason).toMatch(/is not a calendar date/);
  });

  it('removes right-to-left overrides and zero-width characters from titles', () => {
    const dir = work();
    const seeds = seedsWith(dir, {
      'rlo-frontmatter.txt': `---\ntitle: "Livraison \u202Eeulav\u202C de \u200BCaesar\u2066 x\u2069"\n---\n${ARTICLE}`,
      'rlo-headline.txt': `Obus \u202Eet\u200D missiles\u200E livrés\n\n${ARTICLE.replace('six', 'sept')}`,
    });
    const run = ingest(dir, seeds);
    expect(run.status, run.stderr).toBe(0);
    expect(entry(run.report, 'rlo-frontmatter.txt').title).toBe('Livraison eulav de Caesar x');
    expect(entry(run.report, 'rlo-headline.txt').title).toBe('Obus et missiles livrés');
    for (const f of mdxFiles(dir)) {
      const title = /"title": "([^"]*)"/.exec(readFileSync(join(dir, 'content', f), 'utf8'))![1];
      expect(title).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
    }
  });
});

describe('published URLs are stable', () => {
  const titled = (title: string, lead: string) => `${title}\n\n${lead}\n\nLe ministre a confirmé la livraison jeudi, selon un communiqué.\n`;

  it('the first article keeps its slug when a newcomer with the same title sorts before it', () => {
    const dir = work();
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    writeFileSync(join(seeds, 'zz-old.txt'), titled('Paris livre des Caesar', "Paris envoie six canons à l'Ukraine."));
    const first = ingest(dir, seeds);
    expect(entry(first.report, 'zz-old.txt').slug).toBe('paris-livre-des-caesar');
    writeFileSync(join(seeds, 'aa-new.txt'), titled('Paris livre des Caesar', 'Une autre annonce, un autre jour.'));
    const second = ingest(dir, seeds);
    expect(entry(second.report, 'zz-old.txt').slug).toBe('paris-livre-des-caesar');
    expect(entry(second.report, 'aa-new.txt').slug).toMatch(/^paris-livre-des-caesar-[0-9a-f]{6}$/);
  });

  it("editing a seed's lead (its generated title) does not change its URL; a renamed seed keeps it too", () => {
    const dir = work();
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    // No headline: the title comes from the lead sentence.
    writeFileSync(
      join(seeds, 'a.txt'),
      "Paris a annoncé jeudi l'envoi de six canons Caesar à l'Ukraine, selon le ministère des Armées.\n\nLa livraison aura lieu au printemps.\n",
    );
    const before = entry(ingest(dir, seeds).report, 'a.txt');
    writeFileSync(
      join(seeds, 'a.txt'),
      "Berlin a annoncé vendredi l'envoi de missiles IRIS-T à l'Ukraine, selon la chancellerie allemande.\n\nLa livraison aura lieu en été.\n",
    );
    const after = entry(ingest(dir, seeds).report, 'a.txt');
    expect(after.title).not.toBe(before.title);
    expect(after.slug).toBe(before.slug);
    const body = readFileSync(join(seeds, 'a.txt'));
    rmSync(join(seeds, 'a.txt'));
    writeFileSync(join(seeds, 'renamed.txt'), body);
    expect(entry(ingest(dir, seeds).report, 'renamed.txt').slug).toBe(before.slug);
  });

  it('a URL moved on purpose (frontmatter slug) leaves a redirect in the map; a taken slug is refused', () => {
    const dir = work();
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    writeFileSync(join(seeds, 'a.txt'), titled('Paris livre des Caesar', 'Six canons.'));
    writeFileSync(join(seeds, 'b.txt'), titled('Berlin livre des IRIS-T', 'Un système.'));
    ingest(dir, seeds);
    writeFileSync(join(seeds, 'a.txt'), `---\nslug: caesar-pour-kyiv\n---\n${titled('Paris livre des Caesar', 'Six canons.')}`);
    writeFileSync(join(seeds, 'b.txt'), `---\nslug: caesar-pour-kyiv\n---\n${titled('Berlin livre des IRIS-T', 'Un système.')}`);
    const run = ingest(dir, seeds);
    expect(entry(run.report, 'a.txt').slug).toBe('caesar-pour-kyiv');
    expect(entry(run.report, 'b.txt').slug).toBe('berlin-livre-des-iris-t');
    expect(entry(run.report, 'b.txt').warnings!.join(' ')).toMatch(/already belongs to another article/);
    const map = JSON.parse(readFileSync(join(dir, 'content', 'slugs.json'), 'utf8'));
    expect(map.redirects).toEqual({ 'paris-livre-des-caesar': 'caesar-pour-kyiv' });
    expect(mdxFiles(dir)).toEqual(['berlin-livre-des-iris-t.mdx', 'caesar-pour-kyiv.mdx']);
  });
});
