/**
 * One extracted article → one MDX file: frontmatter (every fact, with evidence) + escaped body.
 * The frontmatter shape is validated by the Zod schema in src/content.config.ts.
 */
import matter from 'gray-matter';
import type { CompiledGazetteer } from '../gazetteer/types.ts';
import type { ExtractionResult } from '../extract/types.ts';
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

export function articleFrontmatter(result: ExtractionResult, meta: ArticleMeta, cg: CompiledGazetteer) {
  return {
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
    contexts: result.contexts,
    newNames: result.newNames.map((n) => ({ name: n.name, type: n.type })),
    footnotes: result.footnotes,
    searchAliases: searchAliases(result, cg),
    warnings: result.warnings.map((w) => w.reason),
  };
}

/** Serialises the article as an MDX document. */
export function articleToMdx(result: ExtractionResult, meta: ArticleMeta, cg: CompiledGazetteer): string {
  // JSON round-trip drops undefined values, which js-yaml refuses to dump.
  const data = JSON.parse(JSON.stringify(articleFrontmatter(result, meta, cg)));
  return matter.stringify(bodyToMdx(result.body, result.mentions), data);
}
