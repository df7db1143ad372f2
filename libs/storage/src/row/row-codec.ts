// Row payload codecs. A row's non-vector column values are stored as one opaque byte string
// per row version; the SQL engine will plug in a typed codec, this default one covers
// JSON-able values plus Float32Array (e.g. vectors in non-vector-index columns), bigint and
// Uint8Array (bytea).
export type RowValues = Record<string, unknown>;

export interface RowCodec {
  /** Stored in segment meta.json so a segment says how its payload was written. */
  readonly name: string;
  encode(values: RowValues): Uint8Array;
  decode(bytes: Uint8Array): RowValues;
}

// Tags that JSON cannot express natively. The leading NUL keeps them out of user key space.
const F32 = '\u0000f32';
const BIG = '\u0000big';
const BYTES = '\u0000bytes';

// JSON.stringify applies toJSON() before the replacer (Buffer.prototype.toJSON would turn bytes
// into {type:'Buffer', data:[...]}), so the replacer reads the holder's original value.
function replacer(this: Record<string, unknown>, key: string, converted: unknown): unknown {
  const value = this[key];
  if (value instanceof Float32Array) return { [F32]: Array.from(value) };
  if (typeof value === 'bigint') return { [BIG]: value.toString() };
  if (value instanceof Uint8Array) return { [BYTES]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  return converted;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (F32 in o) return Float32Array.from(o[F32] as number[]);
    if (BIG in o) return BigInt(o[BIG] as string);
    if (BYTES in o) return new Uint8Array(Buffer.from(o[BYTES] as string, 'base64'));
  }
  return value;
}

export const jsonRowCodec: RowCodec = {
  name: 'json-v1',
  encode: (values) => new TextEncoder().encode(JSON.stringify(values, replacer)),
  decode: (bytes) => JSON.parse(new TextDecoder().decode(bytes), reviver) as RowValues,
};
