/**
 * Delivery extraction on whole articles with the project's gazetteer: one test per failure kind
 * seen on real articles (sentences written for these tests, not taken from any article).
 */
import { describe, expect, it } from 'vitest';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';
import { extractText } from '../src/lib/extract/pipeline.ts';

const cg = getDefaultCompiledGazetteer();

/** Extracts an article made of an optional headline line and a body. */
function article(body: string, headline?: string) {
  const text = headline ? `${headline}\n\n${body}\n` : `${body}\n`;
  return extractText(text, 'case.txt', cg);
}

/** supplier→recipient:weapon triples, sorted (what a reader of the deliveries table checks first). */
function triples(body: string, headline?: string): string[] {
  return [...new Set(article(body, headline).deliveries.map((d) => `${d.supplier}→${d.recipient}:${d.weapon}`))].sort();
}

describe('delivery roles from the sentence structure', () => {
  it('gives every country of a coordinated subject, with a noun cue in the headline', () => {
    expect(triples('Le calendrier reste flou.', 'Les Pays-Bas et le Danemark confirment la livraison de chasseurs F-16 à Kiev')).toEqual([
      'denmark→ukraine:f-16',
      'netherlands→ukraine:f-16',
    ]);
  });

  it('reads the main clause subject through a pronoun after "que"', () => {
    expect(triples("La Norvège et la Suède ont fait savoir mardi qu'elles allaient fournir des obusiers Archer à l'Ukraine.")).toEqual([
      'norway→ukraine:archer',
      'sweden→ukraine:archer',
    ]);
  });

  it('maps seats of power and capitals to their country', () => {
    expect(triples('Le Pentagone a expédié la semaine passée quatre lanceurs HIMARS vers le front.')).toEqual(['united-states→ukraine:himars']);
    expect(triples("L'Élysée a promis de nouveaux canons Caesar aux forces ukrainiennes.")).toEqual(['france→ukraine:caesar']);
    expect(triples('Downing Street enverra une douzaine de chars Challenger 2 avant le printemps.')).toEqual(['united-kingdom→ukraine:challenger-2']);
  });

  it('keeps the supplier when the recipient comes right after the verb ("a promis à Kiev")', () => {
    expect(triples('Madrid a promis à Kiev six lanceurs Hawk supplémentaires.')).toEqual(['spain→ukraine:hawk']);
  });

  it('reads the agent of a passive and the origin of "en provenance de"', () => {
    expect(triples("Une dizaine d'obusiers PzH 2000 ont été livrés par l'Allemagne cet hiver.")).toEqual(['germany→ukraine:pzh-2000']);
    expect(triples('Des missiles Stinger en provenance de Lituanie sont arrivés à Kiev mardi.')).toEqual(['lithuania→ukraine:stinger']);
  });

  it('makes the subject of "a reçu" the recipient and its "de" complement the supplier', () => {
    expect(triples('La Pologne a reçu de la Norvège deux batteries NASAMS.')).toEqual(['norway→poland:nasams']);
  });

  it('inverts roles for a request instead of swapping supplier and recipient', () => {
    const [d] = article('Kiev a demandé à Berlin des missiles de croisière Taurus.').deliveries;
    expect(d).toMatchObject({ supplier: 'germany', recipient: 'ukraine', weapon: 'taurus', status: 'requested' });
  });

  it('pairs each system with the country of its own clause', () => {
    expect(triples('La France envoyait déjà des canons Caesar et le Royaume-Uni a cédé des missiles Starstreak.')).toEqual([
      'france→ukraine:caesar',
      'united-kingdom→ukraine:starstreak',
    ]);
  });

  it('reads every weapon of a list', () => {
    expect(triples('La France a cédé à Kiev des Mistral et des Crotale ainsi que des missiles Aster 30.')).toEqual([
      'france→ukraine:aster-30',
      'france→ukraine:crotale',
      'france→ukraine:mistral',
    ]);
  });

  it('names Soviet-era systems and small arms', () => {
    expect(triples("La Slovaquie a cédé ses MiG-29 ainsi qu'une batterie S-300.")).toEqual(['slovakia→ukraine:mig-29', 'slovakia→ukraine:s-300']);
    expect(triples("L'Allemagne a livré 2 700 missiles Strela issus des stocks de l'ex-RDA.")).toEqual(['germany→ukraine:strela-2']);
    expect(triples("Ottawa a envoyé des mitrailleuses FN MAG et des fusils de précision Barrett M82 à l'armée ukrainienne.")).toEqual([
      'canada→ukraine:barrett-m82',
      'canada→ukraine:fn-mag',
    ]);
  });
});

