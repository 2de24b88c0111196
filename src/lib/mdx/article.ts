/**
 * One extracted article → one MDX file: frontmatter (every fact, with evidence) + escaped body.
 * The frontmatter shape is validated by the Zod schema in src/content.config.ts.
 */
import type { CompiledGazetteer } from '../gazetteer/types.ts';
import type { EntityContext, ExtractionResult, Mention } from '../extract/types.ts';
import { bodyToMdx } from './body.ts';

export interface ArticleMeta {
  slug: string;
  /** Seed file name, relative to the seeds folder. */
  seed: string;
  /** sha256 of the seed bytes (hex), for duplicate detection and incremental ingest. */
  hash: string;
}

/** Every name a reader might type for the entities of this article (gazetteer aliases), deduplicated. */
export function searchAliases(result: ExtractionResult, cg: CompiledGazetteer): string[] {
  const names = new Set<string>();
  const add = (profile: { name: string; nameEn: string; aliases: string[]; variants?: string[] } | undefined) => {
    if (!profile) return;
    for (const n of [profile.name, profile.nameEn, ...profile.aliases, ...(profile.variants ?? [])]) names.add(n);
  };
  for (const w of result.weapons) add(cg.weapons.get(w.id));
  for (const c of result.countries) {
    const country = cg.countries.get(c.id);
    add(country);
    // Capitals and seats of power are how the press names governments ("Kyiv", "le Kremlin").
    if (country) for (const place of [country.capital, ...(country.metonyms ?? [])]) names.add(place);
  }
  for (const p of result.people) add(cg.people.get(p.id));
  for (const o of result.organizations) add(cg.organizations.get(o.id));
  return [...names].filter(Boolean).sort((a, b) => a.localeCompare(b, 'fr'));
}

interface FullEvidence {
  text: string;
  offset: number;
  rule?: string;
  event?: { id: string; title: string; url: string };
}

/** Reference to a sentence of `sentences` (index), with the rule that used it (and the event it matched, for dates). */
export interface EvidenceRef {
  s: number;
  rule?: string;
  event?: { id: string; title: string; url: string };
}

/**
 * The evidence-bearing fields with every sentence stored ONCE: `sentences` lists each
 * (text, offset) pair; date evidence, delivery evidence and contexts point into it by index.
 * Contexts used to repeat the same sentence once per entity it names (~8 KB of an 18 KB
 * frontmatter); YAML parsing, the content data store and every MDX module carried all of it.
 * `src/lib/site/evidence.ts` expands it back (open data export).
 */
export function compactFacts<
  T extends {
    date: { evidence: FullEvidence[] };
    deliveries: Array<{ evidence: FullEvidence }>;
    contexts: Array<{ id: string; text: string; offset: number; at?: [number, number] }>;
  },
>(facts: T) {
  const sentences: Array<{ text: string; offset: number }> = [];
  const indexOf = new Map<string, number>();
  const ref = (text: string, offset: number): number => {
    const key = `${offset}\u0000${text}`;
    let i = indexOf.get(key);
    if (i === undefined) {
      i = sentences.push({ text, offset }) - 1;
      indexOf.set(key, i);
    }
    return i;
  };
  const evidenceRef = (e: FullEvidence): EvidenceRef => {
    const r: EvidenceRef = e.rule ? { s: ref(e.text, e.offset), rule: e.rule } : { s: ref(e.text, e.offset) };
    if (e.event) r.event = { id: e.event.id, title: e.event.title, url: e.event.url };
    return r;
  };
  const contexts = facts.contexts.map((c) => (c.at ? { id: c.id, s: ref(c.text, c.offset), at: c.at } : { id: c.id, s: ref(c.text, c.offset) }));
  return {
    ...facts,
    date: { ...facts.date, evidence: facts.date.evidence.map(evidenceRef) },
    deliveries: facts.deliveries.map((d) => ({ ...d, evidence: evidenceRef(d.evidence) })),
    contexts,
    sentences,
  };
}

/**
 * Each context with where its entity is named inside the sentence (`at`: start and end, in UTF-16
 * units of the sentence text), taken from the extractor's mentions: entity pages highlight the
 * words the article used ("américain" for the United States) without searching for names again.
 */
export function withMentionSpans(contexts: readonly EntityContext[], mentions: readonly Mention[]): Array<EntityContext & { at?: [number, number] }> {
  return contexts.map((context) => {
    const end = context.offset + context.text.length;
    const mention = mentions.find((m) => m.id === context.id && m.start >= context.offset && m.end <= end);
    if (!mention) return context;
    const at: [number, number] = [mention.start - context.offset, mention.end - context.offset];
    // Offsets must agree with the sentence text, or the highlight would fall on other words.
    return context.text.slice(at[0], at[1]) === mention.text ? { ...context, at } : context;
  });
}

export function articleFrontmatter(result: ExtractionResult, meta: ArticleMeta, cg: CompiledGazetteer) {
  return compactFacts({
    title: result.title,
    titleGenerated: result.titleGenerated,
    slug: meta.slug,
    seed: meta.seed,
    hash: meta.hash,
    language: result.language,
    lead: result.lead,
    source: result.source,
    url: result.url,
    date: result.date,
    countries: result.countries,
    people: result.people,
    organizations: result.organizations,
    weapons: result.weapons,
    deliveries: result.deliveries,
    contexts: withMentionSpans(result.contexts, result.mentions),
    newNames: result.newNames.map((n) => ({ name: n.name, type: n.type })),
    footnotes: result.footnotes,
    searchAliases: searchAliases(result, cg),
    warnings: result.warnings.map((w) => w.reason),
  });
}

/**
 * Serialises the article as an MDX document. The frontmatter is JSON, which is YAML too (JSON is a
 * subset of YAML 1.2), so every frontmatter reader accepts it; the site's loader reads it with
 * JSON.parse, about 10 times faster than a YAML parser on these documents (README "Performance").
 */
export function articleToMdx(result: ExtractionResult, meta: ArticleMeta, cg: CompiledGazetteer): string {
  return `---\n${JSON.stringify(articleFrontmatter(result, meta, cg), null, 2)}\n---\n${bodyToMdx(result.body, result.mentions)}`;
}
