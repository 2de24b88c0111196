/**
 * Rule 1 — explicit dates with a year reported as past ("le 24 février 2022", "en septembre
 * 2022", "depuis 2014") ⇒ the article was written on or after them.
 * - day / month dates count when their clause is past or verbless (neutral);
 * - a year alone counts only when clearly past (weak otherwise: "en 2024" may be a plan);
 * - planned / target dates ("d'ici 2026", "produire … en 2024", "prévu le …") never count.
 */
import type { Sentence } from '../types.ts';
import { STRENGTH, type Constraint } from './constraint.ts';
import { HAS_YEAR_RE, findDates } from './parse.ts';
import { dateContext } from './tense.ts';
import { G_YEAR } from './families.ts';
import { WEEKDAY_SRC } from './calendar.ts';
import { WEEKDAY_DATE_REACH_DAYS } from './yearless.ts';

const WEEKDAY_LEAD_RE = new RegExp(`^${WEEKDAY_SRC}\\s`, 'i');

/** `gates` (gate.ts, one entry per sentence) lets sentences without a year-like word be skipped unscanned. */
export function explicitDateConstraints(sentences: Sentence[], gates: Uint8Array | null = null): Constraint[] {
  const out: Constraint[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (gates !== null && (gates[i] & G_YEAR) === 0) continue;
    if (!HAS_YEAR_RE.test(s.text)) continue;
    const found = findDates(s.text);
    if (!found.length) continue;
    const lower = s.text.toLowerCase();
    for (const f of found) {
      const ctx = dateContext(lower, f.start, f.end);
      const usable = f.kind === 'year' ? ctx === 'past' : ctx === 'past' || ctx === 'neutral';
      if (!usable) continue;
      out.push({
        set: [[f.from, Infinity]],
        strength: f.kind === 'day' ? STRENGTH.explicitDay : f.kind === 'month' ? STRENGTH.explicitMonth : STRENGTH.explicitYear,
        evidence: { text: s.text, offset: s.start, rule: `explicit-${f.kind === 'day' ? 'date' : f.kind}` },
        match: { text: f.text, offset: s.start + f.start },
        note: ctx,
        // A day or month the article reports: the article most likely follows it closely.
        // (With its weekday, "lundi 19 juin 2023", the day is the article's own: no lag.)
        ...(f.kind !== 'year' && {
          clue: { days: [f.from], span: f.to - f.from, strong: f.kind === 'day', sentence: s.start, ...(WEEKDAY_LEAD_RE.test(f.text) && { lag: 0 }) },
        }),
      });
      // Named with its weekday, a day is written about within the days after it (yearless.ts:
      // WEEKDAY_DATE_REACH_DAYS); a weak fact, dropped when anything stronger disagrees.
      if (f.kind === 'day' && WEEKDAY_LEAD_RE.test(f.text)) {
        out.push({
          set: [[f.from, f.from + WEEKDAY_DATE_REACH_DAYS]],
          strength: STRENGTH.weekdayDateNear,
          evidence: { text: s.text, offset: s.start, rule: 'weekday-date-near' },
          match: { text: f.text, offset: s.start + f.start },
          note: `${ctx}, within ${WEEKDAY_DATE_REACH_DAYS} days`,
        });
      }
    }
  }
  return out;
}
