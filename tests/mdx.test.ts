import { describe, expect, it } from 'vitest';
import { escapeMdxText } from '../src/lib/mdx/escape.ts';
import { bodyToMdx } from '../src/lib/mdx/body.ts';
import type { Mention } from '../src/lib/extract/types.ts';

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
