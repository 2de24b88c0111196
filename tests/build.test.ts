/** End to end: seeds → ingest → Astro build → Pagefind, asserted from the built dist/. */
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSite, listDist, readPage, ROOT, type BuiltSite } from './helpers/site.ts';
import { search } from './helpers/pagefind.ts';

const SEEDS = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));

describe('a site built from the seeds', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await getSite({ name: 'seeds' });
  });

  it('turns every seed into an article page with its title', () => {
    const pages = site.report.files.filter((f) => f.outcome === 'page');
    expect(pages).toHaveLength(SEEDS.length);
    for (const page of pages) {
      const html = readPage(site, `articles/${page.slug}/index.html`);
      const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '';
      expect(h1.replace(/<[^>]+>/g, '').trim().length).toBeGreaterThan(10);
    }
  });

  it('lists all articles on the home page, with working links', () => {
    const home = readPage(site, 'index.html');
    const files = new Set(listDist(site));
    for (const page of site.report.files.filter((f) => f.outcome === 'page')) {
      expect(home).toContain(`/articles/${page.slug}/`);
      expect(files.has(`articles/${page.slug}/index.html`)).toBe(true);
    }
  });

  it('builds a Pagefind index that finds a word from one article only', async () => {
    const hits = await search(site.dist, 'Slovaquie');
    expect(hits.length).toBe(1);
    expect(hits[0].raw_url).toMatch(/^\/articles\/[a-z0-9-]+\/$/);
  });

  it('indexes article pages only, not listings or entity pages', async () => {
    const hits = await search(site.dist, null);
    expect(hits).toHaveLength(SEEDS.length);
    for (const hit of hits) expect(hit.raw_url).toMatch(/^\/articles\/[a-z0-9-]+\/$/);
  });

  it('keeps the seed headline as the page title when the seed has one', () => {
    const titles = site.report.files.map((f) => f.title ?? '');
    expect(titles).toContain('Aide à l\'Ukraine: Lecornu salue le partenariat "très efficace" entre Paris et Washington');
  });
});

describe('adding a seed', () => {
  it('adds a page on the next build', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'arms-seeds-'));
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    writeFileSync(
      join(seeds, 'sixth.txt'),
      "La Norvège livre des systèmes NASAMS à l'Ukraine\n\nOslo a annoncé mardi la livraison de deux systèmes de défense aérienne NASAMS supplémentaires à Kiev, a indiqué le ministère norvégien de la Défense.\n",
    );
    const site = await getSite({ seeds, name: 'six' });
    expect(site.report.counts.pages).toBe(SEEDS.length + 1);
    const hits = await search(site.dist, 'NASAMS');
    expect(hits).toHaveLength(1);
  });
});
