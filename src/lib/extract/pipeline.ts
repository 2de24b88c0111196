/**
 * The extraction pipeline: one named step per stage, each a pure function.
 * decode → frontmatter → normalise → clean → headline → segment → source → entities → dates → deliveries.
 */
import type { CompiledGazetteer } from '../gazetteer/types.ts';
import { decodeBytes } from './decode.ts';
import { normalizeText } from './normalize.ts';
import { cleanText } from './clean.ts';
import { segmentText } from './segment.ts';
import { splitHeadline, headlineFromLead } from './title.ts';
import { findBylineSource, findDatelineSource, findTrailingSource, resolveSource } from './source.ts';
import { extractEntities } from './entities.ts';
import { inferDate } from './dates/index.ts';
import { findDateline } from './dates/dateline.ts';
import { iso } from './dates/calendar.ts';
import { extractDeliveries } from './deliveries.ts';
import { splitSeedFrontmatter } from './seed-frontmatter.ts';
import type { CleanedText, DateWindow, EntityContext, ExtractionResult, Mention, SegmentedDoc, Warning } from './types.ts';

export type ExtractOutcome =
  | { ok: true; result: ExtractionResult; encoding: string }
  | { ok: false; reason: string; warnings: Warning[] };

const LEAD_MAX = 300;

/** Extracts the facts of one seed file given as raw bytes; rejects undecodable or empty input. */
export function extractSeed(bytes: Uint8Array, file: string, cg: CompiledGazetteer): ExtractOutcome {
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
  const result = extractText(normalized, file, cg, seed.overrides);
  if (result.body.trim() === '') {
    return { ok: false, reason: 'nothing left after removing boilerplate', warnings };
  }
  result.warnings.unshift(...warnings);
  return { ok: true, result, encoding: decoded.encoding };
}

/** The CLI/eval entry: like extractSeed but throws on rejection. */
export function extractFromBytes(bytes: Uint8Array, file: string, cg: CompiledGazetteer): ExtractionResult {
  const outcome = extractSeed(bytes, file, cg);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.reason}`);
  return outcome.result;
}

export interface Overrides {
  title?: string;
  date?: string;
  source?: string;
  url?: string;
  language?: string;
}

/** Runs every stage after decoding on normalised article text. */
export function extractText(text: string, file: string, cg: CompiledGazetteer, overrides: Overrides = {}): ExtractionResult {
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
  const date =
    (overrides.date ? null : publicationLineDate(cleaned, doc)) ??
    inferDate(doc, entities.mentions, cg, { frontmatterDate: overrides.date ?? null });
  const deliveries = extractDeliveries(doc, entities.mentions, cg, { title: overrides.title ?? headline });

  for (const name of entities.newNames) {
    warnings.push({ file, ruleId: 'new-name', reason: `new ${name.type} name to review: ${name.name}` });
  }
  if (date.precision === 'unknown') {
    warnings.push({ file, ruleId: 'date-unknown', reason: 'no publication date could be established' });
  }

  return {
    file,
    title,
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
  };
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
