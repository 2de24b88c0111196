import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGazetteer, getAliasIndex } from '../src/lib/gazetteer/compile.ts';
import { fold } from '../src/lib/extract/text/fold.ts';
import { loadGazetteer } from '../src/lib/gazetteer/load.ts';
import type { Gazetteer } from '../src/lib/gazetteer/types.ts';

function base(): Gazetteer {
  return {
    weapons: [
      { id: 'caesar', name: 'Caesar', nameEn: 'CAESAR', aliases: ['César'], category: 'artillery', origin: ['france'] },
      {
        id: 'storm-shadow',
        name: 'Storm Shadow',
        nameEn: 'Storm Shadow',
        aliases: ['missile', 'Scalp-EG'],
        category: 'cruise-missile',
        origin: ['united-kingdom'],
      },
    ],
    countries: [
      {
        id: 'france',
        name: 'France',
        nameEn: 'France',
        aliases: [],
        iso2: 'FR',
        adjectives: ['français', 'française'],
        compoundPrefixes: ['franco'],
        capital: 'Paris',
        metonyms: ["l'Élysée"],
      },
      {
        id: 'united-states',
        name: 'États-Unis',
        nameEn: 'United States',
        aliases: ['USA'],
        iso2: 'US',
        adjectives: ['américain'],
        capital: 'Washington',
        metonyms: ['la Maison-Blanche'],
      },
    ],
    people: [{ id: 'emmanuel-macron', name: 'Emmanuel Macron', nameEn: 'Emmanuel Macron', aliases: [], surnames: ['Macron'], country: 'france', offices: [] }],
    organizations: [{ id: 'nato', name: 'OTAN', nameEn: 'NATO', aliases: ['Otan'], kind: 'alliance' }],
    outlets: [{ id: 'anadolu', name: 'Anadolu', aliases: ['AA'], domains: ['aa.com.tr'] }],
  };
}

describe('fold', () => {
  it('lower-cases, strips diacritics, expands ligatures and collapses separators', () => {
    expect(fold('États-Unis')).toBe('etats unis');
    expect(fold('Sébastien  Lecornu')).toBe('sebastien lecornu');
    expect(fold('Œuvre Cæsar')).toBe('oeuvre caesar');
    expect(fold('l’Élysée')).toBe("l'elysee");
    expect(fold('Jaroslav Naď')).toBe('jaroslav nad');
    expect(fold('S--300 ')).toBe('s 300');
  });
});

describe('compileGazetteer', () => {
  it('indexes entities by id and resolves their type and name', () => {
    const cg = compileGazetteer(base());
    expect(cg.weapons.get('caesar')?.name).toBe('Caesar');
    expect(cg.typeOf('nato')).toBe('organization');
    expect(cg.typeOf('emmanuel-macron')).toBe('person');
    expect(cg.nameOf('united-states')).toBe('États-Unis');
    expect(cg.typeOf('unknown')).toBeUndefined();
  });

  it('maps folded adjectives and compound prefixes to their country', () => {
    const cg = compileGazetteer(base());
    expect(cg.countryByAdjective.get('francaise')).toBe('france');
    expect(cg.countryByAdjective.get('americain')).toBe('united-states');
    expect(cg.countryByPrefix.get('franco')).toBe('france');
  });

  it('keys aliases by folded tokens and strips the article of metonyms', () => {
    const index = getAliasIndex(compileGazetteer(base()));
    expect(index.byKey.get('etats unis')?.[0].id).toBe('united-states');
    expect(index.byKey.get('maison blanche')?.[0]).toMatchObject({ id: 'united-states', kind: 'metonym' });
    expect(index.byKey.get('elysee')?.[0].id).toBe('france');
    expect(index.byKey.get('macron')?.[0]).toMatchObject({ id: 'emmanuel-macron', kind: 'surname' });
    expect(index.firstMax.get('emmanuel')).toBe(2);
  });

  it('drops generic weapon words with a warning', () => {
    const index = getAliasIndex(compileGazetteer(base()));
    expect(index.byKey.has('missile')).toBe(false);
    expect(index.warnings.some((w) => w.includes('"missile"'))).toBe(true);
  });

  it('throws on a duplicate id, naming it', () => {
    const g = base();
    g.organizations.push({ id: 'france', name: 'France Télévisions', nameEn: 'France Televisions', aliases: [], kind: 'media' });
    expect(() => compileGazetteer(g)).toThrow(/duplicate id "france" \(in countries and organizations\)/);
  });

  it('throws when two entities claim the same alias, naming both ids and the alias', () => {
    const g = base();
    g.weapons.push({ id: 'nato-missile', name: 'Otan', nameEn: 'Otan', aliases: [], category: 'other', origin: [] });
    expect(() => compileGazetteer(g)).toThrow(/alias "OTAN" is claimed by two entities: weapon "nato-missile" \("Otan"\) and organization "nato"/);
  });

  it('treats accent and case variants of an alias as the same alias', () => {
    const g = base();
    g.countries.push({ id: 'usa-bis', name: 'Etats Unis', nameEn: 'x', aliases: [], iso2: 'XX', adjectives: [], capital: '' });
    expect(() => compileGazetteer(g)).toThrow(/"usa-bis"/);
  });
});

