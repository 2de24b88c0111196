/**
 * Hand-written extracted articles (the frontmatter shape of src/content.config.ts) for site
 * tests, so the site can be built and tested independently of extraction quality:
 * `buildFixtureSite()` writes them as MDX into a folder and runs `astro build` with ARTICLES_DIR.
 * Builds are cached by a hash of inputs, like tests/helpers/site.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, buildOnce, hashTree, ROOT, withBuildLock } from './site.ts';
import { compactFacts } from '../../src/lib/mdx/article.ts';

const SITES = join(ROOT, '.cache/test-sites');

type Ref = { id: string; name: string };
export interface FixtureArticle {
  slug: string;
  title: string;
  lead: string;
  source: { name: string; url: string | null } | null;
  date: {
    value: string | null;
    earliest: string | null;
    latest: string | null;
    precision: 'day' | 'month' | 'year' | 'range' | 'unknown';
    basis: 'frontmatter' | 'dateline' | 'inferred' | 'unknown';
    evidence: Array<{ text: string; offset: number; rule?: string }>;
  };
  countries: Ref[];
  people: Ref[];
  organizations: Ref[];
  weapons: Array<Ref & { category: string }>;
  deliveries: Array<{
    supplier: string | null;
    recipient: string | null;
    weapon: string;
    quantity: number | null;
    quantityText?: string | null;
    status: 'announced' | 'delivered' | 'planned' | 'requested' | 'produced';
    evidence: { text: string; offset: number; rule?: string };
  }>;
  contexts: Array<{ id: string; text: string; offset: number }>;
  /** MDX body (paragraphs, <Mention> tags). */
  body: string;
}

const FR: Ref = { id: 'france', name: 'France' };
const UA: Ref = { id: 'ukraine', name: 'Ukraine' };
const RU: Ref = { id: 'russie', name: 'Russie' };
const SK: Ref = { id: 'slovaquie', name: 'Slovaquie' };
const DE: Ref = { id: 'allemagne', name: 'Allemagne' };
const CAESAR = { id: 'caesar', name: 'Caesar', category: 'artillery' };
const SCALP = { id: 'scalp-eg', name: 'SCALP-EG', category: 'cruise-missile' };
const IRIS = { id: 'iris-t-slm', name: 'IRIS-T SLM', category: 'air-defence' };
const LECORNU: Ref = { id: 'sebastien-lecornu', name: 'Sébastien Lecornu' };
const HEGER: Ref = { id: 'new:eduard-heger', name: 'Eduard Heger' };
const NATO: Ref = { id: 'otan', name: 'OTAN' };

const m = (type: string, id: string, text: string) => `<Mention type="${type}" id="${id}">${text}</Mention>`;

