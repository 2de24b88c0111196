/** Rule (a) — a date given in frontmatter: "2024-01-18" (day), "2024-03" (month), "2024" (year). */
import type { DateWindow } from '../types.ts';
import { dayNum, daysInMonth, isValidDate, iso } from './calendar.ts';

export function fromFrontmatter(raw: string | null | undefined): DateWindow | null {
  if (!raw) return null;
  const s = String(raw).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const [y, mo, d] = m[0].includes('/') ? [+m[3], +m[2], +m[1]] : [+m[1], +m[2], +m[3]];
    if (!isValidDate(y, mo, d)) return null;
    const v = iso(dayNum(y, mo, d));
    return { value: v, earliest: v, latest: v, precision: 'day', basis: 'frontmatter', evidence: [] };
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) {
    const y = +m[1],
      mo = +m[2];
    if (!isValidDate(y, mo, 1)) return null;
    const e = dayNum(y, mo, 1),
      l = dayNum(y, mo, daysInMonth(y, mo));
    return { value: iso(Math.floor((e + l) / 2)), earliest: iso(e), latest: iso(l), precision: 'month', basis: 'frontmatter', evidence: [] };
  }
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = +m[1];
    if (!isValidDate(y, 1, 1)) return null;
    const e = dayNum(y, 1, 1),
      l = dayNum(y, 12, 31);
    return { value: iso(Math.floor((e + l) / 2)), earliest: iso(e), latest: iso(l), precision: 'year', basis: 'frontmatter', evidence: [] };
  }
  return null;
}
