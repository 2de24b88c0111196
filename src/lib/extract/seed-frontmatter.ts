/**
 * Seed frontmatter: an optional YAML block at the top of a seed whose fields override
 * what extraction finds (title, date, source, url, language). Bad YAML or a wrong type is
 * reported with the file, line and field, never silently ignored.
 */
import matter from 'gray-matter';
import type { Warning } from './types.ts';

export interface SeedOverrides {
  title?: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date?: string;
  source?: string;
  url?: string;
  language?: string;
}

export interface SeedSplit {
  overrides: SeedOverrides;
  /** The article text after the frontmatter block. */
  content: string;
  /** Number of lines the frontmatter block occupied (to report body line numbers). */
  frontmatterLines: number;
  errors: Warning[];
}

const FRONTMATTER_START = /^---[ \t]*\r?\n/;
const DATE_SHAPE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const KNOWN_FIELDS = ['title', 'date', 'source', 'url', 'language'] as const;

/** Line (1-based) of `field:` inside the frontmatter block, for error messages. */
function lineOfField(block: string, field: string): number | undefined {
  const lines = block.split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith(`${field}:`));
  return index >= 0 ? index + 2 : undefined; // +1 for 1-based, +1 for the opening ---
}

function isValidCalendarDate(value: string): boolean {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function dateToIso(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/* A line of the common frontmatter shape: a known field, one space, then a value on one line. */
const SIMPLE_LINE = /^(title|date|source|url|language): (.*)$/;
const SIMPLE_QUOTED = /^"[^"\\\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufeff-\uffff]*"$/;
const SIMPLE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A plain scalar that YAML can only read as this very text (no number, boolean, null, date, comment or indicator). */
const SIMPLE_PLAIN = /^(?:\p{L}|\d+ \p{L})[\p{L}\d '.\/:_&?=%+,;()~-]*$/u;
const SIMPLE_RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * What gray-matter (js-yaml 3) reads from the common frontmatter shape, without running it: only
 * when its block is the one found here and every line is `field: value` with a known field (once),
 * and a value that is double-quoted without escapes, a YYYY-MM-DD date (read as js-yaml does, a
 * UTC Date) or a plain scalar from SIMPLE_PLAIN. Anything else returns null and goes to gray-matter.
 */
export function simpleFrontmatter(text: string, block: string, closing: RegExpExecArray): Record<string, unknown> | null {
  // gray-matter's block: after "---" and the end of that line (a language name would follow it),
  // up to the first "\n---" anywhere; it must be this one.
  if (text.charCodeAt(3) !== 10 || closing[0].charCodeAt(0) !== 10 || text.indexOf('\n---', 3) !== 3 + closing.index) return null;
  const data: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    const m = SIMPLE_LINE.exec(line);
    if (!m || m[1] in data) return null;
    const value = m[2];
    if (SIMPLE_QUOTED.test(value)) data[m[1]] = value.slice(1, -1);
    else if (SIMPLE_DATE.test(value)) {
      const [, y, mo, d] = SIMPLE_DATE.exec(value)!;
      data[m[1]] = new Date(Date.UTC(+y, +mo - 1, +d));
    } else if (SIMPLE_PLAIN.test(value) && !SIMPLE_RESERVED.test(value) && !value.endsWith(' ') && !value.endsWith(':') && !value.includes(': ')) {
      data[m[1]] = value;
    } else return null;
  }
  return data;
}

/** Splits an optional YAML frontmatter block off a seed and validates its fields. */
export function splitSeedFrontmatter(text: string, file: string): SeedSplit {
  if (!FRONTMATTER_START.test(text)) {
    return { overrides: {}, content: text, frontmatterLines: 0, errors: [] };
  }
  const closing = /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(3));
  if (!closing) {
    // A line of --- at the top with no closing fence is prose, not frontmatter.
    return { overrides: {}, content: text, frontmatterLines: 0, errors: [] };
  }
  const blockEnd = 3 + closing.index;
  const block = text.slice(text.indexOf('\n') + 1, blockEnd);
  const frontmatterLines = text.slice(0, blockEnd + closing[0].length).split('\n').length - 1;
  const content = text.slice(blockEnd + closing[0].length);
  const errors: Warning[] = [];

  let data: Record<string, unknown> = {};
  const simple = simpleFrontmatter(text, block, closing);
  if (simple) data = simple;
  else try {
    // A fresh options object disables gray-matter's cache, which would otherwise keep every seed in memory.
    const parsed = matter(text, {});
    data = (parsed.data ?? {}) as Record<string, unknown>;
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    errors.push({
      file,
      line: mark?.line !== undefined ? mark.line + 2 : undefined,
      column: mark?.column !== undefined ? mark.column + 1 : undefined,
      ruleId: 'frontmatter-yaml',
      reason: `invalid YAML frontmatter: ${reason}`,
      fatal: true,
    });
    return { overrides: {}, content, frontmatterLines, errors };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    errors.push({ file, line: 1, ruleId: 'frontmatter-shape', reason: 'frontmatter must be a YAML mapping of fields', fatal: true });
    return { overrides: {}, content, frontmatterLines, errors };
  }

  const overrides: SeedOverrides = {};
  const fail = (field: string, reason: string) =>
    errors.push({ file, line: lineOfField(block, field), ruleId: 'frontmatter-field', reason: `field "${field}": ${reason}`, fatal: true });

  for (const field of KNOWN_FIELDS) {
    const value = data[field];
    if (value === undefined || value === null || value === '') continue;
    if (field === 'date') {
      // js-yaml turns unquoted 2024-01-18 into a Date; a year alone into a number.
      const asText = value instanceof Date ? dateToIso(value) : typeof value === 'number' ? String(value) : value;
      if (typeof asText !== 'string' || !DATE_SHAPE.test(asText.trim())) {
        fail(field, `expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got ${JSON.stringify(value)}`);
      } else if (!isValidCalendarDate(asText.trim())) {
        fail(field, `"${asText}" is not a calendar date`);
      } else {
        overrides.date = asText.trim();
      }
      continue;
    }
    if (typeof value !== 'string') {
      fail(field, `expected text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
      continue;
    }
    if (field === 'url' && !/^https?:\/\/\S+$/i.test(value.trim())) {
      fail(field, `expected an http(s) URL, got ${JSON.stringify(value)}`);
      continue;
    }
    overrides[field] = value.trim();
  }
  return { overrides, content, frontmatterLines, errors };
}
