/**
 * Bounded Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions, adjacent transpositions). Returns k + 1 as soon as the distance must exceed k.
 */
export function boundedDamerauLevenshtein(a: string, b: string, k: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > k) return k + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  const big = k + 1;
  // Three rolling rows: before previous, previous, current.
  let prev2 = new Array<number>(lb + 1).fill(big);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j <= k ? j : big;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(lb, i + k);
    cur.fill(big);
    cur[0] = i <= k ? i : big;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = prev[j - 1] + cost;
      const del = prev[j] + 1;
      if (del < d) d = del;
      const ins = cur[j - 1] + 1;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2] + 1;
        if (tr < d) d = tr;
      }
      if (d > big) d = big;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > k) return big;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] > k ? big : prev[lb];
}

/** Edit budget for a name of `length` letters: none under 5, 1 for 5–7, 2 from 8. */
export function nameEditBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 8) return 1;
  return 2;
}
