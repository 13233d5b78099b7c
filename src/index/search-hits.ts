/** Where a query's scores become hits: the cut-off a pruned search compares against, and the top hits. */

export interface SearchHit {
  id: number;
  score: number;
}

/** The limit-th best score among the claims found that the asker may see, or 0 when fewer. */
export function kthScore(
  scores: Float64Array,
  touched: number[],
  limit: number,
  accept: (id: number) => boolean,
): number {
  if (touched.length < limit) return 0;
  const top: number[] = [];
  for (const id of touched) {
    const score = scores[id]!;
    if (top.length === limit && score <= top[limit - 1]!) continue;
    if (!accept(id)) continue;
    let i = Math.min(top.length, limit - 1);
    top[i] = score;
    while (i > 0 && top[i - 1]! < score) {
      top[i] = top[i - 1]!;
      top[--i] = score;
    }
  }
  return top.length === limit ? top[limit - 1]! : 0;
}

/** The top hits, best first; ties go to the newer claim. */
export function bestHits(
  scores: Float64Array,
  touched: number[],
  limit: number,
  accept: (id: number) => boolean,
): SearchHit[] {
  const hits: SearchHit[] = [];
  const worse = (a: SearchHit, b: SearchHit) => a.score < b.score || (a.score === b.score && a.id < b.id);
  for (let k = touched.length - 1; k >= 0; k--) {
    const id = touched[k]!;
    const score = scores[id]!;
    // Compared before a hit is made: a broad query touches half the claims, and most lose here.
    const last = hits.length === limit ? hits[limit - 1]! : undefined;
    if (last && !(last.score < score || (last.score === score && last.id < id))) continue;
    if (!accept(id)) continue;
    const hit = { id, score };
    let i = hits.length;
    while (i > 0 && worse(hits[i - 1]!, hit)) i--;
    hits.splice(i, 0, hit);
    if (hits.length > limit) hits.pop();
  }
  return hits;
}

export /** The first index at or after `from` whose id is at least `id`, or ids.length: doubling steps, then halving. */
function gallop(ids: Int32Array, id: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < ids.length && ids[hi]! < id) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, ids.length);
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (ids[mid]! < id) from = mid + 1;
    else hi = mid;
  }
  return from;
}