describe('delivery roles from the article', () => {
  it("fills a later sentence's missing supplier with the headline's actor", () => {
    const body = 'Les premiers exemplaires de ces missiles Scalp ont déjà été livrés, selon un responsable militaire.';
    expect(triples(body, 'Paris va livrer des missiles Scalp à Kiev')).toEqual(['france→ukraine:scalp-storm-shadow']);
  });

  it('reads a possessive ("ses") as the actor the article has established', () => {
    const body = "L'Italie a confirmé son soutien à Kiev. Ses premiers SAMP/T seront livrés au printemps.";
    expect(triples(body, "Rome va céder des batteries SAMP/T à l'Ukraine")).toEqual(['italy→ukraine:samp-t']);
  });

  it("keeps the article's recipient when a later sentence names none", () => {
    const body = 'Selon les services occidentaux, Téhéran a aussi livré des missiles Fath-360.';
    expect(triples(body, "L'Iran a livré des drones Shahed-136 à la Russie")).toEqual(['iran→russia:fath-360', 'iran→russia:shahed-136']);
  });

  it('takes the speaker of a reporting incise when the sentence names no supplier', () => {
    expect(triples('Le nouveau paquet comprend cinquante véhicules Bradley, a précisé le Pentagone.')).toEqual(['united-states→ukraine:bradley']);
  });

  it("takes the system's origin adjective only as a last resort", () => {
    expect(triples('Les premiers chars américains Abrams sont arrivés en Ukraine, a annoncé Volodymyr Zelensky.')).toEqual(['united-states→ukraine:m1-abrams']);
    expect(triples('Le Danemark a cédé des F-16 à Kiev. Les F-16 américains sont arrivés en Ukraine.')).toEqual(['denmark→ukraine:f-16']);
  });

  it('reads an owner as no recipient and a military noun with a country adjective as one', () => {
    expect(triples("Six Mirage 2000 appartenant à l'armée de l'air française seront transférés aux forces ukrainiennes.")).toEqual([
      'france→ukraine:mirage-2000',
    ]);
  });
});

describe('what is not a delivery', () => {
  it('drops speculation, hesitation and refusal', () => {
    expect(article('Washington pourrait annoncer la livraison de chars Abrams dans les prochains jours.').deliveries).toEqual([]);
    expect(article("Paris n'exclut pas de livrer ses chars Leclerc.").deliveries).toEqual([]);
    expect(article('Le chancelier envisage de céder des missiles Taurus.').deliveries).toEqual([]);
    expect(article('Berlin refuse toujours de livrer des missiles Taurus.').deliveries).toEqual([]);
    expect(article("Interrogé sur l'envoi de Tomahawk, le président a répondu qu'il y songeait.").deliveries).toEqual([]);
  });

  it('drops training, maintenance and comparisons', () => {
    expect(article('Huit pilotes ukrainiens se forment sur des F-16 au Danemark.').deliveries).toEqual([]);
    expect(article("L'atelier de réparation des véhicules Marder a été remis aux autorités locales.").deliveries).toEqual([]);
    expect(triples("Le SAMP/T, l'équivalent européen du Patriot, a été livré par l'Italie.")).toEqual(['italy→ukraine:samp-t']);
    expect(triples('La Belgique a décidé de livrer des avions qui seront remplacés par des F-35.')).toEqual([]);
  });

  it('does not credit the authoriser of a transfer as its supplier', () => {
    expect(article('Le feu vert à la livraison de F-16 a été donné le mois dernier par la Maison-Blanche.').deliveries).toEqual([]);
  });
});

