/**
 * The explorer's data: every delivery event in a compact, dictionary-coded form (see ExplorerData),
 * fetched by src/client/livraisons/explorer.ts only when the reader filters or sorts without a
 * supplier, system or year (those fetch their own share: livraisons/donnees/).
 * A route with one path, only so that it can have a cache key (a static route has none).
 */
import { getDeliveryData } from '../../lib/deliveries/site.ts';
import { explorerData, json } from '../../lib/deliveries/explorer-data.ts';
import { allEventsKey } from '../../lib/site/page-keys.ts';

export async function getStaticPaths() {
  return [{ params: { file: 'evenements' }, cacheKey: await allEventsKey('evenements.json') }];
}

export async function GET() {
  return json(explorerData((await getDeliveryData()).events));
}
