/**
 * The events knowledge base compiled for matching (pure: the events come from
 * src/lib/events/load.ts, read by the scripts). Phrases are folded like sentences (foldKeep:
 * lower case, no accents, straight apostrophes, one unit per unit) so a match found in a folded
 * sentence has the same offsets in the original, and matched word by word through a trie: between
 * two words the text may put spaces, hyphens, apostrophes or quotes ("Maison-Blanche" = "Maison
 * Blanche"), never sentence punctuation.
 */
import type { WarEvent } from '../../events/schema.ts';
import { parseIso } from './calendar.ts';
import { foldKeep } from './text.ts';

export type { WarEvent } from '../../events/schema.ts';

export interface KbEvent {
  id: string;
  kind: WarEvent['kind'];
  /** First and last day (day numbers; equal for a one-day event). */
  from: number;
  to: number;
  existsSince: boolean;
  /** Gazetteer ids the event involves (weapons, countries, organisations, people). */
  entities: string[];
  /** Distinctive words of its phrases and title (folded, 4+ letters): they tell apart events a shared phrase names. */
  words: Set<string>;
  title: string;
  url: string;
}

export interface CompiledKb {
  events: KbEvent[];
  byId: Map<string, KbEvent>;
  /** Events by the gazetteer ids they involve. */
  byEntity: Map<string, KbEvent[]>;
  /** The phrases as a trie of their words (ASCII letter and digit runs of the folded phrase). */
  trie: TrieNode;
  /** The longest word of each phrase: a sentence without one of them names no event (gate.ts). */
  gateWords: string[];
  /** The most words a phrase has: a match starting at a position reads no further. */
  maxWords: number;
}

/** One place a sentence names events of the knowledge base. */
export interface EventMatch {
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  /** Every event the phrase names (several when the same phrase names several events). */
  events: KbEvent[];
}

/** A node of the phrase trie: the next words, and the events a phrase ending here names. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  events: KbEvent[] | null;
}

const WORD_RE = /[a-z0-9]+/g;
/**
 * What may stand between two words of a phrase in the text: spaces, hyphens, apostrophes, quotes
 * (and letters the fold leaves non-ASCII), never sentence punctuation. "Maison-Blanche" =
 * "Maison Blanche", "l'Otan" = "l’Otan", "opération « Toile d'araignée »".
 */
const GAP_RE = /^[^a-z0-9.,;:!?()[\]]{1,4}$/;

/** A phrase as the matcher keys it: folded, spaces and hyphens collapsed to one space. */
export function phraseKey(phrase: string): string {
  return foldKeep(phrase)
    .replace(/[\s\-\u2010-\u2013]+/g, ' ')
    .trim();
}

/** The first word of a phrase key (null for a phrase without any ASCII letter or digit: never matched). */
export function headOf(key: string): string | null {
  return /^[a-z0-9]+/.exec(key)?.[0] ?? null;
}

/**
 * Phrases written with another name of an organisation they contain: with the groups of names of
 * the gazetteer ("Otan", "Organisation du traité de l'Atlantique Nord", "Alliance atlantique"),
 * "sommet de l'Otan à Madrid" is also "sommet de l'Organisation du traité de l'Atlantique Nord à
 * Madrid". One name replaced per variant (the first found), in every phrase key.
 */
function withSynonyms(byKey: Map<string, KbEvent[]>, synonyms: readonly (readonly string[])[]): void {
  const groups = synonyms
    .map((g) => [
      ...new Set(
        g
          .map((n) => phraseKey(n).match(/[a-z0-9]+/g) ?? [])
          .filter((w) => w.length)
          .map((w) => w.join(' ')),
      ),
    ])
    .filter((g) => g.length > 1);
  const byHead = new Map<string, Array<{ words: string[]; group: string[] }>>();
  for (const group of groups)
    for (const name of group) {
      const words = name.split(' ');
      byHead.set(words[0], [...(byHead.get(words[0]) ?? []), { words, group }]);
    }
  const added = new Map<string, KbEvent[]>();
  for (const [key, evs] of byKey) {
    const words = key.match(/[a-z0-9]+/g)!;
    found: for (let i = 0; i < words.length; i++) {
      for (const { words: name, group } of byHead.get(words[i]) ?? []) {
        if (name.some((w, k) => words[i + k] !== w)) continue;
        for (const other of group) {
          const variant = [...words.slice(0, i), other, ...words.slice(i + name.length)].join(' ');
          if (variant === words.join(' ') || byKey.has(variant)) continue;
          const list = added.get(variant) ?? [];
          for (const e of evs) if (!list.includes(e)) list.push(e);
          added.set(variant, list);
        }
        break found;
      }
    }
  }
  for (const [key, evs] of added) byKey.set(key, evs);
}