describe('status, quantity and evidence', () => {
  it('tells a pledge, a plan and a delivery apart and keeps the quantity', () => {
    const facts = (body: string) => article(body).deliveries.map((d) => [d.status, d.quantity]);
    expect(facts('La Suède a promis dix chars Leopard 2.')).toEqual([['pledged', 10]]);
    expect(facts('La Suède doit livrer dix chars Leopard 2 en mars.')).toEqual([['planned', 10]]);
    expect(facts('Dix chars Leopard 2 ont été livrés par la Suède.')).toEqual([['delivered', 10]]);
    expect(facts('La Suède livrera dix chars Leopard 2.')).toEqual([['announced', 10]]);
  });

  it('cites the headline when the delivery is stated there', () => {
    const [d] = article('Le calendrier reste flou.', 'La Norvège va livrer des obusiers M109 à Kiev').deliveries;
    expect(d.evidence).toMatchObject({ text: 'La Norvège va livrer des obusiers M109 à Kiev', offset: 0 });
    expect(d.evidence.rule).toMatch(/\+headline$/);
  });
});

describe('clauses around the weapon', () => {
  it('lets a relative clause after the weapon name its supplier', () => {
    expect(triples('Le ministre a parlé des obusiers Archer que la Suède a promis à Kiev.')).toEqual(['sweden→ukraine:archer']);
  });

  it('gives each coordinated supplier its own system when the origins say so', () => {
    expect(triples('Washington et Berlin vont envoyer à Kiev des Bradley et des Marder.')).toEqual(['germany→ukraine:marder', 'united-states→ukraine:bradley']);
    // One system, two suppliers: both give it.
    expect(triples("Berlin et Washington vont livrer deux batteries Patriot à l'Ukraine.")).toEqual([
      'germany→ukraine:patriot',
      'united-states→ukraine:patriot',
    ]);
  });

  it('reads a purchase for someone else: the buyer gives, the destination receives', () => {
    expect(triples("Le Canada va acheter aux États-Unis une batterie NASAMS destinée à l'Ukraine.")).toEqual(['canada→ukraine:nasams']);
    expect(triples("L'Ukraine a signé avec la Suède une commande de chasseurs Gripen.")).toEqual(['sweden→ukraine:gripen']);
  });

  it('takes the reporting subject before "que" for a clause that names no supplier', () => {
    expect(triples('Les Pays-Bas ont assuré que les obusiers PzH 2000 promis à Kiev seraient bientôt livrés.')).toEqual(['netherlands→ukraine:pzh-2000']);
  });

  it('does not deliver the model a system derives from', () => {
    expect(triples('La Slovénie a achevé la livraison de chars M-55S, une version modernisée du T-55 soviétique.')).toEqual(['slovenia→ukraine:m-55s']);
  });

  it('reads a gerund after a request as part of the request', () => {
    const [d] = article("L'Ukraine a appelé ses alliés à l'aider en lui fournissant des batteries Patriot.").deliveries;
    expect(d).toMatchObject({ recipient: 'ukraine', weapon: 'patriot', status: 'requested' });
  });

  it('reads the agent of a participle in an apposition', () => {
    expect(triples("L'Ukraine a reçu deux batteries Patriot, l'une fournie par les États-Unis.")).toEqual(['united-states→ukraine:patriot']);
  });

  it('does not take a distant participle or a place before the verb as roles', () => {
    expect(triples("Le ciel ukrainien est défendu par des Patriot, des IRIS-T et des canons Skynex fournis par l'Allemagne.")).toEqual([
      'germany→ukraine:skynex',
    ]);
    expect(triples('En visite aux Pays-Bas, le président ukrainien a salué les deux pays, qui se sont engagés à livrer des F-16.')).not.toContain(
      'ukraine→netherlands:f-16',
    );
  });
});

