// Seeded synthetic data for filtered-search tests: Gaussian clusters with a label per row.
//   correlated:   cluster c owns labels 4c .. 4c + 3 (a filter on labels picks whole regions,
//                 usually far from the query: the hard case for graph traversal)
//   uncorrelated: labels drawn uniformly (a filter picks rows scattered over every cluster)
// With 200 labels of ~0.5% each, label sets give 0.5% (1 label), 2% (4), 10% (20), 30% (60).

export interface Clustered {
  dim: number;
  rows: number;
  /** Float32Array rows * dim. */
  base: Float32Array;
  nq: number;
  /** Float32Array nq * dim: points drawn like the base rows (not in it). */
  queries: Float32Array;
  /** Uint32Array rows: the row's label in [0, labels). */
  label: Uint32Array;
  labels: number;
}

/** A small LCG: the same stream on every platform. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
}

export function clustered(opts: {
  rows: number;
  dim: number;
  nq: number;
  correlated: boolean;
  clusters?: number;
  seed?: number;
}): Clustered {
  const { rows, dim, nq } = opts;
  const clusters = opts.clusters ?? 50;
  const labels = clusters * 4;
  const rnd = lcg(opts.seed ?? 12345);
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rnd(), 1e-12))) * Math.cos(2 * Math.PI * rnd());
  const centers = Float32Array.from({ length: clusters * dim }, () => gauss() * 3);
  const base = new Float32Array(rows * dim);
  const label = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(rnd() * clusters);
    for (let j = 0; j < dim; j++) base[i * dim + j] = centers[c * dim + j] + gauss();
    label[i] = opts.correlated ? c * 4 + Math.floor(rnd() * 4) : Math.floor(rnd() * labels);
  }
  const queries = new Float32Array(nq * dim);
  for (let i = 0; i < nq; i++) {
    const c = Math.floor(rnd() * clusters);
    for (let j = 0; j < dim; j++) queries[i * dim + j] = centers[c * dim + j] + gauss();
  }
  return { dim, rows, base, nq, queries, label, labels };
}

/** One group per label: the HnswGroups of a payload index on the label column. */
export function labelGroups(label: Uint32Array, labels: number): { positions: Uint32Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(labels + 1);
  for (const l of label) offsets[l + 1]++;
  for (let l = 0; l < labels; l++) offsets[l + 1] += offsets[l];
  const fill = offsets.slice(0, labels);
  const positions = new Uint32Array(label.length);
  label.forEach((l, row) => {
    positions[fill[l]++] = row;
  });
  return { positions, offsets };
}

/** `count` distinct labels, spread over the label space by a seeded shuffle. */
export function pickLabels(labels: number, count: number, seed = 99): Set<number> {
  const rnd = lcg(seed);
  const order = Array.from({ length: labels }, (_, i) => i);
  for (let i = labels - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return new Set(order.slice(0, count));
}
