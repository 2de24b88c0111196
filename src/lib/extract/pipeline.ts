/**
 * The extraction pipeline: one named step per stage, each a pure function.
 * decode → frontmatter → normalise → clean → headline → segment → source → entities → deliveries → dates
 * (dates compare the deliveries with the first pledges and deliveries of the events knowledge base).
 */
import type { CompiledGazetteer } from '../gazetteer/types.ts';
import { decodeBytes } from './decode.ts';
import { normalizeText } from './normalize.ts';
import { cleanText } from './clean.ts';
import { segmentText } from './segment.ts';
import { splitHeadline, headlineFromLead } from './title.ts';
import { findBylineSource, findDatelineSource, findTrailingSource, resolveSource } from './source.ts';
import { extractEntities } from './entities.ts';
import { inferDate, type DatingContext } from './dates/index.ts';
import { findDateline } from './dates/dateline.ts';
import { iso } from './dates/calendar.ts';
import { extractDeliveries } from './deliveries.ts';
import { splitSeedFrontmatter, type SeedOverrides } from './seed-frontmatter.ts';
import type { CleanedText, DateWindow, EntityContext, ExtractionResult, Mention, SegmentedDoc, Warning } from './types.ts';

export type ExtractOutcome =
  { ok: true; result: ExtractionResult; encoding: string; requestedSlug?: string } | { ok: false; reason: string; warnings: Warning[] };

const LEAD_MAX = 300;

/** Extracts the facts of one seed file given as raw bytes; rejects undecodable or empty input. */
/**
 * `dating`: the events knowledge base and archive period (src/lib/events/load.ts builds it from
 * the data files and the build day); without it no event is known and a window may stay open.
 */
export function extractSeed(bytes: Uint8Array, file: string, cg: CompiledGazetteer, dating?: DatingContext): ExtractOutcome {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, warnings: [] };

  const seed = splitSeedFrontmatter(decoded.text, file);
  if (seed.errors.length > 0) {
    const first = seed.errors[0];
    const where = first.line ? `line ${first.line}: ` : '';
    return { ok: false, reason: `${where}${first.reason}`, warnings: seed.errors };
  }
  const warnings: Warning[] = decoded.warnings.map((reason) => ({ file, ruleId: 'decode', reason }));
  const normalized = normalizeText(seed.content);
  if (normalized.trim() === '') {
    return { ok: false, reason: 'no article text after the frontmatter', warnings };
  }
  const result = extractText(normalized, file, cg, seed.overrides, dating);
  if (result.body.trim() === '') {
    return { ok: false, reason: 'nothing left after removing boilerplate', warnings };
  }
  result.warnings.unshift(...warnings);
  return { ok: true, result, encoding: decoded.encoding, requestedSlug: seed.overrides.slug };
}

