/**
 * Synthetic French corpus for the benchmark: deterministic from a seed number, composed from the
 * gazetteer (weapons, countries, people with their offices, organisations, outlets) so extraction
 * does real work: entity matches, dated office holders, quantities, datelines, boilerplate lines,
 * optional seed frontmatter. Sizes follow a log-uniform law between 1 and 8 KB.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BenchGazetteer {
  weapons: Array<{ id: string; name: string; aliases: string[]; category: string }>;
  countries: Array<{ id: string; name: string; adjectives: string[]; capital: string }>;
  people: Array<{
    id: string;
    name: string;
    country: string;
    surnames: string[];
    offices: Array<{ title: string; of: string; start: string; end: string | null }>;
  }>;
  organizations: Array<{ id: string; name: string; aliases: string[] }>;
  outlets: Array<{ id: string; name: string; domains: string[] }>;
}

export interface SeedFile {
  /** File name inside the seeds folder. */
  name: string;
  text: string;
}

export interface CorpusOptions {
  /** Number of seed files. */
  count: number;
  /** PRNG seed: the same number always yields the same corpus. */
  seed?: number;
  /** Smallest and largest article size in bytes (defaults 1024 and 8192). */
  minBytes?: number;
  maxBytes?: number;
}

/**
 * The extraction benchmark's article size (issue: throughput "for ~3 KB articles"): 2.8–3.3 KB,
 * about 3.1 KB on average. The scale benchmark keeps the default 1–8 KB spread.
 */
export const EXTRACT_3KB: Pick<CorpusOptions, 'minBytes' | 'maxBytes'> = { minBytes: 2800, maxBytes: 3300 };

const GAZETTEER_DIR = resolve(import.meta.dirname, '../../src/data/gazetteer');

/** Used only while weapons.json is absent, so the generator works on a partial checkout. */
const FALLBACK_WEAPONS: BenchGazetteer['weapons'] = [
  ['caesar', 'Caesar', 'artillery'],
  ['scalp-eg', 'Scalp', 'cruise-missile'],
  ['patriot', 'Patriot', 'air-defence'],
  ['leopard-2', 'Leopard 2', 'tank'],
  ['himars', 'HIMARS', 'mlrs'],
  ['iris-t-slm', 'IRIS-T SLM', 'air-defence'],
  ['bradley', 'Bradley', 'ifv'],
  ['f-16', 'F-16', 'aircraft'],
  ['bayraktar-tb2', 'Bayraktar TB2', 'drone'],
  ['javelin', 'Javelin', 'anti-tank'],
  ['nasams', 'NASAMS', 'air-defence'],
  ['storm-shadow', 'Storm Shadow', 'cruise-missile'],
].map(([id, name, category]) => ({ id, name, aliases: [], category }));

function readJson<T>(dir: string, name: string): T[] {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (Array.isArray(parsed)) return parsed as T[];
  return ((parsed as Record<string, unknown>)[name] as T[]) ?? [];
}

/** The gazetteer as the generator needs it (reads the JSON directly: no compile step). */
export function readBenchGazetteer(dir: string = GAZETTEER_DIR): BenchGazetteer {
  const weapons = readJson<BenchGazetteer['weapons'][number]>(dir, 'weapons');
  return {
    weapons: weapons.length ? weapons : FALLBACK_WEAPONS,
    countries: readJson(dir, 'countries'),
    people: readJson(dir, 'people'),
    organizations: readJson(dir, 'organizations'),
    outlets: readJson(dir, 'outlets'),
  };
}

