/**
 * Every internal URL is built here, from Astro's base, so the same build works at a domain root
 * or under a sub-path (BASE_PATH). Paths always end with "/" (trailingSlash: 'always').
 */
import { base } from 'astro:config/client';
import type { EntityType } from '../gazetteer/types.ts';

// astro:config/client rather than import.meta.env.BASE_URL: the latter came out as "/" in
// prerendered modules under BASE_PATH (Astro 7), which broke every link of a sub-path build.
const BASE = base.endsWith('/') ? base : `${base}/`;

/** Section folder of each entity type (French URLs). */
export const ENTITY_SECTIONS: Record<EntityType, string> = {
  weapon: 'armes',
  country: 'pays',
  person: 'personnes',
  organization: 'organisations',
};

/** `path` ("articles/x/") under the base ("/archive/articles/x/"). */
export function url(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

/** URL-safe slug of an entity id: "new:eduard-heger" → "eduard-heger". */
export function entitySlug(id: string): string {
  return id
    .replace(/^new:/, '')
    .replace(/[^a-z0-9-]+/gi, '-')
    .toLowerCase();
}

export const articleUrl = (slug: string) => url(`articles/${slug}/`);
export const entityIndexUrl = (type: EntityType) => url(`${ENTITY_SECTIONS[type]}/`);
export const entityUrl = (type: EntityType, id: string) => url(`${ENTITY_SECTIONS[type]}/${entitySlug(id)}/`);
export const monthUrl = (month: string) => url(`chronologie/${month}/`);
/** Id of a month's row in the timeline table (quarter and year bars of the chart link to it). */
export const monthRowId = (month: string) => `mois-${month}`;
/** Page n of a paginated listing whose first page is at `first` (n ≥ 2 → first + "page/n/"). */
export const pageUrl = (first: string, n: number) => (n <= 1 ? first : `${first}page/${n}/`);

/** Absolute URL (canonical, feeds, OpenGraph) of a path already under the base. */
export function absoluteUrl(pathUnderBase: string, site: URL | undefined): string {
  return site ? new URL(pathUnderBase, site).href : pathUnderBase;
}
