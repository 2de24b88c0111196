/**
 * `npm run eval -- --real DIR` reports the date figures of the shared real-set scorer with its
 * definitions. Checked on synthetic rows and on a temporary folder of two articles written here
 * (CI never depends on the shared folder).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateFigures, realDateRows, type DateRow } from '../scripts/eval.ts';
import { extractFromBytes } from '../src/lib/extract/pipeline.ts';
import { dating } from './dates-fixtures.ts';

const row = (file: string, earliest: string | null, latest: string | null, value: string | null, truth: [string, string]): DateRow => ({
  file,
  earliest,
  latest,
  value,
  truth,
});

describe('date figures of the real-set scorer', () => {
  it('counts held, bounded, unknown, year, week and absurd estimates as the scorer does', () => {
    const f = dateFigures(
      [
        row('a', '2023-07-11', '2023-07-20', '2023-07-12', ['2023-07-11', '2023-07-11']), // held, 1 d
        row('b', '2022-02-24', null, '2022-03-01', ['2023-01-01', '2023-01-03']), // open side holds, 307 d (middle 2023-01-02)
        row('c', '2024-01-01', '2024-02-01', '2024-01-15', ['2024-03-01', '2024-03-01']), // misses, 46 d
        row('d', null, null, null, ['2022-05-01', '2022-05-01']), // unknown
        row('e', '2014-01-01', '2030-01-01', '2029-06-01', ['2025-01-01', '2025-01-01']), // after the build day: absurd
      ],
      '2026-12-02',
    );
    expect(f).toMatchObject({ total: 5, contained: 3, bounded: 3, unknown: 1, yearRight: 2, within7Days: 1, absurd: 1 });
    expect(f.medianErrorDays).toBe(307); // upper median of [1, 46, 307, 1612]
    expect(f.wrong).toEqual(['c [2024-01-01..2024-02-01] vs 2024-03-01']);
  });

  it('reads a folder in the shared format and extracts each article as the CLI does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-real-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(
      join(dir, 'articles', 'a.txt'),
      "La France livre des obus à l'Ukraine\n\nEmmanuel Macron a annoncé mardi, lors du sommet de l'Otan à Vilnius, de nouvelles livraisons d'obus à l'Ukraine.\n",
    );
    writeFileSync(join(dir, 'articles', 'b.txt'), "Des obus pour l'Ukraine\n\nLes livraisons continuent, a dit un responsable.\n");
    writeFileSync(
      join(dir, 'gold.json'),
      JSON.stringify({
        articles: { 'a.txt': { true_date: '2023-07-11', true_window: ['2023-07-11', '2023-07-12'] }, 'b.txt': { true_window: ['2023-01-01', '2023-12-31'] } },
      }),
    );
    const ctx = dating('2026-06-30');
    const rows = realDateRows(dir, undefined, (bytes, file, cg) => extractFromBytes(bytes, file, cg, ctx));
    expect(rows.map((r) => [r.file, r.value, r.earliest, r.latest])).toEqual([
      ['a.txt', '2023-07-11', '2023-07-11', '2023-07-19'],
      // No clue: the archive period itself, estimated in its middle.
      ['b.txt', '2020-03-31', '2014-01-01', '2026-06-30'],
    ]);
    const f = dateFigures(rows, '2026-06-30');
    expect(f).toMatchObject({ total: 2, contained: 2, bounded: 2, unknown: 0, absurd: 0 });
  });
});
