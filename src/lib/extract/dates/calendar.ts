/**
 * UTC calendar arithmetic on "day numbers" (days since 1970-01-01). Pure, no clock access:
 * nothing here ever looks at today's date.
 */

/** Day number of a calendar date (month 1–12). */
export function dayNum(y: number, m: number, d: number): number {
  // Days from civil (H. Hinnant): pure integer arithmetic, no Date allocation.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1];
}

/** Calendar parts of a day number. */
export function ymdOf(n: number): { y: number; m: number; d: number } {
  // Civil from days (H. Hinnant).
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad2 = (x: number): string => (x < 10 ? '0' + x : String(x));

/** "YYYY-MM-DD" of a day number. */
export function iso(n: number): string {
  const { y, m, d } = ymdOf(n);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Parses a strict "YYYY-MM-DD" into a day number, or null. */
export function parseIso(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  return isValidDate(y, mo, d) ? dayNum(y, mo, d) : null;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Adds calendar months, clamping the day to the end of the target month. */
export function addMonths(n: number, months: number): number {
  const { y, m, d } = ymdOf(n);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return dayNum(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function firstOfMonth(y: number, m: number): number {
  return dayNum(y, m, 1);
}

export function lastOfMonth(y: number, m: number): number {
  return dayNum(y, m, daysInMonth(y, m));
}

/** French month names and abbreviations, keyed in lower case (with and without accents). */
export const MONTHS: Record<string, number> = {
  janvier: 1,
  'janv.': 1,
  janv: 1,
  février: 2,
  fevrier: 2,
  'févr.': 2,
  'fevr.': 2,
  févr: 2,
  fevr: 2,
  mars: 3,
  avril: 4,
  'avr.': 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  'juil.': 7,
  juil: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  'sept.': 9,
  sept: 9,
  octobre: 10,
  'oct.': 10,
  oct: 10,
  novembre: 11,
  'nov.': 11,
  nov: 11,
  décembre: 12,
  decembre: 12,
  'déc.': 12,
  'dec.': 12,
  déc: 12,
  dec: 12,
};

/** Regex source matching one month name (longest alternatives first). */
export const MONTH_SRC =
  '(?:janvier|janv\\.?|f[ée]vrier|f[ée]vr\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[uû]t|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?)(?![\\p{L}])';

export function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace('û', 'u');
  return MONTHS[w] ?? MONTHS[w.replace(/\.$/, '')] ?? MONTHS[w + '.'];
}

/** French weekday names → 0 (Sunday) … 6. */
export const WEEKDAYS: Record<string, number> = {
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};
export const WEEKDAY_SRC = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
export const WEEKDAY_NAMES = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** Day of month from "1er" / "18". */
export function dayOfMonth(s: string): number {
  return parseInt(s, 10);
}
