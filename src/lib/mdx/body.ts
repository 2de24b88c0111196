/**
 * Renders the cleaned article body as MDX: paragraphs of escaped text, with each entity
 * mention wrapped in a <Mention> component (resolved by the article page) so readers can
 * follow it to the entity page.
 */
import type { Mention } from '../extract/types.ts';
import { escapeJsxAttribute, escapeMdxInline, guardLineStart } from './escape.ts';

function renderMention(mention: Mention, text: string): string {
  return `<Mention type="${mention.type}" id="${escapeJsxAttribute(mention.id)}">${escapeMdxInline(text)}</Mention>`;
}

/** Serialises `body` (paragraphs separated by blank lines) with `mentions` (offsets into body) as MDX. */
export function bodyToMdx(body: string, mentions: readonly Mention[]): string {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const paragraphs: string[] = [];
  let mentionIndex = 0;
  for (const match of body.matchAll(/[^\n]+(?:\n(?!\n)[^\n]*)*/g)) {
    const start = match.index;
    const end = start + match[0].length;
    let cursor = start;
    let out = '';
    while (mentionIndex < sorted.length && sorted[mentionIndex].start < end) {
      const mention = sorted[mentionIndex++];
      if (mention.start < cursor || mention.end > end) continue; // overlapping or out of range
      out += escapeMdxInline(body.slice(cursor, mention.start));
      out += renderMention(mention, body.slice(mention.start, mention.end));
      cursor = mention.end;
    }
    out += escapeMdxInline(body.slice(cursor, end));
    // One MDX line per paragraph: a line break inside a paragraph could start a list or a block.
    const line = guardLineStart(out.replace(/[ \t]*\n[ \t]*/g, ' ').trim());
    if (line) paragraphs.push(line);
  }
  return paragraphs.join('\n\n') + '\n';
}
