/**
 * Rule (b) — a stated publication date: a dateline "PARIS, 18 janvier 2024 (AFP) -",
 * "Kiev, le 3 mars 2023 —", "Publié le 18/01/2024 à 14h05", "Mis à jour le …", or a line that
 * is only a date ("18.01.2024", "Le 18 janvier 2024 à 10:15") at the start or end of the text.
 */
import type { Evidence } from '../types.ts';
import { MONTH_SRC, WEEKDAY_SRC, dayNum, isValidDate, monthOf } from './calendar.ts';
import { ure } from './text.ts';

export interface Dateline {
  day: number;
  evidence: Evidence;
  match: { text: string; offset: number };
}

const DATE_SRC = `(?:(1er|\\d{1,2})\\s+(${MONTH_SRC})\\s+(\\d{4})|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}))`;
const TIME_SRC = `(?:\\s*(?:,|à|-|–)?\\s*\\d{1,2}\\s*(?:h|:)\\s*\\d{0,2}(?:\\s*min)?)?`;

/** "RAMSTEIN (Allemagne), …": an optional parenthesised region or country after the city. */
const REGION_SRC = `(?:\\s*\\([\\p{L}'’ .-]{2,30}\\))?`;

/** "Publié le …" / "Mis à jour le …": anywhere in a start/end line. */
const PUBLISHED_RE = ure(
  new RegExp(
    `\\b(publié|publiée|mis en ligne|mise en ligne|mis à jour|mise à jour|modifié|actualisé|date de publication)\\s*(?:le)?\\s*:?\\s*(?:${WEEKDAY_SRC}\\s+)?${DATE_SRC}`,
    'i',
  ),
);
const PUBLISHED_QUICK_RE = /publi|mise? à jour|mise? en ligne|modifi|actualis|date de/i;
/** "PARIS, 18 janvier 2024 (AFP) -" / "Kiev, le 3 mars 2023 —" at the start of a line. */
const CITY_RE = ure(
  new RegExp(
    `^\\s*([A-ZÀ-Ý][\\p{L}'’ -]{1,40}?)${REGION_SRC}\\s*,?\\s+(?:le\\s+)?(?:${WEEKDAY_SRC}\\s+)?${DATE_SRC}${TIME_SRC}\\s*(?:\\(([^)]{1,40})\\))?\\s*[-–—:]`,
    'iu',
  ),
);
/** A line that is only a date (optionally "Le", weekday, time). */
const BARE_RE = ure(new RegExp(`^\\s*(?:le\\s+)?(?:${WEEKDAY_SRC}\\s*,?\\s+)?${DATE_SRC}${TIME_SRC}\\s*$`, 'i'));
/** ISO date line "2024-01-18". */
const ISO_RE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s*$/;

function dateOf(m: RegExpExecArray, base: number): number | null {
  let y: number, mo: number | undefined, d: number;
  if (m[base]) {
    d = parseInt(m[base], 10);
    mo = monthOf(m[base + 1]);
    y = +m[base + 2];
  } else {
    d = +m[base + 3];
    mo = +m[base + 4];
    y = +m[base + 5];
  }
  if (!mo || !isValidDate(y, mo, d)) return null;
  return dayNum(y, mo, d);
}

/** Where the date of a city dateline must start, and how much of the line its regex reads. */
const DATELINE_DIGIT_MAX = 100;
const DATELINE_PREFIX = 200;
/** A date-only line is short. */
const BARE_MAX = 80;

/** How many non-empty lines at each end of the text are searched. */
const EDGE_LINES = 3;

