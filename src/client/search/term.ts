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

const isStopWord = (word: string) => STOP_WORDS.has(word.toLocaleLowerCase('fr').replace(/[’']$/, ''));

export function searchTerm(q: string): string {
  const text = q.trim();
  if (/^".+"$/.test(text)) return text;
  const words = text.split(/\s+/).filter(Boolean);
  const kept = words.filter((word) => !isStopWord(word));
  return (kept.length ? kept : words).join(' ');
}

/**
 * Whether a search as you type is worth running for the box's text: not while its last word is
 * a one- or two-letter beginning (Pagefind matches the last word as a prefix, and a short prefix
 * pulls in many index chunks). A trailing space, a function word or a submit runs it anyway —
 * except when the text holds only function words (« l », « de la »): their index chunks are the
 * largest (« l » alone fetches 178 KB at 10 000 articles), so only a submit searches them.
 */
export function readyToSearch(typed: string): boolean {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  if (words.every(isStopWord)) return false;
  if (/\s$/.test(typed)) return true;
  const last = words.at(-1) ?? '';
  return last.length >= 3 || isStopWord(last);
}
