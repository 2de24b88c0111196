/**
 * Fixture articles for the deliveries explorer's tests: the shared fixture archive plus reports
 * of the same pledges by other outlets (France's Caesar announced, relayed, then delivered; a
 * SCALP report naming no supplier), so the built site has events merged from several articles.
 */
import { fixtureArticles, type FixtureArticle } from './site-fixtures.ts';

const FR = { id: 'france', name: 'France' };
const UA = { id: 'ukraine', name: 'Ukraine' };
const CAESAR = { id: 'caesar', name: 'Caesar', category: 'artillery' };
const SCALP = { id: 'scalp-eg', name: 'SCALP-EG', category: 'cruise-missile' };
const m = (type: string, id: string, text: string) => `<Mention type="${type}" id="${id}">${text}</Mention>`;

function article(
  slug: string,
  title: string,
  day: string,
  sentence: string,
  body: string,
  deliveries: FixtureArticle['deliveries'],
  weapons = [CAESAR],
): FixtureArticle {
  return {
    slug,
    title,
    lead: sentence,
    source: { name: 'Ouest-France', url: null },
    date: { value: day, earliest: day, latest: day, precision: 'day', basis: 'dateline', evidence: [{ text: sentence, offset: 0, rule: 'dateline' }] },
    countries: [FR, UA],
    people: [],
    organizations: [],
    weapons,
    deliveries,
    contexts: weapons.map((w) => ({ id: w.id, text: sentence, offset: 0 })),
    body,
  };
}

export function livraisonsArticles(): FixtureArticle[] {
  const relay = 'Paris confirme l’envoi de six canons Caesar à l’Ukraine, annoncé la veille.';
  const arrived = 'Les six canons Caesar promis par la France sont arrivés en Ukraine, selon Kiev.';
  const scalp = 'Quarante missiles SCALP doivent rejoindre l’Ukraine, a-t-on appris de source militaire.';
  return [
    ...fixtureArticles(),
    article(
      'paris-confirme-les-caesar',
      'Paris confirme l’envoi de six Caesar',
      '2024-01-19',
      relay,
      `${m('country', 'france', 'Paris')} confirme l’envoi de six canons ${m('weapon', 'caesar', 'Caesar')} à l’${m('country', 'ukraine', 'Ukraine')}, annoncé la veille.\n`,
      [{ supplier: 'france', recipient: 'ukraine', weapon: 'caesar', quantity: 6, status: 'announced', evidence: { text: relay, offset: 0 } }],
    ),
    article(
      'les-caesar-francais-sont-arrives',
      'Les Caesar français sont arrivés en Ukraine',
      '2024-03-05',
      arrived,
      `Les six canons ${m('weapon', 'caesar', 'Caesar')} promis par la ${m('country', 'france', 'France')} sont arrivés en ${m('country', 'ukraine', 'Ukraine')}, selon Kiev.\n`,
      [{ supplier: 'france', recipient: 'ukraine', weapon: 'caesar', quantity: 6, status: 'delivered', evidence: { text: arrived, offset: 0 } }],
    ),
    article(
      'quarante-scalp-pour-l-ukraine',
      'Quarante missiles SCALP pour l’Ukraine',
      '2024-01-20',
      scalp,
      `Quarante missiles ${m('weapon', 'scalp-eg', 'SCALP')} doivent rejoindre l’${m('country', 'ukraine', 'Ukraine')}, a-t-on appris de source militaire.\n`,
      [{ supplier: null, recipient: 'ukraine', weapon: 'scalp-eg', quantity: 40, status: 'announced', evidence: { text: scalp, offset: 0 } }],
      [SCALP],
    ),
  ];
}
