import { describe, expect, it } from 'vitest';
import { ARCHIVE_INDEX, maxFragmentsFromEnv } from '../src/integrations/pagefind.ts';

describe('search index settings', () => {
  it('reads only article pages, in French', () => {
    expect(ARCHIVE_INDEX.glob).toBe('articles/**/*.html');
    expect(ARCHIVE_INDEX.forceLanguage).toBe('fr');
  });

  it('bundles fragments past 2,000 files unless PAGEFIND_MAX_FRAGMENTS says otherwise', () => {
    expect(maxFragmentsFromEnv(undefined)).toBe(2000);
    expect(maxFragmentsFromEnv('5000')).toBe(5000);
    expect(maxFragmentsFromEnv('0')).toBeGreaterThan(1e8);
    expect(() => maxFragmentsFromEnv('beaucoup')).toThrow(/PAGEFIND_MAX_FRAGMENTS must be a whole number/);
  });
});
