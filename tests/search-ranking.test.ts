/**
 * Search order with the search page's ranking settings (src/lib/search/ranking.ts), on a
 * small built site made to trip Pagefind's prefix matching: an article about tank deliveries
 * (title and entities match « livraison de chars »), one that says « chars » only in its text, and
 * one whose title names Charles Michel — « chars » matches « Charles » as a prefix. With
 * Pagefind's default ranking the Charles article comes first for both queries. The corpus-wide
 * measure is `npm run bench -- --relevance` (scripts/bench/relevance.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, fixtureArticles, type FixtureArticle, type FixtureSite } from './helpers/site-fixtures.ts';
import { search } from './helpers/pagefind.ts';
import { slugOfUrl } from './helpers/search-site.ts';
import { SEARCH_RANKING } from '../src/lib/search/ranking.ts';
import { searchTerm } from '../src/client/search/term.ts';

const UA = { id: 'ukraine', name: 'Ukraine' };
const LEOPARD = { id: 'leopard-2', name: 'Leopard 2', category: 'tank' };
const MICHEL = { id: 'charles-michel', name: 'Charles Michel' };

function article(slug: string, title: string, body: string, extra: Partial<FixtureArticle> = {}): FixtureArticle {
  const base = fixtureArticles()[0];
  return {
    ...base,
    slug,
    title,
    lead: body.split('\n')[0],
    countries: [UA],
    people: [],
    organizations: [],
    weapons: [],
    deliveries: [],
    contexts: [],
    body: `${body}\n`,
    ...extra,
  };
}

const ARTICLES = [
  article(
    'berlin-livre-des-leopard',
    'Berlin confirme la livraison de Leopard 2 à Kiev',
    'Berlin a confirmé la livraison de dix Leopard 2 à Kiev.\n\nLes chars arriveront au printemps.',
    { weapons: [LEOPARD] },
  ),
  article(
    'charles-michel-a-kiev',
    'Charles Michel à Kiev pour parler de la livraison de munitions',
    'Charles Michel est arrivé à Kiev. Charles Michel a évoqué la livraison de munitions.\n\nCharles Michel a rencontré les autorités ukrainiennes, a indiqué Charles Michel.',
    { people: [MICHEL] },
  ),
  article(
    'varsovie-prepare-une-aide',
    'Varsovie prépare une nouvelle aide',
    'Varsovie prépare une aide : la livraison doit commencer en mai, avec des chars et des munitions.',
  ),
  ...['obus', 'munitions', 'radars', 'drones'].map((w, i) =>
    article(`aide-${w}`, `Nouvelle aide en ${w}`, `Le ministère annonce la livraison de ${w} numéro ${i + 1} à l’Ukraine.`),
  ),
];

let site: FixtureSite;
const order = async (q: string) => (await search(site.dist, searchTerm(q), {}, { ranking: SEARCH_RANKING })).map((h) => slugOfUrl(h.raw_url));

beforeAll(async () => {
  site = await buildFixtureSite({ name: 'site-ranking', articles: ARTICLES });
});

describe('search ranking', () => {
  it('ranks first the article whose title and entities match "livraison de chars", not the one naming Charles', async () => {
    const slugs = await order('livraison de chars');
    expect(slugs[0]).toBe('berlin-livre-des-leopard');
    expect(slugs).toContain('varsovie-prepare-une-aide');
    expect(slugs).toContain('charles-michel-a-kiev');
  });

  it('puts the article whose entities carry the word typed whole before one holding only a longer word it begins', async () => {
    const slugs = await order('chars');
    expect(slugs[0]).toBe('berlin-livre-des-leopard');
    expect(slugs.indexOf('charles-michel-a-kiev')).toBeGreaterThan(0);
  });
});