/** `synonyms`: groups of names of one thing (an organisation's name and aliases), see withSynonyms. */
export function compileKb(list: readonly WarEvent[], synonyms: readonly (readonly string[])[] = []): CompiledKb {
  const events: KbEvent[] = [];
  const byId = new Map<string, KbEvent>();
  const byKey = new Map<string, KbEvent[]>();
  for (const e of list) {
    const from = parseIso(e.date);
    const to = parseIso(e.end ?? e.date);
    if (from === null || to === null) throw new Error(`event ${e.id}: bad date`);
    const words = new Set([...e.phrases.fr, ...(e.phrases.en ?? []), e.title.fr, e.title.en].flatMap((p) => phraseKey(p).match(/[a-z0-9]{4,}/g) ?? []));
    const ev: KbEvent = {
      id: e.id,
      kind: e.kind,
      from,
      to,
      existsSince: e.existsSince ?? false,
      entities: e.entities ?? [],
      words,
      title: e.title.fr,
      url: e.source.url,
    };
    events.push(ev);
    byId.set(e.id, ev);
    for (const p of [...e.phrases.fr, ...(e.phrases.en ?? [])]) {
      const key = phraseKey(p);
      if (!headOf(key)) continue;
      const list = byKey.get(key) ?? [];
      if (!list.includes(ev)) list.push(ev);
      byKey.set(key, list);
    }
  }
  withSynonyms(byKey, synonyms);
  // Generic names: a phrase without its closing place or year ("sommet de l'otan" of "sommet de
  // l'otan a vilnius") names every event that shares it; the article's other words choose among them.
  const generic = new Map<string, Set<KbEvent>>();
  for (const [key, evs] of byKey) {
    const m = /^(.+?) (?:de|a|en|d'|du) [a-z0-9']+$/.exec(key);
    if (!m || m[1].split(' ').length < 3 || byKey.has(m[1])) continue;
    const set = generic.get(m[1]) ?? new Set<KbEvent>();
    for (const e of evs) set.add(e);
    generic.set(m[1], set);
  }
  for (const [key, set] of generic) if (set.size >= 2) byKey.set(key, [...set]);
  const trie: TrieNode = { next: new Map(), events: null };
  let maxWords = 0;
  for (const [key, evs] of byKey) {
    let node = trie;
    const keyWords = key.match(/[a-z0-9]+/g)!;
    maxWords = Math.max(maxWords, keyWords.length);
    for (const word of keyWords) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map(), events: null }));
      node = child;
    }
    node.events = evs;
  }
  const gateWords = new Set<string>();
  for (const key of byKey.keys()) gateWords.add(key.match(/[a-z0-9]+/g)!.reduce((a, b) => (b.length > a.length ? b : a)));
  const byEntity = new Map<string, KbEvent[]>();
  for (const e of events) for (const id of new Set(e.entities)) byEntity.set(id, [...(byEntity.get(id) ?? []), e]);
  return { events, byId, byEntity, trie, gateWords: [...gateWords].sort(), maxWords };
}

/** The ASCII letter and digit runs of a folded text, as [start, end) offsets, from `from` on (at most `limit` of them). */
function wordsOf(folded: string, from = 0, limit = Infinity): { start: number[]; end: number[]; text: string[] } {
  const start: number[] = [],
    end: number[] = [],
    text: string[] = [];
  WORD_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while (text.length < limit && (m = WORD_RE.exec(folded))) {
    start.push(m.index);
    end.push(m.index + m[0].length);
    text.push(m[0]);
  }
  return { start, end, text };
}

/** The longest phrase starting at word `i`: the index of its last word and its events, or null. */
function walk(kb: CompiledKb, folded: string, w: ReturnType<typeof wordsOf>, i: number): { last: number; events: KbEvent[] } | null {
  let node = kb.trie.next.get(w.text[i]);
  let best: { last: number; events: KbEvent[] } | null = null;
  for (let j = i; node;) {
    if (node.events) best = { last: j, events: node.events };
    if (j + 1 >= w.text.length || !GAP_RE.test(folded.slice(w.end[j], w.start[j + 1]))) break;
    node = node.next.get(w.text[++j]);
  }
  return best;
}

/** The phrase of the knowledge base starting exactly at `pos` of a folded text (longest), or null. */
export function matchAt(kb: CompiledKb, folded: string, pos: number): EventMatch | null {
  if (pos > 0 && /[a-z0-9]/.test(folded[pos - 1])) return null;
  const w = wordsOf(folded, pos, kb.maxWords);
  if (!w.text.length || w.start[0] !== pos) return null;
  const hit = walk(kb, folded, w, 0);
  return hit ? { start: pos, end: w.end[hit.last], events: hit.events } : null;
}

/** Every non-overlapping phrase of the knowledge base in a folded text, left to right, longest first. */
export function findEvents(kb: CompiledKb, folded: string): EventMatch[] {
  const out: EventMatch[] = [];
  const w = wordsOf(folded);
  for (let i = 0; i < w.text.length; i++) {
    if (!kb.trie.next.has(w.text[i])) continue;
    const hit = walk(kb, folded, w, i);
    if (!hit) continue;
    out.push({ start: w.start[i], end: w.end[hit.last], events: hit.events });
    i = hit.last;
  }
  return out;
}

/**
 * Of the events one phrase names ("sommet de l'Otan"), those whose own distinctive words the
 * article uses most ("Vilnius"); all of them when no word tells them apart.
 */
export function disambiguate(events: KbEvent[], articleWords: ReadonlySet<string>): KbEvent[] {
  if (events.length < 2) return events;
  const common = [...events[0].words].filter((w) => events.every((e) => e.words.has(w)));
  const score = events.map((e) => [...e.words].filter((w) => !common.includes(w) && articleWords.has(w)).length);
  const best = Math.max(...score);
  if (best === 0) return events;
  return events.filter((_, i) => score[i] === best);
}
