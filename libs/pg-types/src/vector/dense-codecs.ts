// vector and halfvec: pgvector's text form `[1,2,3]` and binary form
//   int16 dim | int16 unused (0) | dim x element   (network byte order)
// where an element is a float4 (vector) or the raw IEEE half bits as uint16 (halfvec).
// The JS value of both is a Float32Array; halfvec elements are exactly representable halves.
// Text output prints each element like float4out with shortest round-trip digits (pgvector
// uses float_to_shortest_decimal_bufn, so extra_float_digits does not apply).
// @see https://github.com/pgvector/pgvector/blob/v0.8.0/src/vector.c (vector_in/out/recv/send)
// @see https://github.com/pgvector/pgvector/blob/v0.8.0/src/halfvec.c
import type { TypeCodec } from '../codec';
import { formatFloat32Shortest as formatFloat4 } from './float32-text';
import { floatToHalfBits, halfBitsToFloat, roundToHalf } from './half';
import { skipSpaces, strtof } from './strtof';
import {
  VECTOR_MAX_DIM, checkDim, checkElement, insufficientData, trailingBytes, unusedNotZero, vectorOutOfRange, vectorSyntax,
} from './vector-errors';
import { programLimitExceeded, dataException } from '@vecgres/errors';

type DenseType = 'vector' | 'halfvec';

/** vector_in / halfvec_in without the typmod check (the typmod cast does that). */
export function parseDenseVector(type: DenseType, lit: string): Float32Array {
  const out: number[] = [];
  let pt = skipSpaces(lit, 0);
  if (lit[pt] !== '[') throw vectorSyntax(type, lit, 'Vector contents must start with "[".');
  pt = skipSpaces(lit, pt + 1);
  if (lit[pt] === ']') throw dataException(`${type} must have at least 1 dimension`);
  for (;;) {
    if (out.length === VECTOR_MAX_DIM) throw programLimitExceeded(`${type} cannot have more than ${VECTOR_MAX_DIM} dimensions`);
    pt = skipSpaces(lit, pt);
    if (pt >= lit.length) throw vectorSyntax(type, lit);
    const tok = strtof(lit, pt);
    if (tok.end === pt) throw vectorSyntax(type, lit);
    let v = tok.value;
    if (type === 'halfvec') {
      v = roundToHalf(tok.value);
      // Finite floats beyond the half range overflow too (halfvec.c: HalfIsInf && !isinf(val)).
      if (tok.overflow || (Math.abs(v) === Infinity && Number.isFinite(tok.value))) {
        throw vectorOutOfRange(type, lit.slice(pt, tok.end));
      }
    } else if (tok.overflow) {
      throw vectorOutOfRange(type, lit.slice(pt, tok.end));
    }
    checkElement(type, v);
    out.push(v);
    pt = skipSpaces(lit, tok.end);
    if (lit[pt] === ',') pt++;
    else if (lit[pt] === ']') {
      pt++;
      break;
    } else throw vectorSyntax(type, lit);
  }
  pt = skipSpaces(lit, pt);
  if (pt < lit.length) throw vectorSyntax(type, lit, 'Junk after closing right brace.');
  checkDim(type, out.length);
  return Float32Array.from(out);
}

/** vector_out / halfvec_out: `[1,2.5,-3e-05]`. */
export function formatDenseVector(v: Float32Array): string {
  let s = '[';
  for (let i = 0; i < v.length; i++) s += (i > 0 ? ',' : '') + formatFloat4(v[i]);
  return s + ']';
}

/** vector_send / halfvec_send. */
export function encodeDenseVector(type: DenseType, v: Float32Array): Buffer {
  const width = type === 'vector' ? 4 : 2;
  const b = Buffer.alloc(4 + width * v.length);
  b.writeInt16BE(v.length, 0);
  b.writeInt16BE(0, 2);
  for (let i = 0; i < v.length; i++) {
    if (width === 4) b.writeFloatBE(v[i], 4 + 4 * i);
    else b.writeUInt16BE(floatToHalfBits(v[i]), 4 + 2 * i);
  }
  return b;
}

/** vector_recv / halfvec_recv (the typmod check is the caller's). */
export function decodeDenseVector(type: DenseType, data: Buffer): Float32Array {
  if (data.length < 4) throw insufficientData();
  // pq_getmsgint(buf, 2) reads the int16 fields unsigned.
  const dim = data.readUInt16BE(0);
  const unused = data.readUInt16BE(2);
  checkDim(type, dim);
  if (unused !== 0) throw unusedNotZero(unused);
  const width = type === 'vector' ? 4 : 2;
  if (data.length < 4 + width * dim) throw insufficientData();
  const out = new Float32Array(dim);
  if (width === 4) {
    // A DataView read is about twice as fast as Buffer#readFloatBE (a prepared top-k query
    // decodes its query vector on every execution); v - v is 0 exactly for finite values.
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < dim; i++) {
      const v = view.getFloat32(4 + 4 * i);
      if (v - v !== 0) checkElement(type, v);
      out[i] = v;
    }
  } else {
    for (let i = 0; i < dim; i++) {
      const v = halfBitsToFloat(data.readUInt16BE(4 + 2 * i));
      checkElement(type, v);
      out[i] = v;
    }
  }
  if (data.length !== 4 + width * dim) throw trailingBytes();
  return out;
}

/** The codec of a dense vector type with the OID this database gave it. */
export function denseVectorCodec(type: DenseType, oid: number): TypeCodec<Float32Array> {
  return {
    type: { oid, name: type, typlen: -1 },
    toText: (v) => formatDenseVector(v),
    fromText: (text) => parseDenseVector(type, text),
    toBinary: (v) => encodeDenseVector(type, v),
    fromBinary: (data) => decodeDenseVector(type, data),
  };
}
