/**
 * Robust ingest: a seeds folder mixing good, broken and hostile files builds a site in which
 * every file is accounted for, nothing the authors wrote executes, and every character renders
 * as written. Fixtures: tests/fixtures/robust/ (small files) plus two large files made here.
 */
import { spawnSync } from 'node:child_process';
import { load } from 'cheerio';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteNow, getSite, listDist, readPage, ROOT, type BuiltSite } from './helpers/site.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/robust');

function makeSeeds(): string {
  const seeds = mkdtempSync(join(tmpdir(), 'arms-robust-'));
  cpSync(FIXTURES, seeds, { recursive: true });
  // A 5 MB article: many paragraphs of plausible copy.
  const paragraph =
    "Le ministère de la Défense a confirmé la livraison de nouveaux obusiers Caesar à l'Ukraine, selon un communiqué publié à Paris, qui détaille le calendrier des prochaines expéditions.";
  const big = ['Un très long dossier sur les livraisons', '', ...Array.from({ length: 28_000 }, (_, i) => `${paragraph} (${i})\n`)].join('\n');
  writeFileSync(join(seeds, 'five-megabytes.txt'), big);
  // A 200 KB article on a single line.
  writeFileSync(join(seeds, 'single-line.txt'), Array.from({ length: 1_200 }, () => paragraph).join(' '));
  return seeds;
}

function outcome(site: BuiltSite, file: string) {
  const found = site.report.files.find((f) => f.file === file);
  if (!found) throw new Error(`no report entry for ${file}`);
  return found;
}

function pageOf(site: BuiltSite, file: string): string {
  const entry = outcome(site, file);
  expect(entry.outcome).toBe('page');
  return readPage(site, `articles/${entry.slug}/index.html`);
}

