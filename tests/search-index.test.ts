/**
 * What the Pagefind index answers, queried from Node with Pagefind's own bundle (no browser):
 * aliases from the gazetteer, accents, inflections, French elision, filters and their counts,
 * the date sort and result metadata. Built from the project's seeds plus tests/fixtures/search.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openIndex, search } from './helpers/pagefind.ts';
import { getSearchSite, slugOfUrl, type SearchSite } from './helpers/search-site.ts';
import { ROOT } from './helpers/site.ts';

let site: SearchSite;
/** Written with curly apostrophes in elided words. */
const ELISION_SEED = 'tchequie-obus.txt';
const SLOVAKIA = /\b(Slovaquie|slovaques?)\b/;

beforeAll(async () => {
  site = await getSearchSite();
});

async function slugsFor(term: string | null, options: Record<string, unknown> = {}): Promise<string[]> {
  const hits = await search(site.dist, term, options);
  return hits.map((h) => slugOfUrl(h.raw_url)).sort();
}

describe('search by weapon, country and person names', () => {
  it('finds exactly the seed articles that name Caesar', async () => {
    const expected = site.slugsMatching(/\bCaesar\b/i);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(await slugsFor('Caesar')).toEqual(expected);
  });

  it('indexes article pages only (no listings, entity pages or page chrome)', async () => {
    const hits = await search(site.dist, null);
    expect(hits.length).toBe(site.slugOf.size);
    for (const hit of hits) expect(hit.raw_url).toMatch(/^\/articles\/[a-z0-9-]+\/$/);
  });
});

describe('aliases from the gazetteer, indexed with each article', () => {
  it('finds the Scalp article for "Storm Shadow", its British name', async () => {
    const scalp = site.slugsMatching(/\bScalp\b/i);
    expect(scalp.length).toBeGreaterThan(0);
    expect(site.slugsMatching(/Storm Shadow/i)).toEqual([]);
    expect(await slugsFor('Storm Shadow')).toEqual(scalp);
  });

  it('finds the articles naming OTAN for "NATO"', async () => {
    const otan = site.slugsMatching(/\bOTAN\b/);
    expect(otan.length).toBeGreaterThanOrEqual(3);
    expect(await slugsFor('NATO')).toEqual(otan);
  });

  it('finds the A2SM article for "Hammer" and for "AASM"', async () => {
    const a2sm = site.slugsMatching(/\bA2SM\b/);
    expect(a2sm.length).toBe(1);
    expect(await slugsFor('Hammer')).toEqual(a2sm);
    expect(await slugsFor('AASM')).toEqual(a2sm);
  });

  it('finds the Umerov article for both "Oumerov" and "Umerov"', async () => {
    const umerov = site.slugsMatching(/\b(Oumerov|Umerov)\b/);
    expect(umerov.length).toBeGreaterThan(0);
    expect(await slugsFor('Oumerov')).toEqual(umerov);
    expect(await slugsFor('Umerov')).toEqual(umerov);
  });

  it('finds the Zelensky articles for "Zelenskyy"', async () => {
    const zelensky = site.slugsMatching(/\bZelensky\b/);
    expect(zelensky.length).toBeGreaterThanOrEqual(2);
    expect(await slugsFor('Zelenskyy')).toEqual(expect.arrayContaining(zelensky));
  });

  it('finds the articles saying Kiev for "Kyiv"', async () => {
    const kiev = site.slugsMatching(/\bKiev\b/);
    expect(kiev.length).toBeGreaterThanOrEqual(3);
    expect(site.slugsMatching(/\bKyiv\b/)).toEqual([]);
    expect(await slugsFor('Kyiv')).toEqual(expect.arrayContaining(kiev));
  });

  it('finds the article naming Slovakia by its English name', async () => {
    const slovakia = site.slugsMatching(SLOVAKIA);
    expect(slovakia.length).toBe(1);
    expect(site.slugsMatching(/Slovakia/)).toEqual([]);
    expect(await slugsFor('Slovakia')).toEqual(slovakia);
  });

  it('keeps aliases out of the excerpt (they are metadata, not body text)', async () => {
    const [hit] = await search(site.dist, 'Storm Shadow');
    expect(hit.meta.aliases).toContain('Storm Shadow');
    expect(hit.excerpt).not.toMatch(/Storm|Shadow/);
  });
});

