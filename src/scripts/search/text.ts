/** French strings of the search page and header search (shared by the page markup and its script). */
export const SEARCH_TEXT = {
  title: 'Rechercher',
  description: "Recherche plein texte dans l'archive, par arme, pays, personne, organisation, année ou source.",
  inputLabel: 'Mots, arme, pays, personne…',
  submit: 'Rechercher',
  hint: 'Astuce\u00a0: «\u202f/\u202f» place le curseur dans la recherche depuis toute page. Les noms anglais et variantes sont reconnus (Storm Shadow, NATO, Kyiv…).',
  noscript: 'La recherche fonctionne dans le navigateur et nécessite JavaScript. Parcourez les articles par arme, pays, personne ou organisation depuis le menu.',
  facetsHeading: 'Filtrer',
  clear: 'Effacer les filtres',
  resultsHeading: 'Résultats',
  sortLabel: 'Trier par',
  sortRelevance: 'Pertinence',
  sortDate: "Date (récents d'abord)",
  loading: 'Chargement de la recherche…',
  error: "La recherche n'a pas pu être chargée. Réessayez en rechargeant la page.",
  /** Shown before any search (no words, no filter): nothing is loaded until the reader starts. */
  invitation: 'Tapez des mots ci-dessus ou cochez un filtre pour afficher les articles.',
  /** After a search, while the facets' per-result counts are not loaded (they are on demand). */
  countsOnDemand: "Le nombre de résultats de chaque filtre s'affiche quand vous les parcourez.",
  showAll: 'Tout afficher ({count})',
  showLess: 'Afficher moins',
  more: 'Afficher {count} résultats de plus',
  countNone: 'Aucun article ne correspond.',
  countOne: '1 article',
  countMany: '{count} articles',
  countFor: ' pour «\u202f{q}\u202f»',
  filtered: ', filtres\u00a0: {filters}',
  undated: 'Date inconnue',
  headerLabel: "Rechercher dans l'archive",
  headerPlaceholder: 'Rechercher…',
  headerSubmit: 'Rechercher',
  /** Link to the search page with its filters. */
  headerAdvanced: 'Recherche par filtres',
} as const;

/** Fills {name} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