/** Visible text of an article page body, tags stripped and entities decoded. */
function articleText(html: string): string {
  const body = html.match(/<article[\s\S]*?<\/article>/)?.[0] ?? html;
  return body
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#123;/g, '{')
    .replace(/&#125;/g, '}')
    .replace(/&amp;/g, '&');
}

let seeds: string;
let site: BuiltSite;

beforeAll(async () => {
  seeds = makeSeeds();
  site = await getSite({ seeds, name: 'robust' });
});

describe('every input file is accounted for', () => {
  it('files in = pages + duplicates + rejected + ignored', () => {
    const c = site.report.counts;
    const inputs = readdirSync(seeds).length;
    expect(c.files).toBe(inputs);
    expect(c.pages + c.duplicates + c.rejected + c.ignored).toBe(inputs);
  });

  it('decodes UTF-8 with BOM, UTF-16 LE/BE, Windows-1252 and Latin-1, CRLF and lone CR', () => {
    for (const file of ['utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'windows-1252.txt', 'latin1.txt', 'crlf.txt', 'lone-cr.txt']) {
      const text = articleText(pageOf(site, file));
      expect(text, file).not.toMatch(/\uFFFD|Ã©|\r/);
    }
    expect(articleText(pageOf(site, 'windows-1252.txt'))).toContain("l'œuvre");
    expect(articleText(pageOf(site, 'utf16le-bom.txt'))).toContain('évoquant');
    expect(articleText(pageOf(site, 'latin1.txt'))).toContain('été');
  });

  it('rejects binary, NUL-byte, empty and whitespace-only files with the reason', () => {
    expect(outcome(site, 'binary.txt')).toMatchObject({ outcome: 'rejected' });
    expect(outcome(site, 'binary.txt').reason).toMatch(/binary/i);
    expect(outcome(site, 'nul-bytes.txt').reason).toMatch(/binary|NUL/i);
    expect(outcome(site, 'empty.txt').reason).toMatch(/empty/i);
    expect(outcome(site, 'whitespace-only.txt').reason).toMatch(/whitespace|empty|no article text/i);
  });

  it('ignores files that are not articles, with a note', () => {
    expect(outcome(site, '.DS_Store').outcome).toBe('ignored');
    expect(outcome(site, 'photo.jpg')).toMatchObject({ outcome: 'ignored' });
    expect(outcome(site, 'photo.jpg').reason).toContain('.jpg');
  });

  it('accepts file names with spaces, accents and upper case', () => {
    expect(outcome(site, 'Article Été Majuscules.TXT').outcome).toBe('page');
  });

  it('makes one page of the same article twice and reports the duplicates', () => {
    expect(outcome(site, 'duplicate-a.txt').outcome).toBe('page');
    expect(outcome(site, 'duplicate-b.txt')).toMatchObject({ outcome: 'duplicate', duplicateOf: 'duplicate-a.txt' });
    expect(outcome(site, 'duplicate-c-different-encoding.txt')).toMatchObject({ outcome: 'duplicate', duplicateOf: 'duplicate-a.txt' });
  });

  it('gives different articles with the same title distinct slugs', () => {
    const a = outcome(site, 'same-title-1.txt').slug;
    const b = outcome(site, 'same-title-2.txt').slug;
    expect(a).toBeTruthy();
    expect(b).toBeTruthy();
    expect(a).not.toBe(b);
  });

  it('rejects invalid YAML and wrong types naming the file, line and field', () => {
    const yaml = outcome(site, 'invalid-yaml.txt');
    expect(yaml.outcome).toBe('rejected');
    expect(yaml.reason).toMatch(/YAML/);
    expect(yaml.line).toBeGreaterThanOrEqual(2);
    const types = outcome(site, 'wrong-types.txt');
    expect(types).toMatchObject({ outcome: 'rejected', line: 3, field: 'date' });
  });

  it('accepts a 5 MB article and a 200 KB single line', () => {
    expect(outcome(site, 'five-megabytes.txt').outcome).toBe('page');
    expect(outcome(site, 'single-line.txt').outcome).toBe('page');
  });
});

describe('hostile text is data, never code', () => {
  it('renders MDX, JSX, HTML and Markdown syntax as the literal text the author wrote', () => {
    const text = articleText(pageOf(site, 'hostile.txt'));
    for (const literal of [
      '{process.exit(1)}',
      '{globalThis.pwned = 1}',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      "import fs from 'node:fs'",
      'export const x = 1',
      '<!-- un commentaire HTML -->',
      '[un lien](javascript:alert(1))',
      '![une image](javascript:alert(2))',
      '# Pas un titre Markdown',
      '- pas une liste',
    ]) {
      expect(text, literal).toContain(literal);
    }
  });

  it('keeps a title full of quotes, colons, a leading - or #', () => {
    const html = pageOf(site, 'hostile-title.txt');
    expect(articleText(html)).toContain('- # Titre qui commence par un tiret : et « deux-points »');
    const quoted = pageOf(site, 'hostile.txt');
    expect(articleText(quoted)).toContain(`"Titre: 'plein' de "guillemets" : et - tirets # dièse"`);
  });

  it('leaves no author-supplied script, event handler or javascript: URL in dist/', () => {
    for (const file of listDist(site).filter((f) => f.endsWith('.html'))) {
      const $ = load(readFileSync(join(site.dist, file), 'utf8'));
      $('*').each((_, node) => {
        const element = node as unknown as { tagName: string; attribs: Record<string, string> };
        for (const [name, value] of Object.entries(element.attribs)) {
          const where = `${file}: <${element.tagName} ${name}="${value.slice(0, 60)}">`;
          expect(name, where).not.toMatch(/^on/i);
          if (/^(href|src|action|formaction|xlink:href|srcset)$/i.test(name)) {
            expect(value.trim(), where).not.toMatch(/^javascript:/i);
          }
        }
      });
      $('script').each((_, script) => {
        // Only the project's own scripts: bundled modules or JSON-LD data.
        const src = $(script).attr('src') ?? '';
        const own = /\/(_astro|pagefind)\//.test(src) || $(script).attr('type') === 'application/ld+json';
        expect(own, `${file}: ${$.html(script).slice(0, 120)}`).toBe(true);
        if ($(script).attr('type') === 'application/ld+json') {
          // Data, never run: it must parse as JSON and hold no raw '<' that could close the element.
          expect(() => JSON.parse($(script).text()), file).not.toThrow();
          expect($(script).text(), file).not.toContain('<');
        } else {
          expect($(script).text(), file).not.toContain('alert(');
        }
      });
    }
  });
});

describe('ingest guarantees', () => {
  const ingest = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/ingest.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });

  it('--strict exits non-zero when a seed is rejected, and prints the summary', () => {
    const out = mkdtempSync(join(tmpdir(), 'arms-strict-'));
    const result = ingest(['--seeds', seeds, '--out', join(out, 'c'), '--report', join(out, 'r.json'), '--strict']);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/rejected\s+binary\.txt/);
    const lenient = ingest(['--seeds', seeds, '--out', join(out, 'c'), '--report', join(out, 'r.json')]);
    expect(lenient.status).toBe(0);
  }, 180_000);

  it('removes the MDX of a deleted seed and any leftover temp file', () => {
    const work = mkdtempSync(join(tmpdir(), 'arms-stale-'));
    const own = join(work, 'seeds');
    cpSync(join(ROOT, 'seeds'), own, { recursive: true });
    const out = join(work, 'content');
    expect(ingest(['--seeds', own, '--out', out, '--report', join(work, 'r.json')]).status).toBe(0);
    // Besides the pages, only the slug map (also the manifest of what ingest wrote).
    const before = readdirSync(out).filter((f) => f !== 'slugs.json');
    expect(before).toHaveLength(5);
    writeFileSync(join(out, 'half-written.mdx.123.tmp'), 'partial');
    rmSync(join(own, readdirSync(own)[0]));
    expect(ingest(['--seeds', own, '--out', out, '--report', join(work, 'r.json')]).status).toBe(0);
    const after = readdirSync(out).filter((f) => f !== 'slugs.json');
    expect(after).toHaveLength(4);
    expect(after.every((f) => f.endsWith('.mdx'))).toBe(true);
  });

  it('keeps slugs stable from run to run', () => {
    const work = mkdtempSync(join(tmpdir(), 'arms-slugs-'));
    const slugs = () => {
      ingest(['--seeds', seeds, '--out', join(work, 'c'), '--report', join(work, 'r.json')]);
      const report = JSON.parse(readFileSync(join(work, 'r.json'), 'utf8'));
      return report.files.map((f: { file: string; slug?: string }) => `${f.file}=${f.slug ?? ''}`);
    };
    expect(slugs()).toEqual(slugs());
  }, 180_000);
});

describe('reproducible builds', () => {
  it('two builds of the same seeds produce byte-identical dist/', async () => {
    const seedsDir = join(ROOT, 'seeds');
    const a = await buildSiteNow(mkdtempSync(join(tmpdir(), 'arms-repro-a-')), seedsDir);
    const b = await buildSiteNow(mkdtempSync(join(tmpdir(), 'arms-repro-b-')), seedsDir);
    const filesA = listDist(a);
    expect(filesA).toEqual(listDist(b));
    for (const file of filesA) {
      const same = readFileSync(join(a.dist, file)).equals(readFileSync(join(b.dist, file)));
      expect(same, file).toBe(true);
    }
  });
});
