/**
 * Compiles the gazetteer once per run into lookup structures for the entity stage:
 * an n-gram alias index keyed by folded token sequences (no regex alternation), surname
 * tables for person matching, a bigram index for bounded fuzzy surname matching, and the
 * CompiledGazetteer maps. Validates the data: duplicate ids and aliases claimed by two
 * entities throw an Error naming both ids and the alias.
 */
import type { CompiledGazetteer, CountryProfile, EntityType, Gazetteer, OrganizationProfile, OutletProfile, PersonProfile, WeaponProfile } from './types.ts';
import { fold, foldWord } from '../extract/text/fold.ts';

/** How an alias token must be written in the text. */
export const CASE_ANY = 0; // all-lowercase alias token: any case
export const CASE_INITIAL = 1; // alias token starts upper-case: text token must start upper-case
export const CASE_ACRONYM = 2; // alias token is an all-caps acronym of 2–3 letters: text token all caps
export const CASE_ACRONYM_LONG = 3; // all-caps acronym of ≥ 4 letters: all caps or title case ("OTAN"/"Otan")

export type AliasKind = 'alias' | 'capital' | 'metonym' | 'adjective' | 'surname';

export interface AliasEntry {
  /** Entity id (for surnames shared by several people: the candidates are in `ids`). */
  id: string;
  /** Candidate ids: length 1 except for surnames shared by several people. */
  ids: string[];
  type: EntityType;
  kind: AliasKind;
  /** Alias as written in the gazetteer. */
  alias: string;
  /** Number of tokens of the folded alias. */
  size: number;
  /** One CASE_* code per token. */
  caseMask: number[];
  /** Weapon alias that is also a person/place name or a common word: accepted only in weapon context. */
  ambiguous: boolean;
  /** Country name that is also a given name ("Maurice"): only after a place preposition ("à Maurice", "l'île Maurice"). */
  placeOnly: boolean;
}

export interface FuzzyName {
  /** Folded surname. */
  key: string;
  ids: string[];
}

/** Trie over token ids: children by token id, entries of the alias ending here. */
export interface TrieNode {
  next: Map<number, TrieNode> | null;
  entries: AliasEntry[] | null;
}

/** What the matcher needs to know about one folded text token (one Map lookup per token). */
export interface TokenInfo {
  /** Token id in the alias vocabulary, or -1. */
  exact: number;
  /** Id of the token without a plural s/x ("caesars" → "caesar"), or -1. */
  strip: number;
  /** Country of a compound prefix ("franco" → "france"), or null. */
  prefix: string | null;
  /** The token alone (or without plural) is a country adjective. */
  adjective: boolean;
  /** trie.next.get(exact) and trie.next.get(strip): the first trie step, precomputed (one Map lookup less per token). */
  rootExact: TrieNode | undefined;
  rootStrip: TrieNode | undefined;
}

export interface AliasIndex {
  /** Folded token → TokenInfo, for every token of every alias (and their plural forms). */
  tokens: Map<string, TokenInfo>;
  /** Root of the token-id trie of all aliases. */
  trie: TrieNode;
  /** Folded token sequence joined by single spaces → entries (strong kinds before surnames). */
  byKey: Map<string, AliasEntry[]>;
  /** First folded token → largest alias size starting with it. */
  firstMax: Map<string, number>;
  maxTokens: number;
  /** Compound prefixes ("franco") → country id. */
  prefixes: Map<string, string>;
  /** Surnames for fuzzy matching (≥ 5 letters), with a bigram → surname-index posting list. */
  fuzzyNames: FuzzyName[];
  /** Bigram code (c1 * 65536 + c2) → indices into fuzzyNames. */
  fuzzyBigrams: Map<number, number[]>;
  /** Person id → folded given-name tokens (first tokens of multi-token full-name aliases). */
  givenNames: Map<string, string[]>;
  /** Person id → nationality country id. */
  personCountry: Map<string, string>;
  /** Non-fatal data problems found while compiling (dropped generic aliases, ambiguous adjectives). */
  warnings: string[];
}

/** Same tokenisation as the entity stage: runs of letters/digits, folded. */
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