describe('more ways French says it', () => {
  it('reads the present of "livrer" and its kin, which folds like the participle', () => {
    expect(triples("La Norvège livre des obusiers M109 à l'Ukraine.")).toEqual(['norway→ukraine:m109']);
    // Negated, or part of a future passive: no present delivery.
    expect(article("La Norvège n'a toujours pas livré d'obusiers M109.").deliveries).toEqual([]);
    expect(article('Les obusiers M109 seront livrés par la Norvège.').deliveries.map((d) => d.status)).toEqual(['announced']);
  });

  it('reads what a country will receive or has obtained', () => {
    const [d] = article("L'Ukraine va recevoir des Pays-Bas dix-huit chasseurs F-16.").deliveries;
    expect(d).toMatchObject({ supplier: 'netherlands', recipient: 'ukraine', weapon: 'f-16', status: 'announced', quantity: 18 });
  });

  it('reads a gift and an intention', () => {
    expect(triples("Le Portugal a fait don de trois chars Leopard 2 à l'Ukraine.")).toEqual(['portugal→ukraine:leopard-2']);
    expect(article("L'Espagne compte livrer des lanceurs Hawk.").deliveries.map((d) => [d.supplier, d.status])).toEqual([['spain', 'planned']]);
  });

  it('reads the agent of a noun cue after the weapon', () => {
    expect(triples('Le calendrier de la livraison des F-16 par le Danemark et la Norvège reste secret.')).toEqual([
      'denmark→ukraine:f-16',
      'norway→ukraine:f-16',
    ]);
  });

  it('takes the actor and recipient of a headline that names no system', () => {
    expect(triples('Les premiers Senator seront livrés en mars.', "Ottawa fournira 39 blindés légers à l'Ukraine")).toEqual(['canada→ukraine:senator']);
    expect(triples('Des drones Mohajer-6 ont aussi été livrés.', "L'Iran a livré des drones à la Russie")).toEqual(['iran→russia:mohajer-6']);
    // A threat against deliveries names no supplier.
    expect(
      triples('Des chars Leopard 2 sont arrivés la semaine dernière.', "La Russie menace de frapper les livraisons d'armes occidentales à l'Ukraine"),
    ).toEqual(['null→ukraine:leopard-2']);
  });
});

describe('status of a pledge that has arrived', () => {
  it('reads "promised … have arrived" as delivered', () => {
    const [d] = article('Les 14 chars Leopard 2 promis par Berlin sont arrivés en Ukraine, a indiqué le ministère.').deliveries;
    expect(d).toMatchObject({ supplier: 'germany', recipient: 'ukraine', weapon: 'leopard-2', quantity: 14, status: 'delivered' });
  });
});

describe('sales, arrivals and national aid', () => {
  it('reads a sale as a transfer between any two countries', () => {
    expect(triples('La Corée du Sud a vendu des obusiers K9 Thunder à la Pologne.')).toEqual(['south-korea→poland:k9-thunder']);
  });

  it('reads a future arrival and "mettre à disposition"', () => {
    expect(article('Les F-16 danois arriveront en Ukraine cet été.').deliveries.map((d) => [d.supplier, d.weapon, d.status])).toEqual([
      ['denmark', 'f-16', 'announced'],
    ]);
    expect(triples('Paris mettra à disposition de Kiev des canons Caesar.')).toEqual(['france→ukraine:caesar']);
  });

  it('takes a national adjective on the aid, not on the system, as the supplier', () => {
    expect(triples("L'aide américaine comprend des missiles Stinger.")).toEqual(['united-states→ukraine:stinger']);
  });
});

