import { describe, expect, it } from 'vitest';
import { boundedDamerauLevenshtein, nameEditBudget } from '../src/lib/extract/fuzzy.ts';

describe('boundedDamerauLevenshtein', () => {
  it('is zero for identical strings', () => {
    expect(boundedDamerauLevenshtein('lecornu', 'lecornu', 2)).toBe(0);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(boundedDamerauLevenshtein('umerov', 'oumerov', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('lecornuil', 'lecornu', 2)).toBe(2);
    expect(boundedDamerauLevenshtein('kuleba', 'kouleba', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('stoltemberg', 'stoltenberg', 2)).toBe(1);
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(boundedDamerauLevenshtein('zelesnky', 'zelensky', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('ab', 'ba', 1)).toBe(1);
  });

  it('handles empty strings', () => {
    expect(boundedDamerauLevenshtein('', 'abc', 3)).toBe(3);
    expect(boundedDamerauLevenshtein('abc', '', 5)).toBe(3);
  });

  it('returns k + 1 as soon as the distance exceeds the bound', () => {
    expect(boundedDamerauLevenshtein('macron', 'lecornu', 2)).toBe(3);
    expect(boundedDamerauLevenshtein('biden', 'bidenovitch', 2)).toBe(3);
    expect(boundedDamerauLevenshtein('abcdef', 'abcxyz', 1)).toBe(2);
  });

  it('agrees with the exact distance when it is within the bound', () => {
    expect(boundedDamerauLevenshtein('volodimir', 'volodymyr', 3)).toBe(2);
    expect(boundedDamerauLevenshtein('dmitry', 'dmytro', 2)).toBe(2);
    expect(boundedDamerauLevenshtein('dmitry', 'dmytro', 1)).toBe(2);
  });
});

describe('nameEditBudget', () => {
  it('allows no edit under five letters, one up to seven and two from eight', () => {
    expect([4, 5, 7, 8, 12].map(nameEditBudget)).toEqual([0, 1, 1, 2, 2]);
  });
});
