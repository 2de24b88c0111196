/**
 * A small French date scanner (faster and more predictable than a general parser for what this
 * stage needs): full dates "18 janvier 2024", "1er mars 2023", "18/01/2024", "18.01.2024";
 * month + year "septembre 2022"; years after a preposition "en 2023", "depuis 2014".
 * Year-less "18 août" is found by yearless.ts.
 *
 * Why not chrono-node's French parser (read: locales/fr in chrono-node 2.10): it has no
 * month + year ("septembre 2022") or bare-year patterns, its weekday dictionary includes the
 * abbreviations "mer", "jeu", "mar" (so "la mer Noire", "en jeu" read as weekdays), it ignores
 * "dernier" after a date and guesses the closest year to a reference, and it works in local time.
 * A month table and four regexes are enough here and far cheaper per article.
 */
import { MONTH_SRC, WEEKDAY_SRC, dayNum, isValidDate, monthOf, daysInMonth } from './calendar.ts';
import { ure } from './text.ts';

export interface FoundDate {
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  text: string;
  kind: 'day' | 'month' | 'year';
  y: number;
  m: number | null;
  d: number | null;
  /** First and last day the expression covers, as day numbers. */
  from: number;
  to: number;
}

const YEAR = '((?:19[5-9]|20[0-9])\\d)';

const DAY_RE = ure(
  new RegExp(`\\b(?:${WEEKDAY_SRC}\\s+)?(1er|\\d{1,2})(?:\\s*(?:et|au|-|–)\\s*(?:1er|\\d{1,2}))?\\s+(${MONTH_SRC})(?:,)?\\s+${YEAR}\\b`, 'gi'),
);
const NUMERIC_RE = /(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.]\d)/g;
const MONTH_YEAR_RE = ure(new RegExp(`\\b(${MONTH_SRC})\\s+${YEAR}\\b`, 'gi'));
const YEAR_RE = /(?<![\d/.,-])((?:19[5-9]|20[0-4])\d)(?![\d]|[.,/]\d)/g;
/** A bare year only counts after a preposition-like word ("en 2023", "depuis 2014", "fin 2022"). */
const YEAR_LEAD_RE = ure(
  /(?:\ben|\bdepuis|\bde|\bd'|\bdès|\bavant|\baprès|\bfin|\bdébut|\bmi-|\bcourant|\bannée|\ban|\bjusqu'en|\bici|\bpour|\bpartir de|\bentre|\bet|\bprintemps|\bété|\bautomne|\bhiver|\bl'|\bau)\s*$/i,
);

/** Quick test: can this text contain an explicit date with a year? */
export const HAS_YEAR_RE = /(?:19[5-9]|20[0-9])\d/;

export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const push = (f: FoundDate) => {
    out.push(f);
    taken.push([f.start, f.end]);
  };
  let m: RegExpExecArray | null;

  DAY_RE.lastIndex = 0;
  while ((m = DAY_RE.exec(text))) {
    const d = parseInt(m[1], 10);
    const mo = monthOf(m[2]);
    const y = +m[3];
    if (!mo || !isValidDate(y, mo, d)) continue;
    const n = dayNum(y, mo, d);
    push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'day', y, m: mo, d, from: n, to: n });
  }
  NUMERIC_RE.lastIndex = 0;
  while ((m = NUMERIC_RE.exec(text))) {
    const d = +m[1],
      mo = +m[3],
      y = +m[4];
    if (!isValidDate(y, mo, d) || !free(m.index, m.index + m[0].length)) continue;
    const n = dayNum(y, mo, d);
    push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'day', y, m: mo, d, from: n, to: n });
  }
  MONTH_YEAR_RE.lastIndex = 0;
  while ((m = MONTH_YEAR_RE.exec(text))) {
    const mo = monthOf(m[1]);
    const y = +m[2];
    if (!mo || !free(m.index, m.index + m[0].length)) continue;
    push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: 'month',
      y,
      m: mo,
      d: null,
      from: dayNum(y, mo, 1),
      to: dayNum(y, mo, daysInMonth(y, mo)),
    });
  }
  YEAR_RE.lastIndex = 0;
  while ((m = YEAR_RE.exec(text))) {
    const s = m.index,
      e = s + m[0].length;
    if (!free(s, e)) continue;
    if (!YEAR_LEAD_RE.test(text.slice(Math.max(0, s - 14), s))) continue;
    const y = +m[1];
    push({ start: s, end: e, text: m[0], kind: 'year', y, m: null, d: null, from: dayNum(y, 1, 1), to: dayNum(y, 12, 31) });
  }
  return out.sort((a, b) => a.start - b.start);
}
