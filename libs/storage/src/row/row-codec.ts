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

// One encoder / decoder for every call: they hold no state between calls (no streaming), and
// constructing one per row cost more than decoding a short row.
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();
/** How a tag's leading NUL appears in JSON text: only rows holding a tagged value need the reviver. */
const TAG_ESCAPE = '\\u0000';

export const jsonRowCodec: RowCodec = {
  name: 'json-v1',
  encode: (values) => utf8Encoder.encode(JSON.stringify(values, replacer)),
  // A reviver call per value makes JSON.parse several times slower (the lean fetch of a top-k
  // query's result rows decodes them per query); text without a tag parses without one.
  decode: (bytes) => {
    const text = utf8Decoder.decode(bytes);
    return (text.includes(TAG_ESCAPE) ? JSON.parse(text, reviver) : JSON.parse(text)) as RowValues;
  },
};
