/**
 * Article bodies are rendered by the grammar renderer (src/lib/mdx/render.ts) when the content
 * layer syncs, and by @astrojs/mdx for any body outside that grammar. Both must give readers the
 * same page: checked here on hostile text, then on real builds of the robust fixtures.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToMdx } from '../src/lib/mdx/body.ts';
import { renderArticleBody } from '../src/lib/mdx/render.ts';
import type { Mention } from '../src/lib/extract/types.ts';
import { astroBuild, getSite, ROOT, withBuildLock } from './helpers/site.ts';

const link = (type: string, id: string) => `/${type}/${id}/`;

/** Visible text of rendered HTML, the way a browser shows it. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('renderArticleBody', () => {
  it('renders hostile author text literally: no tag, handler, expression or Markdown survives', () => {
    const body = [
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> {process.exit(1)}',
      '# Titre *gras* _italique_ [lien](javascript:alert(1)) `code` ~~barré~~ a & b | c',
      "import fs from 'node:fs'",
      '---',
      '1. liste 2) suite + plus - moins > citation <!-- commentaire -->',
    ].join('\n\n');
    const html = renderArticleBody(bodyToMdx(body, []), link);
    expect(html).not.toBeNull();
    expect(html).not.toMatch(/<(?!\/?p>)/);
    expect(textOf(html!).split('\n')).toEqual(body.split('\n\n'));
  });

  it('links each mention to its entity page and keeps the words as written', () => {
    const body = 'La France livre des Caesar à Kiev.';
    const mentions: Mention[] = [
      { id: 'france', type: 'country', text: 'France', start: 3, end: 9 },
      { id: 'caesar', type: 'weapon', text: 'Caesar', start: 20, end: 26 },
    ];
    const html = renderArticleBody(bodyToMdx(body, mentions), link)!;
    expect(html).toBe(
      '<p>La <a class="mention" href="/country/france/">France</a> livre des ' + '<a class="mention" href="/weapon/caesar/">Caesar</a> à Kiev.</p>',
    );
  });

  it('makes a mention of an entity without a page a plain span', () => {
    const mentions: Mention[] = [{ id: 'new:jean-dupont', type: 'person', text: 'Jean Dupont', start: 0, end: 11 }];
    const html = renderArticleBody(bodyToMdx('Jean Dupont parle.', mentions), () => null)!;
    expect(html).toBe('<p><span class="mention">Jean Dupont</span> parle.</p>');
  });

  it('declines anything outside the grammar ingest writes, so the MDX compiler renders it', () => {
    for (const body of [
      'Du **gras** écrit à la main.',
      'Un composant <Carte pays="fr" /> inconnu.',
      'Une expression {1 + 1}.',
      '    du code indenté',
      'Une ligne\ncoupée en deux.',
      'export const x = 1',
      'Un <Mention type="arme" id="x">type inconnu</Mention>.',
      'Une référence &copy; nommée.',
    ]) {
      expect(renderArticleBody(body, link), body).toBeNull();
    }
  });
});

describe('the built site', () => {
  it('renders every robust-fixture article byte for byte as @astrojs/mdx does', async () => {
    const fixtures = mkdtempSync(join(tmpdir(), 'arms-render-seeds-'));
    cpSync(join(ROOT, 'tests/fixtures/robust'), fixtures, { recursive: true });
    const fast = await getSite({ seeds: fixtures, name: 'render-fast' });
    const mdxDist = join(fast.dir, 'dist-mdx');
    await withBuildLock(() => astroBuild(fast.content, mdxDist, { ARTICLES_RENDER: 'mdx', PAGEFIND_SKIP: '1' }));
    // Every article ingest wrote is in the grammar: none needed the MDX compiler.
    expect(fast.log).toMatch(/ 0 left to @astrojs\/mdx/);
    const slugs = readdirSync(join(fast.dist, 'articles'));
    expect(slugs.length).toBeGreaterThan(10);
    for (const slug of slugs) {
      const page = (dist: string) => readFileSync(join(dist, 'articles', slug, 'index.html'), 'utf8');
      expect(page(fast.dist), slug).toBe(page(mdxDist));
    }
  }, 300_000);

  /** A private copy of the seeds' ingested articles, to edit and build: { content, dist }. */
  async function seedsContentCopy() {
    const site = await getSite({ name: 'render-seeds' });
    const work = mkdtempSync(join(tmpdir(), 'arms-render-'));
    const content = join(work, 'content');
    cpSync(site.content, content, { recursive: true });
    return { content, dist: join(work, 'dist') };
  }

  it('still renders an article MDX edited by hand (Markdown, expressions) through @astrojs/mdx', async () => {
    const { content, dist } = await seedsContentCopy();
    const file = readdirSync(content).find((name) => name.endsWith('.mdx'))!;
    const text = readFileSync(join(content, file), 'utf8');
    writeFileSync(join(content, file), `${text}\nUn ajout **à la main**, et {6 * 7} obusiers.\n`);
    const log = await withBuildLock(() => astroBuild(content, dist, { PAGEFIND_SKIP: '1' }));
    expect(log).toMatch(/ 1 left to @astrojs\/mdx/);
    const html = readFileSync(join(dist, 'articles', file.replace(/\.mdx$/, ''), 'index.html'), 'utf8');
    expect(html).toContain('Un ajout <strong>à la main</strong>, et 42 obusiers.');
    // Its mentions still link through the <Mention> component.
    expect(html).toMatch(/<a class="mention" href="\/pays\/[a-z-]+\/"/);
  }, 300_000);

  it('fails the build naming the article file when its frontmatter is broken', async () => {
    const { content, dist } = await seedsContentCopy();
    writeFileSync(join(content, 'article-casse.mdx'), '---\ntitle: [non fermé\n---\nTexte.\n');
    const build = withBuildLock(() => astroBuild(content, dist, { PAGEFIND_SKIP: '1' }));
    await expect(build).rejects.toThrow(/article-casse\.mdx: invalid frontmatter/);
  }, 300_000);
});
