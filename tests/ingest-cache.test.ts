import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractionCache, cacheKey, extractorVersion, type SeedSummary } from '../src/lib/ingest/cache.ts';
import type { ExtractionResult } from '../src/lib/extract/types.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-cache-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const summary: SeedSummary = { ok: true, title: 'Titre', encoding: 'utf-8', bodyKey: 'k', warnings: [], newNames: [] };
const result = { file: 'a.txt', title: 'Titre', body: 'Texte.' } as ExtractionResult;

describe('extraction cache', () => {
  it('reuses an entry stored by a previous run of the same version, with its full result', () => {
    const dir = tempDir();
    const first = new ExtractionCache(dir, 'v1');
    const key = cacheKey('a.txt', 'abc');
    expect(first.lookup(key)).toBeUndefined();
    first.store(key, summary, result);
    first.setSlug(key, 'titre', 'mdx-sha');
    first.save();

    const second = new ExtractionCache(dir, 'v1');
    expect(second.lookup(key)).toEqual({ ...summary, slug: 'titre', mdx: 'mdx-sha' });
    expect(second.result(key)).toEqual(result);
    expect(second.hits).toBe(1);
    expect(second.misses).toBe(0);
  });

  it('ignores every entry when the extractor version differs', () => {
    const dir = tempDir();
    const first = new ExtractionCache(dir, 'v1');
    first.store(cacheKey('a.txt', 'abc'), summary, result);
    first.save();
    const second = new ExtractionCache(dir, 'v2');
    expect(second.lookup(cacheKey('a.txt', 'abc'))).toBeUndefined();
    expect(readdirSync(dir)).not.toContain('results');
  });

  it('keys a seed by its file name and content hash', () => {
    expect(cacheKey('a.txt', 'abc')).not.toBe(cacheKey('b.txt', 'abc'));
    expect(cacheKey('a.txt', 'abc')).not.toBe(cacheKey('a.txt', 'abd'));
    expect(cacheKey('a.txt', 'abc')).toBe(cacheKey('a.txt', 'abc'));
  });

  it('drops entries and result files of seeds not seen in the last run', () => {
    const dir = tempDir();
    const first = new ExtractionCache(dir, 'v1');
    first.store(cacheKey('a.txt', '1'), summary, result);
    first.store(cacheKey('b.txt', '2'), summary, result);
    first.save();
    const second = new ExtractionCache(dir, 'v1');
    second.lookup(cacheKey('a.txt', '1'));
    second.save();
    expect(readdirSync(join(dir, 'results'))).toEqual([`${cacheKey('a.txt', '1')}.json`]);
    expect(new ExtractionCache(dir, 'v1').lookup(cacheKey('b.txt', '2'))).toBeUndefined();
  });

  it('changes the extractor version when any source file changes', () => {
    const root = tempDir();
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'lib/a.ts'), 'export const a = 1;');
    const before = extractorVersion([root]);
    expect(extractorVersion([root])).toBe(before);
    writeFileSync(join(root, 'lib/a.ts'), 'export const a = 2;');
    expect(extractorVersion([root])).not.toBe(before);
  });
});
