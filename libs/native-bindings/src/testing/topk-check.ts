// Compares a native top-k against a float64 reference, allowing only float-rounding ties.
//
// The native scan ranks by float32 distances, the reference by float64, so two neighbours whose
// distances differ by less than the float32 rounding can legitimately swap. A mismatch of ids at
// rank r is accepted only when the id the native side returned has a reference distance within
// tolerance of the reference's rank-r distance (i.e. it is an equally good neighbour); every
// other rank must hold exactly the reference id. Distances are checked rank by rank.

/** A reference top-k with `kRef >= k` slots per query (ids -1 / dist +inf when unused). */
export interface ReferenceTopK {
  ids: ArrayLike<number>;
  dists: ArrayLike<number>;
  kRef: number;
}

export interface NativeTopKView {
  ids: Uint32Array;
  dists: Float32Array;
  counts: Uint32Array;
}

export interface TopKComparison {
  /** Human-readable problems (empty when the results agree). */
  problems: string[];
  /** Ranks where ids differed but only by an accepted near-tie. */
  tieSwaps: number;
}

/**
 * `exact(q, id)` returns the float64 distance of base row `id` to query q (used to judge swaps).
 * `tol(d)` is the accepted difference between a float32 and a float64 distance of size d.
 */
export function compareTopK(
  native: NativeTopKView,
  k: number,
  reference: ReferenceTopK,
  nq: number,
  expectedCount: (q: number) => number,
  exact: (q: number, id: number) => number,
  tol: (d: number) => number,
): TopKComparison {
  const problems: string[] = [];
  let tieSwaps = 0;
  for (let q = 0; q < nq && problems.length < 20; q++) {
    const count = native.counts[q];
    if (count !== expectedCount(q)) problems.push(`q${q}: count ${count}, expected ${expectedCount(q)}`);
    const seen = new Set<number>();
    for (let r = 0; r < Math.min(count, k); r++) {
      const id = native.ids[q * k + r];
      const dist = native.dists[q * k + r];
      const refId = reference.ids[q * reference.kRef + r];
      const refDist = reference.dists[q * reference.kRef + r];
      if (seen.has(id)) problems.push(`q${q} r${r}: id ${id} returned twice`);
      seen.add(id);
      if (!(Math.abs(dist - refDist) <= tol(refDist))) {
        problems.push(`q${q} r${r}: distance ${dist}, reference ${refDist}`);
      }
      if (id !== refId) {
        const idDist = exact(q, id);
        if (Math.abs(idDist - refDist) <= tol(refDist)) tieSwaps++;
        else problems.push(`q${q} r${r}: id ${id} (d=${idDist}), reference id ${refId} (d=${refDist})`);
      }
      if (r > 0 && dist < native.dists[q * k + r - 1]) problems.push(`q${q} r${r}: not sorted`);
    }
    for (let r = count; r < k; r++) {
      if (native.ids[q * k + r] !== 0xffffffff || native.dists[q * k + r] !== Infinity) {
        problems.push(`q${q} r${r}: unused slot not (0xFFFFFFFF, +inf)`);
      }
    }
  }
  return { problems, tieSwaps };
}

/** Accepted |float32 - float64| difference for a distance of size d: 1e-5 relative, 1e-6 floor. */
export function floatTolerance(d: number): number {
  return Math.max(1e-6, 1e-5 * Math.abs(d));
}
