// pgvector's argument checks and error texts, shared by every vector-type function:
// dimension mismatch (CheckDims), typmod (CheckExpectedDim), dimension limits (CheckDim),
// finite elements (CheckElement), float overflow/underflow, and float -> half rounding with
// halfvec's overflow error (Float4ToHalf). SQLSTATEs follow the C: data_exception (22000) for
// the checks, program_limit_exceeded (54000) above the limits, 22003 for out-of-range values.
import { SQLSTATE, SqlError, dataException, numericOutOfRange, programLimitExceeded } from '@vecgres/errors';
import { formatFloat4 } from '@vecgres/pg-types';

/** The three dense/sparse type names as pgvector spells them in messages. */
export type VecType = 'vector' | 'halfvec' | 'sparsevec';

/** VECTOR_MAX_DIM / HALFVEC_MAX_DIM / SPARSEVEC_MAX_DIM. */
export const MAX_DIM: Record<VecType, number> = { vector: 16000, halfvec: 16000, sparsevec: 1_000_000_000 };
/** SPARSEVEC_MAX_NNZ. */
export const SPARSEVEC_MAX_NNZ = 16000;

/** The largest finite half (65504); anything that rounds past it is infinite. */
export const HALF_MAX = 65504;

/** CheckDims: `different vector dimensions 2 and 1` (halfvec/sparsevec spell their own name). */
export function checkDims(type: VecType, a: number, b: number): void {
  if (a !== b) throw dataException(`different ${type} dimensions ${a} and ${b}`);
}

/** CheckExpectedDim: a typmod of -1 (none) accepts any dimension. */
export function checkExpectedDim(typmod: number, dim: number): void {
  if (typmod !== -1 && typmod !== dim) throw dataException(`expected ${typmod} dimensions, not ${dim}`);
}

/** CheckDim: at least 1 and at most the type's maximum. */
export function checkDim(type: VecType, dim: number): void {
  if (dim < 1) throw dataException(`${type} must have at least 1 dimension`);
  if (dim > MAX_DIM[type]) throw programLimitExceeded(`${type} cannot have more than ${MAX_DIM[type]} dimensions`);
}

/** CheckNnz for sparse vectors built from other values. */
export function checkNnz(nnz: number, dim: number): void {
  if (nnz > SPARSEVEC_MAX_NNZ) throw programLimitExceeded(`sparsevec cannot have more than ${SPARSEVEC_MAX_NNZ} non-zero elements`);
  if (nnz > dim) throw programLimitExceeded('sparsevec cannot have more elements than dimensions');
}

/** CheckElement: NaN and infinities are rejected in every vector type. */
export function checkElement(type: VecType, v: number): void {
  if (Number.isNaN(v)) throw dataException(`NaN not allowed in ${type}`);
  if (v === Infinity || v === -Infinity) throw dataException(`infinite value not allowed in ${type}`);
}

/** float_overflow_error (PostgreSQL's utils/float.h). */
export function overflow(): SqlError {
  return numericOutOfRange('value out of range: overflow');
}

/** float_underflow_error. */
export function underflow(): SqlError {
  return numericOutOfRange('value out of range: underflow');
}

/** The typmod argument of a cast function; absent (the executor calls with the value only) means -1. */
export function typmodArg(typmod: unknown): number {
  return typeof typmod === 'number' ? typmod : -1;
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

/**
 * The half-precision value nearest to `v` (round to nearest, ties to even), as a JS number;
 * +-Infinity when it overflows (Float4ToHalfUnchecked). Sign of zero is kept.
 */
export function roundToHalf(v: number): number {
  if (Number.isNaN(v) || v === 0 || !Number.isFinite(v)) return v;
  const a = Math.abs(v);
  let quantum: number;
  if (a < 2 ** -14) {
    quantum = 2 ** -24; // subnormal halves are multiples of 2^-24
  } else {
    let e = Math.floor(Math.log2(a));
    if (2 ** e > a) e--;
    else if (2 ** (e + 1) <= a) e++;
    quantum = 2 ** (e - 10); // 10 explicit mantissa bits
  }
  const r = roundHalfEven(a / quantum) * quantum;
  const out = r > HALF_MAX ? Infinity : r;
  return v < 0 ? -out : out;
}

/**
 * Float4ToHalf: `v` is first narrowed to float (the C takes a float), then rounded to half;
 * a finite input that overflows raises `"65520" is out of range for type halfvec`. Underflow
 * to zero is silent, as in pgvector.
 */
export function float4ToHalf(v: number): number {
  const f = Math.fround(v);
  const h = roundToHalf(f);
  if ((h === Infinity || h === -Infinity) && Number.isFinite(f)) {
    throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, `"${formatFloat4(f)}" is out of range for type halfvec`);
  }
  return h;
}

/** True for +-Infinity. */
export function isInf(v: number): boolean {
  return v === Infinity || v === -Infinity;
}
