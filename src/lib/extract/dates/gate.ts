/**
 * Per-sentence word gate for the date rules: one pass over the entity stage's tokens (cached per
 * document, each word's bits memoised per interned word) tells which rule families can match in
 * each sentence, so a sentence none of them can match is skipped without folding or scanning it.
 *
 * Soundness: every marker below is a run of ASCII letters or digits. Such a run in a sentence's
 * folded text (foldKeep) or, for the case-insensitive non-Unicode prefilters, in its raw text,
 * comes from letters/digits only (\p{L}/\p{N}: word characters for the tokenizer; é, û of
 * HAS_MONTH_RE fold to e, u in keys), so it lies inside one token whose folded key contains it;
 * " jour " and "il y a" need a whole token "jour" or "y". A word bit is therefore set whenever the
 * family's own prefilter could pass; it may be set when it cannot (the prefilter still runs).
 */
import type { SegmentedDoc, Sentence } from '../types.ts';
import type { CompiledGazetteer } from '../../gazetteer/types.ts';
import { getAliasIndex } from '../../gazetteer/compile.ts';
import { MAX_WORD_ID, documentTokens, internTableEpoch } from '../entities.ts';
import { type CompiledKb } from './kb.ts';

/** HAS_RELATIVE_RE (events.ts): "apres", "avant", "depuis", "anniversaire", " jour ", "il y a". */
export const G_RELATIVE = 1;
/** HAS_YEAR_RE (parse.ts): a year 1950–2099. */
export const G_YEAR = 2;
/** HAS_MONTH_RE (yearless.ts): a month name prefix. */
export const G_MONTH = 4;
/** /derni/i (resolveDernier). */
export const G_DERNI = 8;
/** The longest word of a phrase of the events knowledge base (kb.ts: gateWords). */
export const G_EVENT = 16;
/** Every family: sentences the gate cannot vouch for. */
export const G_ALL = 31;

const RELATIVE_PART = /apres|avant|depuis|anniversaire/;
const YEAR_PART = /(?:19[5-9]|20\d)\d/;
const MONTH_PART = /janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec/;

function wordBits(w: string, heads: readonly string[]): number {
  let b = 0;
  if (RELATIVE_PART.test(w) || w === 'jour' || w === 'y') b |= G_RELATIVE;
  if (YEAR_PART.test(w)) b |= G_YEAR;
  if (MONTH_PART.test(w)) b |= G_MONTH;
  if (w.includes('derni')) b |= G_DERNI;
  if (heads.some((h) => w.includes(h))) b |= G_EVENT;
  return b;
}

/** wordBits of each interned word id, plus 0x80 once computed (0: not yet); a flat byte array read in the per-token loop. */
const bitsById = new Uint8Array(MAX_WORD_ID);
let bitsEpoch = -1;
let bitsKb: CompiledKb | null = null;
let bitsHeads: string[] = [];

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
    bitsHeads = kb.gateWords;
  }
  const heads = ids ? bitsHeads : kb.gateWords;
  let k0 = 0;
  for (let i = 0; i < sentences.length; i++) {
    const { start, end } = sentences[i];
    while (k0 < t.n && t.end[k0] <= start) k0++;
    let b = 0;
    for (let k = k0; k < t.n && t.start[k] < end; k++) {
      const id = ids ? t.word[k] : -1;
      if (id < 0) b |= wordBits(t.key[k], heads);
      else {
        let v = bitsById[id];
        if (v === 0) v = bitsById[id] = wordBits(t.key[k], heads) | 0x80;
        b |= v;
      }
    }
    gates[i] = b & G_ALL;
  }
  return gates;
}
