/**
 * Makes author text MDX-safe: every character renders as itself, nothing is parsed as
 * JSX, an expression, ESM, HTML or Markdown syntax. MDX accepts character references and
 * backslash escapes of ASCII punctuation (as CommonMark does), so we use:
 * - character references for the characters MDX itself interprets: { } < > &
 * - backslash escapes for Markdown punctuation anywhere in a line
 * - a character reference for the first letter of `import`/`export` at a line start (ESM)
 */
const ENTITY: Record<string, string> = {
  '{': '&#123;',
  '}': '&#125;',
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
};

// Markdown/GFM punctuation that can start emphasis, links, code, tables, headings, lists,
// autolinks (":" and "@"), strikethrough or hard breaks.
const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', ':', '@', '=', '"', "'"]);

const SPECIAL = /[{}<>&\\`*_[\]()#+\-.!|~:@="']/g;

/** Escapes a run of author text that does not start a line. */
export function escapeMdxInline(text: string): string {
  return text.replace(SPECIAL, (ch) => ENTITY[ch] ?? (BACKSLASHED.has(ch) ? `\\${ch}` : ch));
}

/** Makes an already-escaped line safe at a line start (ESM keywords, indentation). */
export function guardLineStart(escaped: string): string {
  // ESM is recognised only at the very start of a line; break the keyword.
  const guarded = escaped.replace(/^(\s*)i(mport\b)/, '$1&#105;$2').replace(/^(\s*)e(xport\b)/, '$1&#101;$2');
  // Leading spaces would become an indented code block (4+): drop them, they carry no meaning.
  return guarded.replace(/^[ \t]+/, '');
}

/** Escapes one whole line of author text. */
export function escapeMdxText(line: string): string {
  return guardLineStart(escapeMdxInline(line));
}

/** Escapes an attribute value for a JSX string attribute (double-quoted). */
export function escapeJsxAttribute(value: string): string {
  return value.replace(/[&"<>{}]/g, (ch) => ENTITY[ch] ?? (ch === '"' ? '&quot;' : ch));
}
