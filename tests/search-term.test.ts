import { describe, expect, it } from 'vitest';
import { searchTerm } from '../src/scripts/search/term.ts';

describe('the words sent to Pagefind', () => {
  it('leaves out French function words, whatever their case', () => {
    expect(searchTerm('livraison de chars')).toBe('livraison chars');
    expect(searchTerm('Les obus pour la Slovaquie')).toBe('obus Slovaquie');
  });

  it('keeps names, single words and elided forms untouched', () => {
    expect(searchTerm('Caesar')).toBe('Caesar');
    expect(searchTerm('Storm Shadow')).toBe('Storm Shadow');
    expect(searchTerm("l'armée")).toBe("l'armée");
  });

  it('keeps a quoted phrase and a query made only of function words as typed', () => {
    expect(searchTerm('"livraison de chars"')).toBe('"livraison de chars"');
    expect(searchTerm('de la')).toBe('de la');
  });
});
