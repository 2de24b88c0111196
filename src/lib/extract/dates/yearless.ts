/**
 * Rule 4 — dates without a year.
 * - "le 18 août dernier", "en août dernier": the most recent 18 August before publication.
 *   Alone this never narrows the window (every day has a most recent 18 August); once the window
 *   is known, the referent is resolved when it is the same for every day of the window, and the
 *   fact is kept as evidence. (chrono-node ignores "dernier" and picks the closest year: wrong.)
 * - "jeudi 18 janvier" (weekday + day + month): only some years have 18 January on a Thursday,
 *   and a year-less date in news lies within a year of publication ⇒ a real constraint.
 */
import type { Sentence } from '../types.ts';
import { STRENGTH, intersect, normalize, lowerBound, upperBound, type Constraint, type DaySet } from './constraint.ts';
import { MONTH_SRC, WEEKDAYS, WEEKDAY_SRC, addMonths, dayNum, isValidDate, iso, monthOf, weekdayOf, ymdOf, lastOfMonth } from './calendar.ts';
import { dateContext } from './tense.ts';
import { ure } from './text.ts';
import { G_DERNI, G_MONTH } from './families.ts';

const DERNIER_DAY_RE = ure(new RegExp(`\\b(?:(${WEEKDAY_SRC})\\s+)?(1er|\\d{1,2})\\s+(${MONTH_SRC})\\s+derni(?:er|ère)\\b`, 'gi'));
const DERNIER_MONTH_RE = ure(new RegExp(`\\b(?:en|au mois d[e']|d[e']|depuis)\\s*(${MONTH_SRC})\\s+derni(?:er|ère)\\b`, 'gi'));
const WEEKDAY_DAY_RE = ure(new RegExp(`\\b(${WEEKDAY_SRC})\\s+(1er|\\d{1,2})\\s+(${MONTH_SRC})\\b(?!\\s*,?\\s*(?:19|20)\\d\\d)(?!\\s+derni)`, 'gi'));

/** Folded prefixes of the month names (MONTH_SRC): every month name starts with one. */
export const MONTH_PREFIXES = ['janv', 'fevr', 'mars', 'avr', 'mai', 'juin', 'juil', 'aout', 'sept', 'oct', 'nov', 'dec'] as const;
/** Cheap prefilter: a day number ("18", "1er") followed by a month name, accented or not. */
export const HAS_MONTH_RE = new RegExp(`\\d(?:er)?\\s+(?:${MONTH_PREFIXES.map((p) => p.replace(/e/g, '[eé]').replace(/u/g, '[uû]')).join('|')})`, 'i');
/** What "dernier", "dernière" share (resolveDernier's prefilter). */
export const DERNIER_MARKER = 'derni';
const DERNIER_QUICK_RE = new RegExp(DERNIER_MARKER, 'i');

const YEARS_MIN = 1990;
const YEARS_MAX = 2100;

/** Day numbers of (d, m) in every year of [y0, y1] where it exists (and falls on `wd` if given). */
function occurrences(d: number, m: number, wd: number | null, y0 = YEARS_MIN, y1 = YEARS_MAX): number[] {
  const out: number[] = [];
  for (let y = y0; y <= y1; y++) {
    if (!isValidDate(y, m, d)) continue;
    const n = dayNum(y, m, d);
    if (wd === null || weekdayOf(n) === wd) out.push(n);
  }
  return out;
}

