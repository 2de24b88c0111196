import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS } from '../src/lib/gazetteer/types.ts';
import type { CountryProfile, OrganizationProfile, OutletProfile } from '../src/lib/gazetteer/types.ts';

/** Optional flags allowed on top of CountryProfile in countries.json. */
type CountryRow = CountryProfile & { capitalIsAmbiguous?: boolean; nameIsAmbiguous?: boolean };

const dataDir = join(import.meta.dirname, '..', 'src', 'data', 'gazetteer');
const load = <T>(file: string): T[] => JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as T[];

const countries = load<CountryRow>('countries.json');
const organizations = load<OrganizationProfile>('organizations.json');
const outlets = load<OutletProfile>('outlets.json');

/** Accent- and case-insensitive key, with typographic apostrophes normalised. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ]/g, "'").toLowerCase().trim();

/** Leading French articles that a matcher strips before looking a metonym up. */
const stripArticle = (s: string): string => s.replace(/^(?:l'|le |la |les )/i, '');

function countryForms(c: CountryRow): string[] {
  return [
    c.name,
    c.nameEn,
    ...c.aliases,
    ...(c.variants ?? []),
    ...c.adjectives,
    ...(c.compoundPrefixes ?? []),
    ...(c.capitalIsAmbiguous ? [] : [c.capital]),
    ...(c.metonyms ?? []),
  ];
}

/** Index: folded surface form -> set of entry ids. */
function index<T extends { id: string }>(rows: T[], forms: (row: T) => string[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const form of forms(row)) {
      const key = fold(form);
      if (!map.has(key)) map.set(key, new Set());
      map.get(key)!.add(row.id);
    }
  }
  return map;
}

const countryIndex = index(countries, countryForms);
/** Looks the form up as written, then without a leading article ("le Kremlin" → "Kremlin", but "La Haye" stays whole). */
const resolveCountry = (text: string): string[] => {
  const key = fold(text);
  return [...(countryIndex.get(key) ?? countryIndex.get(stripArticle(key)) ?? [])];
};

const orgForms = (o: OrganizationProfile) => [o.name, o.nameEn, ...o.aliases, ...(o.variants ?? [])];
const orgIndex = index(organizations, orgForms);
const resolveOrg = (text: string): string[] => [...(orgIndex.get(fold(text)) ?? [])];

const outletForms = (o: OutletProfile) => [o.name, ...o.aliases, ...o.domains];
const outletIndex = index(outlets, outletForms);
const resolveOutlet = (text: string): string[] => [...(outletIndex.get(fold(text)) ?? [])];

/** Word-boundary, case-insensitive scan of adjectives (the documented matching rule for adjectives). */
function findAdjectives(text: string): { id: string; text: string; start: number; end: number }[] {
  const byForm = new Map<string, string>();
  for (const c of countries) for (const a of c.adjectives) byForm.set(fold(a), c.id);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const escaped = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}-])(?:${escaped.join('|')})(?![\\p{L}-])`, 'giu');
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '');
  // Offsets are reported on the original text: folding only removes combining marks, so map back.
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFD').replace(/\p{M}/gu, '').length;
    for (let k = 0; k < n; k++) map.push(i);
    i += ch.length;
  }
  map.push(text.length);
  const out = [];
  for (const m of folded.matchAll(re)) {
    const start = map[m.index]!;
    const end = map[m.index + m[0].length]!;
    out.push({ id: byForm.get(m[0].toLowerCase())!, text: text.slice(start, end), start, end });
  }
  return out;
}

describe('countries.json', () => {
  it('lists at least the 193 UN members plus Kosovo, Palestine, Taiwan and the Holy See', () => {
    expect(countries.length).toBeGreaterThanOrEqual(197);
  });

  it('uses unique lowercase ASCII kebab-case ids', () => {
    const ids = countries.map((c) => c.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every country a unique two-letter upper-case ISO code', () => {
    const codes = countries.map((c) => c.iso2);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('contains the spot-checked ISO codes with the expected ids', () => {
    const byIso = new Map(countries.map((c) => [c.iso2, c.id]));
    const expected: Record<string, string> = {
      SK: 'slovakia',
      FR: 'france',
      US: 'united-states',
      GB: 'united-kingdom',
      DE: 'germany',
      UA: 'ukraine',
      RU: 'russia',
      PL: 'poland',
      XK: 'kosovo',
      PS: 'palestine',
      TW: 'taiwan',
      VA: 'vatican-city',
      CZ: 'czech-republic',
      KP: 'north-korea',
      KR: 'south-korea',
      NL: 'netherlands',
      CI: 'ivory-coast',
      CD: 'democratic-republic-of-the-congo',
      CG: 'republic-of-the-congo',
      TR: 'turkey',
      BY: 'belarus',
      MD: 'moldova',
      AE: 'united-arab-emirates',
      CN: 'china',
      TV: 'tuvalu',
      SS: 'south-sudan',
    };
    for (const [iso, id] of Object.entries(expected)) expect(byIso.get(iso), iso).toBe(id);
  });

  it('gives every country a capital, an English name and at least one adjective', () => {
    for (const c of countries) {
      expect(c.capital.length, c.id).toBeGreaterThan(0);
      expect(c.nameEn.length, c.id).toBeGreaterThan(0);
      expect(c.adjectives.length, c.id).toBeGreaterThan(0);
    }
  });

  it('prints French names without a leading article', () => {
    for (const c of countries) expect(c.name, c.id).not.toMatch(/^(?:l'|le |la |les )/i);
    expect(countries.find((c) => c.id === 'united-states')?.name).toBe('États-Unis');
    expect(countries.find((c) => c.id === 'netherlands')?.name).toBe('Pays-Bas');
    expect(countries.find((c) => c.id === 'north-korea')?.name).toBe('Corée du Nord');
    expect(countries.find((c) => c.id === 'czech-republic')?.name).toBe('République tchèque');
  });

  it('writes adjectives in lower case, in all their gender and number forms', () => {
    for (const c of countries) for (const a of c.adjectives) expect(a, c.id).toBe(a.toLowerCase());
    const fr = countries.find((c) => c.id === 'france')!;
    expect(fr.adjectives).toEqual(expect.arrayContaining(['français', 'française', 'françaises']));
    const ua = countries.find((c) => c.id === 'ukraine')!;
    expect(ua.adjectives).toEqual(expect.arrayContaining(['ukrainien', 'ukrainienne', 'ukrainiens', 'ukrainiennes']));
    const tr = countries.find((c) => c.id === 'turkey')!;
    expect(tr.adjectives).toEqual(expect.arrayContaining(['turc', 'turque', 'turcs', 'turques']));
  });

  it('resolves adjectives and compound prefixes to the right country', () => {
    expect(resolveCountry('britannique')).toEqual(['united-kingdom']);
    expect(resolveCountry('américain')).toEqual(['united-states']);
    expect(resolveCountry('américaines')).toEqual(['united-states']);
    expect(resolveCountry('slovaques')).toEqual(['slovakia']);
    expect(resolveCountry('nord-coréen')).toEqual(['north-korea']);
    expect(resolveCountry('franco')).toEqual(['france']);
    expect(resolveCountry('germano')).toEqual(['germany']);
    expect(resolveCountry('russo')).toEqual(['russia']);
    expect(resolveCountry('sino')).toEqual(['china']);
  });

  it('resolves capitals, seats of power and spelling variants to the right country', () => {
    const cases: Record<string, string> = {
      Moscou: 'russia',
      Kremlin: 'russia',
      'le Kremlin': 'russia',
      'Maison-Blanche': 'united-states',
      'la Maison-Blanche': 'united-states',
      Pentagone: 'united-states',
      Élysée: 'france',
      "l'Élysée": 'france',
      'l’Élysée': 'france',
      Matignon: 'france',
      "Quai d'Orsay": 'france',
      Pékin: 'china',
      Beijing: 'china',
      Londres: 'united-kingdom',
      'Downing Street': 'united-kingdom',
      Berlin: 'germany',
      Bruxelles: 'belgium',
      Washington: 'united-states',
      Paris: 'france',
      Kyiv: 'ukraine',
      Kiev: 'ukraine',
      Varsovie: 'poland',
      Bratislava: 'slovakia',
      Caire: 'egypt',
      'La Haye': 'netherlands',
    };
    for (const [text, id] of Object.entries(cases)) expect(resolveCountry(text), text).toEqual([id]);
  });

  it('resolves French and English aliases', () => {
    expect(resolveCountry('Grande-Bretagne')).toEqual(['united-kingdom']);
    expect(resolveCountry('Tchéquie')).toEqual(['czech-republic']);
    expect(resolveCountry('Bélarus')).toEqual(['belarus']);
    expect(resolveCountry('Moldova')).toEqual(['moldova']);
    expect(resolveCountry('Türkiye')).toEqual(['turkey']);
    expect(resolveCountry('EAU')).toEqual(['united-arab-emirates']);
    expect(resolveCountry('Fédération de Russie')).toEqual(['russia']);
    expect(resolveCountry('Etats-Unis')).toEqual(['united-states']);
  });

  it('keeps out the surface forms judged too ambiguous', () => {
    for (const form of ['US', 'Amérique', 'Hollande', 'Angleterre', 'anglais', 'coréen', 'congolais', 'indo', 'Corée'])
      expect(resolveCountry(form), form).toEqual([]);
  });

  it('flags capitals that are ordinary words or common names so the matcher can skip them', () => {
    const flagged = new Set(countries.filter((c) => c.capitalIsAmbiguous).map((c) => c.capital));
    for (const cap of ['Victoria', 'Malé', 'Roseau', 'Kingston', 'Georgetown', 'Castries', 'Praia', 'Santiago']) expect(flagged.has(cap), cap).toBe(true);
    expect(flagged.has('Washington')).toBe(false);
    expect(resolveCountry('Victoria')).toEqual([]);
  });

  it('shares no surface form between two countries', () => {
    const clashes = [...countryIndex].filter(([, ids]) => ids.size > 1).map(([form, ids]) => `${form}: ${[...ids]}`);
    expect(clashes).toEqual([]);
  });

  it('finds adjectives in running text on word boundaries, with offsets', () => {
    const text = 'Le ministre français de la Défense a remercié les forces ukrainiennes et un allié slovaque.';
    expect(findAdjectives(text)).toEqual([
      { id: 'france', text: 'français', start: 12, end: 20 },
      { id: 'ukraine', text: 'ukrainiennes', start: 57, end: 69 },
      { id: 'slovakia', text: 'slovaque', start: 82, end: 90 },
    ]);
    // "sud-africain" must not be read as "africain"-anything, nor "sud-coréen" as a bare Korean.
    expect(findAdjectives('un blindé sud-africain').map((m) => m.id)).toEqual(['south-africa']);
    expect(findAdjectives('Les Françaises').map((m) => m.text)).toEqual(['Françaises']);
  });
});

describe('organizations.json', () => {
  it('has at least 80 entries with unique kebab-case ids and valid kinds', () => {
    expect(organizations.length).toBeGreaterThanOrEqual(80);
    const ids = organizations.map((o) => o.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of organizations) expect(ORGANIZATION_KINDS, o.id).toContain(o.kind);
  });

  it('points headquarters at known country ids', () => {
    const ids = new Set(countries.map((c) => c.id));
    for (const o of organizations) if (o.country) expect(ids.has(o.country), `${o.id} → ${o.country}`).toBe(true);
  });

  it('maps OTAN and NATO, UE and Union européenne to the same entries', () => {
    expect(resolveOrg('OTAN')).toEqual(['nato']);
    expect(resolveOrg('NATO')).toEqual(['nato']);
    expect(resolveOrg('Otan')).toEqual(['nato']);
    expect(resolveOrg('UE')).toEqual(['european-union']);
    expect(resolveOrg('Union européenne')).toEqual(['european-union']);
  });

  it('maps the coalitions and the Ramstein group to one entry each', () => {
    expect(resolveOrg('coalition des volontaires')).toEqual(['coalition-of-the-willing']);
    expect(resolveOrg('Alliance des volontaires')).toEqual(['coalition-of-the-willing']);
    expect(resolveOrg("coalition d'artillerie")).toEqual(['artillery-coalition']);
    expect(resolveOrg('coalition d’artillerie')).toEqual(['artillery-coalition']);
    expect(resolveOrg('groupe de Ramstein')).toEqual(['ukraine-defense-contact-group']);
    expect(resolveOrg('Ukraine Defense Contact Group')).toEqual(['ukraine-defense-contact-group']);
    expect(resolveOrg('KNDS France')).toEqual(['nexter']);
  });

  it('never uses a bare lower-case word, "UN" or "X" as an alias', () => {
    for (const o of organizations)
      for (const a of o.aliases) {
        expect(/^[\p{Ll}]+$/u.test(a), `${o.id}: ${a}`).toBe(false);
        expect(['UN', 'X', 'US', 'CSG'], `${o.id}: ${a}`).not.toContain(a);
      }
  });

  it('shares no alias between two organisations', () => {
    const clashes = [...orgIndex].filter(([, ids]) => ids.size > 1).map(([form, ids]) => `${form}: ${[...ids]}`);
    expect(clashes).toEqual([]);
  });
});

describe('outlets.json', () => {
  it('has at least 40 outlets with unique ids and bare domains', () => {
    expect(outlets.length).toBeGreaterThanOrEqual(40);
    const ids = outlets.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of outlets) {
      expect(o.domains.length, o.id).toBeGreaterThan(0);
      for (const d of o.domains) expect(d, o.id).toMatch(/^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
    }
  });

  it('resolves attribution short forms and domains', () => {
    expect(resolveOutlet('AA')).toEqual(['anadolu']);
    expect(resolveOutlet('Anadolu Ajansı')).toEqual(['anadolu']);
    expect(resolveOutlet('aa.com.tr')).toEqual(['anadolu']);
    expect(resolveOutlet('rt.com')).toEqual(['rt']);
    expect(resolveOutlet('francais.rt.com')).toEqual(['rt']);
    expect(resolveOutlet('Russia Today')).toEqual(['rt']);
    expect(resolveOutlet('Agence France-Presse')).toEqual(['afp']);
    expect(resolveOutlet('opex360.com')).toEqual(['zone-militaire']);
    expect(resolveOutlet('Interfax-Ukraine')).toEqual(['interfax-ukraine']);
  });

  it('shares no alias or domain between two outlets', () => {
    const clashes = [...outletIndex].filter(([, ids]) => ids.size > 1).map(([form, ids]) => `${form}: ${[...ids]}`);
    expect(clashes).toEqual([]);
  });
});
