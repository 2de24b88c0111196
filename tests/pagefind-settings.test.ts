import { describe, expect, it } from 'vitest';
import { ARCHIVE_INDEX, maxFragmentsFromEnv } from '../src/integrations/pagefind.ts';

describe('search index settings', () => {
  it('reads only article pages, in French', () => {
    expect(ARCHIVE_INDEX.glob).toBe('articles/**/*.html');
    expect(ARCHIVE_INDEX.forceLanguage).toBe('fr');
  });

  it('writes one fragment file per article unless PAGEFIND_MAX_FRAGMENTS caps them', () => {
    expect(maxFragmentsFromEnv(undefined)).toBeUndefined();
    expect(maxFragmentsFromEnv('0')).toBeUndefined();
    expect(maxFragmentsFromEnv('2000')).toBe(2000);
    expect(() => maxFragmentsFromEnv('beaucoup')).toThrow(/PAGEFIND_MAX_FRAGMENTS must be a whole number/);
  });
});
