/**
 * The facts extraction produces for one article. This is the CLI contract of
 * `npm run extract` and the frontmatter contract of generated MDX: keep it stable.
 */

/** Where a fact came from: the sentence and its character offset in the cleaned text. */
export interface Evidence {
  text: string;
  /** Offset of the sentence start in the cleaned article text (body). */
  offset: number;
  /** Which rule produced the fact, e.g. "dateline", "relative-weekday", "office-tenure". */
  rule?: string;
  /** The event of the knowledge base (src/data/events/) the fact names, with the public source of its date. */
  event?: EvidenceEvent;
}

export interface EvidenceEvent {
  id: string;
  title: string;
  url: string;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'range' | 'unknown';

export interface DateWindow {
  /** Best estimate YYYY-MM-DD, or null when nothing is known. */
  value: string | null;
  /** Earliest possible publication date, YYYY-MM-DD or null (unbounded). */
  earliest: string | null;
  /** Latest possible publication date, YYYY-MM-DD or null (unbounded). */
  latest: string | null;
  precision: DatePrecision;
  /**
   * How the date was stated: "frontmatter" | "dateline" | "inferred" (from clues of the text) |
   * "period" (no clue: only the archive period bounds it) | "unknown".
   */
  basis: 'frontmatter' | 'dateline' | 'inferred' | 'period' | 'unknown';
  evidence: Evidence[];
  /** Present when a side of the window is the archive period's own bound rather than the text's. */
  archive?: { from: string; to: string };
}

export interface EntityRef {
  id: string;
  name: string;
}

export interface WeaponRef extends EntityRef {
  category: string;
}

/** One place an entity is named in the body (for links and key-word-in-context). */
export interface Mention {
  /** Entity id, or `new:<slug>` for a pattern-found name absent from the gazetteer. */
  id: string;
  type: 'weapon' | 'country' | 'person' | 'organization';
  /** Exact surface text as written. */
  text: string;
  /** Offset in the cleaned body text. */
  start: number;
  end: number;
}

/**
 * announced: a transfer made public without a firm commitment ("a annoncé l'envoi"); pledged: a
 * promise ("a promis", "s'est engagé à"); planned: scheduled or ordered ("doit être livré",
 * "prévoit"); delivered: done ("a livré", "sont arrivés"); requested: asked for; produced: made.
 */
export type DeliveryStatus = 'announced' | 'pledged' | 'delivered' | 'planned' | 'requested' | 'produced';

export interface Delivery {
  /** Country or organisation id, or null when the sentence does not say. */
  supplier: string | null;
  recipient: string | null;
  /** Weapon id. */
  weapon: string;
  /** Number of units, or null. Vague amounts ("des dizaines") are kept in quantityText. */
  quantity: number | null;
  quantityText?: string | null;
  status: DeliveryStatus;
  evidence: Evidence;
}

export interface SourceRef {
  name: string;
  url: string | null;
}

/** A structured message, vfile-style: collected into the ingest report. */
export interface Warning {
  file?: string;
  line?: number;
  column?: number;
  ruleId: string;
  reason: string;
  fatal?: boolean;
}

/** A person found by French patterns ("le Premier ministre X") but absent from the gazetteer. */
export interface NewName {
  name: string;
  type: 'person' | 'organization';
  evidence: Evidence;
}

export interface EntityContext {
  id: string;
  text: string;
  offset: number;
}

export interface ExtractionResult {
  file: string;
  title: string;
  /** True when the title was built from the lead sentence rather than a headline line. */
  titleGenerated: boolean;
  source: SourceRef | null;
  date: DateWindow;
  countries: EntityRef[];
  people: EntityRef[];
  organizations: EntityRef[];
  weapons: WeaponRef[];
  deliveries: Delivery[];
  mentions: Mention[];
  newNames: NewName[];
  /** Key word in context: up to 3 sentences per entity id that name it (for entity pages). */
  contexts: EntityContext[];
  /** Cleaned body: paragraphs separated by a blank line; footnotes kept at the end. */
  body: string;
  /** Footnotes (editorial notes like "* Les activités de Meta…"), kept out of the main flow. */
  footnotes: string[];
  /** Lead: first sentence(s) of the body, ≤ 300 chars, for listings and search excerpts. */
  lead: string;
  language: string;
  url: string | null;
  warnings: Warning[];
}

/* ---------- Intermediate stage shapes (pipeline: decode → normalise → clean → segment → …) ---------- */

/** Output of the clean stage: the article text without boilerplate, plus what was set aside. */
export interface CleanedText {
  /** Article text, paragraphs separated by exactly one blank line ("\n\n"). */
  text: string;
  /** Attribution lines removed from the body ("Source: AA", "La source: www.rt.com"), verbatim. */
  attributions: string[];
  /** Editorial footnotes ("* Les activités de Meta …"), verbatim, removed from `text`. */
  footnotes: string[];
  /** What was removed and why: one entry per removed line. */
  removed: { ruleId: string; text: string }[];
}

export interface Span {
  text: string;
  /** Offset of the first character in the body text. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph this sentence belongs to. */
  paragraph: number;
}

/** Output of the segment stage; every later stage works on this. */
export interface SegmentedDoc {
  /** The body text that all offsets refer to. */
  body: string;
  paragraphs: Span[];
  sentences: Sentence[];
}
