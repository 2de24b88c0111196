import { describe, expect, it } from 'vitest';
import { ARCHIVE_INDEX } from '../src/integrations/pagefind.ts';

describe('search index settings', () => {
  it('reads only article pages, in French', () => {
    expect(ARCHIVE_INDEX.glob).toBe('articles/**/*.html');
    expect(ARCHIVE_INDEX.forceLanguage).toBe('fr');
  });
});
