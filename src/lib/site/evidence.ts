/**
 * The frontmatter stores each cited sentence once (`sentences`) and evidence/contexts point into
 * it by index (see compactFacts in src/lib/mdx/article.ts). These helpers resolve the references
 * for pages and rebuild the full, self-contained evidence for the open-data export.
 */
import type { Article } from '../../content.config.ts';

/** Evidence as readers and the open data see it. */
export interface Evidence {
  text: string;
  offset: number;
  rule?: string;
  /** The event of the knowledge base a date clue matched, with the public source of its date. */
  event?: { id: string; title: string; url: string };
}

type EvidenceRef = Article['date']['evidence'][number];

/** The sentence and rule of an evidence reference. */
export function resolveEvidence(data: Pick<Article, 'sentences'>, ref: EvidenceRef): Evidence {
  const { text, offset } = data.sentences[ref.s];
  const e: Evidence = ref.rule ? { text, offset, rule: ref.rule } : { text, offset };
  if (ref.event) e.event = ref.event;
  return e;
}

export type FullDate = Omit<Article['date'], 'evidence'> & { evidence: Evidence[] };
export type FullDelivery = Omit<Article['deliveries'][number], 'evidence'> & { evidence: Evidence };

export const fullDate = (data: Pick<Article, 'sentences' | 'date'>): FullDate => ({
  ...data.date,
  evidence: data.date.evidence.map((e) => resolveEvidence(data, e)),
});

export const fullDeliveries = (data: Pick<Article, 'sentences' | 'deliveries'>): FullDelivery[] =>
  data.deliveries.map((d) => ({ ...d, evidence: resolveEvidence(data, d.evidence) }));

/**
 * The article's facts with every reference resolved, in the pre-compaction shape (evidence as
 * {text, offset, rule}, contexts as {id, text, offset}): what /data/articles.json publishes.
 */
export function fullFacts(data: Article) {
  const { sentences, ...rest } = data;
  return {
    ...rest,
    date: fullDate(data),
    deliveries: fullDeliveries(data),
    contexts: data.contexts.map((c) => ({ id: c.id, text: sentences[c.s].text, offset: sentences[c.s].offset, ...(c.at && { at: c.at }) })),
  };
}
