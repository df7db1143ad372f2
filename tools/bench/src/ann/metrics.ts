// Recall and latency summaries of the ANN benchmark.

/**
 * recall@k of one query: |found[0..k) ∩ truth[0..k)| / k. Ties at the k-th distance count
 * as misses when the engine picks a different id of equal distance (the ann-benchmarks
 * id-based convention; the shared sets have no duplicate rows, so this is rare).
 * found: the engine's ids, nearest first (may hold fewer than k).
 * truth: Int32Array row of the ground truth, nearest first, length >= k.
 */
export function recallAtK(found: ArrayLike<number>, truth: ArrayLike<number>, k: number): number {
  if (!Number.isInteger(k) || k <= 0) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (truth.length < k) throw new RangeError(`ground truth has ${truth.length} neighbours, fewer than k=${k}`);
  const want = new Set<number>();
  for (let i = 0; i < k; i++) want.add(truth[i]!);
  let hit = 0;
  const seen = new Set<number>();
  for (let i = 0; i < Math.min(k, found.length); i++) {
    const id = found[i]!;
    if (want.has(id) && !seen.has(id)) hit++;
    seen.add(id);
  }
  return hit / k;
}

/**
 * Mean recall@k over nq queries.
 * found: per query, the engine's ids. gt: Int32Array, nq rows of gtD ids (row-major).
 */
export function meanRecall(found: readonly ArrayLike<number>[], gt: Int32Array, gtD: number, k: number): number {
  if (found.length === 0) return 0;
  let sum = 0;
  for (let q = 0; q < found.length; q++) sum += recallAtK(found[q]!, gt.subarray(q * gtD, (q + 1) * gtD), k);
  return sum / found.length;
}

/**
 * The p-th percentile (0 <= p <= 100) of `xs` with linear interpolation between closest
 * ranks (numpy's default): rank = p/100 * (n - 1).
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const s = Float64Array.from(xs).sort();
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

/** Queries per second for `count` queries answered one after another in `totalMs`. */
export function qpsOf(count: number, totalMs: number): number {
  return totalMs > 0 ? (count * 1000) / totalMs : Infinity;
}

/**
 * Linear interpolation of QPS at a target recall along an engine's (recall, qps) curve, the
 * usual way to compare engines "at recall 0.95". Undefined when no run reaches the target.
 * runs: any order; points with equal recall keep the higher QPS.
 */
export function qpsAtRecall(runs: readonly { recall: number; qps: number }[], target: number): number | undefined {
  const pts = [...runs].sort((a, b) => a.recall - b.recall || b.qps - a.qps);
  const idx = pts.findIndex((r) => r.recall >= target);
  if (idx < 0) return undefined;
  if (idx === 0) return pts[0]!.qps;
  const a = pts[idx - 1]!;
  const b = pts[idx]!;
  if (b.recall === a.recall) return b.qps;
  return a.qps + ((b.qps - a.qps) * (target - a.recall)) / (b.recall - a.recall);
}
