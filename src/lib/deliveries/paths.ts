/**
 * Static paths of the explorer's pre-rendered views: one per supplier (paginated), one per system
 * (summary, timeline, latest events) and one per system and year holding its events in detail.
 */
import { getPages } from '../site/paginate.ts';
import { getDeliveryData, UNDATED_YEAR, type SiteEvent } from './site.ts';
import { eventsPageKey } from '../site/page-keys.ts';

/** Events per page of a supplier's view. */
export const SUPPLIER_PAGE_SIZE = 200;

export async function getSupplierPaths(paginated: boolean) {
  const data = await getDeliveryData();
  const paths = data.suppliers.flatMap((group) =>
    getPages(group.events, SUPPLIER_PAGE_SIZE)
      .filter((page) => (paginated ? page.number > 1 : page.number === 1))
      .map((page) => ({ params: paginated ? { id: group.party.slug, page: String(page.number) } : { id: group.party.slug }, props: { group, page } })),
  );
  // Every page of a supplier's view tallies all its events.
  return Promise.all(
    paths.map(async (path) => ({
      ...path,
      cacheKey: await eventsPageKey('supplier', path.props.group.events, [path.props.group.party, path.props.page.number, path.props.page.total]),
    })),
  );
}

export async function getSystemPaths() {
  const data = await getDeliveryData();
  return Promise.all(
    data.systems.map(async (group) => ({
      params: { id: group.party.slug },
      props: { group },
      cacheKey: await eventsPageKey('system', group.events, group.party),
    })),
  );
}

/** One page per system and year of first report (plus one for events with no dated report), oldest first. */
export async function getSystemYearPaths() {
  const data = await getDeliveryData();
  const paths = data.systems.flatMap((group) => {
    const years = new Map<string, SiteEvent[]>();
    for (const e of group.events) {
      const key = e.year ?? UNDATED_YEAR;
      const list = years.get(key);
      if (list) list.push(e);
      else years.set(key, [e]);
    }
    return [...years].map(([year, events]) => ({
      params: { id: group.party.slug, annee: year },
      props: { group, year: year === UNDATED_YEAR ? null : year, events: [...events].reverse() },
    }));
  });
  return Promise.all(
    paths.map(async (path) => ({ ...path, cacheKey: await eventsPageKey('system-year', path.props.events, [path.props.group.party, path.props.year]) })),
  );
}

/** A system's year pages, newest first, with their number of events. */
export function systemYears(events: readonly SiteEvent[]): Array<{ year: string | null; count: number }> {
  const counts = new Map<string | null, number>();
  for (const e of events) counts.set(e.year, (counts.get(e.year) ?? 0) + 1);
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => (a.year === null ? 1 : b.year === null ? -1 : b.year.localeCompare(a.year)));
}
