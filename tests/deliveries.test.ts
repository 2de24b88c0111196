import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../src/lib/gazetteer/compile.ts';
import type { Gazetteer } from '../src/lib/gazetteer/types.ts';
import { extractEntities } from '../src/lib/extract/entities.ts';
import { extractDeliveries } from '../src/lib/extract/deliveries.ts';
import { simpleDoc } from './helpers/doc.ts';

const weapon = (id: string, name: string, aliases: string[], category: Gazetteer['weapons'][number]['category']) => ({
  id,
  name,
  nameEn: name,
  aliases,
  category,
  origin: [],
});
const country = (id: string, name: string, adjectives: string[], capital: string, metonyms: string[] = []) => ({
  id,
  name,
  nameEn: name,
  aliases: [],
  iso2: id.slice(0, 2).toUpperCase(),
  adjectives,
  capital,
  metonyms,
});

const gazetteer: Gazetteer = {
  weapons: [
    weapon('scalp', 'Scalp', ['Storm Shadow'], 'cruise-missile'),
    weapon('caesar', 'Caesar', ['César'], 'artillery'),
    weapon('patriot', 'Patriot', [], 'air-defence'),
    weapon('leopard-2', 'Leopard 2', ['Léopard 2'], 'tank'),
    weapon('himars', 'HIMARS', [], 'mlrs'),
    weapon('javelin', 'Javelin', [], 'anti-tank'),
    weapon('stinger', 'Stinger', [], 'manpads'),
    weapon('mirage-2000', 'Mirage 2000', [], 'aircraft'),
    weapon('f-16', 'F-16', [], 'aircraft'),
    { ...weapon('patriot-us', 'MIM-104', [], 'air-defence'), origin: ['united-states'] },
    weapon('kinjal', 'Kinjal', [], 'ballistic-missile'),
    weapon('shahed-136', 'Shahed-136', ['Shahed'], 'drone'),
    weapon('bohdana', 'Bohdana', [], 'artillery'),
    { ...weapon('gripen', 'Gripen', [], 'aircraft'), origin: ['sweden'] },
  ],
  countries: [
    country('france', 'France', ['français', 'française', 'françaises'], 'Paris', ["l'Élysée"]),
    country('germany', 'Allemagne', ['allemand', 'allemande', 'allemands', 'allemandes'], 'Berlin'),
    country('united-states', 'États-Unis', ['américain', 'américaine', 'américains', 'américaines'], 'Washington', ['le Pentagone']),
    country('ukraine', 'Ukraine', ['ukrainien', 'ukrainienne', 'ukrainiens', 'ukrainiennes'], 'Kiev'),
    country('poland', 'Pologne', ['polonais', 'polonaise'], 'Varsovie'),
    country('slovakia', 'Slovaquie', ['slovaque', 'slovaques'], 'Bratislava'),
    country('netherlands', 'Pays-Bas', ['néerlandais', 'néerlandaise'], 'Amsterdam'),
    country('denmark', 'Danemark', ['danois', 'danoise'], 'Copenhague'),
    country('russia', 'Russie', ['russe', 'russes'], 'Moscou'),
    country('iran', 'Iran', ['iranien', 'iranienne'], 'Téhéran'),
    country('sweden', 'Suède', ['suédois', 'suédoise'], 'Stockholm'),
    country('norway', 'Norvège', ['norvégien', 'norvégiens'], 'Oslo'),
  ],
  people: [
    { id: 'olaf-scholz', name: 'Olaf Scholz', nameEn: 'Olaf Scholz', aliases: [], surnames: ['Scholz'], country: 'germany', offices: [] },
    {
      id: 'volodymyr-zelensky',
      name: 'Volodymyr Zelensky',
      nameEn: 'Volodymyr Zelensky',
      aliases: [],
      surnames: ['Zelensky'],
      country: 'ukraine',
      offices: [],
    },
  ],
  organizations: [
    { id: 'nato', name: 'OTAN', nameEn: 'NATO', aliases: ['Otan'], kind: 'alliance' },
    { id: 'european-union', name: 'Union européenne', nameEn: 'European Union', aliases: ['UE'], kind: 'intergovernmental' },
    { id: 'nexter', name: 'Nexter', nameEn: 'Nexter', aliases: [], kind: 'company', country: 'france' },
    { id: 'ukroboronprom', name: 'Ukroboronprom', nameEn: 'Ukroboronprom', aliases: [], kind: 'company', country: 'ukraine' },
  ],
  outlets: [],
};
const cg = compileGazetteer(gazetteer);

const doc = simpleDoc;

function deliveries(body: string) {
  const d = doc(body);
  return extractDeliveries(d, extractEntities(d, cg).mentions, cg);
}

