/** Inline fixtures for the date-stage tests: a tiny gazetteer, a naive segmenter and a small events knowledge base. */
import type { Mention, SegmentedDoc, Sentence, Span } from '../src/lib/extract/types.ts';
import type { CompiledGazetteer, CountryProfile, OrganizationProfile, PersonProfile, Office } from '../src/lib/gazetteer/types.ts';
import type { WarEvent } from '../src/lib/events/schema.ts';
import { eventFileSchema } from '../src/lib/events/schema.ts';
import { compileKb, type CompiledKb } from '../src/lib/extract/dates/kb.ts';
import type { DatingContext } from '../src/lib/extract/dates/index.ts';

/** Paragraphs on blank lines, sentences on ". " / "! " / "? " (enough for fixtures). */
export function doc(body: string): SegmentedDoc {
  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  const paraRe = /[^\n]+(?:\n(?!\n)[^\n]+)*/g;
  let p: RegExpExecArray | null;
  while ((p = paraRe.exec(body))) {
    const pi = paragraphs.length;
    paragraphs.push({ text: p[0], start: p.index, end: p.index + p[0].length });
    const sentRe = /[^.!?]+(?:[.!?]+|$)/g;
    let s: RegExpExecArray | null;
    while ((s = sentRe.exec(p[0]))) {
      const lead = s[0].length - s[0].trimStart().length;
      const text = s[0].trim();
      if (!text) continue;
      const start = p.index + s.index + lead;
      sentences.push({ text, start, end: start + text.length, paragraph: pi });
    }
  }
  return { body, paragraphs, sentences };
}

/** A person mention for the first occurrence of `text` in `body` (after `from`). */
export function person(body: string, text: string, id: string, from = 0): Mention {
  const start = body.indexOf(text, from);
  if (start < 0) throw new Error(`fixture: "${text}" not in body`);
  return { id, type: 'person', text, start, end: start + text.length };
}

const office = (role: Office['role'], of: string, start: string, end: string | null, title = ''): Office => ({ role, title, of, start, end });

function personProfile(id: string, name: string, country: string, offices: Office[]): PersonProfile {
  return { id, name, nameEn: name, aliases: [], country, surnames: [name.split(' ').pop()!], offices };
}

export const PEOPLE: PersonProfile[] = [
  personProfile('rustem-umerov', 'Roustem Oumerov', 'ukraine', [
    office('other', 'ukraine', '2022-09-07', '2023-09-06'),
    office('defence-minister', 'ukraine', '2023-09-06', '2025-07-17', 'ministre de la Défense'),
  ]),
  personProfile('sebastien-lecornu', 'Sébastien Lecornu', 'france', [
    office('defence-minister', 'france', '2022-05-20', '2025-10-05', 'ministre des Armées'),
    office('head-of-government', 'france', '2025-09-09', null, 'Premier ministre'),
  ]),
  personProfile('emmanuel-macron', 'Emmanuel Macron', 'france', [office('head-of-state', 'france', '2017-05-14', null, 'président')]),
  personProfile('volodymyr-zelensky', 'Volodymyr Zelensky', 'ukraine', [office('head-of-state', 'ukraine', '2019-05-20', null, 'président')]),
  personProfile('donald-trump', 'Donald Trump', 'united-states', [
    office('head-of-state', 'united-states', '2017-01-20', '2021-01-20', 'président'),
    office('head-of-state', 'united-states', '2025-01-20', null, 'président'),
  ]),
  personProfile('joe-biden', 'Joe Biden', 'united-states', [office('head-of-state', 'united-states', '2021-01-20', '2025-01-20', 'président')]),
  personProfile('liz-truss', 'Liz Truss', 'united-kingdom', [
    office('foreign-minister', 'united-kingdom', '2021-09-15', '2022-09-06', 'ministre des Affaires étrangères'),
    office('head-of-government', 'united-kingdom', '2022-09-06', '2022-10-25', 'Première ministre'),
  ]),
  personProfile('jens-stoltenberg', 'Jens Stoltenberg', 'norway', [office('secretary-general', 'nato', '2014-10-01', '2024-10-01', 'secrétaire général')]),
  personProfile('eduard-heger', 'Eduard Heger', 'slovakia', [office('head-of-government', 'slovakia', '2021-04-01', '2023-05-15', 'Premier ministre')]),
  personProfile('stephane-sejourne', 'Stéphane Séjourné', 'france', [
    office('foreign-minister', 'france', '2024-01-11', '2024-09-21', 'ministre des Affaires étrangères'),
  ]),
  personProfile('antony-blinken', 'Antony Blinken', 'united-states', [
    office('foreign-minister', 'united-states', '2021-01-26', '2025-01-20', "secrétaire d'État"),
  ]),
];

