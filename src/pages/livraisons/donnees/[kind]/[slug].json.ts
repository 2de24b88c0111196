/** The explorer's data for one supplier, system or year (see src/lib/deliveries/explorer-data.ts). */
import type { APIContext } from 'astro';
import { explorerData, explorerShards, json } from '../../../../lib/deliveries/explorer-data.ts';
import type { SiteEvent } from '../../../../lib/deliveries/site.ts';
import { eventsDataKey } from '../../../../lib/site/page-keys.ts';

export async function getStaticPaths() {
  return (await explorerShards()).map((s) => ({
    params: { kind: s.kind, slug: s.slug },
    props: { events: s.events },
    cacheKey: eventsDataKey(s.kind, s.slug, s.events),
  }));
}

export function GET({ props }: APIContext<{ events: SiteEvent[] }>) {
  return json(explorerData(props.events));
}
