/**
 * Per-sentence word gate for the date rules: one pass over the entity stage's tokens (cached per
 * document, each word's bits memoised per interned word) tells which rule families can match in
 * each sentence, so a sentence none of them can match is skipped without folding or scanning it.
 *
 * Every test here is derived from the rule modules' own word lists (nothing is mirrored by hand):
 * RELATIVE_MARKERS (events.ts), HAS_YEAR_RE (parse.ts), MONTH_PREFIXES and DERNIER_MARKER
 * (yearless.ts), the knowledge base's gateWords (kb.ts).
 *
 * Soundness: a family's prefilter can only pass on a sentence holding, for each of its markers,
 * every run of ASCII letters or digits of the marker (the longest one is tested). Such a run in a
 * sentence's folded text (foldKeep) or raw text comes from letters/digits only (\p{L}/\p{N}: word
 * characters for the tokenizer; é, û fold to e, u in keys), so it lies inside one token whose
 * folded key contains it. A word bit is therefore set whenever the family's own prefilter could
 * pass; it may be set when it cannot (the prefilter still runs). tests/dates-gate.test.ts checks
 * that gated and ungated inference agree on the seeds, the evaluation sets and a synthetic corpus.
 */
import type { SegmentedDoc, Sentence } from '../types.ts';
import type { CompiledGazetteer } from '../../gazetteer/types.ts';
import { getAliasIndex } from '../../gazetteer/compile.ts';
import { MAX_WORD_ID, documentTokens, internTableEpoch } from '../text/tokens.ts';
import type { CompiledKb } from './kb.ts';
import { G_ALL, G_DERNI, G_EVENT, G_MONTH, G_RELATIVE, G_YEAR } from './families.ts';
import { RELATIVE_MARKERS } from './events.ts';
import { HAS_YEAR_RE } from './parse.ts';
import { DERNIER_MARKER, MONTH_PREFIXES } from './yearless.ts';

export { G_ALL, G_DERNI, G_EVENT, G_MONTH, G_RELATIVE, G_YEAR } from './families.ts';

/** The longest run of ASCII letters or digits of a marker: a sentence holding the marker has a token containing it. */
export function markerWord(marker: string): string {
  const runs = marker.match(/[a-z0-9]+/g);
  if (!runs) throw new Error(`gate: marker "${marker}" has no letter or digit`);
  return runs.reduce((a, b) => (b.length > a.length ? b : a));
}

const RELATIVE_WORDS = [...new Set(RELATIVE_MARKERS.map(markerWord))];
const DERNIER_WORD = markerWord(DERNIER_MARKER);
const YEAR_TEST = new RegExp(HAS_YEAR_RE.source, HAS_YEAR_RE.flags.replace(/[gy]/g, ''));

function wordBits(w: string, eventWords: readonly string[]): number {
  let b = 0;
  if (RELATIVE_WORDS.some((m) => w.includes(m))) b |= G_RELATIVE;
  if (YEAR_TEST.test(w)) b |= G_YEAR;
  if (MONTH_PREFIXES.some((p) => w.includes(p))) b |= G_MONTH;
  if (w.includes(DERNIER_WORD)) b |= G_DERNI;
  if (eventWords.some((h) => w.includes(h))) b |= G_EVENT;
  return b;
}

/** wordBits of each interned word id, plus 0x80 once computed (0: not yet); a flat byte array read in the per-token loop. */
const bitsById = new Uint8Array(MAX_WORD_ID);
let bitsEpoch = -1;
let bitsKb: CompiledKb | null = null;
let bitsEventWords: string[] = [];

/**
 * Bits of the word families present in each sentence. Sentences are spans of the body
 * (segment.ts: text === body.slice(start, end)); when they are not in reading order or their
 * lengths disagree with their offsets, every sentence gets G_ALL (no gating).
 */
export function sentenceGates(doc: SegmentedDoc, sentences: Sentence[], cg: CompiledGazetteer, kb: CompiledKb): Uint8Array {
  const gates = new Uint8Array(sentences.length);
  let prevEnd = 0;
  for (const s of sentences) {
    if (s.start < prevEnd || s.end - s.start !== s.text.length) return gates.fill(G_ALL);
    prevEnd = s.end;
  }
  const t = documentTokens(doc, getAliasIndex(cg));
  // Word ids of another intern epoch name other words: the cached bits are then dropped (or not used).
  const ids = t.epoch === internTableEpoch();
  if (ids && (bitsEpoch !== t.epoch || bitsKb !== kb)) {
    bitsById.fill(0);
    bitsEpoch = t.epoch;
    bitsKb = kb;
    bitsEventWords = kb.gateWords;
  }
  const eventWords = ids ? bitsEventWords : kb.gateWords;
  let k0 = 0;
  for (let i = 0; i < sentences.length; i++) {
    const { start, end } = sentences[i];
    while (k0 < t.n && t.end[k0] <= start) k0++;
    let b = 0;
    for (let k = k0; k < t.n && t.start[k] < end; k++) {
      const id = ids ? t.word[k] : -1;
      if (id < 0) b |= wordBits(t.key[k], eventWords);
      else {
        let v = bitsById[id];
        if (v === 0) v = bitsById[id] = wordBits(t.key[k], eventWords) | 0x80;
        b |= v;
      }
    }
    gates[i] = b & G_ALL;
  }
  return gates;
}