/** mulberry32: tiny, fast, good enough for picking words. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const chance = (r: Random, p: number) => r() < p;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const NUMBER_WORDS: Record<number, string> = {
  2: 'deux',
  3: 'trois',
  4: 'quatre',
  5: 'cinq',
  6: 'six',
  8: 'huit',
  10: 'dix',
  12: 'douze',
  20: 'vingt',
  100: 'cent',
};
const SUPPLIERS = [
  'france',
  'germany',
  'united-states',
  'united-kingdom',
  'poland',
  'italy',
  'spain',
  'netherlands',
  'sweden',
  'norway',
  'denmark',
  'canada',
  'czech-republic',
  'belgium',
  'finland',
  'lithuania',
  'latvia',
  'estonia',
  'slovakia',
  'australia',
  'portugal',
  'romania',
  'turkey',
  'japan',
  'south-korea',
  'greece',
  'bulgaria',
  'croatia',
  'slovenia',
  'luxembourg',
];
const CATEGORY_NOUNS: Record<string, string[]> = {
  artillery: ['canons', 'obusiers', 'obusiers automoteurs', 'pièces d’artillerie'],
  mlrs: ['lance-roquettes multiples', 'systèmes'],
  'cruise-missile': ['missiles de croisière', 'missiles'],
  'ballistic-missile': ['missiles balistiques', 'missiles'],
  'air-defence': ['systèmes de défense aérienne', 'batteries', 'systèmes sol-air'],
  'air-defence-missile': ['missiles intercepteurs', 'missiles'],
  'guided-bomb': ['bombes guidées', 'kits de guidage'],
  tank: ['chars', 'chars lourds', 'chars de combat'],
  ifv: ['véhicules de combat d’infanterie', 'blindés'],
  apc: ['véhicules blindés', 'transports de troupes blindés'],
  aircraft: ['avions de combat', 'appareils', 'avions'],
  helicopter: ['hélicoptères'],
  drone: ['drones', 'drones d’attaque'],
  'anti-tank': ['missiles antichars', 'lance-missiles antichars'],
  manpads: ['missiles sol-air portables', 'systèmes portables'],
  'anti-ship': ['missiles antinavires'],
  naval: ['navires', 'vedettes', 'drones navals'],
  'small-arms': ['fusils', 'mitrailleuses'],
  'electronic-warfare': ['systèmes de guerre électronique', 'brouilleurs'],
  other: ['équipements', 'systèmes'],
};
const BOILERPLATE_HEAD = [
  'Suivez en direct les dernières nouvelles sur la guerre en Ukraine',
  'Publié le {date} à {hour}h{min} - Mis à jour le {date}',
  'Temps de lecture : {n} min',
  'Partager sur Facebook Partager sur X Partager par e-mail',
  'Accueil > International > Europe',
];
const BOILERPLATE_TAIL = [
  'Lire aussi : Guerre en Ukraine, ce que l’on sait de la contre-offensive',
  'Abonnez-vous à notre newsletter pour recevoir l’essentiel de l’actualité internationale.',
  'Cet article vous a-t-il été utile ? Oui Non',
  'Nous utilisons des cookies pour améliorer votre expérience. Accepter Refuser',
  'Tous droits réservés. Reproduction interdite sans autorisation.',
  'Partager cet article',
];
const FILLER = [
  'Les détails du calendrier de livraison n’ont pas été rendus publics pour des raisons de sécurité.',
  'Plusieurs experts interrogés estiment que ces équipements ne changeront pas à eux seuls le cours du conflit.',
  'Kiev réclame depuis des mois davantage de moyens de défense aérienne pour protéger ses infrastructures énergétiques.',
  'La question du financement de cette aide fait l’objet de débats au sein des parlements nationaux.',
  'Les forces ukrainiennes ont été formées à l’utilisation de ces systèmes dans des centres d’entraînement en Europe.',
  'Moscou a dénoncé une nouvelle escalade et averti que ces livraisons constituaient des cibles légitimes.',
  'La production industrielle peine à suivre le rythme de consommation des munitions sur le front.',
  'Selon des sources diplomatiques, d’autres annonces pourraient suivre dans les prochaines semaines.',
  'Les stocks de plusieurs armées européennes ont été sensiblement réduits depuis le début de la guerre.',
  'Le front reste largement figé dans l’est du pays, où les combats se poursuivent autour de plusieurs localités.',
  'Les négociations sur un éventuel cessez-le-feu n’ont pas progressé depuis la dernière rencontre entre les délégations.',
  'L’opposition a critiqué le manque de transparence sur le coût réel de ces transferts.',
  'Des milliers de civils ont été évacués des zones frontalières au cours des derniers jours.',
  'Les services de renseignement occidentaux estiment que la Russie a augmenté sa production de drones.',
  'Le ministère a refusé de commenter les informations publiées par la presse locale.',
  'La maintenance de ces matériels sera assurée en partie dans des ateliers installés en Pologne.',
  'Les pilotes et les techniciens devront suivre plusieurs mois de formation avant la mise en service.',
  'Cette annonce intervient à quelques jours d’un sommet européen consacré à la défense.',
  'Les industriels de l’armement ont signé plusieurs contrats pour accroître leurs capacités de production.',
  'Les frappes de la nuit ont visé des installations énergétiques dans plusieurs régions du pays.',
];

interface Story {
  date: Date;
  supplier: BenchGazetteer['countries'][number];
  recipient: BenchGazetteer['countries'][number];
  weapons: BenchGazetteer['weapons'];
  person: BenchGazetteer['people'][number] | undefined;
  office: BenchGazetteer['people'][number]['offices'][number] | undefined;
}

function frenchDate(d: Date, withYear = true): string {
  const day = d.getUTCDate() === 1 ? '1er' : String(d.getUTCDate());
  return `${day} ${MONTHS[d.getUTCMonth()]}${withYear ? ` ${d.getUTCFullYear()}` : ''}`;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function quantity(r: Random): string {
  const roll = r();
  if (roll < 0.35) return String(int(r, 2, 120));
  if (roll < 0.65) return pick(r, Object.values(NUMBER_WORDS));
  if (roll < 0.8) return pick(r, ['des dizaines de', 'plusieurs', 'des centaines de', 'quelques']);
  return String(pick(r, [4, 6, 12, 18, 24, 40, 50, 72, 90, 100]));
}

function weaponPhrase(r: Random, w: BenchGazetteer['weapons'][number]): string {
  const nouns = CATEGORY_NOUNS[w.category] ?? CATEGORY_NOUNS.other;
  const name = chance(r, 0.2) && w.aliases.length ? pick(r, w.aliases) : w.name;
  const q = quantity(r);
  const noun = pick(r, nouns);
  const of = /de$/.test(q) ? (/^[aeiouyéèêh]/i.test(noun) ? `${q.slice(0, -2)}d’` : `${q} `) : `${q} `;
  return `${of}${noun} ${name}`;
}

function adjective(c: BenchGazetteer['countries'][number]): string {
  return c.adjectives[0] ?? c.name;
}

/** Feminine plural form ("françaises", "britanniques") for "les autorités …", "les forces …". */
function adjectiveFemPlural(c: BenchGazetteer['countries'][number]): string {
  return c.adjectives.find((a) => a.endsWith('es')) ?? c.adjectives.at(-1) ?? c.name;
}