export function aliasTokens(alias: string): string[] {
  return alias.match(TOKEN_RE) ?? [];
}

function caseCode(raw: string): number {
  const letters = raw.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return letters.length >= 4 ? CASE_ACRONYM_LONG : CASE_ACRONYM;
  }
  const first = raw[0];
  if (first !== first.toLowerCase() && first === first.toUpperCase()) return CASE_INITIAL;
  return CASE_ANY;
}

/** Generic words that must never be weapon aliases (they would tag every article). */
const GENERIC_WEAPON_ALIASES = new Set([
  'missile',
  'missiles',
  'drone',
  'drones',
  'char',
  'chars',
  'obus',
  'obusier',
  'obusiers',
  'munition',
  'munitions',
  'artillerie',
  'canon',
  'canons',
  'roquette',
  'roquettes',
  'bombe',
  'bombes',
  'avion',
  'avions',
  'helicoptere',
  'helicopteres',
  'arme',
  'armes',
  'blinde',
  'blindes',
  'tank',
  'tanks',
  'missiles de croisiere',
  'missile de croisiere',
  'defense aerienne',
  'defense antiaerienne',
  'avion de chasse',
  'avions de chasse',
  'char de combat',
  'chars de combat',
  'systeme',
  'systemes',
  'batterie',
  'batteries',
  'vehicule',
  'vehicules',
  'radar',
  'radars',
  'fusil',
  'fusils',
  'mortier',
  'mortiers',
  'lance roquettes',
  'missile balistique',
  'missiles balistiques',
  'chasseur',
  'chasseurs',
]);

/**
 * Weapon names that are also ordinary words or names in French copy: accepted only in weapon
 * context (see entities.ts). People's given names/surnames and place names are added at compile time.
 */
const WEAPON_HOMONYMS = new Set([
  'cesar',
  'caesar',
  'hermes',
  'neptune',
  'archer',
  'puma',
  'hammer',
  'hawk',
  'lynx',
  'boxer',
  'fox',
  'mamba',
  'abrams',
  'bradley',
  'mistral',
  'aster',
  'fury',
  'vampire',
  'jackal',
  'tigre',
  'cobra',
  'piranha',
  'dingo',
  'tor',
  'grad',
  'buk',
  'krab',
  'marder',
  'gepard',
  'leopard',
  'challenger',
  'stinger',
  'javelin',
  'patriot',
  'scalp',
  'crotale',
  'harpoon',
  'brimstone',
  'starstreak',
  'martlet',
  'storm',
  'shadow',
  'phoenix',
  'switchblade',
  'excalibur',
  'spartan',
  'mastiff',
  'husky',
  'wolfhound',
  'bastion',
  'oshkosh',
  'humvee',
  'griffon',
  'jaguar',
  'serval',
  'rafale',
  'mirage',
  'tigre',
  'caracal',
  'cougar',
  'gazelle',
  'puma',
  'alouette',
  'sea king',
  'lancet',
  'orlan',
  'shahed',
  // Also given names, places, animals, gods or common words (review of weapons.json): "Milan" is the city.
  'milan',
  'dana',
  'bohdana',
  'paladin',
  'taurus',
  'tomahawk',
  'flamingo',
  'osa',
  'avenger',
  'stormer',
  'senator',
  'saxon',
  'vector',
  'matador',
  'spike',
  'moskva',
  'kub',
  'onyx',
  'bulat',
  'oplot',
  'magura',
  'piorun',
  'zircon',
  'sidewinder',
  'peklo',
  'palianytsia',
]);