describe('ongoing deliveries and who is compared', () => {
  it('reads "a commencé à livrer", "le premier pays à livrer" and "ont chacune envoyé"', () => {
    expect(triples('Les Pays-Bas ont commencé à livrer leurs F-16 à Kiev.')).toEqual(['netherlands→ukraine:f-16']);
    expect(triples("La Pologne a été le premier pays à livrer des chars Leopard 2 à l'Ukraine.")).toEqual(['poland→ukraine:leopard-2']);
    expect(triples("La Norvège et l'Espagne ont chacune envoyé des NASAMS à Kiev.")).toEqual(['norway→ukraine:nasams', 'spain→ukraine:nasams']);
  });

  it('does not take the country a supplier is compared with as a supplier', () => {
    expect(triples("Après les Pays-Bas, la Belgique va elle aussi livrer des F-16 à l'Ukraine.")).toEqual(['belgium→ukraine:f-16']);
  });

  it('takes "selon" a seat of power as the speaker of a sentence without a supplier', () => {
    expect(triples('Ce nouvel envoi comprend des missiles Javelin, selon le Pentagone.')).toEqual(['united-states→ukraine:javelin']);
  });
});

describe('intentions and exchanges', () => {
  it('reads a stated wish to deliver as planned', () => {
    expect(article("Les États-Unis ont indiqué vouloir livrer des chars Abrams à l'Ukraine.").deliveries.map((d) => [d.supplier, d.weapon, d.status])).toEqual([
      ['united-states', 'm1-abrams', 'planned'],
    ]);
  });

  it('does not deliver what a supplier gets in exchange', () => {
    expect(triples("La Grèce a livré des BMP-1 à l'Ukraine en échange de Marder allemands.")).toEqual(['greece→ukraine:bmp-1']);
  });
});

describe('origin as the last resort', () => {
  it('takes every origin country the sentence names when nothing else says who gives', () => {
    expect(triples('Un système SAMP/T, de fabrication franco-italienne, a été livré en Ukraine.')).toEqual(['france→ukraine:samp-t', 'italy→ukraine:samp-t']);
  });
});

describe('chains of participles', () => {
  it('passes over the agent of a use participle and makes it the recipient', () => {
    expect(triples("Les drones Shahed utilisés par la Russie sont fournis par l'Iran.")).toEqual(['iran→russia:shahed-136']);
  });

  it("reads past a maker's participle to the delivery verb", () => {
    const [d] = article('Des canons Caesar fabriqués par Nexter ont été livrés à Kiev.').deliveries;
    expect(d).toMatchObject({ recipient: 'ukraine', weapon: 'caesar', status: 'delivered' });
  });
});

describe('the lead and requests on behalf of others', () => {
  it('reads a request for a third country: the named recipient receives, not the requester', () => {
    const [d] = article("Le Pentagone exhorte les Européens à fournir des batteries Patriot à l'Ukraine.").deliveries;
    expect(d).toMatchObject({ recipient: 'ukraine', weapon: 'patriot', status: 'requested' });
  });

  it('takes the actor from the first sentences only, not from anywhere in a long first paragraph', () => {
    const body = [
      'La guerre entre dans sa troisième année.',
      'Les alliés se réunissent à Bruxelles.',
      'Le Danemark a livré des F-16 la semaine passée.',
      'La Norvège a cédé deux batteries NASAMS.',
      'Des missiles Patriot seront aussi livrés.',
    ].join(' ');
    expect(triples(body)).toContain('null→ukraine:patriot');
  });
});

describe('hedges and participles', () => {
  it('keeps a delivery stated by a participle after a hedged main verb', () => {
    expect(triples("L'Ukraine pourra bientôt utiliser les F-16 livrés par le Danemark.")).toEqual(['denmark→ukraine:f-16']);
  });

  it('drops a passive whose auxiliary is hedged', () => {
    expect(article('Les F-16 pourraient être livrés par la Norvège.').deliveries).toEqual([]);
  });
});

describe('receiving from several givers', () => {
  it('pairs each system with the giver named right after it', () => {
    expect(triples("Kiev a reçu 14 Leopard 2 de l'Allemagne et 31 Abrams des États-Unis.")).toEqual([
      'germany→ukraine:leopard-2',
      'united-states→ukraine:m1-abrams',
    ]);
  });
});

