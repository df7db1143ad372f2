// sparsevec distances and per-vector functions, keyed by pgvector's C names (the SQL names
// l2_distance / inner_product / cosine_distance / l1_distance / l2_norm / l2_normalize map to
// sparsevec_l2_distance, ... in vector.sql). Both operands' indices are ascending, so each
// distance is one merge over the two index lists; accumulation is in float like the C
// (except l1, which pgvector sums in double), norms in double.
import { SparseVector } from '@vecgres/pg-types';
import type { FunctionTable } from '../function-table';
import { checkDims, isInf, overflow } from './checks';
import { cosineDistanceFromSimilarity } from './distance';

const f = Math.fround;

/**
 * SparsevecL2SquaredDistance: (a-b)^2 where both are set, a^2 / b^2 where only one is; the
 * terms are added in index order, as the C merge does.
 */
export function sparseL2Squared(a: SparseVector, b: SparseVector): number {
  const ai = a.indices;
  const bi = b.indices;
  const ax = a.values;
  const bx = b.values;
  let distance = 0;
  let j = 0;
  for (let i = 0; i < ai.length; i++) {
    while (j < bi.length && bi[j] < ai[i]) {
      distance = f(distance + f(bx[j] * bx[j]));
      j++;
    }
    if (j < bi.length && bi[j] === ai[i]) {
      const diff = f(ax[i] - bx[j]);
      distance = f(distance + f(diff * diff));
      j++;
    } else {
      distance = f(distance + f(ax[i] * ax[i]));
    }
  }
  for (; j < bi.length; j++) distance = f(distance + f(bx[j] * bx[j]));
  return distance;
}

/** SparsevecInnerProduct: float sum over the shared indices. */
export function sparseInnerProduct(a: SparseVector, b: SparseVector): number {
  const ai = a.indices;
  const bi = b.indices;
  let distance = 0;
  let j = 0;
  for (let i = 0; i < ai.length && j < bi.length; i++) {
    while (j < bi.length && bi[j] < ai[i]) j++;
    if (j < bi.length && bi[j] === ai[i]) {
      distance = f(distance + f(a.values[i] * b.values[j]));
      j++;
    }
  }
  return distance;
}

function sparseL1(a: SparseVector, b: SparseVector): number {
  const ai = a.indices;
  const bi = b.indices;
  let distance = 0;
  let j = 0;
  for (let i = 0; i < ai.length; i++) {
    while (j < bi.length && bi[j] < ai[i]) distance += Math.abs(b.values[j++]);
    if (j < bi.length && bi[j] === ai[i]) distance += Math.abs(f(a.values[i] - b.values[j++]));
    else distance += Math.abs(a.values[i]);
  }
  for (; j < bi.length; j++) distance += Math.abs(b.values[j]);
  return distance;
}

/** Float sum of squares of the stored values (the cosine norms). */
function floatSumSquares(values: Float32Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) n = f(n + f(values[i] * values[i]));
  return n;
}

function doubleNorm(values: Float32Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) n += values[i] * values[i];
  return Math.sqrt(n);
}

/** sparsevec_l2_normalize: values / norm narrowed to float; values that become 0 are dropped. */
function sparseNormalize(a: SparseVector): SparseVector {
  const norm = doubleNorm(a.values);
  if (!(norm > 0)) return new SparseVector(a.dim, new Int32Array(a.indices), new Float32Array(a.values.length));
  const values = new Float32Array(a.values.length);
  for (let i = 0; i < values.length; i++) {
    values[i] = a.values[i] / norm;
    if (isInf(values[i])) throw overflow();
  }
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) keep.push(i);
  if (keep.length === values.length) return new SparseVector(a.dim, new Int32Array(a.indices), values);
  return new SparseVector(a.dim, Int32Array.from(keep, (i) => a.indices[i]), Float32Array.from(keep, (i) => values[i]));
}

const check = (a: SparseVector, b: SparseVector) => checkDims('sparsevec', a.dim, b.dim);

export const SPARSE_FUNCTIONS: FunctionTable = {
  sparsevec_l2_distance: (a: SparseVector, b: SparseVector) => {
    check(a, b);
    return Math.sqrt(sparseL2Squared(a, b));
  },
  sparsevec_l2_squared_distance: (a: SparseVector, b: SparseVector) => {
    check(a, b);
    return sparseL2Squared(a, b);
  },
  sparsevec_inner_product: (a: SparseVector, b: SparseVector) => {
    check(a, b);
    return sparseInnerProduct(a, b);
  },
  sparsevec_negative_inner_product: (a: SparseVector, b: SparseVector) => {
    check(a, b);
    return -sparseInnerProduct(a, b);
  },
  sparsevec_cosine_distance: (a: SparseVector, b: SparseVector) => {
    check(a, b);
    const similarity = sparseInnerProduct(a, b) / Math.sqrt(floatSumSquares(a.values) * floatSumSquares(b.values));
    return cosineDistanceFromSimilarity(similarity);
  },
  sparsevec_l1_distance: (a: SparseVector, b: SparseVector) => {
    check(a, b);
    return sparseL1(a, b);
  },
  sparsevec_l2_norm: (a: SparseVector) => doubleNorm(a.values),
  sparsevec_l2_normalize: sparseNormalize,
};
