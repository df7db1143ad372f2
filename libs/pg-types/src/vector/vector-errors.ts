// pgvector's input/receive errors, worded and coded exactly as src/vector.c, halfvec.c and
// sparsevec.c raise them (typeName is 'vector', 'halfvec' or 'sparsevec').
import { dataException, invalidBinary, invalidText, numericOutOfRange, programLimitExceeded, protocolViolation, type SqlError } from '@vecgres/errors';

export type VectorTypeName = 'vector' | 'halfvec' | 'sparsevec';

/** 16000: VECTOR_MAX_DIM / HALFVEC_MAX_DIM. */
export const VECTOR_MAX_DIM = 16000;
/** SPARSEVEC_MAX_DIM (1e9) and SPARSEVEC_MAX_NNZ (16000). */
export const SPARSEVEC_MAX_DIM = 1000000000;
export const SPARSEVEC_MAX_NNZ = 16000;

/** 22P02 `invalid input syntax for type vector: "..."`, with pgvector's detail when it has one. */
export function vectorSyntax(type: VectorTypeName, lit: string, detail?: string): SqlError {
  return invalidText(`invalid input syntax for type ${type}: "${lit}"`, detail === undefined ? undefined : { detail });
}

/** 22003 `"1e50" is out of range for type vector`. */
export function vectorOutOfRange(type: VectorTypeName, token: string): SqlError {
  return numericOutOfRange(`"${token}" is out of range for type ${type}`);
}

/** CheckElement: 22000 for NaN and infinities. */
export function checkElement(type: VectorTypeName, v: number): void {
  if (Number.isNaN(v)) throw dataException(`NaN not allowed in ${type}`);
  if (!Number.isFinite(v)) throw dataException(`infinite value not allowed in ${type}`);
}

/** CheckDim of vector/halfvec (and sparsevec with its own maximum). */
export function checkDim(type: VectorTypeName, dim: number): void {
  if (dim < 1) throw dataException(`${type} must have at least 1 dimension`);
  const max = type === 'sparsevec' ? SPARSEVEC_MAX_DIM : VECTOR_MAX_DIM;
  if (dim > max) throw programLimitExceeded(`${type} cannot have more than ${max} dimensions`);
}

/** 22000 `expected unused to be 0, not 5` (binary receive). */
export function unusedNotZero(unused: number): SqlError {
  return dataException(`expected unused to be 0, not ${unused}`);
}

/** pq_getmsg*'s 08P01 when the value is shorter than its header says. */
export function insufficientData(): SqlError {
  return protocolViolation('insufficient data left in message');
}

/** A received value with bytes left over (the bind/COPY caller's 22P03). */
export function trailingBytes(): SqlError {
  return invalidBinary('incorrect binary data format');
}