const country = (id: string, name: string, adjectives: string[]): CountryProfile => ({
  id,
  name,
  nameEn: name,
  aliases: [],
  iso2: 'XX',
  adjectives,
  capital: '',
});
const COUNTRIES: CountryProfile[] = [
  country('ukraine', 'Ukraine', ['ukrainien', 'ukrainienne', 'ukrainiens', 'ukrainiennes']),
  country('france', 'France', ['français', 'française', 'françaises']),
  country('united-states', 'États-Unis', ['américain', 'américaine', 'américains', 'américaines']),
  country('united-kingdom', 'Royaume-Uni', ['britannique', 'britanniques']),
  country('slovakia', 'Slovaquie', ['slovaque', 'slovaques']),
  country('russia', 'Russie', ['russe', 'russes']),
];
const ORGS: OrganizationProfile[] = [{ id: 'nato', name: 'OTAN', nameEn: 'NATO', aliases: ['Otan', 'NATO', 'Alliance atlantique'], kind: 'alliance' }];

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[-\s]+/g, ' ')
    .trim();

export function gazetteer(): CompiledGazetteer {
  const countryByAdjective = new Map<string, string>();
  for (const c of COUNTRIES) for (const a of c.adjectives) countryByAdjective.set(fold(a), c.id);
  const names = new Map<string, string>();
  const people = new Map(PEOPLE.map((p) => [p.id, p]));
  const countries = new Map(COUNTRIES.map((c) => [c.id, c]));
  const organizations = new Map(ORGS.map((o) => [o.id, o]));
  for (const [id, p] of people) names.set(id, p.name);
  return {
    data: { weapons: [], countries: COUNTRIES, people: PEOPLE, organizations: ORGS, outlets: [] },
    weapons: new Map(),
    countries,
    people,
    organizations,
    outlets: new Map(),
    countryByAdjective,
    countryByPrefix: new Map(),
    typeOf: (id) => (people.has(id) ? 'person' : countries.has(id) ? 'country' : organizations.has(id) ? 'organization' : undefined),
    nameOf: (id) => names.get(id),
  };
}

/** Day-set intervals as ISO strings (open bounds as null) for readable assertions. */
export function isoSet(set: [number, number][]): [string | null, string | null][] {
  const f = (n: number) => (Number.isFinite(n) ? new Date(n * 86_400_000).toISOString().slice(0, 10) : null);
  return set.map(([a, b]) => [f(a), f(b)]);
}

/* ---------- A small events knowledge base (same schema as src/data/events/*.json) ---------- */

const src = { url: 'https://example.org/reference', title: 'Reference' };

/** Written for the tests; validated with the real schema so the fixture cannot drift from it. */
export const FIXTURE_EVENTS: WarEvent[] = eventFileSchema.parse({
  events: [
    {
      id: 'invasion-2022',
      kind: 'war',
      date: '2022-02-24',
      title: { fr: "Invasion russe de l'Ukraine", en: 'Russian invasion of Ukraine' },
      phrases: {
        fr: [
          "début de l'invasion",
          "début de l'invasion russe",
          "l'invasion à grande échelle",
          "l'invasion",
          "invasion russe de l'Ukraine",
          'début de la guerre',
        ],
        en: [],
      },
      source: src,
    },
    {
      id: 'nato-summit-vilnius-2023',
      kind: 'summit',
      date: '2023-07-11',
      end: '2023-07-12',
      title: { fr: "Sommet de l'Otan à Vilnius", en: 'NATO Vilnius summit' },
      phrases: { fr: ["sommet de l'OTAN de Vilnius", 'sommet de Vilnius', "sommet de l'Otan à Vilnius"], en: [] },
      source: { url: 'https://www.nato.int/cps/en/natohq/official_texts_217320.htm', title: 'Vilnius Summit Communiqué' },
    },
    {
      id: 'nato-summit-washington-2024',
      kind: 'summit',
      date: '2024-07-09',
      end: '2024-07-11',
      title: { fr: "Sommet de l'Otan à Washington", en: 'NATO Washington summit' },
      phrases: { fr: ['sommet de Washington', "sommet de l'Otan à Washington"], en: [] },
      source: src,
    },
    {
      id: 'coalition-of-the-willing',
      kind: 'initiative',
      date: '2025-03-02',
      existsSince: true,
      title: { fr: 'Coalition des volontaires', en: 'Coalition of the willing' },
      phrases: { fr: ['coalition des volontaires', 'alliance des volontaires'], en: [] },
      source: src,
    },
    {
      id: 'udcg-01-2022-04-26',
      kind: 'contact-group',
      date: '2022-04-26',
      title: { fr: 'Première réunion du groupe de Ramstein', en: 'First UDCG meeting' },
      phrases: { fr: ['première réunion du groupe de Ramstein', 'réunion de Ramstein'], en: [] },
      source: src,
    },
    {
      id: 'udcg-02-2022-05-23',
      kind: 'contact-group',
      date: '2022-05-23',
      title: { fr: 'Deuxième réunion du groupe de Ramstein', en: 'Second UDCG meeting' },
      phrases: { fr: ['deuxième réunion du groupe de Ramstein', 'réunion de Ramstein'], en: [] },
      source: src,
    },
  ],
}).events;

export function kb(): CompiledKb {
  return compileKb(FIXTURE_EVENTS);
}

/** The fixture knowledge base and an archive period ending on `to` (a fixed build day). */
export function dating(to = '2026-06-30', from = '2014-01-01'): DatingContext {
  return { kb: kb(), period: { from, to } };
}