/** Constraints that hold without knowing the window: weekday-pinned year-less dates. */
export function yearlessConstraints(sentences: Sentence[], gates: Uint8Array | null = null): Constraint[] {
  const out: Constraint[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (gates !== null && (gates[i] & G_MONTH) === 0) continue; // no month word (gate.ts)
    if (!HAS_MONTH_RE.test(s.text)) continue;
    const lower = s.text.toLowerCase();
    for (const re of [DERNIER_DAY_RE, WEEKDAY_DAY_RE]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s.text))) {
        if (!m[1]) continue; // no weekday: handled by resolveDernier once the window is known
        const wd = WEEKDAYS[m[1].toLowerCase()];
        const d = parseInt(m[2], 10);
        const mo = monthOf(m[3]);
        if (!mo) continue;
        const dernier = re === DERNIER_DAY_RE;
        const ctx = dernier ? 'past' : dateContext(lower, m.index, m.index + m[0].length);
        const iv: [number, number][] = occurrences(d, mo, wd).map((r) =>
          ctx === 'past' ? [r + (dernier ? 1 : 0), addMonths(r, 12)] : ctx === 'future' ? [addMonths(r, -12), r] : [addMonths(r, -12), addMonths(r, 12)],
        );
        if (!iv.length) continue;
        const occ = occurrences(d, mo, wd);
        out.push({
          set: normalize(iv),
          strength: STRENGTH.yearlessWeekday,
          evidence: { text: s.text, offset: s.start, rule: 'yearless-weekday' },
          match: { text: m[0], offset: s.start + m.index },
          note: `${ctx}`,
          // A reported day of the article's own time ("lundi 19 juin"): the estimate follows it.
          // Dated with its weekday, the day is the article's own (past or just ahead): no lag.
          clue: { days: occ, span: 0, strong: true, sentence: s.start, lag: 0 },
        });
        // The press names the weekday of a date only within the days around it ("a annoncé lundi
        // 19 juin"): a weak fact, dropped when anything stronger disagrees.
        if (!dernier) {
          const w = WEEKDAY_DATE_REACH_DAYS;
          out.push({
            set: normalize(occ.map((r): [number, number] => (ctx === 'past' ? [r, r + w] : ctx === 'future' ? [r - w, r] : [r - w, r + w]))),
            strength: STRENGTH.weekdayDateNear,
            evidence: { text: s.text, offset: s.start, rule: 'weekday-date-near' },
            match: { text: m[0], offset: s.start + m.index },
            note: `${ctx}, within ${w} days`,
          });
        }
      }
    }
  }
  return out;
}

/** How far from a date named with its weekday ("lundi 19 juin") the article that names it appears. */
export const WEEKDAY_DATE_REACH_DAYS = 14;

/** How long after a day (a month) the press still calls it "le 18 août dernier" ("en août dernier"). */
export const DERNIER_REACH_MONTHS = { day: 6, month: 10 } as const;

const PLAIN_DAY_RE = ure(
  new RegExp(`\\b(?:le\\s+|du\\s+|au\\s+|depuis le\\s+)(1er|\\d{1,2})\\s+(${MONTH_SRC})(?!\\s*,?\\s*(?:(?:19|20)\\d\\d|derni|prochain))`, 'gi'),
);

/**
 * "le 23 mai" (no year, no weekday) reported as past or neutral: no bound by itself, but a clue
 * for the estimate, resolved to the occurrence the window and the other facts allow (estimate.ts).
 */
export function plainYearlessClues(sentences: Sentence[], gates: Uint8Array | null = null): Constraint[] {
  const out: Constraint[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (gates !== null && (gates[i] & G_MONTH) === 0) continue;
    if (!HAS_MONTH_RE.test(s.text)) continue;
    const lower = s.text.toLowerCase();
    PLAIN_DAY_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PLAIN_DAY_RE.exec(s.text))) {
      const mo = monthOf(m[2]);
      const d = parseInt(m[1], 10);
      if (!mo) continue;
      const ctx = dateContext(lower, m.index, m.index + m[0].length);
      if (ctx === 'future' || ctx === 'ambiguous') continue;
      const occ = occurrences(d, mo, null);
      if (!occ.length) continue;
      out.push({
        set: [[-Infinity, Infinity]],
        strength: STRENGTH.yearlessDernier,
        evidence: { text: s.text, offset: s.start, rule: 'yearless-date' },
        match: { text: m[0], offset: s.start + m.index },
        note: ctx,
        clue: { days: occ, span: 0, strong: true, sentence: s.start },
      });
    }
  }
  return out;
}

