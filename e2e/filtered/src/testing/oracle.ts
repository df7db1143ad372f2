// The test's own model of a table (what every row holds after the load, the tail inserts, the
// updates and the deletes) and the brute-force oracle over it: float64 distances from the
// fixture vectors, top-k among the rows that match a filter, and tie-aware recall (a returned
// row is a hit when it matches the filter and its distance is <= the k-th true distance + eps,
// as /work/shared/datasets/README.md describes).
import { compareNeighbours, exactDistance } from '@vecgres/datasets';

export type Metric = 'l2' | 'cosine';

/** One row as the server should hold it. */
export interface ModelRow {
  id: number;
  label: number;
  bucket: number;
  tag: string;
  meta: Record<string, unknown>;
  /** Float32Array, dim values (a view into the fixture arrays). */
  vec: Float32Array;
  /** Extra integer columns (e.g. tenant_id). */
  extra?: Record<string, number>;
}

export interface Neighbour {
  id: number;
  dist: number;
}

/** Distance as the SQL operator defines it: `<->` Euclidean (not squared), `<=>` 1 - cos. */
export function distance(metric: Metric, a: Float32Array, b: Float32Array): number {
  if (metric === 'cosine') return exactDistance('cosine', a, 0, b, 0, a.length);
  return Math.sqrt(exactDistance('l2sq', a, 0, b, 0, a.length));
}

export function operatorOf(metric: Metric): '<->' | '<=>' {
  return metric === 'cosine' ? '<=>' : '<->';
}

export class TableModel {
  readonly rows = new Map<number, ModelRow>();

  constructor(
    readonly metric: Metric,
    readonly dim: number,
  ) {}

  put(row: ModelRow): void {
    this.rows.set(row.id, row);
  }

  /** The rows matching `filter`, ascending id. */
  matching(filter: (r: ModelRow) => boolean): ModelRow[] {
    return [...this.rows.values()].filter(filter).sort((a, b) => a.id - b.id);
  }

  /**
   * Per query, the distance to every row (Map id -> distance). Computed once after the table
   * reached its final state; every filter case then ranks a subset of it.
   * queries: Float32Array, nq * dim, row-major.
   */
  distances(queries: Float32Array, nq: number): Map<number, number>[] {
    const out: Map<number, number>[] = [];
    for (let q = 0; q < nq; q++) {
      const qv = queries.subarray(q * this.dim, (q + 1) * this.dim);
      const m = new Map<number, number>();
      for (const r of this.rows.values()) m.set(r.id, distance(this.metric, qv, r.vec));
      out.push(m);
    }
    return out;
  }
}

/** The exact top-k of `candidates` by (distance, id). dists: Map id -> distance for one query. */
export function exactTopK(dists: ReadonlyMap<number, number>, candidates: readonly number[], k: number): Neighbour[] {
  const all = candidates.map((id) => ({ id, dist: dists.get(id)! }));
  all.sort((a, b) => compareNeighbours(a.dist, a.id, b.dist, b.id));
  return all.slice(0, k);
}

/**
 * Tie-aware recall of one answer: hits / min(k, matching rows). A returned id is a hit when it
 * is one of the matching rows, not returned twice, and not farther than the k-th true
 * neighbour (+ a float32 rounding allowance). No matching rows: 1 when the answer is empty.
 */
export function tieAwareRecall(
  returned: readonly number[],
  truth: readonly Neighbour[],
  dists: ReadonlyMap<number, number>,
  matches: ReadonlySet<number>,
): number {
  if (truth.length === 0) return returned.length === 0 ? 1 : 0;
  const kth = truth[truth.length - 1]!.dist;
  const eps = 1e-5 * Math.max(1, Math.abs(kth));
  const seen = new Set<number>();
  let hits = 0;
  for (const id of returned.slice(0, truth.length)) {
    if (seen.has(id) || !matches.has(id)) continue;
    seen.add(id);
    if (dists.get(id)! <= kth + eps) hits++;
  }
  return hits / truth.length;
}
