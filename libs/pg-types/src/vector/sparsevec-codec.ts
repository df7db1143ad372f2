// sparsevec: pgvector's text form `{1:1.5,3:2}/5` (1-based indices, zeros dropped, sorted on
// input) and binary form
//   int32 dim | int32 nnz | int32 unused (0) | nnz x int32 index (0-based) | nnz x float4 value
// The JS value is a SparseVector (0-based ascending indices, non-zero values).
// @see https://github.com/pgvector/pgvector/blob/v0.8.0/src/sparsevec.c
import { dataException, programLimitExceeded } from '@vecgres/errors';
import type { TypeCodec } from '../codec';
import { formatFloat32Shortest as formatFloat4 } from './float32-text';
import { SparseVector } from './values';
import { skipSpaces, strtof, strtolInt32 } from './strtof';
import {
  SPARSEVEC_MAX_NNZ, checkDim, checkElement, insufficientData, trailingBytes, unusedNotZero, vectorOutOfRange, vectorSyntax,
} from './vector-errors';

const T = 'sparsevec';

/** CheckNnz. */
export function checkSparseNnz(nnz: number, dim: number): void {
  if (nnz < 0) throw dataException('sparsevec cannot have negative number of elements');
  if (nnz > SPARSEVEC_MAX_NNZ) throw programLimitExceeded(`sparsevec cannot have more than ${SPARSEVEC_MAX_NNZ} non-zero elements`);
  if (nnz > dim) throw programLimitExceeded('sparsevec cannot have more elements than dimensions');
}

/** CheckIndex for the i-th of the (sorted) 0-based indices. */
export function checkSparseIndex(indices: ArrayLike<number>, i: number, dim: number): void {
  const index = indices[i];
  if (index < 0 || index >= dim) throw dataException('sparsevec index out of bounds');
  if (i > 0) {
    if (index < indices[i - 1]) throw dataException('sparsevec indices must be in ascending order');
    if (index === indices[i - 1]) throw dataException('sparsevec indices must not contain duplicates');
  }
}

/** sparsevec_in without the typmod check. */
export function parseSparseVector(lit: string): SparseVector {
  let commas = 1;
  for (const ch of lit) if (ch === ',') commas++;
  if (commas > SPARSEVEC_MAX_NNZ) throw programLimitExceeded(`sparsevec cannot have more than ${SPARSEVEC_MAX_NNZ} non-zero elements`);
  const elements: Array<{ index: number; value: number }> = [];
  let pt = skipSpaces(lit, 0);
  if (lit[pt] !== '{') throw vectorSyntax(T, lit, 'Vector contents must start with "{".');
  pt = skipSpaces(lit, pt + 1);
  if (lit[pt] === '}') pt++;
  else {
    for (;;) {
      pt = skipSpaces(lit, pt);
      if (pt >= lit.length) throw vectorSyntax(T, lit);
      const idx = strtolInt32(lit, pt);
      if (idx.end === pt) throw vectorSyntax(T, lit);
      pt = skipSpaces(lit, idx.end);
      if (lit[pt] !== ':') throw vectorSyntax(T, lit);
      pt = skipSpaces(lit, pt + 1);
      const tok = strtof(lit, pt);
      if (tok.end === pt) throw vectorSyntax(T, lit);
      if (tok.overflow) throw vectorOutOfRange(T, lit.slice(pt, tok.end));
      checkElement(T, tok.value);
      // Zero values are not stored, and their indices are not checked (sparsevec.c).
      if (tok.value !== 0) elements.push({ index: idx.value === -2147483648 ? idx.value : idx.value - 1, value: tok.value });
      pt = skipSpaces(lit, tok.end);
      if (lit[pt] === ',') pt++;
      else if (lit[pt] === '}') {
        pt++;
        break;
      } else throw vectorSyntax(T, lit);
    }
  }
  pt = skipSpaces(lit, pt);
  if (lit[pt] !== '/') throw vectorSyntax(T, lit, 'Unexpected end of input.');
  pt = skipSpaces(lit, pt + 1);
  const dim = strtolInt32(lit, pt);
  if (dim.end === pt) throw vectorSyntax(T, lit);
  pt = skipSpaces(lit, dim.end);
  if (pt < lit.length) throw vectorSyntax(T, lit, 'Junk after closing.');
  checkDim(T, dim.value);
  elements.sort((a, b) => a.index - b.index);
  const indices = new Int32Array(elements.length);
  const values = new Float32Array(elements.length);
  for (let i = 0; i < elements.length; i++) {
    indices[i] = elements[i].index;
    values[i] = elements[i].value;
    checkSparseIndex(indices, i, dim.value);
  }
  return new SparseVector(dim.value, indices, values);
}

/** sparsevec_out. */
export function formatSparseVector(v: SparseVector): string {
  let s = '{';
  for (let i = 0; i < v.indices.length; i++) s += `${i > 0 ? ',' : ''}${v.indices[i] + 1}:${formatFloat4(v.values[i])}`;
  return `${s}}/${v.dim}`;
}

/** sparsevec_send. */
export function encodeSparseVector(v: SparseVector): Buffer {
  const nnz = v.indices.length;
  const b = Buffer.alloc(12 + 8 * nnz);
  b.writeInt32BE(v.dim, 0);
  b.writeInt32BE(nnz, 4);
  b.writeInt32BE(0, 8);
  for (let i = 0; i < nnz; i++) {
    b.writeInt32BE(v.indices[i], 12 + 4 * i);
    b.writeFloatBE(v.values[i], 12 + 4 * nnz + 4 * i);
  }
  return b;
}

/** sparsevec_recv without the typmod check. */
export function decodeSparseVector(data: Buffer): SparseVector {
  if (data.length < 12) throw insufficientData();
  const dim = data.readInt32BE(0);
  const nnz = data.readInt32BE(4);
  const unused = data.readInt32BE(8);
  checkDim(T, dim);
  checkSparseNnz(nnz, dim);
  if (unused !== 0) throw unusedNotZero(unused);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  if (data.length < 12 + 4 * nnz) throw insufficientData();
  for (let i = 0; i < nnz; i++) {
    indices[i] = data.readInt32BE(12 + 4 * i);
    checkSparseIndex(indices, i, dim);
  }
  if (data.length < 12 + 8 * nnz) throw insufficientData();
  for (let i = 0; i < nnz; i++) {
    const v = data.readFloatBE(12 + 4 * nnz + 4 * i);
    checkElement(T, v);
    if (v === 0) throw dataException('binary representation of sparsevec cannot contain zero values');
    values[i] = v;
  }
  if (data.length !== 12 + 8 * nnz) throw trailingBytes();
  return new SparseVector(dim, indices, values);
}

/** The sparsevec codec with the OID this database gave the type. */
export function sparseVectorCodec(oid: number): TypeCodec<SparseVector> {
  return {
    type: { oid, name: T, typlen: -1 },
    toText: (v) => formatSparseVector(v),
    fromText: (text) => parseSparseVector(text),
    toBinary: (v) => encodeSparseVector(v),
    fromBinary: (data) => decodeSparseVector(data),
  };
}
