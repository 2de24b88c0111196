import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEAPON_CATEGORIES } from '../src/lib/gazetteer/types.ts';
import type { WeaponProfile } from '../src/lib/gazetteer/types.ts';
import { loadGazetteer } from '../src/lib/gazetteer/load.ts';
import { compileGazetteer, getAliasIndex } from '../src/lib/gazetteer/compile.ts';

const weapons: WeaponProfile[] = JSON.parse(readFileSync(join(import.meta.dirname, '../src/data/gazetteer/weapons.json'), 'utf8'));

/** Case- and accent-insensitive key, whitespace collapsed (mirrors how the matcher compares text). */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
/** Looser key that also ignores punctuation and spacing ("T-72" = "T72" = "T 72"). */
const loose = (s: string): string => fold(s).replace(/[^\p{L}\p{N}]/gu, '');

/** Every surface form of an entry that can match in text. */
const formsOf = (w: WeaponProfile): string[] => [w.name, w.nameEn, ...w.aliases, ...(w.variants ?? [])];
/** Forms beyond the name pair (name and nameEn may legitimately be identical). */
const extraFormsOf = (w: WeaponProfile): string[] => [...w.aliases, ...(w.variants ?? [])];

const STOP_WORDS = [
  'missile',
  'missiles',
  'drone',
  'drones',
  'obusier',
  'obusiers',
  'char',
  'chars',
  'canon',
  'canons',
  'roquette',
  'roquettes',
  'bombe',
  'bombes',
  'avion',
  'avions',
  'hélicoptère',
  'hélicoptères',
  'défense aérienne',
  'artillerie',
  'munition',
  'munitions',
  // generic English / acronym tokens that would match any report
  'tank',
  'tanks',
  'rocket',
  'rockets',
  'howitzer',
  'air defence',
  'air defense',
  'mlrs',
  'rpg',
  'fpv',
  'sam',
  'manpads',
  'mrap',
  'apc',
  'ifv',
  'atgm',
  'uav',
  'jet',
  'chasseur',
  'blindé',
  'blindés',
].map(fold);

/** Resolve a surface form to the id of the entry that owns it, as a matcher would. */
const index = new Map<string, string>();
for (const w of weapons) for (const f of formsOf(w)) index.set(fold(f), w.id);
const resolve = (form: string): string | undefined => index.get(fold(form));

