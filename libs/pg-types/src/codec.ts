// The codec interface every PostgreSQL type implements (typinput/typoutput/typreceive/typsend)
// and the helpers that pick text or binary by format code. New types (vector, halfvec,
// sparsevec, date/time, arrays) slot in by implementing TypeCodec and being passed to
// createCodecRegistry alongside the built-ins.
import type { PgTypeInfo } from './oids';
import type { DateTimeSettings } from './datetime/settings';

/** Wire format code: 0 = text, 1 = binary. */
export type FormatCode = 0 | 1;

/**
 * Session settings that change text output (PostgreSQL GUCs). The date/time settings (TimeZone,
 * DateStyle order, IntervalStyle, transaction start for 'now') also drive text input.
 */
export interface TextOutputOptions extends DateTimeSettings {
  /** extra_float_digits (default 1: shortest-exact output; <= 0: %.{15+n}g style). */
  extraFloatDigits?: number;
}

/**
 * One type's four I/O functions. T is the JS value: boolean for bool, number for int2/int4/
 * float4/float8, bigint for int8, string for text/varchar/unknown and numeric (an exact decimal
 * string), Buffer for bytea.
 */
export interface TypeCodec<T = unknown> {
  readonly type: PgTypeInfo;
  /** typoutput: the text form PostgreSQL would print. */
  toText(value: T, options?: TextOutputOptions): string;
  /** typinput: parse the text form; throws SqlError 22P02 / 22003 like PostgreSQL. */
  fromText(text: string, options?: TextOutputOptions): T;
  /** typsend: the binary wire form (network byte order). */
  toBinary(value: T): Buffer;
  /** typreceive: parse the binary wire form; throws SqlError 22P03 on a malformed value. */
  fromBinary(data: Buffer): T;
}

/** Encodes a value for a DataRow / CopyData field in the requested format. */
export function encodeValue<T>(codec: TypeCodec<T>, value: T, format: FormatCode, options?: TextOutputOptions): Buffer {
  return format === 1 ? codec.toBinary(value) : Buffer.from(codec.toText(value, options), 'utf8');
}

/** Decodes a Bind parameter / CopyData field sent in the given format. */
export function decodeValue<T>(codec: TypeCodec<T>, data: Buffer, format: FormatCode, options?: TextOutputOptions): T {
  return format === 1 ? codec.fromBinary(data) : codec.fromText(data.toString('utf8'), options);
}

/** An immutable OID -> codec lookup. */
export interface CodecRegistry {
  get(oid: number): TypeCodec | undefined;
  /** Like get, but throws a plain Error for a type nobody registered (a programming error). */
  require(oid: number): TypeCodec;
  has(oid: number): boolean;
  oids(): number[];
}

/** Builds a registry; later codecs with the same OID replace earlier ones. */
export function createCodecRegistry(codecs: Iterable<TypeCodec<any>>): CodecRegistry {
  const byOid = new Map<number, TypeCodec>();
  for (const c of codecs) byOid.set(c.type.oid, c as TypeCodec);
  return {
    get: (oid) => byOid.get(oid),
    require(oid) {
      const c = byOid.get(oid);
      if (!c) throw new Error(`no codec registered for type OID ${oid}`);
      return c;
    },
    has: (oid) => byOid.has(oid),
    oids: () => [...byOid.keys()],
  };
}
