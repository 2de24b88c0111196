import { describe, expect, it, vi } from 'vitest';
import { escapeMdxText } from '../src/lib/mdx/escape.ts';
import { bodyToMdx } from '../src/lib/mdx/body.ts';
import type { Mention } from '../src/lib/extract/types.ts';
import { compactFacts, withMentionSpans } from '../src/lib/mdx/article.ts';
import { splitAt } from '../src/lib/site/keyword.ts';
import { blankFrontmatter } from '../src/lib/mdx/vite-content-modules.ts';
import { fullFacts } from '../src/lib/site/evidence.ts';
import { articleSchema } from '../src/content.config.ts';

// The collection config imports Astro's virtual modules; only its Zod schema is tested here.
vi.mock('astro:content', () => ({ defineCollection: (c: unknown) => c }));
vi.mock('astro/loaders', () => ({ glob: () => ({}) }));
vi.mock('astro:config/client', () => ({ base: '/' }));

describe('escapeMdxText', () => {
  it('turns braces and angle brackets into character references so nothing is evaluated', () => {
    expect(escapeMdxText('{process.exit(1)} <script>')).toBe('&#123;process\\.exit\\(1\\)&#125; &lt;script&gt;');
  });

  it('breaks import and export at a line start so MDX does not read them as ESM', () => {
    expect(escapeMdxText("import fs from 'node:fs'")).toMatch(/^&#105;mport fs from/);
    expect(escapeMdxText('export const x = 1')).toMatch(/^&#101;xport const x/);
  });

  it('backslash-escapes Markdown punctuation: headings, lists, emphasis, links', () => {
    expect(escapeMdxText('# Titre')).toBe('\\# Titre');
    expect(escapeMdxText('- item')).toBe('\\- item');
    expect(escapeMdxText('*gras* [lien](javascript:alert(1))')).toBe('\\*gras\\* \\[lien\\]\\(javascript\\:alert\\(1\\)\\)');
  });

  it('drops leading indentation that would make a code block', () => {
    expect(escapeMdxText('      texte')).toBe('texte');
  });
});

describe('bodyToMdx', () => {
  it('wraps mentions in <Mention> components and keeps paragraphs', () => {
    const body = 'La France livre des Caesar.\n\nKiev remercie Paris.';
    const mentions: Mention[] = [
      { id: 'france', type: 'country', text: 'France', start: 3, end: 9 },
      { id: 'caesar', type: 'weapon', text: 'Caesar', start: 20, end: 26 },
    ];
    const mdx = bodyToMdx(body, mentions);
    expect(mdx).toBe(
      'La <Mention type="country" id="france">France</Mention> livre des <Mention type="weapon" id="caesar">Caesar</Mention>\\.\n\nKiev remercie Paris\\.\n',
    );
  });

  it('skips overlapping mentions instead of producing broken markup', () => {
    const body = 'Le système SAMP/T est livré.';
    const mentions: Mention[] = [
      { id: 'samp-t', type: 'weapon', text: 'SAMP/T', start: 11, end: 17 },
      { id: 'other', type: 'weapon', text: 'AMP', start: 12, end: 15 },
    ];
    expect(bodyToMdx(body, mentions)).toBe('Le système <Mention type="weapon" id="samp-t">SAMP/T</Mention> est livré\\.\n');
  });
});

describe('compact frontmatter', () => {
  const s1 = 'La France livre six Caesar à l’Ukraine.';
  const s2 = 'Kiev remercie Paris.';
  const facts = {
    title: 'Six Caesar',
    titleGenerated: false,
    slug: 'six-caesar',
    seed: 'six.txt',
    hash: 'abc',
    language: 'fr',
    lead: s1,
    source: null,
    url: null,
    date: {
      value: '2024-01-18',
      earliest: '2024-01-18',
      latest: '2024-01-18',
      precision: 'day' as const,
      basis: 'dateline' as const,
      evidence: [{ text: s1, offset: 0, rule: 'dateline' }],
    },
    countries: [
      { id: 'france', name: 'France' },
      { id: 'ukraine', name: 'Ukraine' },
    ],
    people: [],
    organizations: [],
    weapons: [{ id: 'caesar', name: 'Caesar', category: 'artillery' }],
    deliveries: [{ supplier: 'france', recipient: 'ukraine', weapon: 'caesar', quantity: 6, status: 'announced' as const, evidence: { text: s1, offset: 0 } }],
    contexts: [
      { id: 'france', text: s1, offset: 0 },
      { id: 'caesar', text: s1, offset: 0 },
      { id: 'ukraine', text: s1, offset: 0 },
      { id: 'ukraine', text: s2, offset: 41 },
    ],
    newNames: [],
    footnotes: [],
    searchAliases: ['Caesar'],
    warnings: [],
  };

  it('stores each cited sentence once and points evidence and contexts at it', () => {
    const compact = compactFacts(facts);
    expect(compact.sentences).toEqual([
      { text: s1, offset: 0 },
      { text: s2, offset: 41 },
    ]);
    expect(compact.contexts).toEqual([
      { id: 'france', s: 0 },
      { id: 'caesar', s: 0 },
      { id: 'ukraine', s: 0 },
      { id: 'ukraine', s: 1 },
    ]);
    expect(compact.deliveries[0].evidence).toEqual({ s: 0 });
    expect(compact.date.evidence).toEqual([{ s: 0, rule: 'dateline' }]);
  });

  it('passes the schema, and the open-data expansion gives back the original facts', () => {
    const data = articleSchema.parse(compactFacts(facts));
    expect(fullFacts(data)).toEqual(facts);
  });

  it('rejects a reference to a sentence that is not stored', () => {
    const bad = { ...compactFacts(facts), contexts: [{ id: 'france', s: 5 }] };
    const result = articleSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['contexts', 0, 's']);
  });

  it('blanks the frontmatter of a module but keeps the body on the same lines', () => {
    const mdx = '---\ntitle: x\ncontexts: []\n---\nLa <Mention type="weapon" id="caesar">Caesar</Mention>\n';
    const blanked = blankFrontmatter(mdx);
    expect(blanked).toBe('---\n\n\n---\nLa <Mention type="weapon" id="caesar">Caesar</Mention>\n');
    expect(blanked.split('\n').indexOf('La <Mention type="weapon" id="caesar">Caesar</Mention>')).toBe(
      mdx.split('\n').indexOf('La <Mention type="weapon" id="caesar">Caesar</Mention>'),
    );
  });
});

describe('withMentionSpans', () => {
  it('records where each context names its entity, in the words the article used', () => {
    const body = "Intro. Le secrétaire d'Etat américain arrive. Fin.";
    const sentence = { id: 'united-states', text: "Le secrétaire d'Etat américain arrive.", offset: 7 };
    const mentions: Mention[] = [{ id: 'united-states', type: 'country', text: 'américain', start: 28, end: 37 }];
    expect(body.slice(28, 37)).toBe('américain');
    const [context] = withMentionSpans([sentence], mentions);
    expect(context.at).toEqual([21, 30]);
    expect(splitAt(context.text, context.at!)).toEqual({ before: "Le secrétaire d'Etat ", match: 'américain', after: ' arrive.' });
  });

  it('records nothing when the offsets disagree with the sentence', () => {
    const mentions: Mention[] = [{ id: 'france', type: 'country', text: 'France', start: 3, end: 9 }];
    expect(withMentionSpans([{ id: 'france', text: 'Paris livre.', offset: 0 }], mentions)[0].at).toBeUndefined();
  });
});
