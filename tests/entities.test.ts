import { describe, expect, it } from 'vitest';
import { compileGazetteer } from '../src/lib/gazetteer/compile.ts';
import type { Gazetteer } from '../src/lib/gazetteer/types.ts';
import { extractEntities } from '../src/lib/extract/entities.ts';
import { simpleDoc } from './helpers/doc.ts';

const office = { role: 'defence-minister' as const, title: 'ministre des Armées', of: 'france', start: '2022-05-20', end: null };

const gazetteer: Gazetteer = {
  weapons: [
    {
      id: 'scalp-eg',
      name: 'Scalp',
      nameEn: 'SCALP-EG',
      aliases: ['Storm Shadow', 'SCALP-EG'],
      category: 'cruise-missile',
      origin: ['france', 'united-kingdom'],
    },
    { id: 'caesar', name: 'Caesar', nameEn: 'CAESAR', aliases: ['César', 'CAESAR'], category: 'artillery', origin: ['france'] },
    { id: 'a2sm', name: 'A2SM', nameEn: 'AASM Hammer', aliases: ['AASM', 'Hammer'], category: 'guided-bomb', origin: ['france'] },
    { id: 'patriot', name: 'Patriot', nameEn: 'Patriot', aliases: ['MIM-104 Patriot'], category: 'air-defence', origin: ['united-states'] },
    { id: 's-300', name: 'S-300', nameEn: 'S-300', aliases: [], category: 'air-defence', origin: ['russia'] },
    { id: 'himars', name: 'HIMARS', nameEn: 'HIMARS', aliases: ['M142 HIMARS'], category: 'mlrs', origin: ['united-states'] },
    { id: 'leopard-2', name: 'Leopard 2', nameEn: 'Leopard 2', aliases: ['Léopard 2'], category: 'tank', origin: ['germany'] },
    { id: 'archer', name: 'Archer', nameEn: 'Archer', aliases: [], category: 'artillery', origin: ['sweden'] },
  ],
  countries: [
    {
      id: 'france',
      name: 'France',
      nameEn: 'France',
      aliases: ['République française'],
      iso2: 'FR',
      adjectives: ['français', 'française', 'françaises', 'français'],
      compoundPrefixes: ['franco'],
      capital: 'Paris',
      metonyms: ["l'Élysée", 'Matignon'],
    },
    {
      id: 'germany',
      name: 'Allemagne',
      nameEn: 'Germany',
      aliases: ['RFA'],
      iso2: 'DE',
      adjectives: ['allemand', 'allemande', 'allemands', 'allemandes'],
      compoundPrefixes: ['germano'],
      capital: 'Berlin',
    },
    {
      id: 'united-states',
      name: 'États-Unis',
      nameEn: 'United States',
      aliases: ['USA', 'Amérique'],
      iso2: 'US',
      adjectives: ['américain', 'américaine', 'américains', 'américaines'],
      compoundPrefixes: ['américano'],
      capital: 'Washington',
      metonyms: ['la Maison-Blanche', 'le Pentagone'],
    },
    {
      id: 'russia',
      name: 'Russie',
      nameEn: 'Russia',
      aliases: ['Fédération de Russie'],
      iso2: 'RU',
      adjectives: ['russe', 'russes'],
      compoundPrefixes: ['russo'],
      capital: 'Moscou',
      metonyms: ['le Kremlin'],
    },
    {
      id: 'ukraine',
      name: 'Ukraine',
      nameEn: 'Ukraine',
      aliases: [],
      iso2: 'UA',
      adjectives: ['ukrainien', 'ukrainienne', 'ukrainiens', 'ukrainiennes'],
      compoundPrefixes: ['ukraino'],
      capital: 'Kiev',
      metonyms: [],
    },
    { id: 'slovakia', name: 'Slovaquie', nameEn: 'Slovakia', aliases: [], iso2: 'SK', adjectives: ['slovaque', 'slovaques'], capital: 'Bratislava' },
    {
      id: 'israel',
      name: 'Israël',
      nameEn: 'Israel',
      aliases: ['État hébreu'],
      iso2: 'IL',
      adjectives: ['israélien', 'israélienne', 'israéliens', 'israéliennes'],
      capital: 'Jérusalem',
    },
    {
      id: 'united-kingdom',
      name: 'Royaume-Uni',
      nameEn: 'United Kingdom',
      aliases: ['Grande-Bretagne'],
      iso2: 'GB',
      adjectives: ['britannique', 'britanniques'],
      compoundPrefixes: ['anglo', 'britannico'],
      capital: 'Londres',
      metonyms: ['Downing Street'],
    },
  ],
  people: [
    {
      id: 'sebastien-lecornu',
      name: 'Sébastien Lecornu',
      nameEn: 'Sébastien Lecornu',
      aliases: [],
      surnames: ['Lecornu'],
      country: 'france',
      offices: [office],
    },
    {
      id: 'volodymyr-zelensky',
      name: 'Volodymyr Zelensky',
      nameEn: 'Volodymyr Zelensky',
      aliases: ['Volodymyr Zelenskyy'],
      surnames: ['Zelensky', 'Zelenskyy'],
      country: 'ukraine',
      offices: [],
    },
    { id: 'rustem-umerov', name: 'Roustem Oumerov', nameEn: 'Rustem Umerov', aliases: [], surnames: ['Oumerov', 'Umerov'], country: 'ukraine', offices: [] },
    { id: 'joe-biden', name: 'Joe Biden', nameEn: 'Joe Biden', aliases: [], surnames: ['Biden'], country: 'united-states', offices: [] },
    {
      id: 'dmytro-kuleba',
      name: 'Dmytro Kouleba',
      nameEn: 'Dmytro Kuleba',
      aliases: ['Dmytro Kuleba'],
      surnames: ['Kouleba', 'Kuleba'],
      country: 'ukraine',
      offices: [],
    },
    { id: 'jens-stoltenberg', name: 'Jens Stoltenberg', nameEn: 'Jens Stoltenberg', aliases: [], surnames: ['Stoltenberg'], country: 'norway', offices: [] },
  ],
  organizations: [
    { id: 'nato', name: 'OTAN', nameEn: 'NATO', aliases: ["Organisation du traité de l'Atlantique nord", 'Alliance atlantique'], kind: 'alliance' },
    { id: 'european-union', name: 'Union européenne', nameEn: 'European Union', aliases: ['UE'], kind: 'intergovernmental' },
    { id: 'meta', name: 'Meta', nameEn: 'Meta', aliases: ['Meta Platforms'], kind: 'company' },
  ],
  outlets: [],
};

