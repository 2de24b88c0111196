/**
 * Search relevance on a built corpus: runs reader-like queries through
 * Pagefind's own browser bundle from Node (as the search page sends them: function words left
 * out, the site's ranking settings) and scores the order against judgements computed from the
 * articles' data, never hand-picked:
 *   - an article is *about* a query when every query word is, after folding (case, accents, a
 *     plural -s/-x), a word of its title or of the names of the entities it carries (weapons,
 *     their category, countries, people, organisations);
 *   - a result *matches whole* when every query word is a word of its title or text (not only the
 *     beginning of a longer word, as "chars" in "Charles").
 * A result's gain is the share of the query words found in its title or entity names, or 0 when
 * some query word is not in it whole (found only as the start of a longer word). Prints per
 * query the first results, nDCG@5 over those gains (1 = the best order the corpus allows), P@5
 * (share of the top 5 about the query, out of what the corpus can give), the rank of the first
 * article about it and how many top-5 results match only by a prefix; then the means.
 *
 *   node scripts/bench/relevance.ts DIST CONTENT [--ranking JSON] [--json FILE] [--quiet]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import matter from 'gray-matter';
import { searchTerm } from '../../src/client/search/term.ts';
import { SEARCH_RANKING } from '../../src/lib/search/ranking.ts';
import fr from '../../src/i18n/fr.json' with { type: 'json' };

/** Reader-like queries: a weapon family with a verb, names, a country, a category. */
export const QUERIES = [
  'livraison de chars',
  'chars Leopard',
  'artillerie',
  'missiles Patriot',
  'défense aérienne',
  'drones',
  'Scalp',
  'Allemagne livraison',
  'avions de combat',
  'Turquie',
  // Words that begin longer, unrelated words ("Charles", "pionnier", "osait", "Gradinaru").
  'chars',
  'Pion',
  'Osa',
  'Grad',
];

/**
 * A light French inflection fold for the judgements (not Pagefind's stemmer): case, accents, a
 * plural -s/-x, a feminine -e and the doubled consonant before it ("aériennes" = "aérien",
 * "chars" = "char"; "Charles" ≠ "char", "combattants" ≠ "combat").
 */
export const fold = (word: string) =>
  word
    .toLocaleLowerCase('fr')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/(?<=..)[sx]$/, '')
    .replace(/(?<=..)e$/, '')
    .replace(/(?<=.)([nlt])\1$/, '$1');
const words = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(fold);

interface Judged {
  about: Set<string>;
  text: Set<string>;
  title: string;
}

function judgeCorpus(content: string): Map<string, Judged> {
  const categories = fr as Record<string, string>;
  const out = new Map<string, Judged>();
  for (const file of readdirSync(content)) {
    if (!file.endsWith('.mdx')) continue;
    const { data, content: body } = matter(readFileSync(join(content, file), 'utf8'));
    const names = [
      ...data.weapons.flatMap((w: { name: string; category: string }) => [w.name, categories[`category.${w.category}`] ?? '']),
      ...data.countries.map((c: { name: string }) => c.name),
      ...data.people.map((p: { name: string }) => p.name),
      ...data.organizations.map((o: { name: string }) => o.name),
    ];
    const about = new Set([...words(data.title), ...words(names.join(' '))]);
    // What Pagefind indexes: title, text, and the entity names, aliases and categories (SearchMeta).
    const text = new Set([...about, ...words((data.searchAliases ?? []).join(' ')), ...words(body.replace(/<[^>]+>/g, ' '))]);
    out.set(file.replace(/\.mdx$/, ''), { about, text, title: data.title });
  }
  return out;
}

interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: Array<{ data(): Promise<{ raw_url: string; excerpt: string }> }> }>;
}

let instances = 0;
async function openIndex(dist: string, ranking: Record<string, unknown>): Promise<PagefindApi> {
  if (!instances) {
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      if (url.protocol !== 'file:') return realFetch(input, init);
      return new Response(readFileSync(fileURLToPath(url)));
    }) as typeof fetch;
  }
  // A fresh module instance per call: ranking settings stay in an instance once set.
  const api = (await import(`${pathToFileURL(join(dist, 'pagefind/pagefind.js')).href}?instance=${++instances}`)) as PagefindApi;
  await api.options({ basePath: pathToFileURL(join(dist, 'pagefind/')).href, ranking });
  await api.init();
  return api;
}

export interface QueryScore {
  query: string;
  ndcg5: number;
  prefixOnly: number;
  /** Results matching some query word only as a prefix, ranked above a result matching all whole. */
  prefixAboveWhole: number;
  about: number;
  results: number;
  precisionAt5: number;
  firstAbout: number | null;
  top1Whole: boolean;
  top: Array<{ slug: string; about: boolean; whole: boolean; marked: string[] }>;
}

