import { describe, expect, it } from 'vitest';
import { classifySeedFile } from '../src/lib/ingest/files.ts';
import { assignSlugs, baseSlug } from '../src/lib/ingest/slugs.ts';
import { splitSeedFrontmatter } from '../src/lib/extract/seed-frontmatter.ts';

describe('classifySeedFile', () => {
  it('reads .txt and .md files whatever their case or spaces', () => {
    expect(classifySeedFile('Article Été 2024.TXT').kind).toBe('article');
    expect(classifySeedFile('notes.md').kind).toBe('article');
  });
  it('ignores hidden files and images with a reason', () => {
    expect(classifySeedFile('.DS_Store')).toEqual({ kind: 'ignored', reason: 'hidden file' });
    const jpg = classifySeedFile('photo.jpg');
    expect(jpg.kind).toBe('ignored');
    expect(jpg.kind === 'ignored' && jpg.reason).toContain('.jpg');
  });
});

describe('slugs', () => {
  it('makes readable ASCII slugs from French titles', () => {
    expect(baseSlug("Aide à l'Ukraine: Lecornu salue le partenariat « très efficace »")).toBe('aide-a-l-ukraine-lecornu-salue-le-partenariat-tres-efficace');
  });
  it('gives articles with the same title distinct slugs that do not depend on a counter', () => {
    const a = { file: 'a.txt', title: 'Même titre', hash: 'aaaaaaaaaaaa', bodyKey: 'ka' };
    const b = { file: 'b.txt', title: 'Même titre', hash: 'bbbbbbbbbbbb', bodyKey: 'kb' };
    const { slugs } = assignSlugs([a, b]);
    expect(slugs.get(a)).toBe('meme-titre');
    expect(slugs.get(b)).toBe('meme-titre-bbbbbb');
    expect(assignSlugs([a, b]).slugs.get(b)).toBe(slugs.get(b));
  });
});

describe('splitSeedFrontmatter', () => {
  it('reads title, date, source and url overrides', () => {
    const split = splitSeedFrontmatter('---\ntitle: Un titre\ndate: 2024-01-18\nsource: AFP\n---\nTexte.', 'a.txt');
    expect(split.errors).toEqual([]);
    expect(split.overrides).toEqual({ title: 'Un titre', date: '2024-01-18', source: 'AFP' });
    expect(split.content).toBe('Texte.');
  });
  it('names the file, line and field of a wrong type', () => {
    const split = splitSeedFrontmatter('---\ntitle: Un titre\ndate: demain\n---\nTexte.', 'b.txt');
    expect(split.errors[0]).toMatchObject({ file: 'b.txt', line: 3, ruleId: 'frontmatter-field' });
    expect(split.errors[0].reason).toContain('field "date"');
  });
  it('names the line of invalid YAML', () => {
    const split = splitSeedFrontmatter('---\ntitle: [unclosed\n---\nTexte.', 'c.txt');
    expect(split.errors[0]).toMatchObject({ file: 'c.txt', ruleId: 'frontmatter-yaml', fatal: true });
    expect(split.errors[0].line).toBeGreaterThanOrEqual(2);
  });
  it('treats a leading --- without a closing fence as prose', () => {
    const split = splitSeedFrontmatter('---\nUn texte qui commence par un trait.', 'd.txt');
    expect(split.errors).toEqual([]);
    expect(split.content).toContain('Un texte');
  });
});

describe('the slug map', () => {
  const item = (file: string, title: string, bodyKey = `body-${file}`, requestedSlug?: string) => ({
    file,
    title,
    hash: `${file}-hash-0123456789`.replace(/[^a-z0-9]/g, 'f'),
    bodyKey,
    requestedSlug,
  });

  it('never gives the slug of a deleted seed to another article', () => {
    const first = assignSlugs([item('a.txt', 'Même titre')]);
    const { slugs, map } = assignSlugs([item('b.txt', 'Même titre')], first.map);
    const [slug] = [...slugs.values()];
    expect(slug).not.toBe('meme-titre');
    expect(map.articles['meme-titre']).toMatchObject({ seed: 'a.txt', live: false });
  });

  it('redirects a moved URL straight to its latest slug, and drops a redirect to a page that is gone', () => {
    const one = assignSlugs([item('a.txt', 'Titre')]);
    const two = assignSlugs([item('a.txt', 'Titre', 'k', 'deux')], one.map);
    const three = assignSlugs([item('a.txt', 'Titre', 'k', 'trois')], two.map);
    expect(three.map.redirects).toEqual({ titre: 'trois', deux: 'trois' });
    const gone = assignSlugs([], three.map);
    expect(gone.map.redirects).toEqual({});
    expect(Object.keys(gone.map.articles).sort()).toEqual(['deux', 'titre', 'trois']);
  });
});
