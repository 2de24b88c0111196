/**
 * The search words as the page keeps them, wherever they come from (the address, the box): white
 * space of any kind (line breaks, tabs) collapsed to one space, and capped. Pagefind looks every
 * word up and intersects the results, so a pasted page of text (1,500 words) kept the page busy
 * for seconds without finding more; a real query fits well within the caps.
 */
export const MAX_QUERY_CHARS = 256;
export const MAX_QUERY_WORDS = 32;

export function normalizeQuery(q: string): string {
  const words = q.split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS);
  let text = words.join(' ');
  if (text.length > MAX_QUERY_CHARS) {
    // Cut at a word end (a half word would only match as a prefix), or inside a single long word.
    const cut = text.slice(0, MAX_QUERY_CHARS + 1);
    const end = cut.lastIndexOf(' ');
    text = end > 0 ? cut.slice(0, end) : text.slice(0, MAX_QUERY_CHARS);
    // Never end on half of a surrogate pair.
    if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  }
  return text;
}
