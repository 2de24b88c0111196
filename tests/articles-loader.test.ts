/**
 * The articles loader reads what ingest writes (JSON frontmatter) fast, still reads YAML
 * frontmatter written by hand, and never runs code from an article file.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('astro:config/client', () => ({ base: '/' }));
const { parseFrontmatter } = await import('../src/lib/content/articles-loader.ts');

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
