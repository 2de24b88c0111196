import { describe, expect, it } from 'vitest';
import { collectContexts } from '../src/lib/extract/pipeline.ts';
import { segmentText } from '../src/lib/extract/segment.ts';
import type { Mention } from '../src/lib/extract/types.ts';

function mentionsOf(body: string, word: string, id: string): Mention[] {
  const out: Mention[] = [];
  for (let i = body.indexOf(word); i >= 0; i = body.indexOf(word, i + 1)) {
    out.push({ id, type: 'weapon', text: word, start: i, end: i + word.length });
  }
  return out;
}

describe('collectContexts', () => {
  const doc = segmentText('Le Caesar tire. Le Caesar et encore le Caesar. Un Scalp part. Le Caesar revient. Le Caesar encore. Le Caesar enfin.');
  const caesar = mentionsOf(doc.body, 'Caesar', 'caesar');
  const scalp = mentionsOf(doc.body, 'Scalp', 'scalp');

  it('keeps one context per sentence and at most three per entity, in reading order', () => {
    const contexts = collectContexts(
      doc,
      [...caesar, ...scalp].sort((a, b) => a.start - b.start),
    );
    expect(contexts.map((c) => [c.id, c.text])).toEqual([
      ['caesar', 'Le Caesar tire.'],
      ['caesar', 'Le Caesar et encore le Caesar.'],
      ['scalp', 'Un Scalp part.'],
      ['caesar', 'Le Caesar revient.'],
    ]);
    expect(contexts[1].offset).toBe(doc.body.indexOf('Le Caesar et'));
  });

  it('gives the same contexts when the mentions are not in reading order', () => {
    const sorted = collectContexts(
      doc,
      [...caesar, ...scalp].sort((a, b) => a.start - b.start),
    );
    expect(collectContexts(doc, [...scalp, ...caesar.reverse()])).toEqual(sorted);
  });
});
