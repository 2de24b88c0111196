/**
 * Key word in context: splits a sentence around the first occurrence of any of an entity's
 * names (case- and accent-insensitive), so the page can highlight it.
 *
 * Hot on entity pages (every context sentence of every article, on every page that lists it):
 * each character is folded once per build (memo), each sentence once per page run (bounded
 * memo), and each list of names once (keyed by the array the page passes).
 */
const foldChar = new Map<string, string>();
function fold1(c: string): string {
  let f = foldChar.get(c);
  if (f === undefined) foldChar.set(c, (f = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()));
  return f;
}
const fold = (s: string) => {
  let out = '';
  for (const c of s) out += fold1(c);
  return out;
};

export interface KeywordSplit {
  before: string;
  match: string;
  after: string;
}

interface FoldedSentence {
  chars: string[];
  folded: string;
  /** Folded index → index in `chars` (NFD folding can change length). */
  map: Int32Array;
}

const SENTENCE_MEMO_MAX = 20_000;
const sentences = new Map<string, FoldedSentence>();
function foldSentence(sentence: string): FoldedSentence {
  let entry = sentences.get(sentence);
  if (entry) return entry;
  const chars = [...sentence];
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const f = fold1(chars[i]);
    folded += f;
    for (let k = 0; k < f.length; k++) map.push(i);
  }
  entry = { chars, folded, map: Int32Array.from(map) };
  if (sentences.size >= SENTENCE_MEMO_MAX) sentences.clear(); // bounded: memory stays flat at 10k articles
  sentences.set(sentence, entry);
  return entry;
}

const candidateMemo = new WeakMap<readonly string[], string[]>();
function candidatesOf(names: readonly string[]): string[] {
  let list = candidateMemo.get(names);
  if (!list) {
    list = [...new Set(names.filter((n) => n && n.length >= 2).map(fold))].sort((a, b) => b.length - a.length);
    candidateMemo.set(names, list);
  }
  return list;
}

const WORD = /[\p{L}\p{N}]/u;
const boundary = (c: string | undefined) => c === undefined || !WORD.test(c);

/** Splits at a recorded span; undefined when the span does not fit the sentence. */
export function splitAt(sentence: string, [start, end]: [number, number]): KeywordSplit | undefined {
  if (!(start < end && end <= sentence.length)) return undefined;
  return { before: sentence.slice(0, start), match: sentence.slice(start, end), after: sentence.slice(end) };
}

export function splitKeyword(sentence: string, names: readonly string[]): KeywordSplit {
  const { chars, folded, map } = foldSentence(sentence);
  let best: { start: number; end: number } | undefined;
  for (const name of candidatesOf(names)) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(name, from);
      if (at < 0 || (best && at >= best.start)) break;
      if (boundary(folded[at - 1]) && boundary(folded[at + name.length])) {
        best = { start: at, end: at + name.length };
        break;
      }
      from = at + 1;
    }
  }
  if (!best) return { before: sentence, match: '', after: '' };
  const start = map[best.start];
  const end = map[best.end - 1] + 1;
  return { before: chars.slice(0, start).join(''), match: chars.slice(start, end).join(''), after: chars.slice(end).join('') };
}
