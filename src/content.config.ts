/**
 * The one source the site reads: extracted articles (generated MDX, see scripts/ingest.ts).
 * A frontmatter that does not match fails the build, naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Where a fact came from: the sentence and its offset in the cleaned text. */
const evidence = z.object({
  text: z.string(),
  offset: z.number().int().nonnegative(),
  rule: z.string().optional(),
});

/** Publication date: best estimate and the window that surely contains the real date. */
const dateWindow = z.object({
  value: isoDate.nullable(),
  earliest: isoDate.nullable(),
  latest: isoDate.nullable(),
  precision: z.enum(['day', 'month', 'year', 'range', 'unknown']),
  /** How the date was established. */
  basis: z.enum(['frontmatter', 'dateline', 'inferred', 'unknown']),
  evidence: z.array(evidence),
});

const entityRef = z.object({ id: z.string().min(1), name: z.string().min(1) });

const delivery = z.object({
  /** Country or organisation id; null when the sentence does not say. */
  supplier: z.string().nullable(),
  recipient: z.string().nullable(),
  weapon: z.string(),
  quantity: z.number().nullable(),
  /** Vague amounts as written: "des centaines". */
  quantityText: z.string().nullable().optional(),
  status: z.enum(['announced', 'delivered', 'planned', 'requested', 'produced']),
  evidence,
});

export const articleSchema = z.object({
  title: z.string().min(1),
  /** True when built from the lead sentence (the seed had no headline). */
  titleGenerated: z.boolean(),
  /** URL slug: stable, unique. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /** Seed file the article came from, relative to seeds/. */
  seed: z.string(),
  /** sha256 of the seed bytes. */
  hash: z.string(),
  language: z.string().default('fr'),
  /** First sentences, for listings. */
  lead: z.string(),
  source: z.object({ name: z.string(), url: z.string().nullable() }).nullable(),
  url: z.string().nullable(),
  date: dateWindow,
  countries: z.array(entityRef),
  people: z.array(entityRef),
  organizations: z.array(entityRef),
  weapons: z.array(entityRef.extend({ category: z.string() })),
  deliveries: z.array(delivery),
  /** Sentences naming each entity (key word in context). */
  contexts: z.array(z.object({ id: z.string(), text: z.string(), offset: z.number() })),
  /** Names found by patterns but absent from the gazetteer. */
  newNames: z.array(z.object({ name: z.string(), type: z.string() })),
  /** Editorial notes kept apart from the text. */
  footnotes: z.array(z.string()),
  /** Every gazetteer name of the entities named (for search by alias). */
  searchAliases: z.array(z.string()),
  warnings: z.array(z.string()),
});

export type Article = z.infer<typeof articleSchema>;

const articles = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    // No page reads entry.body: not keeping the raw MDX in the data store cut peak RSS by 13 % and
    // CPU by 6 % on a 1,000-article build (scripts/bench.ts; see README "Performance").
    retainBody: false,
    // Tests and benchmarks build from their own folders.
    base: process.env.ARTICLES_DIR || './src/content/articles',
    generateId: ({ data }) => String(data.slug),
  }),
  schema: articleSchema,
});

export const collections = { articles };