/**
 * "le 18 août dernier" against the window found so far. Returns one constraint per expression:
 * when the referent is the same for every day of the window, set = (R, R + 1 year] with the
 * resolved date in `note`; otherwise an evidence-only constraint (set = everything).
 */
export function resolveDernier(sentences: Sentence[], window: DaySet, gates: Uint8Array | null = null): Constraint[] {
  const out: Constraint[] = [];
  const lo = lowerBound(window),
    hi = upperBound(window);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (gates !== null && (gates[i] & G_DERNI) === 0) continue; // no "derni…" word (gate.ts)
    if (!DERNIER_QUICK_RE.test(s.text)) continue;
    for (const re of [DERNIER_DAY_RE, DERNIER_MONTH_RE]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s.text))) {
        const isDay = re === DERNIER_DAY_RE;
        if (isDay && m[1]) continue; // weekday-pinned: yearlessConstraints
        const mo = monthOf(isDay ? m[3] : m[1]);
        if (!mo) continue;
        const d = isDay ? parseInt(m[2], 10) : 1;
        let set: DaySet = [[-Infinity, Infinity]];
        let note = 'unresolved: the window does not fix the year';
        let refs: number[] = [];
        if (Number.isFinite(lo) && Number.isFinite(hi)) {
          // Most recent occurrence strictly before a day (for a month: the month's last day before it).
          const lastBefore = (day: number): number | null => {
            const { y } = ymdOf(day);
            for (let yy = y; yy >= y - 2; yy--) {
              if (!isValidDate(yy, mo, isDay ? d : 1)) continue;
              const ref = isDay ? dayNum(yy, mo, d) : lastOfMonth(yy, mo);
              if (isDay ? ref < day : dayNum(yy, mo, 1) < day) return isDay ? ref : dayNum(yy, mo, 1);
            }
            return null;
          };
          const rLo = lastBefore(lo),
            rHi = lastBefore(hi);
          if (rLo !== null && rLo === rHi) {
            set = [[rLo + 1, addMonths(rLo, isDay ? 12 : 13) - (isDay ? 0 : 1)]];
            note = `refers to ${isDay ? iso(rLo) : iso(rLo).slice(0, 7)}`;
          } else {
            // The press says "le 18 août dernier" of a recent day: each occurrence allows the
            // days up to DERNIER_REACH_MONTHS after it; those the window keeps may fix the year.
            const options: [number, number][] = [];
            for (let y = ymdOf(lo).y - 1; y <= ymdOf(hi).y; y++) {
              if (!isValidDate(y, mo, d)) continue;
              const ref = dayNum(y, mo, d);
              const from = isDay ? ref + 1 : lastOfMonth(y, mo) - 27; // "en août dernier" may be said late in August
              const to = addMonths(ref, isDay ? DERNIER_REACH_MONTHS.day : DERNIER_REACH_MONTHS.month);
              if (intersect([[from, to]], window).length) options.push([ref, to]);
            }
            if (options.length && options.length < 3) {
              set = normalize(options.map(([ref, to]): [number, number] => [isDay ? ref + 1 : lastOfMonth(ymdOf(ref).y, mo) - 27, to]));
              refs = options.map(([ref]) => ref);
              note = `refers to ${refs.map((r) => (isDay ? iso(r) : iso(r).slice(0, 7))).join(' or ')} (said within ${isDay ? DERNIER_REACH_MONTHS.day : DERNIER_REACH_MONTHS.month} months)`;
            }
          }
        }
        if (!refs.length && Number.isFinite(set[0][0])) refs = [set[0][0] - 1];
        out.push({
          ...(isDay && refs.length && { clue: { days: refs, span: 0, strong: false, sentence: s.start } }),
          set,
          strength: STRENGTH.yearlessDernier,
          evidence: { text: s.text, offset: s.start, rule: 'yearless-dernier' },
          match: { text: m[0], offset: s.start + m.index },
          note,
        });
      }
    }
  }
  return out;
}
