// Exact k-nearest neighbours in float64, the oracle for ground-truth files and native tests.
// Same conventions as the shared GT: ascending distance, ties broken by the smaller id,
// NaN distances last.

/** Metrics over float rows; smaller is nearer (negdot = -dot, cosine = 1 - cos). */
export type ExactMetric = 'l2sq' | 'negdot' | 'cosine' | 'l1';

type RowDistance = (a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, d: number) => number;

// One small function per metric, picked once per search: a single function switching on the
// metric inside the hot loop turns megamorphic once several metrics have run.
const ROW_DISTANCES: Record<ExactMetric, RowDistance> = {
  l2sq(a, aOff, b, bOff, d) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = a[aOff + j] - b[bOff + j];
      s += t * t;
    }
    return s;
  },
  l1(a, aOff, b, bOff, d) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      // Not Math.abs: under jest's vm context a builtin call in this loop runs ~50x slower.
      const t = a[aOff + j] - b[bOff + j];
      s += t < 0 ? -t : t;
    }
    return s;
  },
  negdot(a, aOff, b, bOff, d) {
    let s = 0;
    for (let j = 0; j < d; j++) s += a[aOff + j] * b[bOff + j];
    return -s;
  },
  // pgvector: 1 - dot / sqrt(|a|^2 |b|^2), similarity clamped to [-1, 1], NaN for a zero norm.
  cosine(a, aOff, b, bOff, d) {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let j = 0; j < d; j++) {
      const x = a[aOff + j];
      const y = b[bOff + j];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    if (na === 0 || nb === 0) return NaN;
    const sim = Math.min(1, Math.max(-1, dot / Math.sqrt(na * nb)));
    return 1 - sim;
  },
};

/** Distance between row a (at aOff) and row b (at bOff), d values each, accumulated in float64. */
export function exactDistance(
  metric: ExactMetric,
  a: ArrayLike<number>,
  aOff: number,
  b: ArrayLike<number>,
  bOff: number,
  d: number,
): number {
  return ROW_DISTANCES[metric](a, aOff, b, bOff, d);
}

/** Orders (distance, id) pairs: ascending distance, NaN last, ties by the smaller id. */
export function compareNeighbours(da: number, ia: number, db: number, ib: number): number {
  const aNaN = Number.isNaN(da);
  const bNaN = Number.isNaN(db);
  if (aNaN !== bNaN) return aNaN ? 1 : -1;
  if (!aNaN && da !== db) return da < db ? -1 : 1;
  return ia - ib;
}

export interface ExactKnnInput {
  metric: ExactMetric;
  dim: number;
  /** nBase rows of dim values, row-major. */
  base: ArrayLike<number>;
  nBase: number;
  /** nq rows of dim values, row-major. */
  queries: ArrayLike<number>;
  nq: number;
  k: number;
  /** Optional: only these base ids are candidates (a filter). */
  ids?: ArrayLike<number>;
}

/**
 * k slots per query: ids Int32Array nq*k (-1 when fewer than k candidates), dists Float64Array
 * nq*k (NaN-free unless a distance is NaN; +Infinity in unused slots), counts Int32Array nq.
 */
export interface ExactKnnResult {
  ids: Int32Array;
  dists: Float64Array;
  counts: Int32Array;
}

export function exactKnn(input: ExactKnnInput): ExactKnnResult {
  const { metric, dim, base, queries, nq, k } = input;
  const rowDistance = ROW_DISTANCES[metric];
  const candidates: ArrayLike<number> = input.ids ?? Array.from({ length: input.nBase }, (_, i) => i);
  const m = candidates.length;
  const ids = new Int32Array(nq * k).fill(-1);
  const dists = new Float64Array(nq * k).fill(Infinity);
  const counts = new Int32Array(nq);
  const dist = new Float64Array(m);
  const order = new Int32Array(m);
  for (let q = 0; q < nq; q++) {
    for (let j = 0; j < m; j++) {
      dist[j] = rowDistance(queries, q * dim, base, candidates[j] * dim, dim);
      order[j] = j;
    }
    order.sort((x, y) => compareNeighbours(dist[x], candidates[x], dist[y], candidates[y]));
    const c = Math.min(k, m);
    counts[q] = c;
    for (let r = 0; r < c; r++) {
      ids[q * k + r] = candidates[order[r]];
      dists[q * k + r] = dist[order[r]];
    }
  }
  return { ids, dists, counts };
}
