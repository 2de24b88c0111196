import { describe, expect, it } from 'vitest';
import { readyToSearch, searchTerm } from '../src/client/search/term.ts';

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

describe('when typing starts a search', () => {
  it('waits while the last word is a one- or two-letter beginning', () => {
    expect(readyToSearch('livraison de c')).toBe(false);
    expect(readyToSearch('Ca')).toBe(false);
    expect(readyToSearch('Cae')).toBe(true);
  });

  it('searches after a space, a function word, or when the box is emptied', () => {
    expect(readyToSearch('UE ')).toBe(true);
    expect(readyToSearch('livraison de')).toBe(true);
    expect(readyToSearch('')).toBe(true);
  });

  it('never searches as you type a text made only of function words (their index chunks are the largest)', () => {
    expect(readyToSearch('l')).toBe(false);
    expect(readyToSearch('La')).toBe(false);
    expect(readyToSearch('de la ')).toBe(false);
    expect(readyToSearch("l'")).toBe(false);
    expect(readyToSearch('la Slovaquie')).toBe(true);
    expect(readyToSearch("l'armée")).toBe(true);
  });
});