/** A small, varied archive: every date precision, a new name, deliveries, shared entities. */
export function fixtureArticles(): FixtureArticle[] {
  const s1 = 'Les autorités françaises ont annoncé jeudi l’envoi de 40 missiles de croisière SCALP ainsi que de six obusiers Caesar à l’Ukraine.';
  const s2 = 'Le ministre français de la Défense, Sébastien Lecornu, a souligné que « le soutien de la France à l’Ukraine va se poursuivre ».';
  const s3 = 'Berlin a livré un nouveau système IRIS-T SLM à Kiev, a indiqué le ministère allemand de la Défense.';
  const s4 = 'Le Premier ministre slovaque Eduard Heger a confirmé le transfert de douze obusiers Caesar fabriqués sous licence ? Non : de Zuzana.';
  const s5 = 'La France prévoit de produire 72 obusiers Caesar supplémentaires l’année prochaine pour l’Ukraine.';
  const s6 = 'L’OTAN a salué les livraisons de missiles SCALP et de systèmes IRIS-T SLM à l’Ukraine.';
  return [
    {
      slug: 'la-france-envoie-des-missiles-scalp-et-des-caesar',
      title: 'La France envoie des missiles SCALP et des Caesar à l’Ukraine',
      lead: s1,
      source: { name: 'Anadolu', url: 'https://www.aa.com.tr/fr/exemple' },
      date: {
        value: '2024-01-18',
        earliest: '2024-01-18',
        latest: '2024-01-18',
        precision: 'day',
        basis: 'frontmatter',
        evidence: [{ text: 'Publié le 18 janvier 2024', offset: 0, rule: 'seed-frontmatter' }],
      },
      countries: [FR, UA, RU],
      people: [LECORNU],
      organizations: [],
      weapons: [SCALP, CAESAR],
      deliveries: [
        { supplier: 'france', recipient: 'ukraine', weapon: 'scalp-eg', quantity: 40, status: 'announced', evidence: { text: s1, offset: 0 } },
        { supplier: 'france', recipient: 'ukraine', weapon: 'caesar', quantity: 6, status: 'announced', evidence: { text: s1, offset: 0 } },
      ],
      contexts: [
        { id: 'scalp-eg', text: s1, offset: 0 },
        { id: 'caesar', text: s1, offset: 0 },
        { id: 'sebastien-lecornu', text: s2, offset: 130 },
      ],
      body: `Les autorités ${m('country', 'france', 'françaises')} ont annoncé jeudi l’envoi de 40 missiles de croisière ${m('weapon', 'scalp-eg', 'SCALP')} ainsi que de six obusiers ${m('weapon', 'caesar', 'Caesar')} à l’${m('country', 'ukraine', 'Ukraine')}.\n\nLe ministre français de la Défense, ${m('person', 'sebastien-lecornu', 'Sébastien Lecornu')}, a souligné que « le soutien de la ${m('country', 'france', 'France')} à l’Ukraine va se poursuivre » face à la ${m('country', 'russie', 'Russie')}.\n`,
    },
    {
      slug: 'berlin-livre-un-iris-t-slm',
      title: 'Berlin livre un nouveau système IRIS-T SLM à Kiev',
      lead: s3,
      source: { name: 'RT France', url: null },
      date: {
        value: '2024-04-15',
        earliest: '2024-04-01',
        latest: '2024-04-30',
        precision: 'month',
        basis: 'inferred',
        evidence: [{ text: 'Le mois dernier, en mars, Berlin avait promis…', offset: 120, rule: 'relative-month' }],
      },
      countries: [DE, UA],
      people: [],
      organizations: [],
      weapons: [IRIS],
      deliveries: [{ supplier: 'allemagne', recipient: 'ukraine', weapon: 'iris-t-slm', quantity: 1, status: 'delivered', evidence: { text: s3, offset: 0 } }],
      contexts: [{ id: 'iris-t-slm', text: s3, offset: 0 }],
      body: `${m('country', 'allemagne', 'Berlin')} a livré un nouveau système ${m('weapon', 'iris-t-slm', 'IRIS-T SLM')} à ${m('country', 'ukraine', 'Kiev')}, a indiqué le ministère allemand de la Défense.\n`,
    },
    {
      slug: 'la-slovaquie-transfere-des-obusiers',
      title: 'La Slovaquie transfère des obusiers à l’Ukraine',
      lead: s4,
      source: null,
      date: {
        value: null,
        earliest: '2022-05-17',
        latest: '2023-05-15',
        precision: 'range',
        basis: 'inferred',
        evidence: [{ text: 'Le Premier ministre slovaque Eduard Heger', offset: 0, rule: 'office-tenure' }],
      },
      countries: [SK, UA],
      people: [HEGER],
      organizations: [],
      weapons: [CAESAR],
      deliveries: [{ supplier: 'slovaquie', recipient: 'ukraine', weapon: 'caesar', quantity: 12, status: 'planned', evidence: { text: s4, offset: 0 } }],
      contexts: [
        { id: 'new:eduard-heger', text: s4, offset: 0 },
        { id: 'caesar', text: s4, offset: 0 },
      ],
      body: `Le Premier ministre slovaque ${m('person', 'new:eduard-heger', 'Eduard Heger')} a confirmé le transfert de douze obusiers ${m('weapon', 'caesar', 'Caesar')} à l’${m('country', 'ukraine', 'Ukraine')}.\n`,
    },
    {
      slug: 'production-de-caesar',
      title: 'Paris veut produire 72 Caesar supplémentaires',
      lead: s5,
      source: { name: 'Le Monde', url: 'https://www.lemonde.fr/exemple' },
      date: {
        value: '2024-04-02',
        earliest: '2024-04-02',
        latest: '2024-04-02',
        precision: 'day',
        basis: 'dateline',
        evidence: [{ text: 'PARIS, 2 avril 2024', offset: 0, rule: 'dateline' }],
      },
      countries: [FR, UA],
      people: [],
      organizations: [],
      weapons: [CAESAR],
      deliveries: [{ supplier: 'france', recipient: 'ukraine', weapon: 'caesar', quantity: 72, status: 'produced', evidence: { text: s5, offset: 0 } }],
      contexts: [{ id: 'caesar', text: s5, offset: 0 }],
      body: `La ${m('country', 'france', 'France')} prévoit de produire 72 obusiers ${m('weapon', 'caesar', 'Caesar')} supplémentaires l’année prochaine pour l’${m('country', 'ukraine', 'Ukraine')}.\n`,
    },
    {
      slug: 'l-otan-salue-les-livraisons',
      title: 'L’OTAN salue les livraisons d’armes à l’Ukraine',
      lead: s6,
      source: { name: 'Anadolu', url: null },
      date: { value: null, earliest: '2023-01-01', latest: '2023-12-31', precision: 'year', basis: 'inferred', evidence: [] },
      countries: [UA],
      people: [],
      organizations: [NATO],
      weapons: [SCALP, IRIS],
      deliveries: [
        {
          supplier: null,
          recipient: 'ukraine',
          weapon: 'scalp-eg',
          quantity: null,
          quantityText: 'des centaines',
          status: 'requested',
          evidence: { text: s6, offset: 0 },
        },
      ],
      contexts: [
        { id: 'otan', text: s6, offset: 0 },
        { id: 'scalp-eg', text: s6, offset: 0 },
      ],
      body: `L’${m('organization', 'otan', 'OTAN')} a salué les livraisons de missiles ${m('weapon', 'scalp-eg', 'SCALP')} et de systèmes ${m('weapon', 'iris-t-slm', 'IRIS-T SLM')} à l’${m('country', 'ukraine', 'Ukraine')}.\n`,
    },
    {
      slug: 'article-sans-date',
      title: 'Un article dont la date reste inconnue',
      lead: 'Aucune date ne figure dans ce texte sur l’aide militaire.',
      source: null,
      date: { value: null, earliest: null, latest: null, precision: 'unknown', basis: 'unknown', evidence: [] },
      countries: [UA],
      people: [],
      organizations: [],
      weapons: [],
      deliveries: [],
      contexts: [],
      body: 'Aucune date ne figure dans ce texte sur l’aide militaire.\n',
    },
  ];
}

