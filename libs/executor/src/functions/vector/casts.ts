// Cast functions of pgvector's types, keyed by their C names: the typmod casts `vector`,
// `halfvec`, `sparsevec` (T -> T(n): `expected %d dimensions, not %d`), arrays -> vector types
// (array_to_vector / array_to_halfvec / array_to_sparsevec over int4[], float4[], float8[] and
// numeric[]: one C function each, the element type telling how to read the elements), vector
// types -> real[], and the conversions between vector, halfvec and sparsevec.
//
// Cast functions take (value, typmod, explicit) like pgvector's; when the executor calls them
// with the value only, typmod is -1 (no dimension check).
import { SQLSTATE, SqlError, dataException } from '@vecgres/errors';
import { PgArray, SparseVector, numericToFloat4 } from '@vecgres/pg-types';
import { toPgArray } from '../array';
import type { FunctionTable } from '../function-table';
import { checkDim, checkElement, checkExpectedDim, checkNnz, float4ToHalf, typmodArg, type VecType } from './checks';

/**
 * One array element as a float: int4/float4/float8 elements are JS numbers and narrow with
 * (float); numeric elements are decimal strings and go through numeric_float4 (which raises
 * `"..." is out of range for type real`). Anything else is `unsupported array type`.
 */
function elementToFloat4(e: unknown): number {
  if (typeof e === 'number') return Math.fround(e);
  if (typeof e === 'string') return numericToFloat4(e);
  if (typeof e === 'bigint') return Math.fround(Number(e));
  throw dataException('unsupported array type');
}

/** The 1-D, NULL-free elements of an array argument, after the dimension checks of `type`. */
function arrayElements(type: VecType, value: unknown, typmod: number): readonly unknown[] {
  const arr = toPgArray(value);
  if (arr.ndim > 1) throw dataException('array must be 1-D');
  if (arr.hasNull) throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'array must not contain nulls');
  checkDim(type, arr.length);
  checkExpectedDim(typmod, arr.length);
  return arr.elements;
}

function arrayToVector(value: unknown, typmod?: number): Float32Array {
  const elems = arrayElements('vector', value, typmodArg(typmod));
  const r = Float32Array.from(elems, elementToFloat4);
  for (let i = 0; i < r.length; i++) checkElement('vector', r[i]);
  return r;
}

function arrayToHalfvec(value: unknown, typmod?: number): Float32Array {
  const elems = arrayElements('halfvec', value, typmodArg(typmod));
  const r = Float32Array.from(elems, (e) => float4ToHalf(elementToFloat4(e)));
  for (let i = 0; i < r.length; i++) checkElement('halfvec', r[i]);
  return r;
}

/** Dense float32 values -> sparsevec of the non-zero entries (0-based indices). */
function denseToSparse(x: Float32Array): SparseVector {
  let nnz = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) nnz++;
  checkNnz(nnz, x.length);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== 0) {
      indices[j] = i;
      values[j++] = x[i];
    }
  }
  return new SparseVector(x.length, indices, values);
}

function arrayToSparsevec(value: unknown, typmod?: number): SparseVector {
  const elems = arrayElements('sparsevec', value, typmodArg(typmod));
  const dense = Float32Array.from(elems, elementToFloat4);
  for (let i = 0; i < dense.length; i++) checkElement('sparsevec', dense[i]);
  return denseToSparse(dense);
}

function toFloat4Array(v: Float32Array): PgArray<number> {
  return PgArray.of(Array.from(v));
}

function dense(from: 'vector' | 'halfvec', to: VecType) {
  return (v: Float32Array, typmod?: number): Float32Array | SparseVector => {
    checkDim(to, v.length);
    checkExpectedDim(typmodArg(typmod), v.length);
    if (to === 'sparsevec') return denseToSparse(v);
    if (to === 'halfvec' && from === 'vector') return Float32Array.from(v, float4ToHalf);
    return new Float32Array(v);
  };
}

function sparseToDense(to: 'vector' | 'halfvec') {
  return (s: SparseVector, typmod?: number): Float32Array => {
    checkDim(to, s.dim);
    checkExpectedDim(typmodArg(typmod), s.dim);
    const r = new Float32Array(s.dim);
    for (let i = 0; i < s.indices.length; i++) r[s.indices[i]] = to === 'halfvec' ? float4ToHalf(s.values[i]) : s.values[i];
    return r;
  };
}

/** T -> T(n): only the dimension check. */
function typmodCast<T>(dimOf: (v: T) => number) {
  return (v: T, typmod?: number): T => {
    checkExpectedDim(typmodArg(typmod), dimOf(v));
    return v;
  };
}

export const VECTOR_CAST_FUNCTIONS: FunctionTable = {
  vector: typmodCast((v: Float32Array) => v.length),
  halfvec: typmodCast((v: Float32Array) => v.length),
  sparsevec: typmodCast((v: SparseVector) => v.dim),
  array_to_vector: arrayToVector,
  array_to_halfvec: arrayToHalfvec,
  array_to_sparsevec: arrayToSparsevec,
  vector_to_float4: toFloat4Array,
  halfvec_to_float4: toFloat4Array,
  vector_to_halfvec: dense('vector', 'halfvec'),
  halfvec_to_vector: dense('halfvec', 'vector'),
  vector_to_sparsevec: dense('vector', 'sparsevec'),
  halfvec_to_sparsevec: dense('halfvec', 'sparsevec'),
  sparsevec_to_vector: sparseToDense('vector'),
  sparsevec_to_halfvec: sparseToDense('halfvec'),
};