describe('accents, inflections and French elision', () => {
  it('finds "Sébastien" for "Sebastien" and "États-Unis" for "Etats-Unis"', async () => {
    const sebastien = site.slugsMatching(/Sébastien/);
    expect(sebastien.length).toBeGreaterThanOrEqual(2);
    expect(await slugsFor('Sebastien')).toEqual(expect.arrayContaining(sebastien));
    const usa = site.slugsMatching(/États-Unis/);
    expect(usa.length).toBeGreaterThan(0);
    expect(await slugsFor('Etats-Unis')).toEqual(expect.arrayContaining(usa));
  });

  it('finds "obusiers" for "obusier" (French stemming)', async () => {
    const obusiers = site.slugsMatching(/\bobusiers\b/);
    expect(obusiers.length).toBeGreaterThan(0);
    const hits = await search(site.dist, 'obusier');
    expect(hits.map((h) => slugOfUrl(h.raw_url)).sort()).toEqual(expect.arrayContaining(obusiers));
    expect(hits.some((h) => /<mark>obusiers<\/mark>/.test(h.excerpt))).toBe(true);
  });

  it('finds words written after a curly elided article in the source (l’armée, d’Ukraine, l’aéroport)', async () => {
    const source = readFileSync(join(ROOT, 'tests/fixtures/search', ELISION_SEED), 'utf8');
    for (const word of ['l’armée', 'd’Ukraine', 'l’aéroport']) expect(source).toContain(word);
    expect(source).not.toMatch(/ armée|'armée| aéroport|'aéroport/);
    const czech = site.slugOf.get(ELISION_SEED);

    const armee = (await search(site.dist, 'armée')).find((h) => slugOfUrl(h.raw_url) === czech);
    expect(armee?.excerpt).toMatch(/l'<mark>armée<\/mark>|<mark>l'armée<\/mark>/);
    const airport = (await search(site.dist, 'aéroport')).find((h) => slugOfUrl(h.raw_url) === czech);
    expect(airport?.excerpt).toMatch(/<mark>aéroport<\/mark>|<mark>l'aéroport<\/mark>/);
    const ukraine = (await search(site.dist, 'Ukraine')).find((h) => slugOfUrl(h.raw_url) === czech);
    expect(ukraine?.excerpt).toMatch(/<mark>[ld]'Ukraine/);
  });
});

describe('filters, counts and sort', () => {
  it('exposes every facet, with French display names as values', async () => {
    const api = await openIndex(site.dist);
    const filters = await api.filters();
    expect(Object.keys(filters).sort()).toEqual(['category', 'country', 'organization', 'person', 'source', 'weapon', 'year']);
    expect(filters.country.Slovaquie).toBe(1);
    expect(filters.country['République tchèque']).toBe(1);
    expect(filters.country['États-Unis']).toBeGreaterThan(0);
    expect(filters.weapon.Caesar).toBe(site.slugsMatching(/\bCaesar\b/i).length);
    expect(filters.category.Artillerie).toBeGreaterThanOrEqual(filters.weapon.Caesar);
    expect(filters.organization.OTAN).toBe(site.slugsMatching(/\bOTAN\b/).length);
    // Seed 000 (18 January 2024, dated by the artillery coalition's launch) and the Prague fixture are of 2024.
    expect(filters.year['2024']).toBeGreaterThanOrEqual(2);
  });

  it('browses by the country filter alone: "Slovaquie" returns the one article naming Slovakia', async () => {
    const slovakia = site.slugsMatching(SLOVAKIA);
    expect(slovakia.length).toBe(1);
    expect(await slugsFor(null, { filters: { country: { any: ['Slovaquie'] } } })).toEqual(slovakia);
  });

  it('combines values of one facet with OR and facets with AND', async () => {
    const caesar = site.slugsMatching(/\bCaesar\b/i);
    const scalp = site.slugsMatching(/\bScalp\b/i);
    const union = [...new Set([...caesar, ...scalp])].sort();
    expect(await slugsFor(null, { filters: { weapon: { any: ['Caesar', 'Scalp'] } } })).toEqual(union);
    const czech = site.slugOf.get(ELISION_SEED) as string;
    expect(await slugsFor(null, { filters: { country: { any: ['République tchèque', 'Slovaquie'] } } })).toEqual(
      [czech, ...site.slugsMatching(SLOVAKIA)].sort(),
    );
    expect(await slugsFor(null, { filters: { weapon: { any: ['Caesar'] }, country: { any: ['République tchèque'] } } })).toEqual([]);
  });

  it('sorts by date, newest first, keeping every article (undated ones last)', async () => {
    const hits = await search(site.dist, null, { sort: { date: 'desc' } });
    expect(hits.length).toBe(site.slugOf.size);
    const dates = hits.map((h) => h.meta.datetime);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('returns title, date, source and excerpt metadata with each result', async () => {
    const [hit] = await search(site.dist, null, { filters: { country: 'République tchèque' } });
    expect(hit.meta.title).toBe("La République tchèque livre des munitions à l'Ukraine");
    expect(hit.meta.datetime).toBe('2024-04-12');
    expect(hit.meta.date).toBe('12 avril 2024');
    expect(hit.meta.excerpt).toMatch(/^Prague, 12 avril 2024/);
    expect(hit.filters.country).toEqual(expect.arrayContaining(['République tchèque', 'Ukraine']));
    expect(hit.filters.person).toEqual(expect.arrayContaining(['Petr Fiala', 'Volodymyr Zelensky']));
    expect(hit.filters.year).toEqual(['2024']);
  });
});

describe('facet counts built with the site', () => {
  it("recherche/facettes.json holds exactly the counts of Pagefind's filter index, values in French alphabetical order", async () => {
    const archive = JSON.parse(readFileSync(join(site.dist, 'recherche/facettes.json'), 'utf8')) as {
      articles: number;
      facets: Record<string, Array<[string, number]>>;
    };
    const api = await openIndex(site.dist);
    const filters = await api.filters();
    expect(archive.articles).toBe(site.slugOf.size);
    expect(Object.keys(archive.facets).sort()).toEqual(Object.keys(filters).sort());
    for (const [key, values] of Object.entries(archive.facets)) {
      expect(Object.fromEntries(values), key).toEqual(Object.fromEntries(Object.entries(filters[key]).filter(([, n]) => n > 0)));
      const names = values.map(([value]) => value);
      expect(names, key).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    }
    expect(Object.fromEntries(archive.facets.weapon).Caesar).toBe(site.slugsMatching(/\bCaesar\b/i).length);
  });
});
