/**
 * The word tokenizer shared by the entity, delivery and date stages: a document's body is cut once
 * into runs of letters/digits, each folded with the token fold (fold.ts) and tagged with its
 * alias-vocabulary info and flags. Three pieces of reused state make it cheap, each one object:
 *
 * - the intern table (`intern`): the same raw token text always yields the same folded string
 *   object and a dense word id, so per-word results can be cached by id (the date gate does);
 * - the scan scratch (`scratch`): typed arrays grown as needed, copied at the end of a document
 *   into one exact-size buffer;
 * - the document ring (`ring`): the tokens of the last few documents, so the later stages of a
 *   document reuse the entity stage's tokens.
 */
import type { AliasIndex, TokenInfo } from '../../gazetteer/compile.ts';
import type { SegmentedDoc } from '../types.ts';
import { WEAPON_NOUNS } from '../numbers.ts';
import { createCodeUnitReader } from './code-units.ts';
import { CHAR_CLASS, CHAR_TABLE_SIZE, CH_LOWER, CH_UPPER, CH_WORD, charClass, foldSlice } from './fold.ts';
import { COMMON_WORDS, MILITARY_WORDS } from './lexicon.ts';

export interface Tokens {
  n: number;
  key: string[];
  start: Int32Array;
  end: Int32Array;
  /** First character is an upper-case letter. */
  cap: Uint8Array;
  /** Has letters and they are all upper case. */
  upper: Uint8Array;
  /** Upper-case first letter, the rest lower case. */
  title: Uint8Array;
  /** Gap to the next token is one space, hyphen or apostrophe (tokens can form an n-gram). */
  join: Uint8Array;
  /** Sentence index of each token. */
  sent: Int32Array;
  /** First token of its sentence. */
  initial: Uint8Array;
  /** Alias-vocabulary info of each token's key (index.tokens.get(key)). */
  info: (TokenInfo | undefined)[];
  /** TF_* flags of each token's key. */
  flags: Uint8Array;
  /** Intern word id of each token's key (-1: not interned), valid while `epoch` is current. */
  word: Int32Array;
  epoch: number;
}

/** Token is a weapon noun or a military word (ambiguous weapon names need one in the sentence). */
export const TF_MILITARY = 1;
/** Token is never a fuzzy surname candidate: common word, known alias key or compound prefix. */
export const TF_NO_FUZZY = 2;

function tokenFlags(k: string, index: AliasIndex): number {
  let f = 0;
  if (WEAPON_NOUNS.has(k) || MILITARY_WORDS.has(k)) f |= TF_MILITARY;
  if (COMMON_WORDS.has(k) || index.byKey.has(k) || index.prefixes.has(k)) f |= TF_NO_FUZZY;
  return f;
}

/* ------------------------------------------------------------------ intern table */

/*
 * Open addressing on a hash of the raw characters; cleared when half full (bounded memory). The
 * table is bigger than L2, so each probe is laid out to touch one cache line: a 64-byte record per
 * slot holding the length (0: empty), hash, word id and the raw characters inline. Word ids are
 * dense (0, 1, 2… in order of first sight), so the per-word arrays (folded key, TokenInfo, TF_*
 * flags) stay small and hot.
 */
const INTERN_BITS = 15;
const INTERN_SIZE = 1 << INTERN_BITS;
const INTERN_MASK = INTERN_SIZE - 1;
/** Most distinct words before the table is cleared; upper bound (exclusive) of word ids. */
export const MAX_WORD_ID = INTERN_SIZE >> 1;
/** Record layout in UTF-16 units: [0] length, [1] unused, [2–3] hash, [4–5] word id, [6…] characters. */
const REC = 32;
const REC_CHARS = 6;
/** Longest token interned (longer ones are folded each time): what fits in a record. */
const INTERN_MAX_LEN = REC - REC_CHARS;

class InternTable {
  readonly rec = new Uint16Array(INTERN_SIZE * REC);
  readonly rec32 = new Int32Array(this.rec.buffer);
  /** Folded key, alias info and TF_* flags of each word id. */
  readonly key: string[] = [];
  readonly info: (TokenInfo | undefined)[] = [];
  readonly flags = new Uint8Array(MAX_WORD_ID);
  /** The alias index the cached info and flags were computed for. */
  owner: AliasIndex | null = null;
  /** Incremented whenever the table is cleared: word ids of an older epoch name other words. */
  epoch = 0;

  reset(owner: AliasIndex): void {
    this.rec.fill(0);
    this.key.length = 0;
    this.info.length = 0;
    this.owner = owner;
    this.epoch++;
  }

