/**
 * Publication dates as the reader sees them: with their precision (exact day, "≈ avril 2024",
 * a range) and a machine-readable `datetime` for <time>. Always formatted in UTC.
 */
import type { Article } from '../../content.config.ts';
import { locale, t } from '../../i18n/index.ts';

type DateWindow = Article['date'];

const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Every listing prints dates of the same few thousand days: format each once per build
// (Intl formatting showed ~0.5 s self time at 1k articles).
const days = new Map<string, string>();
const months = new Map<string, string>();

/** "12 avril 2024" (1er for the first of the month, as French prints it). */
export function formatDay(iso: string): string {
  let text = days.get(iso);
  if (text === undefined) {
    text = dayFormat.format(utc(iso));
    if (iso.endsWith('-01')) text = text.replace(/^1 /, '1er ');
    days.set(iso, text);
  }
  return text;
}

/** "avril 2024" from "2024-04" or "2024-04-15". */
export function formatMonth(isoMonth: string): string {
  const key = isoMonth.slice(0, 7);
  let text = months.get(key);
  if (text === undefined) months.set(key, (text = monthFormat.format(utc(`${key}-01`))));
  return text;
}

/** One <time> element's worth: what to print and its datetime attribute. */
export interface TimePart {
  text: string;
  datetime: string;
}

/** How to show a date window: a prefix/infix template and one or two <time> parts. */
export interface DisplayDate {
  /** Parts to print as <time>, in order. */
  parts: TimePart[];
  /** The full text (for titles, feeds, meta). */
  text: string;
  /** Template with {0} and {1} standing for the parts. */
  template: string;
}

// An article's date shows on its page and in every listing naming it (~16 places per article).
const displayed = new WeakMap<DateWindow, DisplayDate>();

export function displayDate(date: DateWindow): DisplayDate {
  let shown = displayed.get(date);
  if (!shown) displayed.set(date, (shown = describeDate(date)));
  return shown;
}

function describeDate(date: DateWindow): DisplayDate {
  const best = date.value ?? date.earliest ?? date.latest;
  const make = (template: string, parts: TimePart[]): DisplayDate => ({
    parts,
    template,
    text: template.replace(/\{(\d)\}/g, (_, i: string) => parts[Number(i)].text),
  });
  if (date.precision === 'unknown' || !best) return make(t('date.unknown'), []);
  // Only the archive period bounds it: said as undated, with the period as its window.
  if (date.basis === 'period' && date.earliest && date.latest) {
    return make(t('date.periodOnly', { start: '{0}', end: '{1}' }), [
      { text: formatDay(date.earliest), datetime: date.earliest },
      { text: formatDay(date.latest), datetime: date.latest },
    ]);
  }
  if (date.precision === 'day') return make('{0}', [{ text: formatDay(best), datetime: best }]);
  if (date.precision === 'month') return make(t('date.approx', { date: '{0}' }), [{ text: formatMonth(best), datetime: best.slice(0, 7) }]);
  if (date.precision === 'year') return make(t('date.approx', { date: '{0}' }), [{ text: best.slice(0, 4), datetime: best.slice(0, 4) }]);
  // range: an open side is said as such, never filled in with the estimate (false precision).
  if (date.earliest && !date.latest) return make(t('date.after', { start: '{0}' }), [{ text: formatDay(date.earliest), datetime: date.earliest }]);
  if (date.latest && !date.earliest) return make(t('date.before', { end: '{0}' }), [{ text: formatDay(date.latest), datetime: date.latest }]);
  const start = date.earliest ?? best;
  const end = date.latest ?? best;
  if (start === end) return make('{0}', [{ text: formatDay(start), datetime: start }]);
  return make(t('date.range', { start: '{0}', end: '{1}' }), [
    { text: formatDay(start), datetime: start },
    { text: formatDay(end), datetime: end },
  ]);
}

/** Sort key: best estimate, else the window's middle bound; unknown dates sort last. */
export function sortKey(date: DateWindow): string {
  return date.value ?? date.latest ?? date.earliest ?? '';
}

/** "YYYY-MM" the article is filed under in the timeline, or null when undated. */
export function monthOf(date: DateWindow): string | null {
  const best = date.value ?? date.earliest;
  if ((date.precision === 'day' || date.precision === 'month') && best) return best.slice(0, 7);
  // A wider window is not filed under its estimate's month: that would be false precision.
  if (date.precision === 'range' && date.earliest && date.latest && date.earliest.slice(0, 7) === date.latest.slice(0, 7)) {
    return date.earliest.slice(0, 7);
  }
  return null;
}

/**
 * The month an article is charted under: its own month when the date is known to the month,
 * else the month of the best estimate, flagged as estimated (the chart shows the difference).
 */
export function chartMonthOf(date: DateWindow): { month: string; estimated: boolean } | null {
  // Dated by nothing but the archive period: its estimate is a guess, not charted.
  if (date.basis === 'period') return null;
  const precise = monthOf(date);
  if (precise) return { month: precise, estimated: false };
  if (date.value && date.precision !== 'unknown') return { month: date.value.slice(0, 7), estimated: true };
  return null;
}

/** ISO timestamp for feeds and JSON-LD (noon UTC avoids day shifts in readers' time zones). */
export function isoTimestamp(date: DateWindow): string | undefined {
  const best = date.value ?? date.earliest ?? date.latest;
  return best ? `${best}T12:00:00Z` : undefined;
}
