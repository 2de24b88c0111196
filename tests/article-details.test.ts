/**
 * An article's details (sentences, contexts, search aliases) live in a file beside its rendered
 * body, not in Astro's data store: the loader writes it after validating the whole data, pages
 * read it through a bounded cache, changed or removed articles' files are pruned, and a missing
 * file fails the page naming it.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { fakeLoaderContext } from './helpers/loader-context.ts';
import {
  DETAIL_AFTER,
  DETAIL_FIELDS,
  DETAILS_CACHE_SIZE,
  articleBodiesDir,
  articleDetails,
  detailsCacheSize,
  detailsFileOf,
  fullData,
  writeDetails,
} from '../src/lib/content/article-body.ts';

vi.mock('astro:content', () => ({ defineCollection: (c: unknown) => c }));
vi.mock('astro:config/client', () => ({ base: '/' }));
const { articlesLoader } = await import('../src/lib/content/articles-loader.ts');
const { articleSchema } = await import('../src/content.config.ts');

// Astro's parseData: the collection's schema, validating the full data.
const fakeContext = (root: string) => fakeLoaderContext(root, async ({ data }) => articleSchema.parseAsync(data));

/** A complete article as ingest writes it. */
function frontmatter(slug: string, sentence: string) {
  return {
    title: slug,
    titleGenerated: false,
    slug,
    seed: `${slug}.txt`,
    hash: 'h',
    language: 'fr',
    lead: sentence,
    source: null,
    url: null,
    date: { value: null, earliest: null, latest: null, precision: 'unknown', basis: 'unknown', evidence: [] },
    countries: [{ id: 'ukraine', name: 'Ukraine' }],
    people: [],
    organizations: [],
    weapons: [{ id: 'caesar', name: 'Caesar', category: 'artillery' }],
    deliveries: [{ supplier: 'france', recipient: 'ukraine', weapon: 'caesar', quantity: 6, status: 'delivered', evidence: { s: 0 } }],
    sentences: [{ text: sentence, offset: 0 }],
    contexts: [{ id: 'caesar', s: 0, at: [4, 10] }],
    newNames: [],
    footnotes: [],
    searchAliases: ['CAESAR', 'Caesar 6x6'],
    warnings: [],
  };
}

const mdx = (data: object) => `---\n${JSON.stringify(data, null, 2)}\n---\nDes Caesar pour Kiev\\.\n`;

describe('article details', () => {
  it('keeps the schema key order in the full data (the open-data export writes it)', () => {
    const keys = Object.keys(articleSchema.shape);
    for (const field of DETAIL_FIELDS) expect(keys[keys.indexOf(field) - 1]).toBe(DETAIL_AFTER[field]);
  });

  it('are written beside the body after validation, read back, follow changes, are pruned, and fail by name when missing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'details-'));
    try {
      const dir = join(root, 'articles');
      mkdirSync(dir);
      const a = frontmatter('a', 'Des Caesar pour Kiev.');
      writeFileSync(join(dir, 'a.mdx'), mdx(a));
      writeFileSync(join(dir, 'b.mdx'), mdx(frontmatter('b', 'Des Caesar pour Odessa.')));
      const { context, entries } = fakeContext(root);
      const load = () => articlesLoader({ base: 'articles' }).load(context as never);
      await load();
      const bodies = articleBodiesDir(pathToFileURL(`${join(root, 'cache')}/`), dir);

      const stored = entries.get('a')!;
      expect(detailsFileOf(stored)).toBe(join(bodies, `${stored.digest}.json`));
      for (const field of DETAIL_FIELDS) expect(stored.data).not.toHaveProperty(field);
      expect(articleDetails(stored)).toEqual({ sentences: a.sentences, contexts: a.contexts, searchAliases: a.searchAliases });
      // The full data is what the schema gives, keys in the same order.
      const full = fullData(stored as never);
      const parsed = await articleSchema.parseAsync(a);
      expect(full).toEqual(parsed);
      expect(Object.keys(full)).toEqual(Object.keys(parsed));

      // Changed details: a new digest (page keys hash it) and a new file; the old one and the removed article's are pruned.
      writeFileSync(join(dir, 'a.mdx'), mdx({ ...a, searchAliases: ['Caesar Mk II'] }));
      unlinkSync(join(dir, 'b.mdx'));
      await load();
      const changed = entries.get('a')!;
      expect(changed.digest).not.toBe(stored.digest);
      expect(articleDetails(changed).searchAliases).toEqual(['Caesar Mk II']);
      expect(readdirSync(bodies).sort()).toEqual([`${changed.digest}.html`, `${changed.digest}.json`]);

      // A details file deleted from the cache is written again on the next sync, though the article did not change.
      unlinkSync(detailsFileOf(changed)!);
      const copy = { ...changed, rendered: { html: '', metadata: { detailsFile: join(bodies, 'gone.json') } } };
      expect(() => articleDetails(copy)).toThrow(`Article details ${join(bodies, 'gone.json')} are missing`);
      await load();
      expect(readdirSync(bodies)).toContain(`${changed.digest}.json`);

      // An invalid article fails the sync and writes nothing.
      writeFileSync(join(dir, 'c.mdx'), mdx({ ...frontmatter('c', 'x'), contexts: [{ id: 'caesar', s: 5 }] }));
      await expect(load()).rejects.toThrow(/sentence index 5 out of range/);
      expect(readdirSync(bodies)).toHaveLength(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps at most DETAILS_CACHE_SIZE details in memory, the least recently read leaving first', () => {
    const root = mkdtempSync(join(tmpdir(), 'details-cache-'));
    try {
      const entry = (i: number) => ({ id: `a${i}`, rendered: { html: '', metadata: { detailsFile: join(root, `${i}.json`) } } });
      const n = DETAILS_CACHE_SIZE + 10;
      for (let i = 0; i < n; i++) writeDetails(join(root, `${i}.json`), { sentences: [], contexts: [], searchAliases: [`w${i}`] });
      for (let i = 0; i < n; i++) {
        expect(articleDetails(entry(i)).searchAliases).toEqual([`w${i}`]);
        // Read again: the first one stays recent, so it is never evicted.
        articleDetails(entry(0));
      }
      expect(detailsCacheSize()).toBe(DETAILS_CACHE_SIZE);
      for (let i = 0; i < n; i++) unlinkSync(join(root, `${i}.json`));
      // Still cached: the one read throughout and the last ones read; evicted: the oldest others.
      expect(articleDetails(entry(0)).searchAliases).toEqual(['w0']);
      expect(articleDetails(entry(n - 1)).searchAliases).toEqual([`w${n - 1}`]);
      expect(() => articleDetails(entry(1))).toThrow(`Article details ${join(root, '1.json')} are missing`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
