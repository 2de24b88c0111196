/** Links into the search page and their parsing: the URL is the search state. */
import { describe, expect, it } from 'vitest';
import { parseSearchQuery, searchQuery, searchUrl } from '../src/lib/search/url.ts';

describe('searchUrl', () => {
  it('links to the search page pre-filtered on an entity, under any base', () => {
    expect(searchUrl('/', { country: 'Slovaquie' })).toBe('/recherche/?country=Slovaquie');
    expect(searchUrl('/archive', { weapon: 'Caesar' })).toBe('/archive/recherche/?weapon=Caesar');
    expect(searchUrl('/archive/', {})).toBe('/archive/recherche/');
  });

  it('encodes accents and spaces, and orders parameters stably', () => {
    expect(searchUrl('/', { q: 'Storm Shadow', organization: 'OTAN', country: 'États-Unis' })).toBe(
      '/recherche/?q=Storm+Shadow&country=%C3%89tats-Unis&organization=OTAN',
    );
  });
});

describe('parseSearchQuery', () => {
  it('reads words, repeated facet values and the sort back from the query string', () => {
    const state = parseSearchQuery('?q=Caesar&weapon=Caesar&weapon=Scalp&country=France&sort=date&utm_source=x');
    expect(state).toEqual({ q: 'Caesar', filters: { weapon: ['Caesar', 'Scalp'], country: ['France'] }, sort: 'date' });
    expect(searchQuery(state)).toBe('?q=Caesar&weapon=Caesar&weapon=Scalp&country=France&sort=date');
  });

  it('falls back to relevance and drops empty or duplicate values', () => {
    expect(parseSearchQuery('?sort=bogus&person=&person=Zelensky&person=Zelensky')).toEqual({ q: '', filters: { person: ['Zelensky'] }, sort: 'relevance' });
  });
});
