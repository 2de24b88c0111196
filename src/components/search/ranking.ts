/**
 * Pagefind's ranking settings for the search page (`pagefind.options({ ranking })`), tuned with
 * scripts/bench/relevance.ts on the synthetic corpus and tested in tests/search-ranking.test.ts:
 * - termSimilarity 10 (default 1): a word typed whole ranks pages holding that word far above
 *   pages holding only a longer word it begins ("chars" → "Charles"), which Pagefind's prefix
 *   matching also returns (a one-letter longer word keeps ~6 % of an exact match's score);
 * - metaWeights.title 0: the title is already indexed as the page's <h1> (weight 7, discounted
 *   by termSimilarity like any body word); the title *metadata* match is not discounted, and
 *   with it "Charles Michel à Kiev…" outranked the tank deliveries for "livraison de chars";
 * - metaWeights.aliases 5: the entity names, gazetteer aliases and weapon categories an article
 *   carries (SearchMeta.astro) lift it above articles that mention the words in passing.
 */
export const SEARCH_RANKING = {
  termSimilarity: 10,
  metaWeights: { title: 0, aliases: 5 },
} as const satisfies Record<string, number | Record<string, number>>;