export function findDateline(body: string): Dateline | null {
  // Only the first EDGE_LINES non-empty lines and the last EDGE_LINES after them are read: walk in
  // from both ends instead of splitting the whole body.
  const head: { text: string; offset: number }[] = [];
  let off = 0;
  while (head.length < EDGE_LINES && off <= body.length) {
    let nl = body.indexOf('\n', off);
    if (nl < 0) nl = body.length;
    const text = body.slice(off, nl);
    if (text.trim()) head.push({ text, offset: off });
    off = nl + 1;
  }
  const tail: { text: string; offset: number }[] = [];
  if (head.length === EDGE_LINES) {
    const floor = head[EDGE_LINES - 1].offset;
    let end = body.length;
    while (tail.length < EDGE_LINES) {
      const start = body.lastIndexOf('\n', end - 1) + 1;
      if (start <= floor) break;
      const text = body.slice(start, end);
      if (text.trim()) tail.unshift({ text, offset: start });
      end = start - 1;
    }
  }
  let updated: Dateline | null = null;
  for (const line of [...head, ...tail]) {
    const t = line.text;
    // Every pattern below needs a four-digit year: a line without one is skipped in one scan.
    if (!/\d{4}/.test(t)) continue;
    let m = PUBLISHED_QUICK_RE.test(t) ? PUBLISHED_RE.exec(t) : null;
    if (m) {
      const d = dateOf(m, 2);
      if (d !== null) {
        const hit: Dateline = {
          day: d,
          evidence: { text: t, offset: line.offset, rule: /^(publi|date|mise? en ligne)/i.test(m[1]) ? 'dateline-published' : 'dateline-updated' },
          match: { text: m[0], offset: line.offset + m.index },
        };
        if (hit.evidence.rule === 'dateline-published') return hit;
        updated ??= hit;
        continue;
      }
    }
    const isHead = head.includes(line);
    // A dateline states its date within the first ~100 characters: match on that prefix only.
    const firstDigit = t.search(/\d/);
    if (isHead && firstDigit >= 0 && firstDigit <= DATELINE_DIGIT_MAX && (m = CITY_RE.exec(t.slice(0, DATELINE_PREFIX)))) {
      const d = dateOf(m, 2);
      if (d !== null) return { day: d, evidence: { text: t, offset: line.offset, rule: 'dateline' }, match: { text: m[0], offset: line.offset + m.index } };
    }
    if (t.length <= BARE_MAX && (m = BARE_RE.exec(t))) {
      const d = dateOf(m, 1);
      if (d !== null)
        return {
          day: d,
          evidence: { text: t, offset: line.offset, rule: 'dateline' },
          match: { text: m[0].trim(), offset: line.offset + t.indexOf(m[0].trim()) },
        };
    }
    if ((m = ISO_RE.exec(t)) && isValidDate(+m[1], +m[2], +m[3])) {
      return {
        day: dayNum(+m[1], +m[2], +m[3]),
        evidence: { text: t, offset: line.offset, rule: 'dateline' },
        match: { text: t.trim(), offset: line.offset + t.indexOf(t.trim()) },
      };
    }
  }
  return updated;
}

/* ---------- Year-less datelines ---------- */

export interface YearlessDateline {
  month: number;
  day: number;
  evidence: Evidence;
  match: { text: string; offset: number };
}

/**
 * "Kyiv, le 21 novembre (Ukrinform). …", "KIEV, 3 mars (AFP) -", "Bruxelles, mardi 12 mars —":
 * a dateline that gives the day and month but no year. It needs an agency mark in parentheses or
 * a dash/colon after the date, so prose such as "Kiev, le 21 novembre, les alliés…" is not read.
 */
const YEARLESS_CITY_RE = ure(
  new RegExp(
    `^\\s*([A-ZÀ-Ý][\\p{L}'’ -]{1,40}?)${REGION_SRC}\\s*,\\s+(?:le\\s+)?(?:${WEEKDAY_SRC}\\s+)?(1er|\\d{1,2})\\s+(${MONTH_SRC})(?!\\s*,?\\s*\\d)${TIME_SRC}\\s*(?:(\\([^()]{2,40}\\))\\s*[-–—:.]|[-–—:])\\s`,
    'iu',
  ),
);
const YEARLESS_QUICK_RE = /^\s*\S[^\n]{0,60}?,\s+(?:le\s+)?(?:\p{L}+\s+)?(?:1er|\d{1,2})\s/iu;

/** A year-less dateline in the first lines of the body (see YEARLESS_CITY_RE), or null. */
export function findYearlessDateline(body: string): YearlessDateline | null {
  let seen = 0;
  for (let lineOffset = 0; lineOffset <= body.length;) {
    const nl = body.indexOf('\n', lineOffset);
    const end = nl < 0 ? body.length : nl;
    const text = body.slice(lineOffset, end);
    const here = lineOffset;
    lineOffset = end + 1;
    if (!text.trim()) continue;
    if (++seen > EDGE_LINES) break;
    const firstDigit = text.search(/\d/);
    if (firstDigit < 0 || firstDigit > DATELINE_DIGIT_MAX) continue;
    const prefix = text.slice(0, DATELINE_PREFIX);
    if (!YEARLESS_QUICK_RE.test(prefix)) continue;
    const m = YEARLESS_CITY_RE.exec(prefix);
    if (!m) continue;
    const mo = monthOf(m[3]);
    const d = parseInt(m[2], 10);
    if (!mo || !isValidDate(2024, mo, d)) continue;
    const matched = m[0].trimEnd();
    return {
      month: mo,
      day: d,
      evidence: { text, offset: here, rule: 'dateline-yearless' },
      match: { text: matched, offset: here + m.index },
    };
  }
  return null;
}
