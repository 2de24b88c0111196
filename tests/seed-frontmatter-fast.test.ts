import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { simpleFrontmatter, splitSeedFrontmatter } from '../src/lib/extract/seed-frontmatter.ts';

function closingOf(text: string): RegExpExecArray | null {
  return /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(3));
}

function fast(text: string): Record<string, unknown> | null {
  const closing = closingOf(text);
  if (!text.startsWith('---') || !closing) return null;
  const blockEnd = 3 + closing.index;
  return simpleFrontmatter(text, text.slice(text.indexOf('\n') + 1, blockEnd), closing);
}

const VALUES = [
  '"Canada : nouvelle livraison de Stryker à l’Ukraine"', '"a # b: c"', '""', '"  espaces  "', '"tab\there"', '"é\\u00e9"', "'simple'",
  '2023-01-06', '2023-02-30', '2023-1-06', '2023-01', '2023', '2023-01-06 10:00:00', '2023-01-06T10:00:00Z',
  'RFI', '20 Minutes', "L'Express", 'Interfax-Ukraine', 'https://www.rfi.fr/articles/2-7', 'https://x.fr/a?b=1&c=2#frag',
  'true', 'False', 'null', 'yes', 'No', 'on', 'y', '~', '12', '1e5', '0x1F', '1_000', '190:20:30', '.inf', '-1',
  'a: b', 'a:', 'a #b', 'a#b', 'fin ', '&ancre', '*ref', '!tag x', '[a, b]', '{a: b}', '- x', '? x', '| x', '> x', '%x', '@x', '`x',
  'Le Monde (éd.)', 'fr', 'Gazeta, Wyborcza', 'a  b', '12 Dzerkalo', '1 2', 'Ｘ', '\u00e9t\u00e9',
];
const KEYS = ['title', 'date', 'source', 'url', 'language'];

describe('frontmatter fast path', () => {
  it('reads exactly what gray-matter reads whenever it accepts a block', () => {
    let accepted = 0;
    const texts: string[] = [];
    for (const key of KEYS) for (const value of VALUES) texts.push(`---\n${key}: ${value}\n---\nCorps.`);
    for (let i = 0; i < VALUES.length; i++) {
      texts.push(`---\ntitle: ${VALUES[i]}\ndate: ${VALUES[(i * 7) % VALUES.length]}\nsource: ${VALUES[(i * 3) % VALUES.length]}\n---\nCorps.`);
    }
    texts.push(
      '---\ntitle: "A"\ntitle: "B"\n---\nx', '---\r\ntitle: "A"\r\n---\r\nx', '----\ntitle: "A"\n---\nx', '---yaml\ntitle: "A"\n---\nx',
      '---\ntitle: "A"\n----\nx\n---\ny', '---\ntitle: "A"\n---x\ntitle: "B"\n---\ny', '---\n\ntitle: "A"\n---\nx', '---\n# c\ntitle: "A"\n---\nx',
      '---\n  title: "A"\n---\nx', '---\ntitle:  "A"\n---\nx', '---\ntitle: "A" # c\n---\nx', '---\nauthor: "A"\n---\nx', '---\ntitle: "A"\n---',
    );
    for (const text of texts) {
      const data = fast(text);
      if (!data) continue;
      accepted++;
      expect(data, text).toEqual(matter(text, {}).data);
    }
    expect(accepted).toBeGreaterThan(50);
  });

  it('rejects what YAML would read differently or refuse', () => {
    for (const value of ['true', '12', '1e5', '2023', 'a: b', 'a #b', '&ancre', "'simple'", '"tab\there"', '"é\\u00e9"', '2023-01-06 10:00:00']) {
      expect(fast(`---\nsource: ${value}\n---\nx`), value).toBeNull();
    }
    expect(fast('---\ntitle: "A"\ntitle: "B"\n---\nx')).toBeNull();
    expect(fast('---\r\ntitle: "A"\r\n---\r\nx')).toBeNull();
    expect(fast('---\ntitle: "A"\n----\nx\n---\ny')).toBeNull();
  });

  it('gives the same overrides and errors as before for a typical block', () => {
    const text = '---\ntitle: "Canada : livraison"\ndate: 2023-02-30\nsource: RFI\nurl: https://www.rfi.fr/a\n---\nCorps.';
    const split = splitSeedFrontmatter(text, 'a.md');
    expect(split.overrides).toEqual({ title: 'Canada : livraison', date: '2023-03-02', source: 'RFI', url: 'https://www.rfi.fr/a' });
    expect(split.content).toBe('Corps.');
    expect(split.frontmatterLines).toBe(6);
  });
});
