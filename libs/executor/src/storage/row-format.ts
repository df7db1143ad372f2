// How SQL values are stored in a storage row payload: one entry per column keyed by its attnum
// (so RENAME COLUMN and DROP COLUMN never rewrite rows; ADD COLUMN reads as NULL in old rows).
//
// One rule decides the stored form of a value: types whose JS value survives storage's JSON
// row codec unchanged (booleans, finite numbers, strings, bigint, bytes) are stored as they
// are; every other type (date/time, interval, jsonb, arrays, and whatever extensions add) is
// stored as its binary send form (PostgreSQL's typsend), which the codec keeps as bytes and
// typreceive restores exactly. Floats are the one special case of a "plain" type: NaN,
// +-Infinity and -0 do not survive JSON, so they are stored as strings.
import type { ScanColumn } from '@vecgres/planner';
import { builtinCodecRegistry, type CodecRegistry } from '@vecgres/pg-types';
import type { Row } from '../exec/exec-context';

/** Types stored as their JS value (bool, int2/4/8, oid, text types, numeric, uuid, json, bytea). */
const PLAIN_OIDS = new Set([16, 21, 23, 20, 26, 25, 1043, 1042, 19, 1700, 2950, 114, 17]);
const FLOAT_OIDS = new Set([700, 701]);
const BYTEA_OID = 17;

/** The codecs of the built-in types (immutable). Extension types pass their Database's registry. */
const BUILTIN_CODECS = builtinCodecRegistry();

function asBuffer(v: Uint8Array): Buffer {
  return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function toStored(v: unknown, oid: number, codecs: CodecRegistry): unknown {
  if (v === null || v === undefined) return null;
  if (FLOAT_OIDS.has(oid)) {
    return typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? (Object.is(v, -0) ? '-0' : String(v)) : v;
  }
  if (PLAIN_OIDS.has(oid)) return v;
  const codec = codecs.get(oid);
  return codec ? codec.toBinary(v) : v;
}

function fromStored(v: unknown, oid: number, codecs: CodecRegistry): unknown {
  if (v === null || v === undefined) return null;
  if (FLOAT_OIDS.has(oid)) return typeof v === 'string' ? (v === '-0' ? -0 : Number(v)) : v;
  if (oid === BYTEA_OID) return v instanceof Uint8Array ? asBuffer(v) : v;
  if (PLAIN_OIDS.has(oid)) return v;
  const codec = codecs.get(oid);
  return codec && v instanceof Uint8Array ? codec.fromBinary(asBuffer(v)) : v;
}

/**
 * Payload key of a value of a storage vector column that does not fit it (the column's type
 * was changed by ALTER COLUMN TYPE to another dimension or a non-float32 type): the storage
 * column then holds NULL and the payload the value.
 */
const overflowKey = (attnum: number) => `p${attnum}`;

/**
 * Row values (in `columns` order) -> storage payload record. `vectorDims` maps the attnums of
 * storage vector columns (storage/vector-columns.ts) to their dimension: a Float32Array of
 * that length goes to storage as is.
 */
export function encodeRow(columns: readonly ScanColumn[], row: Row, codecs: CodecRegistry = BUILTIN_CODECS, vectorDims?: ReadonlyMap<number, number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  columns.forEach((c, i) => {
    const dim = vectorDims?.get(c.attnum);
    if (dim !== undefined) {
      const x = row[i];
      if (x instanceof Float32Array && x.length === dim) out[c.attnum] = x;
      else if (x !== null && x !== undefined) out[overflowKey(c.attnum)] = toStored(x, c.type.oid, codecs);
      return;
    }
    const v = toStored(row[i], c.type.oid, codecs);
    if (v !== null) out[c.attnum] = v;
  });
  return out;
}

/** Storage payload record -> row values in `columns` order (absent attnums are NULL). */
export function decodeRow(columns: readonly ScanColumn[], values: Record<string, unknown>, codecs: CodecRegistry = BUILTIN_CODECS, needed?: ReadonlySet<number>): Row {
  const row: Row = new Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    // A column the consumer does not read (vector-source.ts rowsAt) stays NULL.
    if (needed && !needed.has(i)) {
      row[i] = null;
      continue;
    }
    const a = columns[i].attnum;
    row[i] = fromStored(values[a] ?? values[overflowKey(a)], columns[i].type.oid, codecs);
  }
  return row;
}
