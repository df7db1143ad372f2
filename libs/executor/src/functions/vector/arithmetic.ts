// Element-wise arithmetic and per-vector functions of vector and halfvec: + - * || (vector_add,
// vector_sub, vector_mul, vector_concat and the halfvec_ twins), vector_dims, vector_norm /
// l2_norm, l2_normalize, binary_quantize, subvector.
//
// Results are computed in float (vector) or computed in float and rounded to half (halfvec,
// pgvector's non-_Float16 path), then checked: an infinite element is `value out of range:
// overflow`, and for * a zero product of non-zero factors is `... underflow` (22003).
import { dataException } from '@vecgres/errors';
import { BitString } from '@vecgres/pg-types';
import type { FunctionTable } from '../function-table';
import { checkDim, checkDims, isInf, overflow, roundToHalf, underflow, type VecType } from './checks';

type Dense = Float32Array;
type Narrow = (v: number) => number;

const f = Math.fround;
/** Float result rounded to half (Float4ToHalfUnchecked(HalfToFloat4(a) op HalfToFloat4(b))). */
const h: Narrow = (v) => roundToHalf(f(v));

function elementwise(type: VecType, narrow: Narrow, op: (x: number, y: number) => number, checkUnderflow: boolean) {
  return (a: Dense, b: Dense): Dense => {
    checkDims(type, a.length, b.length);
    const r = new Float32Array(a.length);
    for (let i = 0; i < a.length; i++) r[i] = narrow(op(a[i], b[i]));
    for (let i = 0; i < r.length; i++) {
      if (isInf(r[i])) throw overflow();
      if (checkUnderflow && r[i] === 0 && !(a[i] === 0 || b[i] === 0)) throw underflow();
    }
    return r;
  };
}

function concat(type: VecType) {
  return (a: Dense, b: Dense): Dense => {
    checkDim(type, a.length + b.length);
    const r = new Float32Array(a.length + b.length);
    r.set(a, 0);
    r.set(b, a.length);
    return r;
  };
}

/** Sum of squares in double (vector_norm, l2_norm, l2_normalize all use double here). */
function sumSquaresF64(a: Dense): number {
  let norm = 0;
  for (let i = 0; i < a.length; i++) norm += a[i] * a[i];
  return norm;
}

/** l2_normalize: x / norm in double, narrowed; the zero vector comes back as zeros. */
function normalize(narrow: Narrow) {
  return (a: Dense): Dense => {
    const r = new Float32Array(a.length);
    const norm = Math.sqrt(sumSquaresF64(a));
    if (norm > 0) {
      for (let i = 0; i < a.length; i++) r[i] = narrow(a[i] / norm);
      for (let i = 0; i < r.length; i++) if (isInf(r[i])) throw overflow();
    }
    return r;
  };
}

/** binary_quantize: bit i is 1 iff element i > 0, packed MSB first (bit(n) with n = dims). */
export function binaryQuantize(a: Dense): BitString {
  const bytes = new Uint8Array((a.length + 7) >> 3);
  for (let i = 0; i < a.length; i++) if (a[i] > 0) bytes[i >> 3] |= 0x80 >> (i & 7);
  return new BitString(a.length, bytes);
}

/**
 * subvector(v, start, count): 1-based like substring. count < 1, a start past the end, or an
 * empty result are `... must have at least 1 dimension`; the overflow-safe end computation
 * follows the C (start > dim - count means "to the end").
 */
function subvector(type: VecType) {
  return (a: Dense, start: number, count: number): Dense => {
    const dim = a.length;
    if (count < 1) throw checkDimError(type);
    let s = start;
    const end = s > dim - count ? dim + 1 : s + count;
    if (s < 1) s = 1;
    else if (s > dim) throw checkDimError(type);
    const n = end - s;
    checkDim(type, n);
    return a.slice(s - 1, s - 1 + n);
  };
}

function checkDimError(type: VecType): Error {
  return dataException(`${type} must have at least 1 dimension`);
}

const add = (x: number, y: number) => x + y;
const sub = (x: number, y: number) => x - y;
const mul = (x: number, y: number) => x * y;

export const vectorAdd = elementwise('vector', f, add, false);
export const halfvecAdd = elementwise('halfvec', h, add, false);

export const DENSE_ARITHMETIC_FUNCTIONS: FunctionTable = {
  vector_add: vectorAdd,
  vector_sub: elementwise('vector', f, sub, false),
  vector_mul: elementwise('vector', f, mul, true),
  vector_concat: concat('vector'),
  halfvec_add: halfvecAdd,
  halfvec_sub: elementwise('halfvec', h, sub, false),
  halfvec_mul: elementwise('halfvec', h, mul, true),
  halfvec_concat: concat('halfvec'),

  vector_dims: (a: Dense) => a.length,
  halfvec_vector_dims: (a: Dense) => a.length,
  vector_norm: (a: Dense) => Math.sqrt(sumSquaresF64(a)),
  halfvec_l2_norm: (a: Dense) => Math.sqrt(sumSquaresF64(a)),
  l2_normalize: normalize(f),
  halfvec_l2_normalize: normalize(h),
  binary_quantize: binaryQuantize,
  halfvec_binary_quantize: binaryQuantize,
  subvector: subvector('vector'),
  halfvec_subvector: subvector('halfvec'),
};