const LEADING_ARTICLE = /^(?:le|la|les|l')\s*(?=\p{Lu})/iu;

interface Claim {
  id: string;
  type: EntityType;
}

const INDEX_CACHE = new WeakMap<CompiledGazetteer, AliasIndex>();

/** The alias index of a compiled gazetteer (built by compileGazetteer, or lazily for foreign objects). */
export function getAliasIndex(cg: CompiledGazetteer): AliasIndex {
  let index = INDEX_CACHE.get(cg);
  if (!index) {
    index = buildAliasIndex(cg.data);
    INDEX_CACHE.set(cg, index);
  }
  return index;
}

function assertIds(list: { id: string }[], file: string, seen: Map<string, string>): void {
  for (const item of list) {
    if (!item || typeof item.id !== 'string' || item.id === '') {
      throw new Error(`Gazetteer ${file}: entry without an id (${JSON.stringify(item).slice(0, 80)})`);
    }
    const before = seen.get(item.id);
    if (before) throw new Error(`Gazetteer: duplicate id "${item.id}" (in ${before} and ${file})`);
    seen.set(item.id, file);
  }
}

/** Builds the alias index; throws on alias conflicts between two entities. */
export function buildAliasIndex(g: Gazetteer): AliasIndex {
  const byKey = new Map<string, AliasEntry[]>();
  const strongClaims = new Map<string, Claim & { alias: string }>();
  const warnings: string[] = [];
  const personCountry = new Map<string, string>();
  const givenNames = new Map<string, string[]>();
  const surnameIds = new Map<string, { ids: string[]; raw: string }>();
  const placeKeys = new Set<string>();
  const personKeys = new Set<string>();

  for (const p of g.people) {
    for (const s of p.surnames ?? []) personKeys.add(fold(s));
    for (const a of [p.name, ...(p.aliases ?? [])]) {
      const toks = aliasTokens(a);
      if (toks.length >= 2) personKeys.add(foldWord(toks[0]));
    }
  }
  for (const c of g.countries) {
    for (const a of [c.name, c.capital, ...(c.aliases ?? [])]) if (a) placeKeys.add(fold(a));
  }

  const add = (raw: string, id: string, type: EntityType, kind: AliasKind, placeOnly = false): void => {
    if (typeof raw !== 'string') return;
    let text = raw.trim();
    if (kind === 'metonym') text = text.replace(LEADING_ARTICLE, '');
    const toks = aliasTokens(text);
    if (toks.length === 0) return;
    const key = toks.map(foldWord).join(' ');
    if (type === 'weapon' && GENERIC_WEAPON_ALIASES.has(key)) {
      warnings.push(`weapon ${id}: generic alias "${raw}" ignored`);
      return;
    }
    if (kind !== 'surname' && kind !== 'adjective') {
      const claim = strongClaims.get(key);
      if (claim && claim.id !== id) {
        throw new Error(`Gazetteer: alias "${raw}" is claimed by two entities: ${claim.type} "${claim.id}" ("${claim.alias}") and ${type} "${id}"`);
      }
      if (!claim) strongClaims.set(key, { id, type, alias: raw });
    }
    const caseMask = toks.map(caseCode);
    const list = byKey.get(key) ?? [];
    // Same entity, same key: keep the least restrictive case mask.
    const same = list.find((e) => e.id === id && e.kind === kind);
    if (same) {
      same.caseMask = same.caseMask.map((c, i) => Math.min(c, caseMask[i] ?? 0));
      return;
    }
    const single = toks.length === 1 && !/\d/.test(toks[0]);
    const ambiguous = type === 'weapon' && single && (WEAPON_HOMONYMS.has(key) || personKeys.has(key) || placeKeys.has(key));
    list.push({ id, ids: [id], type, kind, alias: raw, size: toks.length, caseMask, ambiguous, placeOnly });
    byKey.set(key, list);
  };

  const names = (e: { name: string; nameEn?: string; aliases?: string[]; variants?: string[] }): string[] => [
    e.name,
    ...(e.nameEn ? [e.nameEn] : []),
    ...(e.aliases ?? []),
    ...(e.variants ?? []),
  ];

  for (const w of g.weapons) for (const a of names(w)) add(a, w.id, 'weapon', 'alias');
  for (const c of g.countries) {
    for (const a of names(c)) add(a, c.id, 'country', 'alias', a === c.name && c.nameIsAmbiguous === true);
    for (const m of c.metonyms ?? []) add(m, c.id, 'country', 'metonym');
    const flagged = c.capitalIsAmbiguous === true;
    if (c.capital && !flagged) add(c.capital, c.id, 'country', 'capital');
  }
  for (const o of g.organizations) for (const a of names(o)) add(a, o.id, 'organization', 'alias');
  for (const p of g.people) {
    personCountry.set(p.id, p.country);
    for (const a of names(p)) {
      add(a, p.id, 'person', 'alias');
      const toks = aliasTokens(a);
      if (toks.length >= 2) {
        const given = givenNames.get(p.id) ?? [];
        const first = foldWord(toks[0]);
        if (!given.includes(first)) given.push(first);
        givenNames.set(p.id, given);
      }
    }
    for (const s of p.surnames ?? []) {
      const key = aliasTokens(s).map(foldWord).join(' ');
      if (!key) continue;
      const entry = surnameIds.get(key) ?? { ids: [], raw: s };
      if (!entry.ids.includes(p.id)) entry.ids.push(p.id);
      surnameIds.set(key, entry);
    }
  }

  // Adjectives: a form shared by two countries is ambiguous and dropped (warning, not an error).
  const adjectiveOwners = new Map<string, Set<string>>();
  for (const c of g.countries) {
    for (const a of c.adjectives ?? []) {
      const key = aliasTokens(a).map(foldWord).join(' ');
      if (!key) continue;
      const owners = adjectiveOwners.get(key) ?? new Set<string>();
      owners.add(c.id);
      adjectiveOwners.set(key, owners);
    }
  }
  for (const c of g.countries) {
    for (const a of c.adjectives ?? []) {
      const key = aliasTokens(a).map(foldWord).join(' ');
      const owners = adjectiveOwners.get(key);
      if (!owners) continue;
      if (owners.size > 1) {
        if (owners.values().next().value === c.id) {
          warnings.push(`adjective "${a}" shared by ${[...owners].join(', ')}: ignored`);
        }
        continue;
      }
      add(a.toLowerCase(), c.id, 'country', 'adjective');
    }
  }

  // Surnames: weaker than any alias; shared surnames keep every candidate.
  for (const [key, { ids, raw }] of surnameIds) {
    const toks = aliasTokens(raw);
    const list = byKey.get(key) ?? [];
    if (list.some((e) => e.type === 'person' && e.kind === 'alias' && ids.includes(e.id) && ids.length === 1)) continue;
    const caseMask = toks.map((t) => Math.max(CASE_INITIAL, caseCode(t)));
    list.push({ id: ids[0], ids, type: 'person', kind: 'surname', alias: raw, size: toks.length, caseMask, ambiguous: false, placeOnly: false });
    byKey.set(key, list);
  }

  const firstMax = new Map<string, number>();
  let maxTokens = 1;
  for (const [key, list] of byKey) {
    list.sort((a, b) => Number(a.kind === 'surname') - Number(b.kind === 'surname'));
    const first = key.split(' ', 1)[0];
    const size = list[0].size;
    if ((firstMax.get(first) ?? 0) < size) firstMax.set(first, size);
    if (size > maxTokens) maxTokens = size;
  }

  const prefixes = new Map<string, string>();
  for (const c of g.countries) {
    for (const p of c.compoundPrefixes ?? []) {
      const key = fold(p).replace(/[\s-]+$/, '');
      const owner = prefixes.get(key);
      if (owner && owner !== c.id) {
        throw new Error(`Gazetteer: compound prefix "${p}" is claimed by two entities: country "${owner}" and country "${c.id}"`);
      }
      prefixes.set(key, c.id);
    }
  }

  const fuzzyNames: FuzzyName[] = [];
  const fuzzyBigrams = new Map<number, number[]>();
  for (const [key, { ids }] of surnameIds) {
    if (key.length < 5 || key.includes(' ')) continue;
    const idx = fuzzyNames.length;
    fuzzyNames.push({ key, ids });
    for (const bg of new Set(bigramCodes(key))) {
      const posting = fuzzyBigrams.get(bg) ?? [];
      posting.push(idx);
      fuzzyBigrams.set(bg, posting);
    }
  }

  // Token vocabulary and trie.
  const tokens = new Map<string, TokenInfo>();
  let nextId = 0;
  const info = (w: string): TokenInfo => {
    let ti = tokens.get(w);
    if (!ti) {
      ti = { exact: -1, strip: -1, prefix: null, adjective: false, rootExact: undefined, rootStrip: undefined };
      tokens.set(w, ti);
    }
    return ti;
  };
  const idOf = (w: string): number => {
    const ti = info(w);
    if (ti.exact < 0) ti.exact = nextId++;
    return ti.exact;
  };
  const trie: TrieNode = { next: new Map(), entries: null };
  for (const [key, list] of byKey) {
    let node = trie;
    for (const w of key.split(' ')) {
      const id = idOf(w);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) {
        child = { next: null, entries: null };
        node.next.set(id, child);
      }
      node = child;
    }
    node.entries = list;
  }
  for (const [w, ti] of [...tokens]) {
    if (ti.exact < 0 || w.length < 3) continue;
    for (const plural of [`${w}s`, `${w}x`]) {
      const pi = info(plural);
      if (pi.strip < 0) pi.strip = ti.exact;
    }
  }
  for (const [key, list] of byKey) {
    if (!key.includes(' ') && list.some((e) => e.kind === 'adjective')) {
      info(key).adjective = true;
      for (const plural of [`${key}s`, `${key}x`]) {
        const pi = tokens.get(plural);
        if (pi) pi.adjective = true;
      }
    }
  }
  for (const [p, country] of prefixes) info(p).prefix = country;
  for (const ti of tokens.values()) {
    if (ti.exact >= 0) ti.rootExact = trie.next!.get(ti.exact);
    if (ti.strip >= 0) ti.rootStrip = trie.next!.get(ti.strip);
  }

  return { tokens, trie, byKey, firstMax, maxTokens, prefixes, fuzzyNames, fuzzyBigrams, givenNames, personCountry, warnings };
}

