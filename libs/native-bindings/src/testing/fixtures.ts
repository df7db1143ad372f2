// The in-repo datasets (tools/datasets/fixtures) as the tests use them.
import { join } from 'node:path';

import { FIXTURES, fixtureDir, readAttribute, readFvecs, readIvecs } from '@vecgres/datasets';

export interface LoadedSet {
  dim: number;
  /** nBase x dim float32, row-major. */
  base: Float32Array;
  nBase: number;
  /** nq x dim float32, row-major. */
  queries: Float32Array;
  nq: number;
  /** Per base row. */
  baseLabels: Int32Array;
  /** 100 per query: exact neighbour ids, nearest first. */
  gt: Int32Array;
  /** 100 per query: their distances as stored (cosine distance, or Euclidean NOT squared). */
  gtDist: Float32Array;
  dir: string;
}

function load(name: string): LoadedSet {
  const dir = fixtureDir(name);
  if (!dir) throw new Error(`fixture ${name} missing from tools/datasets/fixtures`);
  const base = readFvecs(join(dir, 'base.fvecs.gz'));
  const query = readFvecs(join(dir, 'query.fvecs.gz'));
  return {
    dim: base.d,
    base: base.data,
    nBase: base.n,
    queries: query.data,
    nq: query.n,
    baseLabels: readAttribute(join(dir, 'base.label.ivecs.gz')),
    gt: readIvecs(join(dir, 'gt.ivecs.gz')).data,
    gtDist: readFvecs(join(dir, 'gt.dist.fvecs.gz')).data,
    dir,
  };
}

/** 678 x 384 unit-norm MiniLM embeddings, 100 queries, cosine. */
export function loadFiori(): LoadedSet {
  return load(FIXTURES.fiori);
}

/** 2,000 x 784 Fashion-MNIST images (0-255 as float32), 100 queries, L2. */
export function loadFashionSlice(): LoadedSet {
  return load(FIXTURES.fashionSlice);
}

/** Row ids whose label equals `label`, ascending, as the Uint32Array a scan's `ids` takes. */
export function idsWithLabel(labels: Int32Array, label: number): Uint32Array {
  const ids: number[] = [];
  labels.forEach((l, i) => {
    if (l === label) ids.push(i);
  });
  return Uint32Array.from(ids);
}
