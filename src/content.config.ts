/**
 * The one source the site reads: extracted articles (generated MDX, see scripts/ingest.ts).
 * A frontmatter that does not match fails the build, naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { articlesLoader } from './lib/content/articles-loader.ts';
import { z } from 'astro/zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * Where a fact came from: an index into the article's `sentences` (each sentence is stored once,
 * however many facts it supports), and the extraction rule that used it.
 */
const evidence = z.strictObject({
  /** Index into `sentences`. */
  s: z.number().int().nonnegative(),
  /** Extraction rule ("dateline", "office-tenure"…), when the extractor names one. */
  rule: z.string().optional(),
  /** Date clues: the event of the knowledge base (src/data/events/) it matched, and the public source of the event's date. */
  event: z.strictObject({ id: z.string().min(1), title: z.string().min(1), url: z.url() }).optional(),
});

/** A sentence of the cleaned text cited as evidence or context. */
const sentence = z.strictObject({
  text: z.string(),
  /** Offset of the sentence start in the cleaned article text. */
  offset: z.number().int().nonnegative(),
});

/** Publication date: best estimate and the window that surely contains the real date. */
const dateWindow = z.object({
  /** Best estimate, or null when nothing is known. */
  value: isoDate.nullable(),
  /** Earliest possible date (null: unbounded). */
  earliest: isoDate.nullable(),
  /** Latest possible date (null: unbounded). */
  latest: isoDate.nullable(),
  /** What the reader is told: the exact day, the month, the year, a range, or nothing. */
  precision: z.enum(['day', 'month', 'year', 'range', 'unknown']),
  /** How the date was established ("period": no clue in the text, only the archive period bounds it). */
  basis: z.enum(['frontmatter', 'dateline', 'inferred', 'period', 'unknown']),
  /** Sentences the date was established from. */
  evidence: z.array(evidence),
  /** The archive period, present when a side of the window is its bound rather than the text's. */
  archive: z.strictObject({ from: isoDate, to: isoDate }).optional(),
});

/** An entity named by the article: gazetteer id (or "new:…" for pattern-found names) and display name. */
const entityRef = z.object({ id: z.string().min(1), name: z.string().min(1) });

const delivery = z.object({
  /** Country or organisation id; null when the sentence does not say. */
  supplier: z.string().nullable(),
  /** Country or organisation id receiving; null when the sentence does not say. */
  recipient: z.string().nullable(),
  /** Weapon id. */
  weapon: z.string(),
  /** Number of units, when stated as a number. */
  quantity: z.number().nullable(),
  /** Vague amounts as written: "des centaines". */
  quantityText: z.string().nullable().optional(),
  status: z.enum(['announced', 'pledged', 'delivered', 'planned', 'requested', 'produced']),
  /** The sentence stating the delivery. */
  evidence,
});

export const articleSchema = z
  .object({
    /** Headline (from the seed, or generated: see titleGenerated). */
    title: z.string().min(1),
    /** True when built from the lead sentence (the seed had no headline). */
    titleGenerated: z.boolean(),
    /** URL slug: stable, unique. */
    slug: z.string().regex(/^[a-z0-9-]+$/),
    /** Seed file the article came from, relative to seeds/. */
    seed: z.string(),
    /** sha256 of the seed bytes. */
    hash: z.string(),
    /** Language of the text (ISO 639-1). */
    language: z.string().default('fr'),
    /** First sentences, for listings. */
    lead: z.string(),
    /** Outlet that published the article, when known. */
    source: z.object({ name: z.string(), url: z.string().nullable() }).nullable(),
    /** URL of the original article, when known. */
    url: z.string().nullable(),
    /** Publication date window, with evidence. */
    date: dateWindow,
    /** Countries named (first mention first). */
    countries: z.array(entityRef),
    /** People named. */
    people: z.array(entityRef),
    /** Organisations named. */
    organizations: z.array(entityRef),
    /** Weapon systems named, with their gazetteer category. */
    weapons: z.array(entityRef.extend({ category: z.string() })),
    /** Who delivers what to whom, one row per fact. */
    deliveries: z.array(delivery),
    /** Every sentence cited by `date.evidence`, `deliveries[].evidence` and `contexts`, once each. */
    sentences: z.array(sentence),
    /** Sentences naming each entity (key word in context): entity id and index into `sentences`. */
    contexts: z.array(
      z.strictObject({
        id: z.string(),
        s: z.number().int().nonnegative(),
        /** Where the entity is named in that sentence: start and end (UTF-16 units). */
        at: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
      }),
    ),
    /** Names found by patterns but absent from the gazetteer. */
    newNames: z.array(z.object({ name: z.string(), type: z.string() })),
    /** Editorial notes kept apart from the text. */
    footnotes: z.array(z.string()),
    /** Every gazetteer name of the entities named (for search by alias). */
    searchAliases: z.array(z.string()),
    /** Extraction warnings (why a fact may be unreliable). */
    warnings: z.array(z.string()),
  })
  .superRefine((data, ctx) => {
    // Every evidence/context reference must point at a stored sentence.
    const n = data.sentences.length;
    const check = (s: number, path: Array<string | number>) => {
      if (s >= n) ctx.addIssue({ code: 'custom', path, message: `sentence index ${s} out of range (${n} sentences)` });
    };
    data.date.evidence.forEach((e, i) => check(e.s, ['date', 'evidence', i, 's']));
    data.deliveries.forEach((d, i) => check(d.evidence.s, ['deliveries', i, 'evidence', 's']));
    data.contexts.forEach((c, i) => check(c.s, ['contexts', i, 's']));
  });

export type Article = z.infer<typeof articleSchema>;

const articles = defineCollection({
  // Parses and validates each MDX file and renders its body once, into Astro's data store
  // (see the loader). No page reads the raw MDX, so the store does not keep it.
  loader: articlesLoader({
    // Tests and benchmarks build from their own folders.
    base: process.env.ARTICLES_DIR || './src/content/articles',
    render: process.env.ARTICLES_RENDER === 'mdx' ? 'mdx' : 'fast',
  }),
  schema: articleSchema,
});

export const collections = { articles };
