/**
 * The knowledge base model as TypeScript types, inferred from the Zod schemas of schema.ts (the one
 * definition of every field). The data itself lives in src/data/gazetteer/*.json.
 */
import type { z } from 'zod';
import type {
  GAZETTEER_SCHEMAS,
  countrySchema,
  entityProfileSchema,
  officeSchema,
  organizationSchema,
  outletSchema,
  personSchema,
  weaponSchema,
} from './schema.ts';

export { OFFICE_ROLES, ORGANIZATION_KINDS, WEAPON_CATEGORIES } from './schema.ts';

/** Kinds of entity the archive knows. */
export type EntityType = 'weapon' | 'country' | 'person' | 'organization';

export type EntityProfile = z.infer<typeof entityProfileSchema>;
export type WeaponProfile = z.infer<typeof weaponSchema>;
export type WeaponCategory = WeaponProfile['category'];
export type CountryProfile = z.infer<typeof countrySchema>;
export type Office = z.infer<typeof officeSchema>;
export type OfficeRole = Office['role'];
export type PersonProfile = z.infer<typeof personSchema>;
export type OrganizationProfile = z.infer<typeof organizationSchema>;
export type OrganizationKind = OrganizationProfile['kind'];
export type OutletProfile = z.infer<typeof outletSchema>;

export type Gazetteer = { [F in keyof typeof GAZETTEER_SCHEMAS]: z.infer<(typeof GAZETTEER_SCHEMAS)[F]> };

/**
 * The gazetteer prepared for fast lookup (built once per run by compileGazetteer in compile.ts).
 * Keys of the *By* maps are "folded" strings: lower case, accents stripped, apostrophes
 * normalised to "'", hyphens and spaces collapsed to single spaces (see fold() in extract/text/fold.ts).
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
