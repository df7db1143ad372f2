// How SQL values are stored in a storage row payload: one entry per column keyed by its attnum
// (so RENAME COLUMN and DROP COLUMN never rewrite rows; ADD COLUMN reads as NULL in old rows).
// The payload goes through storage's JSON row codec, which keeps bigint and Uint8Array but not
// non-finite floats or -0: those are stored as strings and restored by the column's type.
import type { ScanColumn } from '@vecgres/planner';
import type { Row } from '../exec/exec-context';

const FLOAT_OIDS = new Set([700, 701]);
const BYTEA_OID = 17;

function toStored(v: unknown, oid: number): unknown {
  if (v === null || v === undefined) return null;
  if (FLOAT_OIDS.has(oid) && typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) {
    return Object.is(v, -0) ? '-0' : String(v);
  }
  return v;
}

function fromStored(v: unknown, oid: number): unknown {
  if (v === null || v === undefined) return null;
  if (FLOAT_OIDS.has(oid) && typeof v === 'string') return v === '-0' ? -0 : Number(v);
  if (oid === BYTEA_OID && v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return v;
}

/** Row values (in `columns` order) -> storage payload record. */
export function encodeRow(columns: readonly ScanColumn[], row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  columns.forEach((c, i) => {
    const v = toStored(row[i], c.type.oid);
    if (v !== null) out[c.attnum] = v;
  });
  return out;
}

/** Storage payload record -> row values in `columns` order (absent attnums are NULL). */
export function decodeRow(columns: readonly ScanColumn[], values: Record<string, unknown>): Row {
  const row: Row = new Array(columns.length);
  for (let i = 0; i < columns.length; i++) row[i] = fromStored(values[columns[i].attnum], columns[i].type.oid);
  return row;
}
