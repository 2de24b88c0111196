/**
 * The date stage reads a long run-on line in time proportional to its length: a sentence that names
 * the same date, weekday or event thousands of times is read once, not once per mention.
 * (Before: "le 12 mars 2024, " × 8000 took ~6 s of CPU, "au 100e jour de la guerre" × 5000 ~12 s.)
 */
import { describe, expect, it } from 'vitest';
import { inferDate } from '../src/lib/extract/dates/index.ts';
import { dating, doc, gazetteer } from './dates-fixtures.ts';

const LINE_CHARS = 136_000;
/** Generous against a busy machine; the quadratic paths took 3 to 12 s on this size. */
const BOUND_MS = 2_000;

const PHRASES = [
  'le 12 mars 2024, ',
  "au 100e jour de l'invasion ",
  "près de deux ans après le début de l'invasion ",
  "il y a deux ans, l'invasion russe ",
  "jeudi, lors du sommet de l'Otan à Vilnius ",
  'le 18 août dernier, ',
];

describe('dating a long single line', () => {
  const cg = gazetteer();
  const ctx = dating();
  for (const phrase of PHRASES) {
    it(`"${phrase.trim()}" repeated over ${LINE_CHARS / 1000} KB is dated in under ${BOUND_MS / 1000} s, as it is once`, () => {
      const body = phrase.repeat(Math.ceil(LINE_CHARS / phrase.length));
      const once = inferDate(doc(phrase.trim() + '.'), [], cg, { dating: ctx });
      const t0 = performance.now();
      const many = inferDate(doc(body), [], cg, { dating: ctx });
      const ms = performance.now() - t0;
      expect(ms).toBeLessThan(BOUND_MS);
      // Repeating a fact changes nothing about the window it gives.
      expect([many.earliest, many.latest]).toEqual([once.earliest, once.latest]);
    });
  }
});
