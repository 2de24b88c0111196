/**
 * "Comment cette date a été établie ?" on the site built from the seeds: each clue with the event
 * it matched, linked to the public source of the event's date; the side of a window that only the
 * archive period bounds is said to be the archive's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSite, type BuiltSite } from './helpers/site.ts';
import { loadEvents } from '../src/lib/events/load.ts';

describe('date evidence on the article pages of the seeds', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await getSite({ name: 'seeds', env: {} });
  }, 600_000);

  const page = (seed: string) => {
    const slug = site.report.files.find((f) => f.file.startsWith(seed))?.slug;
    const html = readFileSync(join(site.dist, `articles/${slug}/index.html`), 'utf8');
    return (html.match(/<details class="date-evidence">[\s\S]*?<\/details>/)?.[0] ?? '').replace(/&#39;/g, "'");
  };

  it('links each clue that matched an event to the source of its date', () => {
    const details = page('000_');
    const links = [...details.matchAll(/<a href="([^"]+)"[^>]*data-event="([^"]+)"[^>]*>([^<]+)<\/a>/g)];
    expect(links.length).toBeGreaterThan(0);
    const byId = new Map(loadEvents().map((e) => [e.id, e]));
    for (const [, href, id, title] of links) {
      const event = byId.get(id);
      expect(event, id).toBeDefined();
      expect(href.replace(/&amp;/g, '&')).toBe(event!.source.url);
      expect(title).toBe(event!.title.fr);
    }
    expect(details).toContain('événement reconnu, date sourcée');
  });

  it("says which side of a window is only the archive period's", () => {
    const details = page('004_');
    expect(details).toMatch(/la borne est celle de la période couverte par l'archive \(du 1er janvier 2014 au \d+ \p{L}+ 20\d\d\)/u);
  });
});
