/**
 * The open-data exports are streamed (src/lib/site/stream.ts): the bytes must be those of the
 * whole-string version, across chunk boundaries and with characters outside Latin-1.
 */
import { describe, expect, it } from 'vitest';
import { csvLines, toCsv } from '../src/lib/site/csv.ts';
import { jsonWithArray, streamedResponse } from '../src/lib/site/stream.ts';

const items = Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, title: `Livraison n° ${i} « Caesar » — 🚀 ${'é'.repeat(i % 50)}`, missing: undefined }));

describe('streamed exports', () => {
  it('gives the bytes JSON.stringify gives, item by item, over many chunks', async () => {
    const head = { generated: 'Arms Archive', count: items.length };
    const response = streamedResponse(
      jsonWithArray(head, 'articles', items, (x) => ({ ...x, n: x.id.length })),
      'application/json',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const whole = JSON.stringify({ ...head, articles: items.map((x) => ({ ...x, n: x.id.length })) });
    expect(bytes.length).toBeGreaterThan(4 * 65536);
    expect(Buffer.from(bytes).equals(Buffer.from(whole, 'utf8'))).toBe(true);
    expect(response.headers.get('Content-Type')).toBe('application/json');
  });

  it('writes an empty array and an empty head as JSON.stringify does', async () => {
    expect([...jsonWithArray({ count: 0 }, 'articles', [], (x) => x)].join('')).toBe(JSON.stringify({ count: 0, articles: [] }));
    expect([...jsonWithArray({}, 'a', [1, undefined], (x) => x)].join('')).toBe(JSON.stringify({ a: [1, undefined] }));
  });

  it('streams the CSV toCsv writes', async () => {
    const rows = items.map((x) => [x.id, x.title, '=1+1', 'a "b", c']);
    const text = await streamedResponse(csvLines(['id', 'title', 'f', 'q'], rows), 'text/csv').text();
    expect(text).toBe(toCsv(['id', 'title', 'f', 'q'], rows));
    expect(text.startsWith('id,title,f,q\r\na0,')).toBe(true);
  });
});
