/**
 * Seed frontmatter: an optional YAML block at the top of a seed whose fields override
 * what extraction finds (title, date, source, url, language), and the URL slug it asks for. Bad YAML or a wrong type is
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
  /** URL slug the seed asks for (ingest grants it when free; the old URL then redirects). */
  slug?: string;
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
const KNOWN_FIELDS = ['title', 'date', 'source', 'url', 'language', 'slug'] as const;
/** A URL slug: lower-case ASCII letters and digits in words joined by single hyphens. */
export const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

/** A value as shown in an error message: JSON, cut to a readable length. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function dateToIso(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A refusal raised while js-yaml reads the block: the 1-based file line and the message. */
class FrontmatterRefusal extends Error {
  readonly fileLine: number;
  readonly reason: string;
  constructor(fileLine: number, reason: string) {
    super(reason);
    this.fileLine = fileLine;
    this.reason = reason;
  }
}

interface YamlState {
  input: string;
  position: number;
  line: number;
  anchor: string | null;
  result: unknown;
}

/**
 * A js-yaml listener (gray-matter hands its options to js-yaml) that sees every node as it is read:
 * - an anchor (&name) or alias (*name) is refused on the spot, before any value is built from it,
 *   so an alias bomb costs no more than its own bytes;
 * - a YYYY-MM-DD timestamp that is not a calendar date (2024-02-30, 2024-13-45) is refused where
 *   js-yaml would silently roll it over (to 2024-03-01), as the quoted form already is.
 * `lineOffset` turns js-yaml's line (within the block) into a line of the file.
 */
function strictListener(lineOffset: number) {
  const starts: number[] = [];
  return (event: 'open' | 'close', state: YamlState): void => {
    if (event === 'open') {
      starts.push(state.position);
      return;
    }
    const raw = state.input.slice(starts.pop() ?? state.position, state.position);
    const line = state.line + lineOffset;
    if (state.anchor !== null || /^\s*\*/.test(raw)) {
      throw new FrontmatterRefusal(line, 'YAML anchors and aliases (&name, *name) are not allowed in seed frontmatter');
    }
    if (state.result instanceof Date) {
      const day = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(raw);
      if (day && !isValidCalendarDate(`${day[1]}-${day[2].padStart(2, '0')}-${day[3].padStart(2, '0')}`)) {
        throw new FrontmatterRefusal(line, `"${day[0]}" is not a calendar date`);
      }
    }
  };
}

/** The field named on a line of the block ("date: …" → "date"), for error messages. */
function fieldOnLine(text: string, fileLine: number): string | undefined {
  const line = text.split('\n', fileLine)[fileLine - 1] ?? '';
  return /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
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

  let data: Record<string, unknown>;
  try {
    // A fresh options object disables gray-matter's cache, which would otherwise keep every seed in memory.
    // js-yaml reads `listener` from the options gray-matter passes through (not in gray-matter's types).
    const options = { listener: strictListener(1) };
    const parsed = matter(text, options as Parameters<typeof matter>[1]);
    data = (parsed.data ?? {}) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof FrontmatterRefusal) {
      const field = fieldOnLine(text, error.fileLine);
      errors.push({
        file,
        line: error.fileLine,
        ruleId: 'frontmatter-field',
        reason: field ? `field "${field}": ${error.reason}` : error.reason,
        fatal: true,
      });
      return { overrides: {}, content, frontmatterLines, errors };
    }
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
        fail(field, `expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got ${shown(value)}`);
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
      fail(field, `expected an http(s) URL, got ${shown(value)}`);
      continue;
    }
    if (field === 'slug' && (!SLUG_SHAPE.test(value.trim()) || value.trim().length > 80)) {
      fail(field, `expected lower-case letters, digits and single hyphens (at most 80), got ${shown(value)}`);
      continue;
    }
    overrides[field] = value.trim();
  }
  return { overrides, content, frontmatterLines, errors };
}
