/**
 * Display data from the gazetteer (aliases, category, origin, offices) for entity pages: the
 * profiles of the one strict loader (gazetteer/load.ts), by entity type and id.
 */
import type { CountryProfile, EntityProfile, EntityType, OrganizationProfile, PersonProfile, WeaponProfile } from '../gazetteer/types.ts';
import { getDefaultCompiledGazetteer } from '../gazetteer/load.ts';
import { ENTITY_FIELDS } from './entity-fields.ts';

/** A profile of any entity type, its type-specific fields optional (for display). */
export type AnyProfile = EntityProfile & Partial<WeaponProfile & PersonProfile & OrganizationProfile & CountryProfile>;

/** The gazetteer profile of an entity, or undefined. */
export function getGazetteerProfile(type: EntityType, id: string): AnyProfile | undefined {
  return getDefaultCompiledGazetteer()[ENTITY_FIELDS[type]].get(id);
}