const cg = compileGazetteer(gazetteer);

const doc = simpleDoc;

function run(body: string) {
  return extractEntities(doc(body), cg);
}

function ids(list: { id: string }[]) {
  return list.map((x) => x.id);
}

describe('extractEntities', () => {
  it('finds weapons, countries and people with exact offsets into the body', () => {
    const body = "Les autorités françaises ont annoncé l'envoi de 40 missiles de croisière « Scalp » à Kiev, a déclaré Sébastien Lecornu.";
    const r = run(body);
    expect(ids(r.weapons)).toEqual(['scalp-eg']);
    expect(ids(r.countries)).toEqual(['france', 'ukraine']);
    expect(ids(r.people)).toEqual(['sebastien-lecornu']);
    for (const m of r.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
    expect(r.mentions.find((m) => m.id === 'scalp-eg')).toMatchObject({ text: 'Scalp', start: body.indexOf('Scalp') });
    expect(r.mentions.find((m) => m.id === 'sebastien-lecornu')?.text).toBe('Sébastien Lecornu');
  });

  it('folds accents so that unaccented spellings match', () => {
    const r = run('Le ministre Sebastien Lecornu a parlé avec les Etats-Unis de nouveaux canons Cesar.');
    expect(ids(r.people)).toEqual(['sebastien-lecornu']);
    expect(ids(r.countries)).toEqual(['united-states']);
    expect(ids(r.weapons)).toEqual(['caesar']);
  });

  it('tolerates a plural s on the last token of an alias', () => {
    const r = run('Kiev a reçu des Caesars et deux batteries Patriots, ainsi que des Storm Shadows.');
    expect(r.mentions.filter((m) => m.type === 'weapon').map((m) => m.text)).toEqual(['Caesars', 'Patriots', 'Storm Shadows']);
  });

  it('matches the entity after an elided article', () => {
    const r = run("Le soutien de l'OTAN et d'Ukraine, ainsi que celui qu'Israël apporte.");
    expect(r.mentions.map((m) => m.text)).toEqual(['OTAN', 'Ukraine', 'Israël']);
  });

  it('prefers the longest alias and never overlaps mentions', () => {
    const r = run('Des missiles Storm Shadow et un lanceur M142 HIMARS ont été livrés.');
    expect(r.mentions.map((m) => [m.id, m.text])).toEqual([
      ['scalp-eg', 'Storm Shadow'],
      ['himars', 'M142 HIMARS'],
    ]);
  });

  it('requires capitals for aliases written with capitals and whole upper-case acronyms', () => {
    const r = run("L'archer a tiré. L'ue n'est pas l'UE, mais les Archer suédois sont des obusiers.");
    expect(r.mentions.map((m) => m.text)).toEqual(['UE', 'Archer']);
  });

  it('accepts long acronyms in title case', () => {
    const r = run("Les lanceurs Himars promis par l'Otan.");
    expect(r.mentions.map((m) => [m.id, m.text])).toEqual([
      ['himars', 'Himars'],
      ['nato', 'Otan'],
    ]);
  });

  it('maps adjectives, capitals and metonyms to the country', () => {
    const r = run('Moscou a répondu au Kremlin, la Maison-Blanche à Paris et les responsables britanniques aux Ukrainiennes.');
    expect(r.mentions.map((m) => [m.id, m.text])).toEqual([
      ['russia', 'Moscou'],
      ['russia', 'Kremlin'],
      ['united-states', 'Maison-Blanche'],
      ['france', 'Paris'],
      ['united-kingdom', 'britanniques'],
      ['ukraine', 'Ukrainiennes'],
    ]);
  });

  it('splits compound adjectives into both countries', () => {
    const r = run('Le groupe franco-allemand KNDS et les négociations russo-ukrainiennes.');
    expect(r.mentions.map((m) => [m.id, m.text])).toEqual([
      ['france', 'franco'],
      ['germany', 'allemand'],
      ['russia', 'russo'],
      ['ukraine', 'ukrainiennes'],
    ]);
  });

  it('ignores a capital used as a surname or in a title', () => {
    const r = run("L'acteur Denzel Washington a lu le Washington Post à Washington.");
    expect(r.mentions.map((m) => [m.id, m.start])).toEqual([['united-states', "L'acteur Denzel Washington a lu le Washington Post à ".length]]);
  });

  it('links surnames alone and after M.', () => {
    const r = run('Zelensky a remercié M. Biden.');
    expect(r.mentions.map((m) => [m.id, m.text])).toEqual([
      ['volodymyr-zelensky', 'Zelensky'],
      ['joe-biden', 'Biden'],
    ]);
  });

  it('extends a surname to a transliterated given name', () => {
    const body = 'Il a parlé avec son homologue ukrainien Volodimir Zelensky et avec Dmitry Kuleba.';
    const r = run(body);
    const people = r.mentions.filter((m) => m.type === 'person');
    expect(people.map((m) => [m.id, m.text])).toEqual([
      ['volodymyr-zelensky', 'Volodimir Zelensky'],
      ['dmytro-kuleba', 'Dmitry Kuleba'],
    ]);
    expect(r.newNames).toEqual([]);
  });

  it('does not link a different person who shares a surname', () => {
    const r = run('Le fils du président, Hunter Biden, a été entendu.');
    expect(r.people.map((p) => p.id)).not.toContain('joe-biden');
  });

  it('reads close misspellings of known surnames and records them', () => {
    const body = "Il s'est entretenu avec Sébastien Lecornuil, a déclaré Oumerov. Stoltemberg a confirmé.";
    const r = run(body);
    const people = r.mentions.filter((m) => m.type === 'person');
    expect(people.map((m) => [m.id, m.text])).toEqual([
      ['sebastien-lecornu', 'Sébastien Lecornuil'],
      ['rustem-umerov', 'Oumerov'],
      ['jens-stoltenberg', 'Stoltemberg'],
    ]);
    expect(r.fuzzy.map((f) => [f.text, f.name])).toEqual([
      ['Sébastien Lecornuil', 'Sébastien Lecornu'],
      ['Stoltemberg', 'Jens Stoltenberg'],
    ]);
  });

  it('never reads words under five letters as misspelled surnames', () => {
    const r = run('Bidn et Bide ne sont pas Biden.');
    expect(r.mentions.map((m) => m.text)).toEqual(['Biden']);
  });

  it('finds new people after an office title and lists them', () => {
    const body =
      "Le Premier ministre Eduard Heger l'a confirmé. Le ministre slovaque de la Défense Jaroslav Naď, la porte-parole Maria Zakharova et le secrétaire général de l'OTAN, Mark Rutte, ont parlé. Heger a ajouté un mot.";
    const r = run(body);
    expect(r.newNames.map((n) => n.name)).toEqual(['Eduard Heger', 'Jaroslav Naď', 'Maria Zakharova', 'Mark Rutte']);
    expect(r.newNames[0].evidence).toEqual({ text: "Le Premier ministre Eduard Heger l'a confirmé.", offset: 0, rule: 'office-title' });
    expect(ids(r.people)).toEqual(['new:eduard-heger', 'new:jaroslav-nad', 'new:maria-zakharova', 'new:mark-rutte']);
    const heger = r.mentions.filter((m) => m.id === 'new:eduard-heger');
    expect(heger.map((m) => m.text)).toEqual(['Eduard Heger', 'Heger']);
    for (const m of r.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds new people after Mme and M. and keeps particles', () => {
    const r = run('Mme Kaja Kallas a reçu M. Bachar al-Assad et le général Charles de Gaulle.');
    expect(r.newNames.map((n) => n.name)).toEqual(['Kaja Kallas', 'Bachar al-Assad', 'Charles de Gaulle']);
    expect(r.newNames[0].evidence.rule).toBe('civility');
  });

  it('does not take capitalised words that are not names for new people', () => {
    const r = run('Le ministre de la Défense Nationale a parlé. Le président a visité Notre-Dame.');
    expect(r.newNames).toEqual([]);
  });

  it('only takes ambiguous weapon names in a military sentence', () => {
    const r1 = run('Jules César a franchi le Rubicon. Le film César est sorti.');
    expect(r1.weapons).toEqual([]);
    const r2 = run('La France a livré des César supplémentaires.');
    expect(ids(r2.weapons)).toEqual(['caesar']);
  });

  it('returns mentions sorted by start and lists unique by id in order of first mention', () => {
    const r = run('Paris et Berlin. La France, puis Berlin et encore Paris.');
    expect(ids(r.countries)).toEqual(['france', 'germany']);
    const starts = r.mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(r.mentions).toHaveLength(5);
  });
});

describe('extractEntities: new people found by pattern', () => {
  const names = (body: string) => run(body).newNames.map((n) => n.name);

  it('reads a name after an office phrase that contains a place name', () => {
    expect(names('Le gouverneur de la région de Kherson, Oleksandr Prokoudine, a fait état de trois blessés.')).toEqual(['Oleksandr Prokoudine']);
  });

  it('reads a name after a retired officer title', () => {
    expect(names('Pour le colonel à la retraite Michel Goya, la manœuvre est risquée.')).toEqual(['Michel Goya']);
  });

  it('reads a name followed by a role in apposition', () => {
    expect(names("« C'est un tournant », estime Camille Grand, chercheur au Conseil européen.")).toEqual(['Camille Grand']);
    expect(names('« Nous tournons à plein », explique Jan Novotny, le propriétaire de la firme.')).toEqual(['Jan Novotny']);
  });

  it('reads a religious title with a single name', () => {
    expect(names('Le patriarche Bartholomée a appelé à une trêve.')).toEqual(['Bartholomée']);
  });

  it('keeps hyphenated family names and Korean given names whole', () => {
    expect(names("« Rien n'est acquis », juge Anne-Laure Dupont-Aignan, analyste à l'institut.")).toEqual(['Anne-Laure Dupont-Aignan']);
    expect(names('« Séoul restera prudent », analyse Kim Min-seok, chercheur à Séoul.')).toEqual(['Kim Min-seok']);
  });

  it('does not take a capitalised word after a comma for a role apposition without a role noun', () => {
    expect(names('Selon Jean Valjean, Paris reste prudent.')).toEqual([]);
  });
});
