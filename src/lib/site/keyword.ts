/**
 * Key word in context: splits a sentence around the first occurrence of any of an entity's
 * names (case- and accent-insensitive), so the page can highlight it.
 */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface KeywordSplit {
  before: string;
  match: string;
  after: string;
}

export function splitKeyword(sentence: string, names: readonly string[]): KeywordSplit {
  // NFD folding can change length; fold char by char to keep offsets aligned with the original.
  const chars = [...sentence];
  const folded = chars.map((c) => fold(c)).join('');
  const map: number[] = [];
  chars.forEach((c, i) => {
    for (let k = 0; k < fold(c).length; k++) map.push(i);
  });
  const candidates = [...new Set(names.filter((n) => n && n.length >= 2).map(fold))].sort((a, b) => b.length - a.length);
  let best: { start: number; end: number } | undefined;
  for (const name of candidates) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(name, from);
      if (at < 0) break;
      const before = folded[at - 1];
      const after = folded[at + name.length];
      const boundary = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
      if (boundary(before) && boundary(after)) {
        if (!best || at < best.start) best = { start: at, end: at + name.length };
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
