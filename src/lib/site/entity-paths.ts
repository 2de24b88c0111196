/** Static paths of entity pages: one per entity, plus /page/n/ for entities with many articles. */
import type { EntityType } from '../gazetteer/types.ts';
import { getEntityIndex } from './entities.ts';
import { getPages } from './paginate.ts';

export async function getEntityPaths(type: EntityType, paginated: boolean) {
  const index = await getEntityIndex();
  return index.list(type).flatMap((record) =>
    getPages(record.articles)
      .filter((page) => (paginated ? page.number > 1 : page.number === 1))
      .map((page) => ({ params: paginated ? { id: record.slug, page: String(page.number) } : { id: record.slug }, props: { record, page } })),
  );
}
