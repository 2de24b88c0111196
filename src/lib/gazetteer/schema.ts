/**
 * The knowledge base model, one Zod schema per file of src/data/gazetteer/ (weapons, countries,
 * people, organizations, outlets). Every entity is a "profile": canonical id, French display name,
 * English name, aliases and misspellings seen in the wild. These schemas are the one definition:
 * the TypeScript types (types.ts) are inferred from them, and load.ts validates every file with
 * them. Objects are strict: a misspelt field is an error, not a silently ignored key.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase ASCII kebab-case id');
const text = z.string().min(1);
const texts = z.array(text);

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, 'not a real calendar day');

/** Fields every entity profile has. */
const entityFields = {
  /** Stable lowercase ASCII kebab-case id, used in URLs and filters. Never change once published. */
  id,
  /** French display name, as a French newsroom would print it. */
  name: text,
  /** English name (also a search alias). */
  nameEn: text,
  /** Other names that must match in text: official designations, translations, abbreviations. */
  aliases: texts,
  /** Misspellings and transliteration variants seen in the wild (matched exactly, case-insensitive). */
  variants: texts.optional(),
  /** One-line provenance for aliases that are not obvious. */
  notes: z.string().optional(),
};

export const entityProfileSchema = z.strictObject(entityFields);

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

export const weaponSchema = z.strictObject({
  ...entityFields,
  category: z.enum(WEAPON_CATEGORIES),
  /** Country ids of the system's origin (designer/manufacturer), e.g. ["france"] or ["france","united-kingdom"]. */
  origin: z.array(id),
  /** Id of the family this system belongs to, e.g. "aster-30" → "samp-t" (optional). */
  family: id.optional(),
});

export const countrySchema = z.strictObject({
  ...entityFields,
  /** ISO 3166-1 alpha-2 code (XK for Kosovo). */
  iso2: z.string().regex(/^[A-Z]{2}$/, 'expected two capital letters'),
  /** French adjectives / demonyms in every gender and number: "français", "française", "françaises". */
  adjectives: texts,
  /** Prefix used in compound adjectives: "franco" (franco-allemand), "germano", "anglo", "russo", "ukraino"… */
  compoundPrefixes: texts.optional(),
  /** Capital city, French spelling. Also matched as a metonym. */
  capital: z.string(),
  /** Other seats of power used as metonyms: "l'Élysée", "le Kremlin", "la Maison-Blanche", "Downing Street". */
  metonyms: texts.optional(),
  /** The capital is also a common word or place name elsewhere ("Victoria", "Kingston"): not matched as a metonym. */
  capitalIsAmbiguous: z.boolean().optional(),
  /** The bare name is also a given name or common word ("Maurice", "Dominique"): matched only after a place preposition. */
  nameIsAmbiguous: z.boolean().optional(),
});

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

export const officeSchema = z.strictObject({
  role: z.enum(OFFICE_ROLES),
  /** French title as printed: "ministre de la Défense", "secrétaire d'État", "président". */
  title: text,
  /** Country id (for national offices) or organisation id (for NATO, EU, UN offices). */
  of: id,
  /** First day in office, YYYY-MM-DD. */
  start: isoDay,
  /** Last day in office, YYYY-MM-DD, or null while still in office. */
  end: isoDay.nullable(),
});

export const personSchema = z.strictObject({
  ...entityFields,
  /** Country id of nationality. */
  country: id,
  /** Family name(s) as they appear alone in French copy ("Zelensky", "Lecornu"): matched alone. */
  surnames: texts,
  offices: z.array(officeSchema),
});

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

export const organizationSchema = z.strictObject({
  ...entityFields,
  kind: z.enum(ORGANIZATION_KINDS),
  /** Country id of headquarters, when meaningful. */
  country: id.optional(),
});

/** A news outlet, for the `source` field: attribution lines ("Source: AA", "La source: www.rt.com"). */
export const outletSchema = z.strictObject({
  id,
  /** Display name, e.g. "Anadolu". */
  name: text,
  /** Short forms and full names used in attribution lines: "AA", "Anadolu Ajansı", "Agence Anadolu". */
  aliases: texts,
  /** Web domains without "www.": "aa.com.tr", "rt.com". */
  domains: texts,
  country: id.optional(),
});

/** The schema of each gazetteer file, by file name (without .json). */
export const GAZETTEER_SCHEMAS = {
  weapons: z.array(weaponSchema),
  countries: z.array(countrySchema),
  people: z.array(personSchema),
  organizations: z.array(organizationSchema),
  outlets: z.array(outletSchema),
};

export type GazetteerFile = keyof typeof GAZETTEER_SCHEMAS;
export const GAZETTEER_FILES = Object.keys(GAZETTEER_SCHEMAS) as GazetteerFile[];
