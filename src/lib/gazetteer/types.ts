/**
 * The knowledge base model: every entity is a "profile" (canonical id, French display name,
 * English name, aliases and misspellings seen in the wild). The data itself lives in
 * src/data/gazetteer/*.json; this file only describes its shape.
 */

/** Kinds of entity the archive knows. */
export type EntityType = 'weapon' | 'country' | 'person' | 'organization';

export interface EntityProfile {
  /** Stable lowercase ASCII kebab-case id, used in URLs and filters. Never change once published. */
  id: string;
  /** French display name, as a French newsroom would print it. */
  name: string;
  /** English name (also a search alias). */
  nameEn: string;
  /** Other names that must match in text: official designations, translations, abbreviations. */
  aliases: string[];
  /** Misspellings and transliteration variants seen in the wild (matched exactly, case-insensitive). */
  variants?: string[];
  /** One-line provenance for aliases that are not obvious. */
  notes?: string;
}

export const WEAPON_CATEGORIES = [
  'artillery', // towed and self-propelled guns and howitzers, mortars
  'mlrs', // multiple rocket launchers and their rockets
  'cruise-missile',
  'ballistic-missile',
  'air-defence', // surface-to-air systems (launchers, batteries, radars)
  'air-defence-missile', // interceptor missiles sold separately (Aster, PAC-3, IRIS-T SL missile…)
  'guided-bomb',
  'tank',
  'ifv', // infantry fighting vehicles
  'apc', // armoured personnel carriers, MRAPs, armoured cars
  'aircraft',
  'helicopter',
  'drone', // UAVs and loitering munitions
  'anti-tank', // ATGMs and anti-tank rocket launchers
  'manpads',
  'anti-ship', // anti-ship missiles and coastal systems
  'naval', // ships, boats, naval drones
  'small-arms',
  'electronic-warfare',
  'other',
] as const;
export type WeaponCategory = (typeof WEAPON_CATEGORIES)[number];

export interface WeaponProfile extends EntityProfile {
  category: WeaponCategory;
  /** Country ids of the system's origin (designer/manufacturer), e.g. ["france"] or ["france","united-kingdom"]. */
  origin: string[];
  /** Id of the family this system belongs to, e.g. "aster-30" → "samp-t" (optional). */
  family?: string;
}

export interface CountryProfile extends EntityProfile {
  /** ISO 3166-1 alpha-2 code (XK for Kosovo). */
  iso2: string;
  /** French adjectives / demonyms in every gender and number: "français", "française", "françaises". */
  adjectives: string[];
  /** Prefix used in compound adjectives: "franco" (franco-allemand), "germano", "anglo", "russo", "ukraino"… */
  compoundPrefixes?: string[];
  /** Capital city, French spelling. Also matched as a metonym. */
  capital: string;
  /** Other seats of power used as metonyms: "l'Élysée", "le Kremlin", "la Maison-Blanche", "Downing Street". */
  metonyms?: string[];
  /** The capital is also a common word or place name elsewhere ("Victoria", "Kingston"): not matched as a metonym. */
  capitalIsAmbiguous?: boolean;
  /** The bare name is also a given name or common word ("Maurice", "Dominique"): matched only after a place preposition. */
  nameIsAmbiguous?: boolean;
}

/** Office codes used by date inference ("le ministre ukrainien de la Défense, X" ⇒ X's tenure). */
export const OFFICE_ROLES = [
  'head-of-state',
  'head-of-government',
  'defence-minister',
  'foreign-minister',
  'spokesperson',
  'secretary-general',
  'commission-president',
  'council-president',
  'high-representative',
  'chief-of-staff',
  'commander-in-chief',
  'other',
] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

export interface Office {
  role: OfficeRole;
  /** French title as printed: "ministre de la Défense", "secrétaire d'État", "président". */
  title: string;
  /** Country id (for national offices) or organisation id (for NATO, EU, UN offices). */
  of: string;
  /** First day in office, YYYY-MM-DD. */
  start: string;
  /** Last day in office, YYYY-MM-DD, or null while still in office. */
  end: string | null;
}

export interface PersonProfile extends EntityProfile {
  /** Country id of nationality. */
  country: string;
  /** Family name(s) as they appear alone in French copy ("Zelensky", "Lecornu"): matched alone. */
  surnames: string[];
  offices: Office[];
}

export const ORGANIZATION_KINDS = [
  'alliance',
  'intergovernmental',
  'coalition',
  'company',
  'media',
  'platform',
  'government',
  'armed-forces',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface OrganizationProfile extends EntityProfile {
  kind: OrganizationKind;
  /** Country id of headquarters, when meaningful. */
  country?: string;
}

/** A news outlet, for the `source` field: attribution lines ("Source: AA", "La source: www.rt.com"). */
export interface OutletProfile {
  id: string;
  /** Display name, e.g. "Anadolu". */
  name: string;
  /** Short forms and full names used in attribution lines: "AA", "Anadolu Ajansı", "Agence Anadolu". */
  aliases: string[];
  /** Web domains without "www.": "aa.com.tr", "rt.com". */
  domains: string[];
  country?: string;
}

export interface Gazetteer {
  weapons: WeaponProfile[];
  countries: CountryProfile[];
  people: PersonProfile[];
  organizations: OrganizationProfile[];
  outlets: OutletProfile[];
}

/**
 * The gazetteer prepared for fast lookup (built once per run by compileGazetteer in compile.ts).
 * Keys of the *By* maps are "folded" strings: lower case, accents stripped, apostrophes
 * normalised to "'", hyphens and spaces collapsed to single spaces (see fold() in compile.ts).
 */
export interface CompiledGazetteer {
  data: Gazetteer;
  weapons: Map<string, WeaponProfile>;
  countries: Map<string, CountryProfile>;
  people: Map<string, PersonProfile>;
  organizations: Map<string, OrganizationProfile>;
  outlets: Map<string, OutletProfile>;
  /** Folded French adjective/demonym form → country id ("ukrainien" → "ukraine"). */
  countryByAdjective: Map<string, string>;
  /** Folded compound prefix → country id ("franco" → "france"). */
  countryByPrefix: Map<string, string>;
  /** Type of any entity id. */
  typeOf(id: string): EntityType | undefined;
  /** Display name of any entity id. */
  nameOf(id: string): string | undefined;
}
