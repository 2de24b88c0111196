/**
 * The weakest clue, used only when the text dates no fact: the events of the knowledge base that
 * involve the weapons and actors the article names. An article about a weapon system and the
 * countries or people of one recorded event (a pledge, a delivery, a summit) is most likely about
 * that event, or soon after it. Never a bound: the window is left as the text makes it.
 */
import type { Mention, Sentence } from '../types.ts';
import type { CompiledGazetteer } from '../../gazetteer/types.ts';
import { intersect, type Constraint, type DaySet } from './constraint.ts';
import { tenureSet } from './tenure.ts';
import type { CompiledKb, KbEvent } from './kb.ts';

/** Entities an event must share with the article, one of them a weapon system. */
const MIN_SHARED = 2;
/** Ids so common in this archive that sharing them says nothing. */
const UBIQUITOUS = new Set(['ukraine', 'russia']);

export function entityClues(mentions: readonly Mention[], kb: CompiledKb, cg: CompiledGazetteer, sentences: readonly Sentence[]): Constraint[] {
  const named = new Set(mentions.map((m) => m.id).filter((id) => !UBIQUITOUS.has(id)));
  if (named.size < MIN_SHARED || !sentences.length) return [];
  let best: KbEvent[] = [];
  let bestScore = 0;
  const candidates = new Set<KbEvent>();
  for (const id of named) if (cg.weapons.has(id)) for (const e of kb.byEntity.get(id) ?? []) candidates.add(e);
  for (const e of candidates) {
    if (e.kind === 'war' || e.existsSince) continue;
    const shared = e.entities.filter((id) => named.has(id));
    if (shared.length < MIN_SHARED || !shared.some((id) => cg.weapons.has(id))) continue;
    if (shared.length > bestScore) {
      best = [e];
      bestScore = shared.length;
    } else if (shared.length === bestScore) best.push(e);
  }
  if (!best.length) return [];
  const s = sentences[0];
  return [
    {
      set: [[-Infinity, Infinity]],
      strength: 0,
      evidence: { text: s.text, offset: s.start, rule: 'event-entities' },
      note: best.map((e) => e.id).join(' | '),
      event: best.length === 1 ? best[0] : undefined,
      clue: { days: best.map((e) => e.from), span: 0, strong: false, sentence: s.start, fallback: true },
    },
  ];
}

/** A day the knowledge base has news of the article's actors on, weighted by how much that news shares with the article. */
export interface PriorDay {
  day: number;
  weight: number;
}

/**
 * Where an article that dates nothing most likely falls: the days on which the knowledge base
 * records events involving the entities it names (people, countries, organisations, weapons).
 * Each event weighs the information it shares with the article: the sum, over the entities both
 * name, of the inverse of the number of events involving that entity (a rare actor says more than
 * a frequent one). estimate.ts takes the weighted median of the days inside the window. Never a bound.
 */
export function entityPrior(mentions: readonly Mention[], kb: CompiledKb): PriorDay[] {
  const named = new Set(mentions.map((m) => m.id).filter((id) => !UBIQUITOUS.has(id)));
  const weights = new Map<KbEvent, number>();
  for (const id of named) {
    const events = kb.byEntity.get(id);
    if (!events?.length) continue;
    for (const e of new Set(events)) weights.set(e, (weights.get(e) ?? 0) + 1 / events.length);
  }
  return [...weights].map(([e, weight]) => ({ day: e.from, weight }));
}

/**
 * The days on which every officeholder the article names held one of their offices (each
 * person's recorded terms, whatever the title the text gives them, or none): an article naming
 * Donald Trump without a title most likely falls in one of his terms. Null when the article names
 * no one with a recorded office, or when their terms never overlap (someone named as a former
 * officeholder). Someone the text calls former, candidate, elected or of the opposition counts
 * for nothing. Only narrows the prior of the estimate; never a bound.
 */
/** Words before a name that say the person is not (or not yet) in office: "l'ancien président", "le candidat". */
const OUT_OF_OFFICE_RE =
  /(?<!\p{L})(?:ancien|ancienne|anciens|ex|candidat|candidate|futur|future|prochain|prochaine|élu|élue|prédécesseur|successeur|rival|adversaire|opposition)(?!\p{L})[^.;]{0,40}$/iu;

export function officeholdersSpan(mentions: readonly Mention[], cg: CompiledGazetteer, body = ''): DaySet | null {
  let span: DaySet | null = null;
  const outOfOffice = new Set(
    mentions.filter((m) => m.type === 'person' && OUT_OF_OFFICE_RE.test(body.slice(Math.max(0, m.start - 60), m.start))).map((m) => m.id),
  );
  for (const id of new Set(mentions.filter((m) => m.type === 'person' && !outOfOffice.has(m.id)).map((m) => m.id))) {
    const offices = cg.people.get(id)?.offices ?? [];
    if (!offices.length) continue;
    const terms = tenureSet(offices, false);
    span = span ? intersect(span, terms) : terms;
    if (!span.length) return null;
  }
  return span;
}
