/**
 * Renders the article MDX that ingest writes (see body.ts and escape.ts) straight to HTML.
 *
 * Why: compiling 10,000 article bodies through @astrojs/mdx means 10,000 JavaScript modules that
 * the bundler transforms, bundles and the build then loads, which dominated the build at scale.
 * Ingest writes a small, fixed grammar — one paragraph per line; author text escaped with
 * character references and backslash escapes; `<Mention type="…" id="…">…</Mention>` — so that
 * grammar is rendered here, once per article, when the content layer syncs (and Astro's data
 * store caches the result between builds). Anything outside it (an MDX file edited by hand,
 * another component, Markdown syntax) returns null: the caller then hands that file to the full
 * MDX compiler, so the fast path never has to guess.
 */

/** Named character references the writer emits (escape.ts); any other name is left to MDX. */
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** ASCII punctuation: the characters CommonMark (and so MDX) lets a backslash escape. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

const ENTITY_TYPES = new Set(['weapon', 'country', 'person', 'organization']);

const OPEN_MENTION = /^<Mention type="([a-z]+)" id="([^"<>{}]*)">/;
const CLOSE_MENTION = '</Mention>';

/** href of an entity's page, or null when it has none (the mention is then a plain span). */
export type MentionLinker = (type: string, id: string) => string | null;

// The references Astro's own escaping writes, so both render paths give the same bytes.
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** Decodes a character reference at `text[at]` ("&#123;", "&#x7B;", "&lt;"): [char, length] or null. */
function readReference(text: string, at: number): [string, number] | null {
  const match = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-z]{2,6}));/.exec(text.slice(at, at + 12));
  if (!match) return null;
  if (match[3]) {
    const named = NAMED[match[3]];
    return named === undefined ? null : [named, match[0].length];
  }
  const code = match[1] ? Number(match[1]) : parseInt(match[2], 16);
  // NUL, surrogates and out-of-range code points have special rules in CommonMark: leave them to MDX.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return [String.fromCodePoint(code), match[0].length];
}

/** Where plain text stops: a tag, an escape, a reference or a bare syntax character. */
const NOT_PLAIN = /[{}<>&\\`*_[\]()#+\-.!|~:@="']/g;

/**
 * Reads escaped author text from `line[from]` up to the next `<` (when `stopAtTag`) or the end,
 * returning the decoded text and where it ended, or null on any bare syntax character.
 */
function readText(line: string, from: number, stopAtTag: boolean): { text: string; end: number } | null {
  let text = '';
  let i = from;
  for (;;) {
    NOT_PLAIN.lastIndex = i;
    const found = NOT_PLAIN.exec(line);
    const at = found ? found.index : line.length;
    text += line.slice(i, at);
    i = at;
    if (!found) break;
    const ch = found[0];
    if (ch === '<') {
      if (stopAtTag) break;
      return null;
    }
    if (ch === '\\') {
      const next = line[i + 1];
      if (next === undefined || !ESCAPABLE.test(next)) return null;
      text += next;
      i += 2;
    } else if (ch === '&') {
      const ref = readReference(line, i);
      if (!ref) return null;
      text += ref[0];
      i += ref[1];
    } else {
      return null;
    }
  }
  return { text, end: i };
}

/** A JSX string attribute value: only character references mean anything in it. */
function readAttribute(value: string): string | null {
  let text = '';
  for (let i = 0; i < value.length;) {
    if (value[i] !== '&') {
      text += value[i++];
      continue;
    }
    const ref = readReference(value, i);
    if (!ref) return null;
    text += ref[0];
    i += ref[1];
  }
  return text;
}

/** One paragraph line → the inner HTML of its <p>, or null when it is not in the grammar. */
function renderParagraph(line: string, linkOf: MentionLinker): string | null {
  let html = '';
  let i = 0;
  while (i < line.length) {
    const run = readText(line, i, true);
    if (!run) return null;
    html += escapeHtml(run.text);
    i = run.end;
    if (i >= line.length) break;
    const open = OPEN_MENTION.exec(line.slice(i, i + 300));
    if (!open || !ENTITY_TYPES.has(open[1])) return null;
    const type = open[1];
    const id = readAttribute(open[2]);
    if (id === null) return null;
    i += open[0].length;
    const inner = readText(line, i, true);
    if (!inner || !line.startsWith(CLOSE_MENTION, inner.end) || !inner.text) return null;
    i = inner.end + CLOSE_MENTION.length;
    // The link says which entity it is; nothing else is repeated on each of ~45 mentions per article.
    const href = linkOf(type, id);
    html +=
      href === null ? `<span class="mention">${escapeHtml(inner.text)}</span>` : `<a class="mention" href="${escapeHtml(href)}">${escapeHtml(inner.text)}</a>`;
  }
  return html;
}

/** `block` without surrounding line breaks and trailing spaces or tabs (a linear scan: a regex
 * anchored at the end retries at every space of a long line). */
function trimLine(block: string): string {
  let start = 0;
  let end = block.length;
  while (start < end && block[start] === '\n') start++;
  while (end > start && (block[end - 1] === '\n' || block[end - 1] === ' ' || block[end - 1] === '\t')) end--;
  return block.slice(start, end);
}

/**
 * The HTML of an article body written by ingest, or null when `body` strays from that grammar
 * (then only the MDX compiler can say what it means).
 */
export function renderArticleBody(body: string, linkOf: MentionLinker): string | null {
  const paragraphs: string[] = [];
  // The writer separates paragraphs by one blank line and never wraps one over two lines.
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const line = trimLine(block);
    if (!line) continue;
    // Indented lines could be code; "import"/"export" at a line start are ESM. The writer prevents
    // both, and never wraps a paragraph over two lines.
    if (line.includes('\n') || /^[ \t]/.test(line) || /^(?:import|export)\b/.test(line)) return null;
    const inner = renderParagraph(line, linkOf);
    if (inner === null) return null;
    paragraphs.push(`<p>${inner}</p>`);
  }
  return paragraphs.join('\n');
}
