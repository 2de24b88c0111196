import { describe, expect, it } from 'vitest';
import { EXTRACT_3KB, generateCorpus, readBenchGazetteer } from '../scripts/bench/corpus.ts';
import { extractSeed } from '../src/lib/extract/pipeline.ts';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';

const gz = readBenchGazetteer();

describe('benchmark corpus generator', () => {
  it('produces the requested number of seeds, identical for the same seed number', () => {
    const a = generateCorpus({ count: 40, seed: 7 }, gz);
    const b = generateCorpus({ count: 40, seed: 7 }, gz);
    expect(a).toHaveLength(40);
    expect(b).toEqual(a);
    expect(new Set(a.map((f) => f.name)).size).toBe(40);
    expect(a.every((f) => /^\d{2}_[0-9a-f]{8}\.txt$/.test(f.name))).toBe(true);
  });

  it('produces a different corpus for a different seed number', () => {
    const a = generateCorpus({ count: 10, seed: 1 }, gz);
    const b = generateCorpus({ count: 10, seed: 2 }, gz);
    expect(b.map((f) => f.text)).not.toEqual(a.map((f) => f.text));
  });

  it('keeps articles between 1 and 8 KB, plus at most one closing sentence', () => {
    for (const f of generateCorpus({ count: 100, seed: 3 }, gz)) {
      const bytes = Buffer.byteLength(f.text);
      expect(bytes).toBeGreaterThanOrEqual(1024);
      expect(bytes).toBeLessThan(8192 + 1024);
    }
  });

  it('makes articles of about 3 KB for the extraction benchmark', () => {
    const sizes = generateCorpus({ count: 100, seed: 2, ...EXTRACT_3KB }, gz).map((f) => Buffer.byteLength(f.text));
    for (const bytes of sizes) {
      expect(bytes).toBeGreaterThanOrEqual(2800);
      expect(bytes).toBeLessThan(3300 + 1024);
    }
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2900);
    expect(mean).toBeLessThan(3400);
  });

  it('mixes in seed frontmatter and boilerplate lines', () => {
    const corpus = generateCorpus({ count: 100, seed: 4 }, gz);
    expect(corpus.some((f) => f.text.startsWith('---\ntitle: '))).toBe(true);
    expect(
      corpus.some((f) => /Partager|Abonnez-vous|Lire aussi|Suivez en direct|Publié le|cookies|Accueil >|Temps de lecture|droits réservés/.test(f.text)),
    ).toBe(true);
  });

  it('generates seeds that extraction accepts, each naming a weapon of the gazetteer', () => {
    const cg = getDefaultCompiledGazetteer();
    for (const f of generateCorpus({ count: 25, seed: 5 }, gz)) {
      const outcome = extractSeed(Buffer.from(f.text), f.name, cg);
      expect(outcome.ok, f.name).toBe(true);
      if (outcome.ok) expect(outcome.result.weapons.length, f.name).toBeGreaterThan(0);
    }
  });
});