/** The CLI/eval entry: like extractSeed but throws on rejection. */
export function extractFromBytes(bytes: Uint8Array, file: string, cg: CompiledGazetteer, dating?: DatingContext): ExtractionResult {
  const outcome = extractSeed(bytes, file, cg, dating);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.reason}`);
  return outcome.result;
}

/** Runs every stage after decoding on normalised article text. */
export function extractText(text: string, file: string, cg: CompiledGazetteer, overrides: SeedOverrides = {}, dating?: DatingContext): ExtractionResult {
  const warnings: Warning[] = [];
  const cleaned = cleanText(text);
  const { headline, rest } = splitHeadline(cleaned.text);
  const doc = segmentText(rest);

  const title = overrides.title ?? headline ?? headlineFromLead(leadForHeadline(doc));
  const titleGenerated = !overrides.title && !headline;

  const source =
    resolveSource(cleaned.attributions, cg.data.outlets, { source: overrides.source, url: overrides.url }) ??
    findDatelineSource(doc.paragraphs[0]?.text ?? '', cg.data.outlets) ??
    findBylineSource(removedBy(cleaned, 'byline'), cg.data.outlets) ??
    findTrailingSource(doc.paragraphs[doc.paragraphs.length - 1]?.text ?? '', cg.data.outlets);
  const entities = extractEntities(doc, cg);
  const deliveries = extractDeliveries(doc, entities.mentions, cg, { title: overrides.title ?? headline });
  const date =
    (overrides.date ? null : inPeriod(publicationLineDate(cleaned, doc), dating)) ??
    inferDate(doc, entities.mentions, cg, { frontmatterDate: overrides.date ?? null, dating, deliveries });

  for (const name of entities.newNames) {
    warnings.push({ file, ruleId: 'new-name', reason: `new ${name.type} name to review: ${name.name}` });
  }
  if (date.precision === 'unknown') {
    warnings.push({ file, ruleId: 'date-unknown', reason: 'no publication date could be established' });
  }

  return capEvidence({
    file,
    title: cleanTitle(title),
    titleGenerated,
    source,
    date,
    countries: entities.countries,
    people: entities.people,
    organizations: entities.organizations,
    weapons: entities.weapons,
    deliveries,
    mentions: entities.mentions,
    newNames: entities.newNames,
    contexts: collectContexts(doc, entities.mentions),
    body: doc.body,
    footnotes: cleaned.footnotes,
    lead: buildLead(doc.sentences.map((s) => s.text)),
    language: overrides.language ?? 'fr',
    url: source?.url ?? overrides.url ?? null,
    warnings,
  });
}

/**
 * Characters that change how a title displays without being text: bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), directional marks, zero-width characters, word joiner
 * and invisible operators, soft hyphen, BOM and C0/C1 controls. The body loses the invisible ones
 * in the normalise stage; a title can come from frontmatter, which that stage never sees.
 */
const TITLE_INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A title as it is shown: invisible and direction-changing characters removed, spaces collapsed. */
export function cleanTitle(title: string): string {
  return title.replace(TITLE_INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Most evidence entries kept for one fact (the date's sentences). */
export const EVIDENCE_PER_FACT = 5;
/** Most distinct evidence sentences one article keeps (date, deliveries, then entity contexts). */
export const EVIDENCE_PER_ARTICLE = 200;
/** Most entity mentions linked in one article's text (a typical article has under 100). */
export const MENTIONS_PER_ARTICLE = 5_000;
/** Longest evidence sentence kept whole; a longer one is cut on a word and ends with "…". */
export const EVIDENCE_SENTENCE_MAX = 1_000;

/** A sentence cut to EVIDENCE_SENTENCE_MAX characters on a word boundary. */
export function truncateSentence(text: string): string {
  if (text.length <= EVIDENCE_SENTENCE_MAX) return text;
  const cut = text.slice(0, EVIDENCE_SENTENCE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > EVIDENCE_SENTENCE_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Bounds the evidence of one article whatever its text: a line repeating "le 12 mars 2024, "
 * 8,000 times gave the date 8,000 copies of a 136 KB sentence (272 MB of JSON). Each fact keeps
 * at most EVIDENCE_PER_FACT entries (real articles have at most 2), each sentence at most EVIDENCE_SENTENCE_MAX
 * characters, and the article at most EVIDENCE_PER_ARTICLE distinct sentences: contexts past it
 * are dropped, deliveries past it too (with a warning). The MDX writer then stores each once.
 * Linked mentions are capped too (MENTIONS_PER_ARTICLE), so a page's size follows its text.
 */
export function capEvidence(result: ExtractionResult): ExtractionResult {
  const sentences = new Set<number>();
  const room = (offset: number) => sentences.has(offset) || sentences.size < EVIDENCE_PER_ARTICLE;
  const take = <E extends { text: string; offset: number }>(e: E): E => {
    sentences.add(e.offset);
    return e.text.length > EVIDENCE_SENTENCE_MAX ? { ...e, text: truncateSentence(e.text) } : e;
  };
  const dateEvidence = result.date.evidence.slice(0, EVIDENCE_PER_FACT).map(take);
  const deliveries = result.deliveries.filter((d) => room(d.evidence.offset)).map((d) => ({ ...d, evidence: take(d.evidence) }));
  const contexts = result.contexts.filter((c) => room(c.offset)).map(take);
  const warnings = result.warnings;
  const dropped = result.deliveries.length - deliveries.length;
  if (dropped > 0) {
    warnings.push({
      file: result.file,
      ruleId: 'evidence-cap',
      reason: `${dropped} deliveries past the ${EVIDENCE_PER_ARTICLE} evidence sentences of one article were left out`,
    });
  }
  let mentions = result.mentions;
  if (mentions.length > MENTIONS_PER_ARTICLE) {
    mentions = inStartOrder(mentions).slice(0, MENTIONS_PER_ARTICLE);
    warnings.push({
      file: result.file,
      ruleId: 'mention-cap',
      reason: `only the first ${MENTIONS_PER_ARTICLE} of ${result.mentions.length} entity mentions are linked`,
    });
  }
  return { ...result, date: { ...result.date, evidence: dateEvidence }, deliveries, contexts, mentions, warnings };
}

/** Lines the clean stage removed under one rule (e.g. bylines, read by the source stage). */
function removedBy(cleaned: CleanedText, ruleId: string): string[] {
  return cleaned.removed.filter((r) => r.ruleId === ruleId).map((r) => r.text);
}

const SHORT_LEAD = 40;

/** The lead sentence, joined with the next when it is only a dateline-like stub ("MOSCOU, 12 mars - RIA Novosti."). */
function leadForHeadline(doc: SegmentedDoc): string {
  const [first, second] = doc.sentences;
  if (!first) return '';
  if (first.text.length < SHORT_LEAD && second && second.paragraph === first.paragraph) return `${first.text} ${second.text}`;
  return first.text;
}

/**
 * "Publié le 18/01/2024" lines are removed from the body as page chrome by the clean stage,
 * but they state the publication date: read them when the body itself has no dateline.
 */
function publicationLineDate(cleaned: CleanedText, doc: SegmentedDoc): DateWindow | null {
  const lines = cleaned.removed.filter((r) => r.ruleId === 'publication-date').map((r) => r.text);
  if (lines.length === 0 || findDateline(doc.body)) return null;
  const dateline = findDateline(lines.join('\n'));
  if (!dateline) return null;
  const day = iso(dateline.day);
  // Offset 0: the line is no longer part of the body the offsets refer to.
  const evidence = { text: dateline.evidence.text, offset: 0, rule: dateline.evidence.rule };
  return { value: day, earliest: day, latest: day, precision: 'day', basis: 'dateline', evidence: [evidence] };
}

/** A stated date outside the archive period (a typo, a date in the future) is not trusted: the text decides. */
function inPeriod(date: DateWindow | null, dating: DatingContext | undefined): DateWindow | null {
  if (!date?.value || !dating) return date;
  return date.value >= dating.period.from && date.value <= dating.period.to ? date : null;
}

/** First sentences up to LEAD_MAX characters (at least one sentence, cut on a word if needed). */
export function buildLead(sentences: string[]): string {
  let lead = '';
  for (const sentence of sentences) {
    const next = lead ? `${lead} ${sentence}` : sentence;
    if (next.length > LEAD_MAX) break;
    lead = next;
  }
  if (lead) return lead;
  const first = sentences[0] ?? '';
  const cut = first.slice(0, LEAD_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

const CONTEXTS_PER_ENTITY = 3;

/** The mentions sorted by start (stable): the array itself when it already is, as the entity stage returns it. */
function inStartOrder(mentions: readonly Mention[]): readonly Mention[] {
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start < mentions[i - 1].start) return [...mentions].sort((a, b) => a.start - b.start);
  }
  return mentions;
}

/** The sentences that name each entity (at most CONTEXTS_PER_ENTITY each, in reading order). */
export function collectContexts(doc: SegmentedDoc, mentions: readonly Mention[]): EntityContext[] {
  const contexts: EntityContext[] = [];
  // Per entity: contexts taken so far and the last sentence taken. Mentions come in reading order,
  // so the sentence index never decreases and a sentence already taken can only be the last one.
  const perEntity = new Map<string, { count: number; last: number }>();
  let sentenceIndex = 0;
  for (const mention of inStartOrder(mentions)) {
    while (sentenceIndex < doc.sentences.length - 1 && doc.sentences[sentenceIndex].end <= mention.start) sentenceIndex++;
    const sentence = doc.sentences[sentenceIndex];
    if (!sentence) break;
    const seen = perEntity.get(mention.id);
    if (seen) {
      if (seen.count >= CONTEXTS_PER_ENTITY || seen.last === sentenceIndex) continue;
      seen.count++;
      seen.last = sentenceIndex;
    } else perEntity.set(mention.id, { count: 1, last: sentenceIndex });
    contexts.push({ id: mention.id, text: sentence.text, offset: sentence.start });
  }
  return contexts;
}
