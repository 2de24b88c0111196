/**
 * The events knowledge base compiled for matching (pure: the events come from
 * src/lib/events/load.ts, read by the scripts). Phrases are folded like sentences (foldKeep:
 * lower case, no accents, straight apostrophes, one unit per unit) so a match found in a folded
 * sentence has the same offsets in the original; spaces and hyphens inside a phrase match any run
 * of spaces and hyphens ("Maison-Blanche" = "Maison Blanche").
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
  /** First folded word of a phrase → sticky regex of every phrase starting with it (longest first), and the events of each. */
  heads: Map<string, { re: RegExp; keys: string[]; events: KbEvent[][] }>;
  /** The longest word of each phrase: a sentence without one of them names no event (gate.ts). */
  gateWords: string[];
}

/** One place a sentence names events of the knowledge base. */
export interface EventMatch {
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  /** Every event the phrase names (several when the same phrase names several events). */
  events: KbEvent[];
}

const WORD_RE = /[a-z0-9]+/g;
const WORD_CHAR = /[a-z0-9]/;

/** A phrase as the matcher keys it: folded, spaces and hyphens collapsed to one space. */
export function phraseKey(phrase: string): string {
  return foldKeep(phrase).replace(/[\s\-\u2010-\u2013]+/g, ' ').trim();
}

/** The first word of a phrase key (the gate and the matcher index phrases by it). */
export function headOf(key: string): string | null {
  return /^[a-z0-9]+/.exec(key)?.[0] ?? null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileKb(list: readonly WarEvent[]): CompiledKb {
  const events: KbEvent[] = [];
  const byId = new Map<string, KbEvent>();
  const byKey = new Map<string, KbEvent[]>();
  for (const e of list) {
    const from = parseIso(e.date);
    const to = parseIso(e.end ?? e.date);
    if (from === null || to === null) throw new Error(`event ${e.id}: bad date`);
    const words = new Set(
      [...e.phrases.fr, ...(e.phrases.en ?? []), e.title.fr, e.title.en].flatMap((p) => phraseKey(p).match(/[a-z0-9]{4,}/g) ?? []),
    );
    const ev: KbEvent = {
      id: e.id, kind: e.kind, from, to, existsSince: e.existsSince ?? false, entities: e.entities ?? [], words, title: e.title.fr, url: e.source.url,
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
  const grouped = new Map<string, string[]>();
  for (const key of byKey.keys()) {
    const head = headOf(key)!;
    const keys = grouped.get(head) ?? [];
    keys.push(key);
    grouped.set(head, keys);
  }
  const heads: CompiledKb['heads'] = new Map();
  for (const [head, keys] of grouped) {
    keys.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const src = keys.map((k) => `(${escape(k).replace(/ /g, '[\\s\\-\\u2010-\\u2013]+')})`).join('|');
    heads.set(head, { re: new RegExp(`(?:${src})(?![a-z0-9])`, 'y'), keys, events: keys.map((k) => byKey.get(k)!) });
  }
  const gateWords = new Set<string>();
  for (const key of byKey.keys()) gateWords.add(key.match(/[a-z0-9]+/g)!.reduce((a, b) => (b.length > a.length ? b : a)));
  return { events, byId, heads, gateWords: [...gateWords].sort() };
}

/** The phrase of the knowledge base starting exactly at `pos` of a folded text (longest), or null. */
export function matchAt(kb: CompiledKb, folded: string, pos: number): EventMatch | null {
  if (pos > 0 && WORD_CHAR.test(folded[pos - 1])) return null;
  WORD_RE.lastIndex = pos;
  const w = WORD_RE.exec(folded);
  if (!w || w.index !== pos) return null;
  const entry = kb.heads.get(w[0]);
  if (!entry) return null;
  entry.re.lastIndex = pos;
  const m = entry.re.exec(folded);
  if (!m) return null;
  const k = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
  return { start: pos, end: pos + m[0].length, events: entry.events[k] };
}

/** Every non-overlapping phrase of the knowledge base in a folded text, left to right, longest first. */
export function findEvents(kb: CompiledKb, folded: string): EventMatch[] {
  const out: EventMatch[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const words: number[] = [];
  while ((m = WORD_RE.exec(folded))) if (kb.heads.has(m[0])) words.push(m.index);
  let end = 0;
  for (const pos of words) {
    if (pos < end) continue;
    const hit = matchAt(kb, folded, pos);
    if (hit) {
      out.push(hit);
      end = hit.end;
    }
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