export async function scoreRelevance(dist: string, content: string, ranking: Record<string, unknown> = { ...SEARCH_RANKING }): Promise<QueryScore[]> {
  const corpus = judgeCorpus(content);
  const api = await openIndex(dist, ranking);
  const scores: QueryScore[] = [];
  for (const query of QUERIES) {
    const term = searchTerm(query);
    const keys = words(term);
    const isAbout = (j: Judged) => keys.every((k) => j.about.has(k));
    const about = [...corpus.values()].filter(isAbout).length;
    const gain = (j: Judged | undefined) => (j && keys.every((k) => j.text.has(k)) ? keys.filter((k) => j.about.has(k)).length / keys.length : 0);
    const dcg = (gains: number[]) => gains.slice(0, 5).reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
    const ideal = dcg([...corpus.values()].map(gain).sort((a, b) => b - a));
    const response = await api.search(term);
    const all = await Promise.all(response.results.map((r) => r.data()));
    const hits = all.slice(0, 5);
    const wholeAt = all.map((h) => {
      const j = corpus.get(h.raw_url.replace(/^\/articles\/|\/$/g, ''));
      return j ? keys.every((k) => j.text.has(k)) : false;
    });
    const lastWhole = wholeAt.lastIndexOf(true);
    const prefixAboveWhole = wholeAt.filter((w, i) => !w && i < lastWhole).length;
    const top = hits.map((h) => {
      const slug = h.raw_url.replace(/^\/articles\/|\/$/g, '');
      const j = corpus.get(slug);
      return {
        slug,
        about: j ? isAbout(j) : false,
        whole: j ? keys.every((k) => j.text.has(k)) : false,
        marked: [...new Set([...h.excerpt.matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => m[1]))],
      };
    });
    const firstAbout = top.findIndex((t) => t.about);
    scores.push({
      query,
      ndcg5: ideal ? dcg(top.map((t) => gain(corpus.get(t.slug)))) / ideal : 1,
      prefixOnly: top.filter((t) => !t.whole).length,
      prefixAboveWhole,
      about,
      results: response.results.length,
      precisionAt5: Math.min(5, about) ? top.filter((t) => t.about).length / Math.min(5, about) : 1,
      firstAbout: firstAbout >= 0 ? firstAbout + 1 : null,
      top1Whole: top.length ? top[0].whole : true,
      top,
    });
  }
  return scores;
}

export function summarise(scores: QueryScore[]): {
  ndcg5: number;
  precisionAt5: number;
  top1Whole: number;
  mrr: number;
  prefixOnly: number;
  prefixAboveWhole: number;
} {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    ndcg5: mean(scores.map((s) => s.ndcg5)),
    prefixOnly: scores.reduce((n, s) => n + s.prefixOnly, 0),
    prefixAboveWhole: scores.reduce((n, s) => n + s.prefixAboveWhole, 0),
    precisionAt5: mean(scores.map((s) => s.precisionAt5)),
    top1Whole: scores.filter((s) => s.top1Whole).length / scores.length,
    mrr: mean(scores.map((s) => (s.firstAbout ? 1 / s.firstAbout : s.about ? 0 : 1))),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { ranking: { type: 'string' }, json: { type: 'string' }, quiet: { type: 'boolean', default: false } },
  });
  const [dist, content] = positionals;
  if (!dist || !content) throw new Error('usage: relevance.ts DIST CONTENT [--ranking JSON] [--json FILE]');
  const ranking = values.ranking ? (JSON.parse(values.ranking) as Record<string, unknown>) : { ...SEARCH_RANKING };
  const scores = await scoreRelevance(dist, content, ranking);
  if (!values.quiet) {
    for (const s of scores) {
      console.log(
        `"${s.query}": ${s.results} results, ${s.about} about it; nDCG@5 ${s.ndcg5.toFixed(2)}, prefix-only in top 5: ${s.prefixOnly}, prefix-only above a whole match: ${s.prefixAboveWhole}, P@5 ${s.precisionAt5.toFixed(2)}, first about at ${s.firstAbout ?? '–'}, top 1 whole: ${s.top1Whole}`,
      );
      for (const t of s.top) console.log(`   ${t.about ? 'A' : '-'}${t.whole ? 'W' : '-'} ${t.slug.slice(0, 70)}  [${t.marked.join(', ')}]`);
    }
  }
  const summary = summarise(scores);
  console.log(
    `ranking ${JSON.stringify(ranking)}: mean nDCG@5 ${summary.ndcg5.toFixed(3)}, prefix-only results in the top 5s: ${summary.prefixOnly}, above a whole match: ${summary.prefixAboveWhole}, mean P@5 ${summary.precisionAt5.toFixed(2)}, MRR ${summary.mrr.toFixed(2)}, top 1 matches whole words ${Math.round(summary.top1Whole * 100)}%`,
  );
  if (values.json) writeFileSync(values.json, JSON.stringify({ ranking, summary, scores }, null, 2) + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