/** `count` generated articles (for pagination and scale tests). */
export function manyArticles(count: number): FixtureArticle[] {
  const base = fixtureArticles()[0];
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2022, 1, 24) + i * 86_400_000).toISOString().slice(0, 10);
    return {
      ...base,
      slug: `article-${i + 1}`,
      title: `Article numéro ${i + 1} sur les Caesar`,
      date: { ...base.date, value: day, earliest: day, latest: day },
    };
  });
}

function toMdx(a: FixtureArticle): string {
  const { body, ...rest } = a;
  // The frontmatter stores each cited sentence once (src/lib/mdx/article.ts).
  const data = compactFacts({
    ...rest,
    titleGenerated: false,
    seed: `${a.slug}.txt`,
    hash: createHash('sha256').update(a.slug).digest('hex'),
    language: 'fr',
    url: a.source?.url ?? null,
    newNames: a.people.filter((p) => p.id.startsWith('new:')).map((p) => ({ name: p.name, type: 'person' })),
    footnotes: [],
    searchAliases: [...a.weapons, ...a.countries].map((e) => e.name),
    warnings: [],
  });
  // YAML is a superset of JSON: the frontmatter is written as JSON.
  return `---\n${JSON.stringify(data, null, 1)}\n---\n${body}`;
}

export function writeFixtures(dir: string, articles: FixtureArticle[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const a of articles) writeFileSync(join(dir, `${a.slug}.mdx`), toMdx(a));
}

export interface FixtureSite {
  dir: string;
  dist: string;
  log: string;
}

/** Builds the site from fixture articles (default: fixtureArticles()), cached by inputs. */
export async function buildFixtureSite(options: { name: string; env?: Record<string, string>; articles?: FixtureArticle[] }): Promise<FixtureSite> {
  const articles = options.articles ?? fixtureArticles();
  const env = options.env ?? {};
  const hash = createHash('sha256');
  for (const p of ['src', 'public', 'astro.config.mjs', 'package-lock.json']) hashTree(hash, join(ROOT, p));
  hash.update(JSON.stringify(articles));
  hash.update(JSON.stringify(env));
  const dir = join(SITES, `${options.name}-${hash.digest('hex').slice(0, 16)}`);
  const dist = join(dir, 'dist');
  return buildOnce(
    dir,
    async () => {
      const content = join(dir, 'content');
      writeFixtures(content, articles);
      rmSync(dist, { recursive: true, force: true });
      const log = await withBuildLock(() => {
        try {
          return astroBuild(content, dist, env);
        } catch (error) {
          const e = error as { stdout?: string; stderr?: string; message: string };
          throw new Error(`fixture site build failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error });
        }
      });
      // A build that rendered someone else's articles (shared data store) must not be cached.
      const missing = articles.filter((a) => !existsSync(join(dist, 'articles', a.slug, 'index.html')));
      if (missing.length) throw new Error(`fixture site build rendered other articles (missing ${missing[0].slug})\n${log}`);
      writeFileSync(join(dir, 'build.log'), log);
    },
    () => ({ dir, dist, log: readFileSync(join(dir, 'build.log'), 'utf8') }),
  );
}
