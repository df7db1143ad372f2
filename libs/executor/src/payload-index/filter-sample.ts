// Sampling a candidate set whose count is uncertain (issue #7: "sample when the estimate is
// uncertain"). A segment's candidates are a SUPERSET when the filter has a residual predicate
// (or lossy keys): the payload indexes only bound the true count to [0, candidates]. When that
// interval straddles the full-scan threshold the strategy cannot be read off the bounds, so —
// after Qdrant's sample_estimation.rs — the residual is checked on random candidates and the
// Agresti–Coull interval (libs/payload-index sampleEstimate, z = 2) decides:
//
//   batch 32, 64, 128, ... random candidates (without replacement, up to 1,000 in all)
//     interval max <  threshold  -> clearly below: stop (exact search over the rechecked set)
//     interval min >  threshold  -> clearly above: stop (index search with recheck)
//     otherwise                  -> next batch; after 1,000 samples the expected count decides
//
// The generator is seeded from the segment (same data, same decision: EXPLAIN ANALYZE output and
// tests are reproducible), and a candidate set no larger than the sample budget is checked
// whole (an exact count).
import { exactEstimate, sampleEstimate, type CardinalityEstimate } from '@vecgres/payload-index';

/** Qdrant's cap on sampled rows per estimate. */
export const MAX_SAMPLES = 1000;

const FIRST_BATCH = 32;

export interface SampleResult {
  estimate: CardinalityEstimate;
  /** Candidates whose residual was checked. */
  sampled: number;
}

/** xorshift32 over a non-zero seed: [0, 1) doubles. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** A seed from a string (FNV-1a): the segment id. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Up to `n` distinct random entries of `positions` not yet `taken` (partial Fisher–Yates over `order`). */
function nextBatch(order: Uint32Array, taken: number, n: number, rand: () => number): Uint32Array {
  const end = Math.min(order.length, taken + n);
  for (let i = taken; i < end; i++) {
    const j = i + Math.floor(rand() * (order.length - i));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.subarray(taken, end);
}

/**
 * The count of `positions` (ascending candidate positions, Uint32Array) passing the residual,
 * estimated from random samples checked by `check` (one boolean per given position), stopping
 * as soon as the interval is clearly above or below `threshold` rows.
 */
export async function sampleCount(
  positions: Uint32Array,
  threshold: number,
  check: (positions: Uint32Array) => Promise<boolean[]>,
  seed: number,
  maxSamples = MAX_SAMPLES,
): Promise<SampleResult> {
  const total = positions.length;
  const budget = Math.min(total, maxSamples);
  const order = positions.slice();
  const rand = xorshift(seed);
  let sampled = 0;
  let matched = 0;
  let estimate: CardinalityEstimate = sampleEstimate(total, 0, 0);
  for (let batch = FIRST_BATCH; sampled < budget; batch *= 2) {
    const picked = nextBatch(order, sampled, Math.min(batch, budget - sampled), rand);
    // check() gets positions in ascending order (rows are read sequentially).
    const sorted = picked.slice().sort();
    const pass = await check(sorted);
    for (const p of pass) if (p) matched++;
    sampled += picked.length;
    estimate = sampled >= total ? exactEstimate(matched) : sampleEstimate(total, sampled, matched);
    if (estimate.max < threshold || estimate.min > threshold) break;
  }
  return { estimate, sampled };
}

/** Sums per-segment estimates (bounds add up; exact only when every part is). */
export function addEstimates(a: CardinalityEstimate, b: CardinalityEstimate): CardinalityEstimate {
  return { min: a.min + b.min, expected: a.expected + b.expected, max: a.max + b.max, exact: a.exact && b.exact };
}
