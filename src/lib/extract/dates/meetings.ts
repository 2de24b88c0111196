/**
 * Rule 3b — a meeting of people the article names, dated by a month without its year: "les deux
 * dirigeants s'étaient rencontrés en septembre", "X et Y se sont vus en mai à Pékin", "X doit
 * recevoir Y en juin". The month names no year, but the knowledge base knows when those people
 * met: the meetings (summits, talks) that involve every person the sentence names, held in that
 * month, are the candidates. A past meeting puts the article after it and, a year-less month in
 * news being within a year of publication, less than a year after; an announced one, before it
 * and less than a year ahead. No candidate, no fact. A person named by title only ("le Premier
 * ministre a fait cette annonce en octobre aux côtés de Volodymyr Zelensky") is the one the article
 * named with that title before ("le Premier ministre, Alexander De Croo").
 * Data: the events knowledge base (entities of each event), the people the mentions stage found.
 */
import type { Mention, Sentence } from '../types.ts';
import { STRENGTH, normalize, type Constraint } from './constraint.ts';
import { MONTH_SRC, addMonths, monthOf, ymdOf } from './calendar.ts';
import { dateContext } from './tense.ts';
import { foldKeep, ure } from './text.ts';
import { HAS_TITLE_RE, titleGapOk, titlesIn } from './tenure.ts';
import type { CompiledKb, KbEvent } from './kb.ts';

/** How far before a name its title may end ("le Premier ministre belge, Alexander De Croo"). */
const TITLE_REACH = 40;

/** Words that say the people met or will meet (folded or not: both spellings are listed). */
const MEETING_RE =
  /\b(?:rencontr|sommet|entretien|entretenu|s'est entretenu|se sont entretenus|se sont vus|s'etaient vus|s'étaient vus|se verront|recevoir|a re[çc]u|ont re[çc]u|accueilli|visite|t[êe]te-[àa]-t[êe]te|pourparlers|discussions?\b|ont discut|se sont parl|appel t[ée]l[ée]phonique|entretien t[ée]l[ée]phonique)/i;
/** A month without a year after it ("en septembre", "en septembre dernier"; not "en septembre 2023"). */
const MONTH_NO_YEAR_RE = ure(new RegExp(`\\b(?:en|au mois d[e'])\\s*(${MONTH_SRC})\\b(?!\\s*,?\\s*(?:de l'ann[ée]e\\s+)?(?:19|20)\\d\\d)`, 'gi'));
/** The events of the knowledge base involving every one of `people` (the frame of the war is no meeting). */
function meetingsOf(kb: CompiledKb, people: string[]): KbEvent[] {
  const [first, ...rest] = people;
  return (kb.byEntity.get(first) ?? []).filter((e) => e.kind !== 'war' && rest.every((p) => e.entities.includes(p)));
}

/**
 * The people of a sentence, by name or by a bare title: `titled` holds, by office, the last person
 * the article named with that title so far (updated with this sentence's own titled names).
 */
function peopleOf(s: Sentence, people: PeopleByStart, titled: Map<string, string>): string[] {
  const inside = people.within(s.start, s.end);
  const ids = new Set(inside.map((p) => p.id));
  if (!HAS_TITLE_RE.test(s.text)) return [...ids];
  const folded = foldKeep(s.text);
  for (const t of titlesIn(folded)) {
    const named = inside.find(
      (p) => p.start - s.start >= t.end && p.start - s.start - t.end <= TITLE_REACH && titleGapOk(folded.slice(t.end, p.start - s.start)),
    );
    if (named) titled.set(t.role, named.id);
    else if (titled.has(t.role) && !inside.some((p) => p.end - s.start <= t.start && t.start - (p.end - s.start) <= 3)) ids.add(titled.get(t.role)!);
  }
  return [...ids];
}

/**
 * The person mentions, found by span in O(log n + k): a long article has thousands of sentences
 * and of mentions, and filtering every mention for every sentence was quadratic.
 */
class PeopleByStart {
  private readonly sorted: { mention: Mention; index: number }[];
  constructor(people: readonly Mention[]) {
    this.sorted = people.map((mention, index) => ({ mention, index })).sort((a, b) => a.mention.start - b.mention.start || a.index - b.index);
  }

  /** The mentions within [start, end], in their original order. */
  within(start: number, end: number): Mention[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid].mention.start < start) lo = mid + 1;
      else hi = mid;
    }
    const found: { mention: Mention; index: number }[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].mention.start <= end; i++) if (this.sorted[i].mention.end <= end) found.push(this.sorted[i]);
    return found.sort((a, b) => a.index - b.index).map((f) => f.mention);
  }
}

/** Does the event hold a day of month `mo`? */
function inMonth(e: KbEvent, mo: number): boolean {
  for (let d = e.from; d <= e.to; d++) if (ymdOf(d).m === mo) return true;
  return false;
}

export function meetingConstraints(sentences: Sentence[], mentions: readonly Mention[], kb: CompiledKb): Constraint[] {
  const out: Constraint[] = [];
  const people = mentions.filter((m) => m.type === 'person' && !m.id.startsWith('new:'));
  if (!people.length || !kb.events.length) return out;
  const titled = new Map<string, string>();
  const byStart = new PeopleByStart(people);
  for (const s of sentences) {
    const ids = peopleOf(s, byStart, titled);
    if (ids.length < 2 || !MEETING_RE.test(s.text)) continue;
    const candidates = meetingsOf(kb, ids);
    if (!candidates.length) continue;
    const lower = s.text.toLowerCase();
    MONTH_NO_YEAR_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MONTH_NO_YEAR_RE.exec(s.text))) {
      const mo = monthOf(m[1]);
      if (!mo) continue;
      const events = candidates.filter((e) => inMonth(e, mo));
      if (!events.length) continue;
      const ctx = dateContext(lower, m.index, m.index + m[0].length);
      if (ctx !== 'past' && ctx !== 'future') continue;
      const set = normalize(events.map((e): [number, number] => (ctx === 'past' ? [e.from, addMonths(e.from, 12)] : [addMonths(e.to, -12), e.to])));
      const ref = events.length === 1 ? events[0] : undefined;
      out.push({
        set,
        strength: ctx === 'past' ? STRENGTH.eventPast : STRENGTH.eventAhead,
        evidence: { text: s.text, offset: s.start, rule: ctx === 'past' ? 'meeting-past' : 'meeting-ahead' },
        match: { text: m[0], offset: s.start + m.index },
        note: events.map((e) => e.id).join(' | '),
        ...(ref && { event: ref }),
        ...(ctx === 'past' && {
          clue: { days: events.map((e) => e.from), span: Math.max(...events.map((e) => e.to - e.from)), strong: false, sentence: s.start },
        }),
      });
    }
  }
  return out;
}
