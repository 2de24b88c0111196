/**
 * Display data from the gazetteer (aliases, category, origin, offices) for entity pages.
 * Read from src/data/gazetteer/*.json at build time; a missing or unreadable file means
 * "no extra display data", never a failed build (the articles' own names are enough).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityProfile, EntityType, OrganizationProfile, PersonProfile, WeaponProfile, CountryProfile } from '../gazetteer/types.ts';
import { ENTITY_FIELDS } from './entity-fields.ts';

export type AnyProfile = EntityProfile & Partial<WeaponProfile & PersonProfile & OrganizationProfile & CountryProfile>;

const FILES: Record<EntityType, string> = {
  weapon: 'weapons.json',
  country: 'countries.json',
  person: 'people.json',
  organization: 'organizations.json',
};

let cached: Map<string, AnyProfile> | undefined;

function readProfiles(file: string, key: string): AnyProfile[] {
  const path = join(process.cwd(), 'src/data/gazetteer', file);
  if (!existsSync(path)) return [];
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const list = Array.isArray(data) ? data : (data as Record<string, unknown>)?.[key];
    return Array.isArray(list) ? (list as AnyProfile[]).filter((p) => p && typeof p.id === 'string') : [];
  } catch {
    return [];
  }
}

/** The gazetteer profile of an entity (keyed "type:id"), or undefined. */
export function getGazetteerProfile(type: EntityType, id: string): AnyProfile | undefined {
  if (!cached) {
    cached = new Map();
    for (const t of Object.keys(FILES) as EntityType[]) {
      for (const profile of readProfiles(FILES[t], ENTITY_FIELDS[t])) cached.set(`${t}:${profile.id}`, profile);
    }
  }
  return cached.get(`${type}:${id}`);
}
