/**
 * The explorer's data: every delivery event in a compact, dictionary-coded form (see ExplorerData),
 * fetched by src/client/livraisons/explorer.ts only when the reader filters or sorts without a
 * supplier, system or year (those fetch their own share: livraisons/donnees/).
 */
import { getDeliveryData } from '../../lib/deliveries/site.ts';
import { explorerData, json } from '../../lib/deliveries/explorer-data.ts';

export async function GET() {
  return json(explorerData((await getDeliveryData()).events));
}
