/**
 * The UI strings the search script writes. They live in src/i18n/fr.json (search.*) like every
 * UI string; the page renders them with t() into a data attribute of the search app (so the
 * script ships no dictionary), and the script fills their {placeholders} with the i18n helper.
 */
import { fillPlaceholders } from '../../i18n/format.ts';

/** Keys (after "search.") of the strings the script needs. */
export const SEARCH_SCRIPT_KEYS = [
  'loading',
  'error',
  'invitation',
  'countsOnDemand',
  'showAll',
  'showLess',
  'more',
  'moreOlder',
  'countNone',
  'countOne',
  'countMany',
  'countFor',
  'countAmong',
  'filtered',
  'undated',
] as const;
export type SearchScriptKey = (typeof SEARCH_SCRIPT_KEYS)[number];
export type SearchText = (key: SearchScriptKey, params?: Record<string, string | number>) => string;

/** The strings of `json` (the data attribute), as a t()-like function; a missing string is an error. */
export function searchText(json: string | undefined): SearchText {
  const strings = JSON.parse(json ?? '{}') as Partial<Record<SearchScriptKey, string>>;
  for (const key of SEARCH_SCRIPT_KEYS) if (typeof strings[key] !== 'string') throw new Error(`search page: no UI string "search.${key}"`);
  return (key, params) => fillPlaceholders(strings[key] as string, params ?? {});
}
