/** Static paths of the explorer's pre-rendered views: one per supplier (paginated) and per system. */
import { getPages } from '../site/paginate.ts';
import { getDeliveryData } from './site.ts';

/** Events per page of a supplier's view. */
export const SUPPLIER_PAGE_SIZE = 100;

export async function getSupplierPaths(paginated: boolean) {
  const data = await getDeliveryData();
  return data.suppliers.flatMap((group) =>
    getPages(group.events, SUPPLIER_PAGE_SIZE)
      .filter((page) => (paginated ? page.number > 1 : page.number === 1))
      .map((page) => ({ params: paginated ? { id: group.party.slug, page: String(page.number) } : { id: group.party.slug }, props: { group, page } })),
  );
}

export async function getSystemPaths() {
  const data = await getDeliveryData();
  return data.systems.map((group) => ({ params: { id: group.party.slug }, props: { group } }));
}