  /**
   * Word id of the token body[s, e) (its code units in `codes`, `h` a hash of them), interning it
   * if new; -1 for a token too long to intern.
   */
  wordId(body: string, codes: Uint16Array, s: number, e: number, h: number, index: AliasIndex): number {
    const len = e - s;
    if (len > INTERN_MAX_LEN) return -1;
    const rec = this.rec;
    const rec32 = this.rec32;
    let slot = (h ^ (h >>> INTERN_BITS)) & INTERN_MASK;
    for (;;) {
      const r = slot * REC;
      const l = rec[r];
      if (l === 0) break;
      if (l === len && rec32[(r >> 1) + 1] === h) {
        let k = 0;
        while (k < len && rec[r + REC_CHARS + k] === codes[s + k]) k++;
        if (k === len) return rec32[(r >> 1) + 2];
      }
      slot = (slot + 1) & INTERN_MASK;
    }
    if (this.key.length >= MAX_WORD_ID) {
      this.reset(index);
      slot = (h ^ (h >>> INTERN_BITS)) & INTERN_MASK;
    }
    const key = foldSlice(body, s, e);
    const r = slot * REC;
    const id = this.key.length;
    rec[r] = len;
    rec32[(r >> 1) + 1] = h;
    rec32[(r >> 1) + 2] = id;
    for (let k = 0; k < len; k++) rec[r + REC_CHARS + k] = codes[s + k];
    this.key.push(key);
    this.info.push(index.tokens.get(key));
    this.flags[id] = tokenFlags(key, index);
    return id;
  }
}

const intern = new InternTable();

/** Epoch of the intern table: word ids of tokens whose `epoch` equals it are current (see Tokens.word). */
export function internTableEpoch(): number {
  return intern.epoch;
}

/* ------------------------------------------------------------------ scan scratch */

/*
 * A typed array has its own off-heap backing store, costly to allocate and to collect, so the
 * token fields of a document are scanned into this reused scratch and copied at the end into views
 * of one ArrayBuffer of the exact size.
 */
class ScanScratch {
  cap = 0;
  start = new Int32Array(0);
  end = new Int32Array(0);
  word = new Int32Array(0);
  /** capital, upper, title, flags: four bytes per token. */
  bits = new Uint8Array(0);
  /** Keys and TokenInfo of the document being scanned (reused JS arrays, only ever written in order). */
  readonly key: string[] = [];
  readonly info: (TokenInfo | undefined)[] = [];
  /** The body's code units. */
  readonly codes = createCodeUnitReader(1 << 13);

  grow(cap: number): void {
    if (cap <= this.cap) return;
    this.cap = cap;
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.word = new Int32Array(cap);
    this.bits = new Uint8Array(cap * 4);
  }
}

const scratch = new ScanScratch();

/** Cuts the body into word tokens (always computes; stages use documentTokens). */
export function tokenize(doc: SegmentedDoc, index: AliasIndex): Tokens {
  if (intern.owner !== index) intern.reset(index);
  const epochAtStart = intern.epoch;
  const body = doc.body;
  const len = body.length;
  scratch.grow((len >> 1) + 1); // at most one token per two characters
  const { start: startA, end: endA, word: words, bits, key, info } = scratch;
  const wordKey = intern.key;
  const wordInfo = intern.info;
  const wordFlags = intern.flags;
  let n = 0;
  let i = 0;
  // Hand-written scanner over precomputed character classes: a Unicode-property regex is ~30× slower here.
  const codes = scratch.codes(body);
  while (i < len) {
    let c = codes[i];
    let cls = c < CHAR_TABLE_SIZE ? CHAR_CLASS[c] : charClass(c);
    if (!(cls & CH_WORD)) {
      i++;
      continue;
    }
    const s = i;
    let h = c;
    const firstUpper = (cls & CH_UPPER) !== 0;
    let anyLower = (cls & CH_LOWER) !== 0;
    let restUpper = false;
    let anyLetter = (cls & (CH_UPPER | CH_LOWER)) !== 0;
    i++;
    while (i < len) {
      c = codes[i];
      cls = c < CHAR_TABLE_SIZE ? CHAR_CLASS[c] : charClass(c);
      if (!(cls & CH_WORD)) break;
      if (cls & CH_LOWER) anyLower = true;
      else if (cls & CH_UPPER) restUpper = true;
      if (cls & (CH_UPPER | CH_LOWER)) anyLetter = true;
      h = (Math.imul(h, 31) + c) | 0;
      i++;
    }
    startA[n] = s;
    endA[n] = i;
    const id = intern.wordId(body, codes, s, i, h, index);
    words[n] = id;
    const b = n * 4;
    if (id >= 0) {
      key[n] = wordKey[id];
      info[n] = wordInfo[id];
      bits[b + 3] = wordFlags[id];
    } else {
      const k = foldSlice(body, s, i);
      key[n] = k;
      info[n] = index.tokens.get(k);
      bits[b + 3] = tokenFlags(k, index);
    }
    bits[b] = firstUpper ? 1 : 0;
    bits[b + 1] = anyLetter && !anyLower ? 1 : 0;
    bits[b + 2] = firstUpper && !restUpper ? 1 : 0;
    n++;
  }
  // Exact-size copies of the reused arrays: one allocation each instead of a growth chain per document.
  const tokens = finishTokens(doc, codes, n, key.slice(0, n), info.slice(0, n));
  // A table cleared mid-document leaves word ids of two epochs: none of them may be trusted.
  if (intern.epoch !== epochAtStart) tokens.epoch = -1;
  return tokens;
}

