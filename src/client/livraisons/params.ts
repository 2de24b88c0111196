/**
 * The explorer's URL parameters, shared by the page markup (src/pages/livraisons/index.astro) and
 * its script: /livraisons/?fournisseur=france&statut=delivered&tri=quantity-desc. Values are the
 * slugs of the views' URLs (supplier, recipient, system), category ids, status ids and years.
 */
export const FILTER_PARAMS = [
  { key: 'supplier', param: 'fournisseur' },
  { key: 'recipient', param: 'destinataire' },
  { key: 'system', param: 'systeme' },
  { key: 'category', param: 'categorie' },
  { key: 'status', param: 'statut' },
  { key: 'year', param: 'annee' },
] as const;

export type FilterKey = (typeof FILTER_PARAMS)[number]['key'];

/** Sort orders; the first is the default (left out of the URL). */
export const SORTS = ['date-desc', 'date-asc', 'quantity-desc', 'quantity-asc'] as const;
export type Sort = (typeof SORTS)[number];

/** Folders of the data files per supplier, system and year (under livraisons/donnees/). */
export const SHARD_FOLDERS = { supplier: 'fournisseur', system: 'systeme', year: 'annee' } as const;

/** Slug of a system's page for events with no dated report. */
export const UNDATED_YEAR = 'sans-date';

/**
 * Where an event is detailed, under the systems' folder ("…/livraisons/systeme/"): its system's
 * page for the year of its first report, anchored by its id. Derived from the event's content,
 * so the URL stays put as the archive grows. Shared by the pages and the explorer's script.
 */
export const eventPath = (systemsFolder: string, systemSlug: string, first: string | null, id: string) =>
  `${systemsFolder}${systemSlug}/${first ? first.slice(0, 4) : UNDATED_YEAR}/#${id}`;

/** Events shown at once (server-rendered first view, and each "more" step). */
export const EXPLORER_PAGE_SIZE = 50;

/** The compact data file the script filters (livraisons/evenements.json). */
export interface ExplorerData {
  /** Parties and systems: [slug, name, entity page or ""]. */
  parties: Array<[string, string, string]>;
  /** System view URL prefix ("/archive/livraisons/systeme/"). */
  systemView: string;
  /** French month names, January first. */
  months: string[];
  /** Status id → label. */
  statuses: Record<string, string>;
  /**
   * One per event, newest first report first: id, supplier, recipient and system (indexes into
   * parties), category, status (the furthest stage), quantity (or null), vague quantity text (or
   * ""), first report (YYYY-MM-DD or ""), number of articles, every status of its history
   * (space-separated).
   */
  events: Array<[string, number, number, number, string, string, number | null, string, string, number, string]>;
}