describe('loadGazetteer', () => {
  function writeDir(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaz-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, `${name}.json`), text);
    return dir;
  }
  const g = base();
  const valid = {
    weapons: JSON.stringify(g.weapons),
    countries: JSON.stringify(g.countries),
    people: JSON.stringify(g.people),
    organizations: JSON.stringify(g.organizations),
    outlets: JSON.stringify(g.outlets),
  };

  it('reads the five files of a directory', () => {
    const loaded = loadGazetteer(writeDir(valid));
    expect(loaded.weapons.map((w) => w.id)).toEqual(['caesar', 'storm-shadow']);
    expect(loaded.outlets[0].domains).toEqual(['aa.com.tr']);
  });

  it('names the file that is missing', () => {
    const { people: _omit, ...rest } = valid;
    expect(() => loadGazetteer(writeDir(rest))).toThrow(/people\.json cannot be read/);
  });

  it('names the file that is not valid JSON', () => {
    expect(() => loadGazetteer(writeDir({ ...valid, countries: '[{"id": ' }))).toThrow(/countries\.json is not valid JSON/);
  });

  it('names the file and entry with a malformed field', () => {
    const bad = JSON.stringify([{ id: 'x', name: 'X', nameEn: 'X', aliases: 'X', kind: 'alliance' }]);
    expect(() => loadGazetteer(writeDir({ ...valid, organizations: bad }))).toThrow(/organizations\.json: entry "x" field "aliases"/);
  });

  it('rejects a misspelt field, an unknown category and an impossible office date', () => {
    const [caesar] = g.weapons;
    const typo = JSON.stringify([{ ...caesar, alias: ['x'] }]);
    expect(() => loadGazetteer(writeDir({ ...valid, weapons: typo }))).toThrow(/weapons\.json: entry "caesar".*alias/);
    const category = JSON.stringify([{ ...caesar, category: 'tanks' }]);
    expect(() => loadGazetteer(writeDir({ ...valid, weapons: category }))).toThrow(/weapons\.json: entry "caesar" field "category"/);
    const [macron] = g.people;
    const office = { role: 'head-of-state', title: 'président', of: 'france', start: '2017-02-30', end: null };
    const date = JSON.stringify([{ ...macron, offices: [office] }]);
    expect(() => loadGazetteer(writeDir({ ...valid, people: date }))).toThrow(
      /people\.json: entry "emmanuel-macron" field "offices\.0\.start": not a real calendar day/,
    );
  });

  it('validates the project gazetteer with the same schemas', () => {
    const own = loadGazetteer();
    expect(own.weapons.length).toBeGreaterThan(100);
    expect(own.people.every((p) => p.offices.every((o) => o.end === null || o.start <= o.end))).toBe(true);
  });
});
