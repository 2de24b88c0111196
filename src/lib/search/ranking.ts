/**
 * Pagefind's ranking settings for the search page (`pagefind.options({ ranking })`), chosen with
 * scripts/bench/relevance.ts on the bench's 10,000-article corpus (README, "Performance") and
 * checked on a small built site by tests/search-ranking.test.ts:
 * - termSimilarity 10 (default 1): a page holding the word typed whole ranks far above one holding
 *   only a longer word it begins ("chars" → "Charles"), which Pagefind's prefix matching also
 *   returns: a word one letter longer keeps about 6 % of an exact match's body score;
 * - metaWeights.title 3 (below Pagefind's default): a title *metadata* match is not discounted
 *   by termSimilarity, so a high weight let « Charles XVI Gustave… » outrank the tank deliveries
 *   for « livraison de chars »; 0 fixes that case but loses the titles' real value elsewhere;
 * - metaWeights.aliases 5: the entity names, gazetteer aliases and weapon categories an article
 *   carries (SearchMeta.astro) lift the articles whose entities match the query.
 */
export const SEARCH_RANKING = {
  termSimilarity: 10,
  metaWeights: { title: 3, aliases: 5 },
} as const satisfies Record<string, number | Record<string, number>>;
