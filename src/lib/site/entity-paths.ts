/** Static paths of entity pages: one per entity, plus /page/n/ for entities with many articles. */
import type { EntityType } from '../gazetteer/types.ts';
import { getEntityIndex } from './entities.ts';
import { getPages } from './paginate.ts';
import { entityPageKey } from './page-keys.ts';

/**
 * Articles per entity page. Larger than the home page's 20: an entity named in thousands of
 * articles would otherwise need hundreds of pages (50 per page cut a 10,000-article build by
 * about 2,800 pages), and each item is short (title, date, the sentences naming the entity).
 */
export const ENTITY_PAGE_SIZE = 50;

export async function getEntityPaths(type: EntityType, paginated: boolean) {
  const index = await getEntityIndex();
  const pages = index.list(type).flatMap((record) =>
    getPages(record.articles, ENTITY_PAGE_SIZE)
      .filter((page) => (paginated ? page.number > 1 : page.number === 1))
      .map((page) => ({ record, page })),
  );
  return Promise.all(
    pages.map(async ({ record, page }) => ({
      params: paginated ? { id: record.slug, page: String(page.number) } : { id: record.slug },
      props: { record, page },
      cacheKey: await entityPageKey(record, page, index),
    })),
  );
}