function facts(body: string) {
  return deliveries(body).map(({ supplier, recipient, weapon, quantity, quantityText, status }) => ({
    supplier,
    recipient,
    weapon,
    quantity,
    quantityText,
    status,
  }));
}

describe('extractDeliveries', () => {
  it('reads an announcement by national authorities with quantities for each weapon', () => {
    const body =
      "Les autorités françaises ont annoncé mardi l'envoi de 40 missiles de croisière « Scalp », ainsi que de six autres obusiers Caesar, à l'Ukraine.";
    expect(facts(body)).toEqual([
      { supplier: 'france', recipient: 'ukraine', weapon: 'scalp', quantity: 40, quantityText: '40', status: 'announced' },
      { supplier: 'france', recipient: 'ukraine', weapon: 'caesar', quantity: 6, quantityText: 'six', status: 'announced' },
    ]);
  });

  it('keeps the sentence as evidence with its offset and the rule that fired', () => {
    const body = 'Le conflit continue. Berlin a livré douze chars Leopard 2 à Kiev.';
    const [d] = deliveries(body);
    expect(d.evidence).toEqual({ text: 'Berlin a livré douze chars Leopard 2 à Kiev.', offset: 21, rule: 'delivered:past-tense' });
    expect(d).toMatchObject({ supplier: 'germany', recipient: 'ukraine', weapon: 'leopard-2', quantity: 12, status: 'delivered' });
  });

  it('takes a capital as the supplier and keeps vague amounts as text', () => {
    const body = "Le ministre a indiqué que Paris livrerait des centaines de missiles Storm Shadow à Kiev d'ici l'été.";
    expect(facts(body)).toEqual([
      { supplier: 'france', recipient: 'ukraine', weapon: 'scalp', quantity: null, quantityText: 'des centaines', status: 'announced' },
    ]);
  });

  it('reads the passive with a "par" agent', () => {
    const body = "Trois systèmes HIMARS ont été livrés à l'Ukraine par les États-Unis la semaine dernière.";
    expect(facts(body)).toEqual([
      { supplier: 'united-states', recipient: 'ukraine', weapon: 'himars', quantity: 3, quantityText: 'Trois', status: 'delivered' },
    ]);
  });

  it('inverts roles for a request: the requester receives, the asked party supplies', () => {
    const body = "L'Ukraine a appelé mercredi les pays de l'OTAN à fournir des systèmes Patriot supplémentaires.";
    expect(facts(body)).toEqual([{ supplier: 'nato', recipient: 'ukraine', weapon: 'patriot', quantity: null, quantityText: null, status: 'requested' }]);
  });

  it('uses the nationality of a person as the agent', () => {
    const body = 'Olaf Scholz a promis une nouvelle batterie Patriot à la Pologne.';
    expect(facts(body)).toEqual([{ supplier: 'germany', recipient: 'poland', weapon: 'patriot', quantity: 1, quantityText: 'une', status: 'pledged' }]);
  });

  it('recognises planned and produced statuses', () => {
    expect(facts('Les Pays-Bas prévoient de fournir 18 avions F-16 au printemps.')).toEqual([
      { supplier: 'netherlands', recipient: 'ukraine', weapon: 'f-16', quantity: 18, quantityText: '18', status: 'planned' },
    ]);
    expect(facts("L'industrie française produit désormais six canons Caesar par mois.")).toEqual([
      { supplier: 'france', recipient: null, weapon: 'caesar', quantity: 6, quantityText: 'six', status: 'produced' },
    ]);
  });

  it('shares a quantity between coordinated weapons', () => {
    const body = 'Washington a fourni des milliers de missiles Javelin et Stinger.';
    expect(facts(body).map((f) => [f.weapon, f.supplier, f.recipient, f.quantityText])).toEqual([
      ['javelin', 'united-states', 'ukraine', 'des milliers'],
      ['stinger', 'united-states', 'ukraine', 'des milliers'],
    ]);
  });

  it('reads the recipient of a replacement and skips the replaced system', () => {
    const body = 'Washington remplacerait le système S-300 de la Slovaquie par une batterie Patriot.';
    expect(facts(body)).toEqual([
      { supplier: 'united-states', recipient: 'slovakia', weapon: 'patriot', quantity: 1, quantityText: 'une', status: 'announced' },
    ]);
  });

  it('does not treat the place of manufacture as the recipient', () => {
    const body = 'La France a cédé des missiles Javelin fabriqués aux États-Unis.';
    expect(facts(body)).toEqual([{ supplier: 'france', recipient: 'ukraine', weapon: 'javelin', quantity: null, quantityText: null, status: 'delivered' }]);
  });

  it('produces nothing without a status cue or with a negated one', () => {
    expect(deliveries('Le Patriot est un système de défense aérienne américain.')).toEqual([]);
    expect(deliveries("L'Allemagne n'a pas livré de chars Leopard 2 et ne livrera pas de Patriot.")).toEqual([]);
  });

  it('does not take a number that does not govern the weapon phrase', () => {
    const body = "Les 27 pays de l'UE ont livré des obusiers Caesar à Kiev.";
    expect(facts(body)[0]).toMatchObject({ weapon: 'caesar', quantity: null, quantityText: null });
  });

  const pairs = (body: string) => facts(body).map((f) => `${f.supplier}→${f.recipient}:${f.weapon}:${f.status}`);

  it('gives one record per supplier of a coordinated subject', () => {
    expect(pairs("L'Allemagne, le Danemark et les Pays-Bas enverront au printemps des chars Leopard 2 à l'Ukraine.")).toEqual([
      'germany→ukraine:leopard-2:announced',
      'denmark→ukraine:leopard-2:announced',
      'netherlands→ukraine:leopard-2:announced',
    ]);
    expect(pairs('Berlin et Paris, qui ont déjà cédé des canons Caesar à Kiev, hésitent encore.')).toEqual([
      'germany→ukraine:caesar:delivered',
      'france→ukraine:caesar:delivered',
    ]);
  });

  it('reads every agent of a delivery participle after the weapon', () => {
    expect(pairs("Les F-16 livrés l'an dernier par le Danemark et la Norvège volent déjà au-dessus du front.")).toEqual([
      'denmark→ukraine:f-16:delivered',
      'norway→ukraine:f-16:delivered',
    ]);
  });

  it('does not take the maker of a system as its supplier', () => {
    expect(pairs('La France a déjà cédé des canons Caesar fabriqués par Nexter.')).toEqual(['france→ukraine:caesar:delivered']);
    expect(deliveries('Fabriqué par Nexter, le Caesar est produit par une filiale du groupe.')).toEqual([]);
  });

  it('records no delivery for a strike or for the use of a weapon', () => {
    expect(deliveries('Dans la nuit, la Russie a tiré six missiles Kinjal sur la capitale, a annoncé Kiev.')).toEqual([]);
    expect(deliveries('Odessa a été frappée par des drones Shahed, a annoncé le gouverneur.')).toEqual([]);
    expect(deliveries("L'armée ukrainienne utilise des Storm Shadow britanniques, a rappelé le ministre.")).toEqual([]);
  });

  it('reads transfers between other countries in the present tense', () => {
    expect(pairs("Les experts s'inquiètent de l'Iran, qui fournit depuis l'été des drones Shahed à Moscou.")).toEqual(['iran→russia:shahed-136:delivered']);
  });

  it('takes a post-posed country adjective as the supplier when it is not the origin of the system', () => {
    expect(pairs("Les MIM-104 allemands doivent être livrés avant l'hiver.")).toEqual(['germany→ukraine:patriot-us:planned']);
    // An origin adjective is only the last resort: any supplier the article names comes first.
    expect(pairs('Des MIM-104 américains ont été livrés la semaine dernière.')).toEqual(['united-states→ukraine:patriot-us:delivered']);
    expect(pairs('La Pologne a cédé des MIM-104 à Kiev. Des MIM-104 américains ont été livrés la semaine dernière.')).toEqual([
      'poland→ukraine:patriot-us:delivered',
    ]);
  });

  it('makes the subject of "a reçu" the recipient', () => {
    expect(pairs('La Pologne a reçu des missiles Javelin des États-Unis.')).toEqual(['united-states→poland:javelin:delivered']);
  });

  it('credits own production to the producing company country, with no recipient', () => {
    expect(pairs('Le groupe public Ukroboronprom a accéléré la production des obusiers Bohdana.')).toEqual(['ukraine→null:bohdana:produced']);
  });

  it('reads an order: the buyer receives, the party it signs with supplies', () => {
    expect(pairs("L'Ukraine a signé avec la Suède une commande de 100 chasseurs Gripen.")).toEqual(['sweden→ukraine:gripen:planned']);
  });

  it('finds the same cue whether the sentence has only plain words, a folded ligature or many candidate words', () => {
    const expected = { supplier: 'germany', recipient: 'ukraine', weapon: 'leopard-2', quantity: 12, status: 'delivered' };
    const [plain] = deliveries('Berlin a livré douze chars Leopard 2 à Kiev.');
    const [ligature] = deliveries("Au cœur de l'aide, Berlin a livré douze chars Leopard 2 à Kiev.");
    const [many] = deliveries('À la demande de Kiev, à la fin de la semaine, à Ramstein, Berlin a livré douze chars Leopard 2 à Kiev.');
    for (const d of [plain, ligature, many]) {
      expect(d).toMatchObject(expected);
      expect(d.evidence.rule).toBe('delivered:past-tense');
    }
  });
});