describe('possessives', () => {
  it("reads 'ses' as the sentence's party across a clause break", () => {
    expect(triples('Le Danemark a tenu sa promesse : ses F-16 sont arrivés en Ukraine.')).toEqual(['denmark→ukraine:f-16']);
  });
});

describe('fronted noun phrases', () => {
  it('gives a fronted additive phrase the main subject as agent', () => {
    expect(triples("Outre l'envoi de blindés AMX-10 RC, la France poursuivra son aide.")).toEqual(['france→ukraine:amx-10-rc']);
  });

  it('does not make whoever reacts to a delivery its supplier', () => {
    expect(article("Après l'annonce de la livraison de chars Leopard 2, Moscou a dénoncé une escalade.").deliveries).toEqual([]);
  });
});

describe('speakers who only mention a delivery', () => {
  it('does not make the speaker of a threat the supplier of systems mentioned in passing', () => {
    const rows = article('Les F-16 livrés à Kiev seront abattus, a déclaré Dmitri Peskov.').deliveries;
    expect(rows.map((d) => d.supplier)).not.toContain('russia');
  });
});

describe('conditions', () => {
  it('drops a transfer stated as a condition', () => {
    expect(article('Si Washington livrait des missiles ATACMS, Moscou riposterait.').deliveries).toEqual([]);
    expect(article("Si l'Allemagne décidait de livrer des missiles Taurus, la Russie réagirait.").deliveries).toEqual([]);
  });
});

describe('a participle after a pair of systems', () => {
  it('gives the agent of a participle after two coordinated systems to both', () => {
    expect(triples("Ils s'ajoutent aux véhicules CV90 et aux obusiers Archer déjà livrés par Stockholm.")).toEqual([
      'sweden→ukraine:archer',
      'sweden→ukraine:cv90',
    ]);
  });

  it('reads "et appelé les alliés à … en fournissant" as a request', () => {
    const [d] = article('Volodymyr Zelensky a salué la décision et appelé les alliés à suivre en fournissant des batteries Patriot.').deliveries;
    expect(d).toMatchObject({ supplier: null, recipient: 'ukraine', weapon: 'patriot', status: 'requested' });
  });
});

describe('negation', () => {
  it('reads "plus de" after a verb as a quantity, and "ne … plus" as a negation', () => {
    expect(triples('Washington avait déjà livré plus de 30 chars Abrams.')).toEqual(['united-states→ukraine:m1-abrams']);
    expect(article('Berlin ne livrera plus de chars Leopard 2 à Kiev.').deliveries).toEqual([]);
  });
});

describe('a generic noun pointing back to a named system', () => {
  it('reads "les premiers missiles ont été livrés" as the system the article named, with its actor', () => {
    const rows = article(
      'Le président a confirmé la nouvelle. Les premiers missiles ont déjà été livrés, selon un officier.',
      'Paris va livrer des missiles Scalp à Kiev',
    ).deliveries;
    expect(rows.map((d) => [d.supplier, d.recipient, d.weapon, d.status])).toEqual([
      ['france', 'ukraine', 'scalp-storm-shadow', 'announced'],
      ['france', 'ukraine', 'scalp-storm-shadow', 'delivered'],
    ]);
    expect(rows[1].evidence.rule).toContain('+coreference');
  });

  it('resolves only to a system of the right kind named before, and never for a request', () => {
    expect(article('Les premiers chars ont été livrés. La Suède a cédé des obusiers Archer.').deliveries.map((d) => d.weapon)).toEqual(['archer']);
    expect(article('La Suède a cédé des obusiers Archer. Kiev réclame aussi ces obusiers en plus grand nombre.').deliveries.map((d) => d.status)).toEqual([
      'delivered',
    ]);
  });

  it('reads "devrait" as planned only before a transfer verb', () => {
    expect(article('Les avions Mirage 2000 devraient permettre de protéger le ciel ukrainien.').deliveries).toEqual([]);
    expect(article('La France devrait livrer six avions Mirage 2000.').deliveries.map((d) => d.status)).toEqual(['planned']);
  });
});
