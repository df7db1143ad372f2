// Distances between dense vectors (vector and halfvec), keyed by pgvector's C names.
//
// pgvector accumulates in float (single precision) and widens to double only at the end
// (l2_distance = sqrt((double) float_sum)); cosine divides the float dot product by
// sqrt((double) norma * (double) normb) and clamps the similarity to [-1, 1]. We mirror that
// with Math.fround after every float operation. (pgvector's loops are auto-vectorised, so on
// long vectors its summation order differs and the last float bit may too; the sequential
// order here is the C source's.) halfvec elements are held as exact float32 values, so the
// halfvec kernels are the same code with halfvec's error texts.
import type { FunctionTable } from '../function-table';
import { checkDims, type VecType } from './checks';

const f = Math.fround;

/** VectorL2SquaredDistance: float sum of squared float differences. a, b: Float32Array of equal length. */
export function l2SquaredF32(a: Float32Array, b: Float32Array): number {
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = f(a[i] - b[i]);
    distance = f(distance + f(diff * diff));
  }
  return distance;
}

/** VectorInnerProduct: float sum of float products. */
export function innerProductF32(a: Float32Array, b: Float32Array): number {
  let distance = 0;
  for (let i = 0; i < a.length; i++) distance = f(distance + f(a[i] * b[i]));
  return distance;
}

/** VectorCosineSimilarity: double similarity from float accumulators (NaN for a zero vector). */
export function cosineSimilarityF32(a: Float32Array, b: Float32Array): number {
  let similarity = 0;
  let norma = 0;
  let normb = 0;
  for (let i = 0; i < a.length; i++) {
    similarity = f(similarity + f(a[i] * b[i]));
    norma = f(norma + f(a[i] * a[i]));
    normb = f(normb + f(b[i] * b[i]));
  }
  return similarity / Math.sqrt(norma * normb);
}

/** VectorL1Distance: float sum of fabsf of float differences. */
export function l1F32(a: Float32Array, b: Float32Array): number {
  let distance = 0;
  for (let i = 0; i < a.length; i++) distance = f(distance + Math.abs(f(a[i] - b[i])));
  return distance;
}

/** 1 - similarity, with the similarity clamped to [-1, 1]; NaN passes through. */
export function cosineDistanceFromSimilarity(similarity: number): number {
  let s = similarity;
  if (s > 1) s = 1;
  else if (s < -1) s = -1;
  return 1 - s;
}

/** Angular distance for spherical k-means: acos(clamped dot) / pi (inputs assumed unit). */
function sphericalDistance(dot: number): number {
  let d = dot;
  if (d > 1) d = 1;
  else if (d < -1) d = -1;
  return Math.acos(d) / Math.PI;
}

type Dense = Float32Array;

/** The distance functions of one dense type, under its C names (`prefix` is '' or 'halfvec_'). */
function denseDistances(type: VecType, names: Record<string, string>): FunctionTable {
  const check = (a: Dense, b: Dense) => checkDims(type, a.length, b.length);
  return {
    [names.l2]: (a: Dense, b: Dense) => {
      check(a, b);
      return Math.sqrt(l2SquaredF32(a, b));
    },
    [names.l2sq]: (a: Dense, b: Dense) => {
      check(a, b);
      return l2SquaredF32(a, b);
    },
    [names.ip]: (a: Dense, b: Dense) => {
      check(a, b);
      return innerProductF32(a, b);
    },
    [names.nip]: (a: Dense, b: Dense) => {
      check(a, b);
      return -innerProductF32(a, b);
    },
    [names.cosine]: (a: Dense, b: Dense) => {
      check(a, b);
      return cosineDistanceFromSimilarity(cosineSimilarityF32(a, b));
    },
    [names.spherical]: (a: Dense, b: Dense) => {
      check(a, b);
      return sphericalDistance(innerProductF32(a, b));
    },
    [names.l1]: (a: Dense, b: Dense) => {
      check(a, b);
      return l1F32(a, b);
    },
  };
}

export const DENSE_DISTANCE_FUNCTIONS: FunctionTable = {
  ...denseDistances('vector', {
    l2: 'l2_distance', l2sq: 'vector_l2_squared_distance', ip: 'inner_product', nip: 'vector_negative_inner_product',
    cosine: 'cosine_distance', spherical: 'vector_spherical_distance', l1: 'l1_distance',
  }),
  ...denseDistances('halfvec', {
    l2: 'halfvec_l2_distance', l2sq: 'halfvec_l2_squared_distance', ip: 'halfvec_inner_product',
    nip: 'halfvec_negative_inner_product', cosine: 'halfvec_cosine_distance',
    spherical: 'halfvec_spherical_distance', l1: 'halfvec_l1_distance',
  }),
};
