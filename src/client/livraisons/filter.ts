/**
 * The explorer's filtering and sorting over its data file, and its URL state. Pure: used by the
 * page script (explorer.ts) and unit-tested (tests/livraisons-filter.test.ts).
 */
import { FILTER_PARAMS, SORTS, type ExplorerData, type FilterKey, type Sort } from './params.ts';

export type Filters = Partial<Record<FilterKey, string>>;
export interface ExplorerState {
  filters: Filters;
  sort: Sort;
}

export type EventRow = ExplorerData['events'][number];

/** The state a query string holds (unknown parameters and sorts are ignored). */
export function readState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const { key, param } of FILTER_PARAMS) {
    const value = params.get(param);
    if (value) filters[key] = value;
  }
  const sort = params.get('tri');
  return { filters, sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : SORTS[0] };
}

/** The query string of a state ("" when nothing is chosen), parameters in a fixed order. */
export function writeState(state: ExplorerState): string {
  const params = new URLSearchParams();
  for (const { key, param } of FILTER_PARAMS) if (state.filters[key]) params.set(param, state.filters[key]!);
  if (state.sort !== SORTS[0]) params.set('tri', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Events matching every filter, in the state's order. */
export function applyState(data: ExplorerData, state: ExplorerState): EventRow[] {
  const { filters } = state;
  const slug = (i: number) => data.parties[i][0];
  const out = data.events.filter(
    ([, supplier, recipient, system, category, , , , first, , history]) =>
      (!filters.supplier || slug(supplier) === filters.supplier) &&
      (!filters.recipient || slug(recipient) === filters.recipient) &&
      (!filters.system || slug(system) === filters.system) &&
      (!filters.category || category === filters.category) &&
      // A status matches any stage the event went through ("announced" finds pledges since delivered).
      (!filters.status || history.split(' ').includes(filters.status)) &&
      (!filters.year || first.startsWith(filters.year)),
  );
  // data.events is newest first; equal keys keep that order (Array#sort is stable).
  const byDate = (a: EventRow, b: EventRow) => (a[8] && b[8] ? a[8].localeCompare(b[8]) : a[8] ? -1 : b[8] ? 1 : 0);
  const byQuantity = (a: EventRow, b: EventRow) => (a[6] ?? -1) - (b[6] ?? -1);
  switch (state.sort) {
    case 'date-asc':
      return out.sort(byDate);
    case 'quantity-desc':
      return out.sort((a, b) => byQuantity(b, a));
    case 'quantity-asc':
      // Known quantities first, smallest first; events without one last.
      return out.sort((a, b) => (a[6] == null ? 1 : 0) - (b[6] == null ? 1 : 0) || byQuantity(a, b));
    default:
      return out;
  }
}

/** "18 janvier 2024" ("1er" on the first), as the pages print dates. */
export function formatDay(iso: string, months: string[]): string {
  const day = Number(iso.slice(8, 10));
  return `${day === 1 ? '1er' : day} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** "10 000", as fr-FR prints whole numbers (narrow no-break space), without building an Intl.NumberFormat. */
export function formatNumber(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return fraction ? `${grouped},${fraction}` : grouped;
}