function personPhrase(r: Random, s: Story, gz: BenchGazetteer): string {
  if (!s.person || !s.office) return `le gouvernement ${adjective(s.supplier)}`;
  const of = gz.countries.find((c) => c.id === s.office!.of);
  const title = of ? `${s.office.title} ${adjective(of)}` : s.office.title;
  return chance(r, 0.5) ? `le ${title}, ${s.person.name}` : `${s.person.name}, ${title}`;
}

function sentences(r: Random, s: Story, gz: BenchGazetteer): string[] {
  const w = () => weaponPhrase(r, pick(r, s.weapons));
  const sup = s.supplier;
  const rec = s.recipient;
  const org = pick(r, gz.organizations.length ? gz.organizations : [{ id: 'x', name: 'OTAN', aliases: [] }]);
  const weekday = WEEKDAYS[s.date.getUTCDay()];
  const who = personPhrase(r, s, gz);
  const surname = s.person?.surnames[0] ?? s.person?.name ?? 'le ministre';
  return [
    `Le gouvernement ${adjective(sup)} va livrer ${w()} à l’${rec.name === 'Ukraine' ? 'Ukraine' : rec.name}, a annoncé ${weekday} ${who}.`,
    `${capitalise(who)} a confirmé l’envoi de ${w()} et de ${w()} à Kiev.`,
    `« Nous continuerons à soutenir l’${rec.name} aussi longtemps qu’il le faudra », a déclaré ${surname} lors d’une conférence de presse à ${sup.capital}.`,
    `Selon ${org.name}, ${w()} ont déjà été livrés aux forces ${adjectiveFemPlural(rec)} depuis le début de l’année.`,
    `Le paquet d’aide, d’un montant de ${int(r, 50, 2500)} millions d’euros, comprend également ${w()}.`,
    `Les autorités ${adjectiveFemPlural(sup)} ont indiqué le ${frenchDate(s.date, false)} que ${w()} seraient expédiés d’ici la fin du mois.`,
    `Kiev a demandé ${w()} supplémentaires pour faire face aux frappes russes.`,
    `${surname} s’est entretenu avec son homologue à ${rec.capital} au sujet de la livraison de ${w()}.`,
    `Un premier lot de ${w()} est arrivé en ${rec.name} en ${MONTHS[s.date.getUTCMonth()]}, selon le ministère.`,
    `Lors de la réunion du groupe de contact à Ramstein, ${org.name} a promis ${w()}.`,
    `L’industriel prévoit de produire ${w()} par mois à partir de l’an prochain.`,
  ];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function storyFor(r: Random, gz: BenchGazetteer): Story {
  const byId = new Map(gz.countries.map((c) => [c.id, c]));
  const suppliers = SUPPLIERS.map((id) => byId.get(id)).filter((c) => c !== undefined);
  const supplier = pick(r, suppliers.length ? suppliers : gz.countries);
  const recipient = byId.get('ukraine') ?? pick(r, gz.countries);
  const weapons = Array.from({ length: int(r, 1, 4) }, () => pick(r, gz.weapons));
  // A person in office at the story date, so date inference from tenures has something to chew on.
  const withOffice = gz.people.filter((p) => p.offices.length > 0);
  const person = withOffice.length ? pick(r, withOffice) : undefined;
  const office = person ? pick(r, person.offices) : undefined;
  const from = Math.max(Date.parse(office?.start ?? '2022-02-24'), Date.parse('2022-02-24'));
  const to = Math.min(Date.parse(office?.end ?? '2025-12-31'), Date.parse('2025-12-31'));
  const when = to > from ? from + r() * (to - from) : Date.parse('2022-02-24') + r() * 3 * 365 * 86_400_000;
  return { date: new Date(Math.floor(when / 86_400_000) * 86_400_000), supplier, recipient, weapons, person, office };
}

function headline(r: Random, s: Story): string {
  const w = s.weapons[0];
  return pick(r, [
    `${s.supplier.name} : nouvelle livraison de ${w.name} à l’Ukraine`,
    `Guerre en Ukraine : ${s.supplier.name} annonce l’envoi de ${w.name}`,
    `Aide militaire : Kiev recevra des ${w.name} supplémentaires`,
    `${w.name} pour l’Ukraine : ce que contient le nouveau paquet d’aide`,
  ]);
}

function fill(template: string, r: Random, s: Story): string {
  return template
    .replaceAll('{date}', iso(s.date).split('-').reverse().join('/'))
    .replace('{hour}', String(int(r, 6, 22)).padStart(2, '0'))
    .replace('{min}', String(int(r, 0, 59)).padStart(2, '0'))
    .replace('{n}', String(int(r, 2, 9)));
}

/** One article (text only) for article number `index`; depends only on (seed, index). */
export function generateArticle(gz: BenchGazetteer, seed: number, index: number, options: CorpusOptions = { count: 1 }): string {
  const r = prng((seed * 0x9e3779b1 + index * 0x85ebca6b) >>> 0);
  const minBytes = options.minBytes ?? 1024;
  const maxBytes = options.maxBytes ?? 8192;
  const target = Math.round(minBytes * Math.pow(maxBytes / minBytes, r()));
  const s = storyFor(r, gz);
  const outlet = gz.outlets.length ? pick(r, gz.outlets) : undefined;
  const head: string[] = [];
  const tail: string[] = [];

  const withFrontmatter = chance(r, 0.2);
  if (withFrontmatter) {
    head.push('---', `title: "${headline(r, s).replaceAll('"', '\\"')}"`, `date: ${iso(s.date)}`);
    if (outlet) head.push(`source: ${outlet.name}`);
    if (outlet?.domains[0]) head.push(`url: https://www.${outlet.domains[0]}/articles/${seed}-${index}`);
    head.push('---');
  }
  if (chance(r, 0.15)) head.push(fill(pick(r, BOILERPLATE_HEAD), r, s), '');
  if (!withFrontmatter && chance(r, 0.8)) head.push(headline(r, s), '');

  const paragraphs: string[] = [];
  let size = Buffer.byteLength(head.join('\n'));
  // Lead with a dateline half of the time (the date stage's strongest evidence).
  const dateline = chance(r, 0.5) ? `${s.supplier.capital.toUpperCase()}, ${frenchDate(s.date)} (${outlet?.name ?? 'AFP'}) - ` : '';
  let paragraph = dateline;
  while (size < target) {
    // About half the sentences carry no fact, as in real reporting.
    const sentence = chance(r, 0.5) ? pick(r, FILLER) : pick(r, sentences(r, s, gz));
    paragraph += (paragraph && !paragraph.endsWith(' - ') ? ' ' : '') + sentence;
    size += Buffer.byteLength(sentence) + 1;
    if (chance(r, 0.3)) {
      paragraphs.push(paragraph);
      paragraph = '';
      size += 1;
    }
  }
  if (paragraph) paragraphs.push(paragraph);

  if (chance(r, 0.3) && outlet) tail.push('', `Source : ${outlet.name}`);
  if (chance(r, 0.15)) tail.push('', pick(r, BOILERPLATE_TAIL));
  return `${head.join('\n')}\n${paragraphs.join('\n\n')}\n${tail.join('\n')}\n`;
}

/** Stable short hash for file names (FNV-1a). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** `count` seed files, deterministic from `seed`. */
export function generateCorpus(options: CorpusOptions, gz: BenchGazetteer = readBenchGazetteer()): SeedFile[] {
  const seed = options.seed ?? 1;
  const width = String(options.count).length;
  return Array.from({ length: options.count }, (_, index) => {
    const text = generateArticle(gz, seed, index, options);
    return { name: `${String(index).padStart(width, '0')}_${fnv(text)}.txt`, text };
  });
}

/** Writes the corpus into `dir` (created if needed); returns the total bytes written. */
export function writeCorpus(dir: string, files: SeedFile[]): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const f of files) {
    writeFileSync(join(dir, f.name), f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return bytes;
}