describe('weapons gazetteer', () => {
  it('lists at least 140 weapon systems', () => {
    expect(weapons.length).toBeGreaterThanOrEqual(140);
  });

  it('uses unique lowercase ASCII kebab-case ids', () => {
    const ids = weapons.map((w) => w.id);
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fills name, nameEn and alias arrays with trimmed strings of at least three characters', () => {
    for (const w of weapons) {
      expect(Array.isArray(w.aliases), w.id).toBe(true);
      if (w.variants !== undefined) expect(Array.isArray(w.variants), w.id).toBe(true);
      if (w.notes !== undefined) expect(w.notes.length, w.id).toBeGreaterThan(10);
      for (const f of formsOf(w)) {
        expect(typeof f, w.id).toBe('string');
        expect(f, `${w.id}: "${f}"`).toBe(f.trim());
        expect(f.length, `${w.id}: "${f}"`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('files every entry under a known category and covers every category', () => {
    const known = new Set<string>(WEAPON_CATEGORIES);
    for (const w of weapons) expect(known.has(w.category), `${w.id}: ${w.category}`).toBe(true);
    const used = new Set(weapons.map((w) => w.category));
    for (const c of WEAPON_CATEGORIES) expect(used.has(c), `no entry in category ${c}`).toBe(true);
  });

  it('gives origins as kebab-case country ids and never a defunct state', () => {
    const defunct = new Set(['soviet-union', 'ussr', 'czechoslovakia', 'yugoslavia', 'east-germany', 'west-germany']);
    for (const w of weapons) {
      expect(w.origin.length, w.id).toBeGreaterThan(0);
      for (const o of w.origin) {
        expect(o, `${w.id}: ${o}`).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(defunct.has(o), `${w.id}: ${o}`).toBe(false);
      }
    }
  });

  it('links families only to other existing entries', () => {
    const ids = new Set(weapons.map((w) => w.id));
    for (const w of weapons) {
      if (w.family === undefined) continue;
      expect(w.family, w.id).not.toBe(w.id);
      expect(ids.has(w.family), `${w.id} → ${w.family}`).toBe(true);
    }
  });

  it('never shares a surface form between two entries, ignoring case and accents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const w of weapons) {
      for (const key of new Set(formsOf(w).map(fold))) {
        const prev = owner.get(key);
        if (prev !== undefined && prev !== w.id) clashes.push(`"${key}": ${prev} / ${w.id}`);
        owner.set(key, w.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('never shares a surface form between two entries, ignoring punctuation and spacing too', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const w of weapons) {
      for (const key of new Set(formsOf(w).map(loose))) {
        const prev = owner.get(key);
        if (prev !== undefined && prev !== w.id) clashes.push(`"${key}": ${prev} / ${w.id}`);
        owner.set(key, w.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no form that is another entry’s form plus a plural s', () => {
    const clashes: string[] = [];
    for (const w of weapons) {
      for (const f of formsOf(w)) {
        const other = index.get(fold(f) + 's');
        if (other !== undefined && other !== w.id) clashes.push(`"${f}" (${w.id}) + s = ${other}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('does not repeat the name or another alias inside an entry', () => {
    for (const w of weapons) {
      const seen = new Set([fold(w.name), fold(w.nameEn)]);
      for (const f of extraFormsOf(w)) {
        expect(seen.has(fold(f)), `${w.id}: duplicate "${f}"`).toBe(false);
        seen.add(fold(f));
      }
    }
  });

  it('never uses a generic word as a name, alias or variant', () => {
    for (const w of weapons) {
      for (const f of formsOf(w)) expect(STOP_WORDS.includes(fold(f)), `${w.id}: "${f}"`).toBe(false);
    }
  });

  it('resolves the required spellings to the right entry', () => {
    expect(resolve('Storm Shadow')).toBe('scalp-storm-shadow');
    expect(resolve('SCALP-EG')).toBe('scalp-storm-shadow');
    expect(resolve('Scalp')).toBe('scalp-storm-shadow');
    expect(resolve('Hammer')).toBe('a2sm-hammer');
    expect(resolve('AASM')).toBe('a2sm-hammer');
    expect(resolve('A2SM')).toBe('a2sm-hammer');
    expect(resolve('César')).toBe('caesar');
    expect(resolve('Cesar')).toBe('caesar');
    expect(resolve('CAESAR')).toBe('caesar');
    expect(resolve('MIM-104')).toBe('patriot');
    expect(resolve('Mamba')).toBe('samp-t');
    expect(resolve('SAMP-T')).toBe('samp-t');
    expect(resolve('IRIS-T')).toBe('iris-t-slm');
    expect(resolve('Léopard 2')).toBe('leopard-2');
    expect(resolve('himars')).toBe('himars');
    expect(resolve('Geran-2')).toBe('shahed-136');
    expect(resolve('Kinzhal')).toBe('kinjal');
    expect(resolve('Aster')).toBe('aster-30');
    expect(resolve('PAC-3')).toBe('pac-3-mse');
    expect(resolve('Bayraktar TB-2')).toBe('bayraktar-tb2');
  });

  it('files ATACMS as a ballistic missile and the AMX-10 RC as a tank', () => {
    const byId = new Map(weapons.map((w) => [w.id, w]));
    expect(byId.get('atacms')?.category).toBe('ballistic-missile');
    expect(byId.get('amx-10-rc')?.category).toBe('tank');
    expect(byId.get('aster-30')?.family).toBe('samp-t');
    expect(byId.get('pac-3-mse')?.family).toBe('patriot');
  });

  it('keeps ambiguous bare words out on purpose', () => {
    for (const bare of ['Zuzana', 'Kozak', 'Tornado', 'Phoenix', 'Vampire', 'Mars', 'Challenger', 'LAW']) {
      expect(resolve(bare), bare).toBeUndefined();
    }
    // Bare "Strela" means the shoulder-fired missile; the vehicle system is always written with its number.
    expect(resolve('Strela')).toBe('strela-2');
    expect(resolve('Strela-10')).toBe('strela-10');
  });

  it('compiles with the project compiler alongside the other gazetteer files without conflicts or dropped aliases', () => {
    const cg = compileGazetteer(loadGazetteer());
    expect(cg.weapons.size).toBe(weapons.length);
    const warnings = getAliasIndex(cg).warnings.filter((w) => w.startsWith('weapon'));
    expect(warnings).toEqual([]);
  });
});

describe('weapons gazetteer: homonyms, "/" names and the F-35', () => {
  const cg = compileGazetteer(loadGazetteer());
  const index = getAliasIndex(cg);
  const segment = (body: string) => ({
    body,
    paragraphs: [{ text: body, start: 0, end: body.length }],
    sentences: [{ text: body, start: 0, end: body.length, paragraph: 0 }],
  });
  const weaponIds = async (body: string) => {
    const { extractEntities } = await import('../src/lib/extract/entities.ts');
    return extractEntities(segment(body), cg).weapons.map((w) => w.id);
  };

  it('marks product names that are also common words or places as ambiguous', () => {
    for (const key of ['milan', 'taurus', 'tomahawk', 'flamingo', 'piorun', 'spike']) {
      const entries = index.byKey.get(key) ?? [];
      const weapon = entries.find((e) => e.type === 'weapon');
      if (weapon) expect(weapon.ambiguous, key).toBe(true);
    }
  });

  it('does not read the city of Milan as the MILAN missile, but does in a military sentence', async () => {
    expect(await weaponIds('Le salon du design de Milan a ouvert ses portes mardi.')).toEqual([]);
    expect(await weaponIds('Rome a livré des missiles antichars Milan à Kiev.')).toContain('milan');
  });

  it('matches names written with a slash as written', async () => {
    expect(await weaponIds("L'Italie a livré un second système SAMP/T et des hélicoptères Mi-8/17.")).toEqual(['samp-t', 'mi-8']);
  });

  it('knows the F-35', async () => {
    expect(await weaponIds('Les F-35 commandés par la Belgique remplaceront ses avions de combat.')).toEqual(['f-35']);
  });
});