/** Second pass (kept out of the scanning function so V8 optimises both loops independently): copies the scratch into one buffer, adds joins and sentences. */
function finishTokens(doc: SegmentedDoc, codes: Uint16Array, n: number, key: string[], info: (TokenInfo | undefined)[]): Tokens {
  const buffer = new ArrayBuffer(n * 22);
  const start = new Int32Array(buffer, 0, n);
  const end = new Int32Array(buffer, n * 4, n);
  const sent = new Int32Array(buffer, n * 8, n);
  const word = new Int32Array(buffer, n * 12, n);
  const cap = new Uint8Array(buffer, n * 16, n);
  const upper = new Uint8Array(buffer, n * 17, n);
  const title = new Uint8Array(buffer, n * 18, n);
  const join = new Uint8Array(buffer, n * 19, n);
  const initial = new Uint8Array(buffer, n * 20, n);
  const flags = new Uint8Array(buffer, n * 21, n);
  const { start: sStart, end: sEnd, word: sWord, bits } = scratch;
  for (let k = 0; k < n; k++) {
    start[k] = sStart[k];
    end[k] = sEnd[k];
    word[k] = sWord[k];
    cap[k] = bits[k * 4];
    upper[k] = bits[k * 4 + 1];
    title[k] = bits[k * 4 + 2];
    flags[k] = bits[k * 4 + 3];
  }
  const sentences = doc.sentences;
  const lastIndex = sentences.length - 1;
  let si = 0;
  let sentEnd = lastIndex >= 0 ? sentences[0].end : Infinity;
  let lastSent = -1;
  for (let k = 0; k < n; k++) {
    if (k + 1 < n && start[k + 1] - end[k] === 1) {
      const g = codes[end[k]];
      // "/" joins too, so that aliases written with it match as written ("SAMP/T", "Mi-8/17", "GBU-39/B").
      join[k] = g === 32 || g === 45 || g === 39 || g === 0x2019 || g === 0x2011 || g === 0xa0 || g === 47 ? 1 : 0;
    }
    while (si < lastIndex && sentEnd <= start[k]) sentEnd = sentences[++si].end;
    sent[k] = si;
    if (si !== lastSent) {
      initial[k] = 1;
      lastSent = si;
    }
  }
  return { n, key, start, end, cap, upper, title, join, sent, initial, info, flags, word, epoch: intern.epoch };
}

/* ------------------------------------------------------------------ document ring */

/*
 * Tokens of the last documents tokenised, for the later stages that read the same words (dates,
 * deliveries): a small ring of strong slots, cheaper than a WeakMap entry (and its ephemeron
 * bookkeeping in the collector) per document; the stages of one document run back to back.
 */
interface RingSlot {
  doc: SegmentedDoc | null;
  body: string;
  index: AliasIndex | null;
  tokens: Tokens | null;
}
const DOC_RING = 4;
const ring: RingSlot[] = Array.from({ length: DOC_RING }, () => ({ doc: null, body: '', index: null, tokens: null }));
let ringNext = 0;

/** tokenize(doc, index), computed once per document and alias index (the arrays are never modified). */
export function documentTokens(doc: SegmentedDoc, index: AliasIndex): Tokens {
  for (const slot of ring) {
    if (slot.doc === doc && slot.body === doc.body && slot.index === index) return slot.tokens!;
  }
  const tokens = tokenize(doc, index);
  ring[ringNext] = { doc, body: doc.body, index, tokens };
  ringNext = (ringNext + 1) % DOC_RING;
  return tokens;
}
