/**
 * Rule 5 — weekdays and deictic words ("a annoncé jeudi", "hier jeudi", "jeudi prochain",
 * "la semaine dernière"). They are relative to the unknown publication day, so they never
 * create an anchor: they only filter the days of an already narrow window (≤ NARROW_DAYS).
 * Most are vacuous even then (every day has a Thursday in the 6 days before it); the useful
 * ones name the publication weekday itself: "hier jeudi" ⇒ published on a Friday.
 */
import type { Sentence } from '../types.ts';
import { STRENGTH, intersect, lowerBound, upperBound, width, normalize, type Constraint, type DaySet } from './constraint.ts';
import { WEEKDAYS, WEEKDAY_SRC, WEEKDAY_NAMES, weekdayOf } from './calendar.ts';
import { ure } from './text.ts';
import { hasFutureVerb } from './tense.ts';

/** Windows wider than this are left alone by weekday reasoning. */
export const NARROW_DAYS = 14;

const PUB_DAY_RE = ure(
  new RegExp(
    `\\b(aujourd'hui|hier|avant-hier|demain)\\s*,?\\s*(?:ce\\s+)?(${WEEKDAY_SRC})\\b|\\b(${WEEKDAY_SRC})\\s*,?\\s*(?:c'est-à-dire\\s+)?(hier|aujourd'hui|avant-hier)\\b`,
    'gi',
  ),
);
const BARE_RE = ure(new RegExp(`\\b(${WEEKDAY_SRC})(?:\\s+(dernier|prochain))?\\b(?!\\s+(?:1er|\\d))`, 'gi'));
const OFFSETS: Record<string, number> = { "aujourd'hui": 0, hier: 1, 'avant-hier': 2, demain: -1 };

export const HAS_WEEKDAY_RE = ure(new RegExp(`\\b${WEEKDAY_SRC}\\b`, 'i'));

/**
 * Which days d of `window` satisfy "the weekday wd lies in [d + from, d + to]".
 * Returns the filtered set.
 */
function filterDays(window: DaySet, pred: (d: number) => boolean): DaySet {
  const iv: [number, number][] = [];
  for (const [a, b] of window) for (let d = a; d <= b; d++) if (pred(d)) iv.push([d, d]);
  return normalize(iv);
}

function hasWeekdayIn(d0: number, d1: number, wd: number): boolean {
  for (let d = d0; d <= d1; d++) if (weekdayOf(d) === wd) return true;
  return false;
}

export function weekdayConstraints(sentences: Sentence[], window: DaySet): Constraint[] {
  const out: Constraint[] = [];
  if (!window.length || !Number.isFinite(lowerBound(window)) || !Number.isFinite(upperBound(window)) || width(window) > NARROW_DAYS) return out;
  for (const s of sentences) {
    if (!HAS_WEEKDAY_RE.test(s.text)) continue;
    const lower = s.text.toLowerCase();
    let m: RegExpExecArray | null;
    const used: [number, number][] = [];
    let future: boolean | undefined; // the sentence's tense: read once, not once per weekday it names
    const sentenceFuture = () => (future ??= hasFutureVerb(lower));
    PUB_DAY_RE.lastIndex = 0;
    while ((m = PUB_DAY_RE.exec(lower))) {
      const word = (m[1] ?? m[4]).toLowerCase();
      const wd = WEEKDAYS[(m[2] ?? m[3]).toLowerCase()];
      const pubWd = (wd + OFFSETS[word] + 7) % 7;
      used.push([m.index, m.index + m[0].length]);
      out.push({
        set: filterDays(window, (d) => weekdayOf(d) === pubWd),
        strength: STRENGTH.weekday,
        evidence: { text: s.text, offset: s.start, rule: 'relative-weekday' },
        match: { text: s.text.slice(m.index, m.index + m[0].length), offset: s.start + m.index },
        note: `published on a ${WEEKDAY_NAMES[pubWd]}`,
      });
    }
    BARE_RE.lastIndex = 0;
    while ((m = BARE_RE.exec(lower))) {
      if (used.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
      const wd = WEEKDAYS[m[1]];
      const mod = m[2];
      const ahead = mod === 'prochain' || (!mod && sentenceFuture());
      // Where the weekday can lie relative to publication day d.
      const [from, to] = mod === 'dernier' ? [-7, -1] : mod === 'prochain' ? [1, 7] : ahead ? [0, 6] : [-6, 0];
      const set = filterDays(window, (d) => hasWeekdayIn(d + from, d + to, wd));
      if (set.length === window.length && intersect(set, window).every((iv, i) => iv[0] === window[i][0] && iv[1] === window[i][1])) continue; // vacuous
      out.push({
        set,
        strength: STRENGTH.weekday,
        evidence: { text: s.text, offset: s.start, rule: 'relative-weekday' },
        match: { text: s.text.slice(m.index, m.index + m[0].length), offset: s.start + m.index },
        note: `${m[0]} (${ahead ? 'ahead' : 'past'})`,
      });
    }
  }
  return out;
}
