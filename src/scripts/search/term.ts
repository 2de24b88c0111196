/**
 * The words the search page sends to Pagefind for what the reader typed. French function words
 * are left out: nearly every article contains them, so they neither narrow the results (Pagefind
 * requires every word) nor change the order, but their index chunks are the largest to download
 * (at 10 000 articles "de" alone weighs hundreds of KB). Quoted phrases are sent as typed, and a
 * query made only of function words is kept whole.
 */
const STOP_WORDS = new Set(
  'a à au aux avec ce ces d dans de des du elle en et il ils l la le les leur leurs ou par pas pour qu que qui sa se ses son sur un une'.split(' '),
);

export function searchTerm(q: string): string {
  const text = q.trim();
  if (/^".+"$/.test(text)) return text;
  const words = text.split(/\s+/).filter(Boolean);
  const kept = words.filter((word) => !STOP_WORDS.has(word.toLocaleLowerCase('fr').replace(/[’']$/, '')));
  return (kept.length ? kept : words).join(' ');
}
