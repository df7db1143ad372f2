// Cardinality estimates (min, expected, max) of filters over one segment, combined with
// Qdrant's algebra (lib/segment/src/index/query_estimator.rs): the planner compares them with
// its thresholds to pick exact search over the filtered rows, filtered HNSW, or sampling.
//
//   AND(p1..pn)   min = max(0, sum(min_i) - (n-1)*rows)    inclusion-exclusion lower bound
//                 max = min(max_i)
//                 exp = rows * prod(exp_i / rows)          independence
//   OR(p1..pn)    min = max(min_i)
//                 max = min(rows, sum(max_i))
//                 exp = rows * (1 - prod(1 - exp_i / rows))
//   NOT(p)        min = rows - max, exp = rows - exp, max = rows - min
//
// Every result keeps min <= exp <= max, and min/max are true bounds whenever the inputs' are.
// `exact` survives only where the bounds meet (min === max): an AND/OR of exact counts is not
// known exactly from the counts alone; callers that evaluated the bitmap pass
// exactEstimate(bitmap.count()) instead.
//
// SQL's three-valued logic is the caller's business: NOT(col = 5) is not the complement of
// (col = 5) when col has NULLs. The complement here is an upper bound for it, so callers either
// pass NOT(...) of the predicate "col = 5 OR col IS NULL" or accept a looser max.

/** Rows a filter selects in one segment. All counts are integers in [0, rows]. */
export interface CardinalityEstimate {
  min: number;
  expected: number;
  max: number;
  /** True when min === expected === max is the true count. */
  exact: boolean;
}

/** A count known exactly (from a bitmap or a posting list). */
export function exactEstimate(count: number): CardinalityEstimate {
  return { min: count, expected: count, max: count, exact: true };
}

/**
 * A filter nothing is known about (an unindexed predicate): anything from 0 to rows, expected
 * half of the rows. Half is Qdrant's choice (`CardinalityEstimation::unknown`): it is the value
 * that minimises the worst-case ratio error, and it keeps an unindexed predicate from pushing a
 * plan to either extreme on its own; the planner samples when min and max straddle a threshold.
 */
export function unknownEstimate(rows: number): CardinalityEstimate {
  return { min: 0, expected: Math.floor(rows / 2), max: rows, exact: rows === 0 };
}

/** Rounds and clamps `expected` into [min, max]; the count is known once the bounds meet. */
function finish(min: number, expected: number, max: number): CardinalityEstimate {
  const e = Math.min(max, Math.max(min, Math.round(expected)));
  return { min, expected: e, max, exact: min === max };
}

/** AND of parts (an empty AND selects every row). */
export function estimateAnd(rows: number, parts: readonly CardinalityEstimate[]): CardinalityEstimate {
  if (parts.length === 0) return exactEstimate(rows);
  if (rows <= 0) return exactEstimate(0);
  let sumMin = 0;
  let max = rows;
  let prob = 1;
  for (const p of parts) {
    sumMin += p.min;
    if (p.max < max) max = p.max;
    prob *= clamp01(p.expected / rows);
  }
  const min = Math.min(max, Math.max(0, sumMin - (parts.length - 1) * rows));
  return finish(min, rows * prob, max);
}

/** OR of parts (an empty OR selects no row). */
export function estimateOr(rows: number, parts: readonly CardinalityEstimate[]): CardinalityEstimate {
  if (parts.length === 0 || rows <= 0) return exactEstimate(0);
  let min = 0;
  let sumMax = 0;
  let missProb = 1;
  for (const p of parts) {
    if (p.min > min) min = p.min;
    sumMax += p.max;
    missProb *= 1 - clamp01(p.expected / rows);
  }
  const max = Math.max(min, Math.min(rows, sumMax));
  return finish(min, rows * (1 - missProb), max);
}

/** Complement within the segment's rows. */
export function estimateNot(rows: number, part: CardinalityEstimate): CardinalityEstimate {
  const min = Math.max(0, rows - part.max);
  const max = Math.max(min, rows - part.min);
  return {
    min,
    expected: Math.min(max, Math.max(min, rows - part.expected)),
    max,
    exact: part.exact || min === max,
  };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : Number.isNaN(x) ? 0 : x;
}

/**
 * An estimate from a random sample: `matched` of `sampled` rows passed the filter. min/max are
 * the Agresti-Coull interval at `z` standard deviations (Qdrant's sample_estimation.rs uses
 * z = 2, ~95%) scaled to `rows`: probabilistic bounds, so never exact unless the whole segment
 * was sampled. The planner samples until the interval clears its threshold (Qdrant stops at
 * 1,000 samples).
 */
export function sampleEstimate(rows: number, sampled: number, matched: number, z = 2): CardinalityEstimate {
  if (sampled <= 0 || rows <= 0) return unknownEstimate(Math.max(0, rows));
  if (sampled >= rows) return exactEstimate(Math.round(matched));
  const n = sampled + z * z;
  const p = (matched + (z * z) / 2) / n;
  const margin = z * Math.sqrt((p * (1 - p)) / n);
  const min = Math.max(0, Math.floor((p - margin) * rows));
  const max = Math.min(rows, Math.max(min, Math.ceil((p + margin) * rows)));
  return { min, expected: Math.min(max, Math.max(min, Math.round((matched / sampled) * rows))), max, exact: false };
}
