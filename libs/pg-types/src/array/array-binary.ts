// Array binary I/O (array_send / array_recv):
//   int32 ndim | int32 flags (1 = has NULLs) | uint32 element type OID
//   ndim x (int32 length, int32 lower bound)
//   per element: int32 byte length (-1 for NULL) then the element's binary form
// @see https://www.postgresql.org/docs/16/protocol-overview.html (binary formats are the *_send functions)
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { invalidBinaryFormat } from '../errors';
import { sqlTypeName } from '../oids';
import { MAX_ARRAY_DIMS, PgArray } from './pg-array';

/** array_send. `encodeElement` is the element type's send function. */
export function encodeArrayBinary<T>(arr: PgArray<T>, elementOid: number, encodeElement: (v: T) => Buffer): Buffer {
  const header = Buffer.alloc(12 + arr.ndim * 8);
  header.writeInt32BE(arr.ndim, 0);
  header.writeInt32BE(arr.hasNull ? 1 : 0, 4);
  header.writeUInt32BE(elementOid, 8);
  arr.dims.forEach((d, i) => {
    header.writeInt32BE(d, 12 + i * 8);
    header.writeInt32BE(arr.lowerBounds[i]!, 16 + i * 8);
  });
  const parts: Buffer[] = [header];
  for (const v of arr.elements) {
    const len = Buffer.alloc(4);
    if (v === null) {
      len.writeInt32BE(-1);
      parts.push(len);
    } else {
      const body = encodeElement(v);
      len.writeInt32BE(body.length);
      parts.push(len, body);
    }
  }
  return Buffer.concat(parts);
}

function insufficient(): SqlError {
  return invalidBinaryFormat('insufficient data left in message');
}

/** array_recv: validates like PostgreSQL. `decodeElement` is the element type's receive function. */
export function decodeArrayBinary<T>(data: Buffer, elementOid: number, decodeElement: (b: Buffer) => T): PgArray<T> {
  if (data.length < 12) throw insufficient();
  const ndim = data.readInt32BE(0);
  if (ndim < 0) throw new SqlError(SQLSTATE.INVALID_BINARY_REPRESENTATION, `invalid number of dimensions: ${ndim}`);
  if (ndim > MAX_ARRAY_DIMS) {
    throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, `number of array dimensions (${ndim}) exceeds the maximum allowed (${MAX_ARRAY_DIMS})`);
  }
  const flags = data.readInt32BE(4);
  if (flags !== 0 && flags !== 1) throw new SqlError(SQLSTATE.INVALID_BINARY_REPRESENTATION, 'invalid array flags');
  const elemType = data.readUInt32BE(8);
  if (elemType !== elementOid) {
    throw new SqlError(
      SQLSTATE.DATATYPE_MISMATCH,
      `binary data has array element type ${elemType} (${sqlTypeName(elemType)}) instead of expected ${elementOid} (${sqlTypeName(elementOid)})`,
    );
  }
  if (data.length < 12 + ndim * 8) throw insufficient();
  const dims: number[] = [];
  const lbounds: number[] = [];
  for (let i = 0; i < ndim; i++) {
    dims.push(data.readInt32BE(12 + i * 8));
    lbounds.push(data.readInt32BE(16 + i * 8));
  }
  if (dims.some((d) => d < 0)) throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, 'array size exceeds the maximum allowed (134217727)');
  const n = ndim === 0 ? 0 : dims.reduce((a, b) => a * b, 1);
  let pos = 12 + ndim * 8;
  const elements: Array<T | null> = [];
  for (let i = 0; i < n; i++) {
    if (pos + 4 > data.length) throw insufficient();
    const len = data.readInt32BE(pos);
    pos += 4;
    if (len < -1 || len > data.length - pos) throw insufficient();
    if (len === -1) {
      elements.push(null);
    } else {
      elements.push(decodeElement(data.subarray(pos, pos + len)));
      pos += len;
    }
  }
  if (n === 0) return new PgArray<T>([]);
  return new PgArray(elements, dims, lbounds);
}
