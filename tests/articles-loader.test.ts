/**
 * The articles loader reads what ingest writes (JSON frontmatter) fast, still reads YAML
 * frontmatter written by hand, never runs code from an article file, and keeps rendered bodies
 * in files rather than in Astro's data store.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { fakeLoaderContext } from './helpers/loader-context.ts';
import { articleBodiesDir, bodyFileOf, withBody } from '../src/lib/content/article-body.ts';

vi.mock('astro:config/client', () => ({ base: '/' }));
const { articlesLoader, parseFrontmatter } = await import('../src/lib/content/articles-loader.ts');

describe('parseFrontmatter', () => {
  it('reads the JSON frontmatter ingest writes, and the body after it', () => {
    const file = '---\n{\n  "title": "Des Caesar pour Kiev",\n  "tags": ["a", "}"]\n}\n---\nLe texte.\n';
    expect(parseFrontmatter(file, 'a.mdx')).toEqual({ data: { title: 'Des Caesar pour Kiev', tags: ['a', '}'] }, content: 'Le texte.\n' });
  });

  it('reads YAML frontmatter written by hand', () => {
    const { data, content } = parseFrontmatter('---\ntitle: Un titre\ncountries:\n  - id: france\n---\nTexte.', 'b.mdx');
    expect(data).toEqual({ title: 'Un titre', countries: [{ id: 'france' }] });
    expect(content.trim()).toBe('Texte.');
  });

  it('reads YAML flow syntax that only looks like JSON', () => {
    expect(parseFrontmatter("---\n{title: 'Un titre',\n}\n---\nTexte.", 'c.mdx').data).toEqual({ title: 'Un titre' });
  });

  it('refuses JavaScript frontmatter instead of running it', () => {
    (globalThis as { pwned?: boolean }).pwned = false;
    expect(() => parseFrontmatter('---js\n{ title: (globalThis.pwned = true) }\n---\nTexte.', 'd.mdx')).toThrow(
      /d\.mdx: invalid frontmatter: JavaScript frontmatter is not allowed/,
    );
    expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
  });

  it('names the file when the YAML is broken', () => {
    expect(() => parseFrontmatter('---\ntitle: [unclosed\n---\nTexte.', 'e.mdx')).toThrow(/^e\.mdx: invalid frontmatter/);
  });
});

describe('articlesLoader: rendered bodies kept out of the data store', () => {
  const fakeContext = (root: string) => fakeLoaderContext(root);

  // The body in ingest's grammar (punctuation backslash-escaped, see src/lib/mdx/body.ts).
  const article = (slug: string, text: string) =>
    `---\n${JSON.stringify({ slug, title: slug, countries: [], people: [], organizations: [], weapons: [] }, null, 2)}\n---\n${text}\n`;

  it('writes each body to a file named by its digest, reads it back, follows changes and prunes removed ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loader-'));
    try {
      const dir = join(root, 'articles');
      mkdirSync(dir);
      writeFileSync(join(dir, 'a.mdx'), article('a', 'Des Caesar pour Kiev\\.'));
      writeFileSync(join(dir, 'b.mdx'), article('b', 'Des chars\\.'));
      const { context, entries } = fakeContext(root);
      const load = () => articlesLoader({ base: 'articles' }).load(context as never);
      await load();
      const a = entries.get('a')!;
      expect(a.rendered!.html).toBe('');
      const file = bodyFileOf(a)!;
      const bodies = articleBodiesDir(pathToFileURL(`${join(root, 'cache')}/`), dir);
      expect(file).toBe(join(bodies, `${a.digest}.html`));
      expect(dirname(bodies)).toBe(join(root, 'cache', 'article-bodies'));
      expect(withBody(a).rendered).toEqual({ html: '<p>Des Caesar pour Kiev.</p>', metadata: {} });

      // A changed body: new digest (incremental builds' page keys hash it), new file, old one gone.
      writeFileSync(join(dir, 'a.mdx'), article('a', 'Des Leopard pour Kiev\\.'));
      unlinkSync(join(dir, 'b.mdx'));
      await load();
      const a2 = entries.get('a')!;
      expect(a2.digest).not.toBe(a.digest);
      expect(withBody(a2).rendered!.html).toBe('<p>Des Leopard pour Kiev.</p>');
      expect(existsSync(file)).toBe(false);
      expect(entries.has('b')).toBe(false);
      expect(readdirSync(bodies).sort()).toEqual([`${a2.digest}.html`, `${a2.digest}.json`]);

      // A body file deleted from the cache is rendered again, though the article did not change.
      unlinkSync(bodyFileOf(a2)!);
      expect(() => withBody(a2)).toThrow(/is missing/);
      await load();
      expect(withBody(entries.get('a')!).rendered!.html).toBe('<p>Des Leopard pour Kiev.</p>');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
