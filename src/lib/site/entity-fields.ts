/** Where each entity type is listed: the article frontmatter field, also the gazetteer file's key. */
import type { EntityType } from '../gazetteer/types.ts';

export const ENTITY_FIELDS = {
  weapon: 'weapons',
  country: 'countries',
  person: 'people',
  organization: 'organizations',
} as const satisfies Record<EntityType, string>;

export type EntityField = (typeof ENTITY_FIELDS)[EntityType];

/** [type, field] pairs, in the order pages list entity types. */
export const ENTITY_FIELD_PAIRS = Object.entries(ENTITY_FIELDS) as Array<[EntityType, EntityField]>;