export function bigramCodes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));
  return out;
}

export function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Compiles the gazetteer: validates it, builds the id maps and the alias index (cached per result). */
export function compileGazetteer(g: Gazetteer): CompiledGazetteer {
  const seen = new Map<string, string>();
  assertIds(g.weapons, 'weapons', seen);
  assertIds(g.countries, 'countries', seen);
  assertIds(g.people, 'people', seen);
  assertIds(g.organizations, 'organizations', seen);
  assertIds(g.outlets, 'outlets', new Map());

  const weapons = new Map<string, WeaponProfile>(g.weapons.map((w) => [w.id, w]));
  const countries = new Map<string, CountryProfile>(g.countries.map((c) => [c.id, c]));
  const people = new Map<string, PersonProfile>(g.people.map((p) => [p.id, p]));
  const organizations = new Map<string, OrganizationProfile>(g.organizations.map((o) => [o.id, o]));
  const outlets = new Map<string, OutletProfile>(g.outlets.map((o) => [o.id, o]));

  const types = new Map<string, { type: EntityType; name: string }>();
  for (const w of g.weapons) types.set(w.id, { type: 'weapon', name: w.name });
  for (const c of g.countries) types.set(c.id, { type: 'country', name: c.name });
  for (const p of g.people) types.set(p.id, { type: 'person', name: p.name });
  for (const o of g.organizations) types.set(o.id, { type: 'organization', name: o.name });

  const index = buildAliasIndex(g);

  // Outlet aliases and domains must not be shared by two outlets.
  const outletKeys = new Map<string, string>();
  for (const o of g.outlets) {
    for (const a of [o.name, ...(o.aliases ?? []), ...(o.domains ?? [])]) {
      const key = fold(a);
      const owner = outletKeys.get(key);
      if (owner && owner !== o.id) {
        throw new Error(`Gazetteer: outlet alias "${a}" is claimed by two entities: outlet "${owner}" and outlet "${o.id}"`);
      }
      outletKeys.set(key, o.id);
    }
  }

  const countryByAdjective = new Map<string, string>();
  for (const [key, list] of index.byKey) {
    for (const e of list) if (e.kind === 'adjective') countryByAdjective.set(key, e.id);
  }
  const countryByPrefix = new Map(index.prefixes);

  const cg: CompiledGazetteer = {
    data: g,
    weapons,
    countries,
    people,
    organizations,
    outlets,
    countryByAdjective,
    countryByPrefix,
    typeOf: (id: string) => types.get(id)?.type,
    nameOf: (id: string) => types.get(id)?.name,
  };
  INDEX_CACHE.set(cg, index);
  return cg;
}
