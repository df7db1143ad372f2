// Codecs for the types only the system catalogs use (oid, "char", xid, cid, the OID alias
// types, int2vector/oidvector, pg_node_tree, aclitem and their arrays), added to the
// database's registry so catalog columns can be compared with literals ('r'::"char",
// '16398'::oid) and sent to clients.
//
// The OID alias types print their number here: this registry is context-free. Their
// name-based text form needs the session's catalog; casts go through regclassout & co.
// (expr/reg-cast.ts). libs/pg-types is the natural home for these; they live here until it
// takes them.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import {
  PgArray, createCodecRegistry, int2Codec, decodeArrayBinary, encodeArrayBinary, formatArrayText, parseArrayText,
  type CodecRegistry, type TypeCodec,
} from '@vecgres/pg-types';
import { jsonpathCodec } from '../functions/jsonpath';

function invalid(type: string, text: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_TEXT_REPRESENTATION, `invalid input syntax for type ${type}: "${text}"`);
}

/** An unsigned 32-bit OID-like type (oid, xid, cid, regclass, ...): JS number. */
function uint32Codec(oid: number, name: string): TypeCodec<number> {
  return {
    type: { oid, name, typlen: 4 },
    toText: (v) => String(v),
    fromText(text) {
      const t = text.trim();
      if (!/^-?\d+$/.test(t)) throw invalid(name, text);
      const n = Number(t);
      if (n > 4294967295 || n < -2147483648) {
        throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, `value "${text}" is out of range for type ${name}`);
      }
      return n < 0 ? n + 4294967296 : n;
    },
    toBinary(v) {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(v >>> 0);
      return b;
    },
    fromBinary(data) {
      if (data.length !== 4) throw new SqlError(SQLSTATE.INVALID_BINARY_REPRESENTATION, `insufficient data left in message`);
      return data.readUInt32BE(0);
    },
  };
}

/** "char": one byte, '' for NUL (charin takes the first byte of its input). */
const charCodec: TypeCodec<string> = {
  type: { oid: 18, name: 'char', typlen: 1 },
  toText: (v) => v,
  fromText: (text) => (text.length === 0 ? '' : String.fromCodePoint(text.codePointAt(0)!)),
  toBinary: (v) => Buffer.from(v.length === 0 ? [0] : [v.charCodeAt(0) & 0xff]),
  fromBinary: (data) => (data[0] === 0 || data.length === 0 ? '' : String.fromCharCode(data[0])),
};

/** A text-like type (pg_node_tree, aclitem): the string itself. */
function stringCodec(oid: number, name: string): TypeCodec<string> {
  return {
    type: { oid, name, typlen: -1 },
    toText: (v) => v,
    fromText: (text) => text,
    toBinary: (v) => Buffer.from(v, 'utf8'),
    fromBinary: (data) => data.toString('utf8'),
  };
}

/** int2vector / oidvector: space-separated, lower bound 0. */
function vectorCodec(oid: number, name: string, element: TypeCodec<number>): TypeCodec<PgArray<number>> {
  return {
    type: { oid, name, typlen: -1 },
    toText: (v) => v.elements.map((e) => element.toText(e!)).join(' '),
    fromText(text) {
      const parts = text.trim() === '' ? [] : text.trim().split(/\s+/);
      const els = parts.map((p) => element.fromText(p));
      return els.length === 0 ? new PgArray<number>([], []) : new PgArray(els, [els.length], [0]);
    },
    toBinary: (v) => encodeArrayBinary(v, element.type.oid, (e) => element.toBinary(e)),
    fromBinary: (data) => decodeArrayBinary(data, element.type.oid, (b) => element.fromBinary(b)),
  };
}

function arrayOf<T>(oid: number, name: string, element: TypeCodec<T>): TypeCodec<PgArray<T>> {
  return {
    type: { oid, name, typlen: -1, elementOid: element.type.oid },
    toText: (v) => formatArrayText(v, (e) => element.toText(e)),
    fromText: (text) => parseArrayText(text, (s) => element.fromText(s)),
    toBinary: (v) => encodeArrayBinary(v, element.type.oid, (e) => element.toBinary(e)),
    fromBinary: (data) => decodeArrayBinary(data, element.type.oid, (b) => element.fromBinary(b)),
  };
}

function catalogTypeCodecs(): TypeCodec<any>[] {
  const oid = uint32Codec(26, 'oid');
  const uints: Array<[number, string, number]> = [
    [26, 'oid', 1028], [28, 'xid', 1011], [29, 'cid', 1012], [24, 'regproc', 1008], [2202, 'regprocedure', 2207],
    [2203, 'regoper', 2208], [2204, 'regoperator', 2209], [2205, 'regclass', 2210], [2206, 'regtype', 2211],
    [4089, 'regnamespace', 4090], [4096, 'regrole', 4097],
  ];
  const out: TypeCodec<any>[] = [];
  for (const [o, name, arr] of uints) {
    const c = o === 26 ? oid : uint32Codec(o, name);
    out.push(c, arrayOf(arr, `_${name}`, c));
  }
  const aclitem = stringCodec(1033, 'aclitem');
  out.push(
    charCodec, arrayOf(1002, '_char', charCodec),
    stringCodec(194, 'pg_node_tree'), aclitem, arrayOf(1034, '_aclitem', aclitem),
    vectorCodec(22, 'int2vector', int2Codec), vectorCodec(30, 'oidvector', oid),
    jsonpathCodec, arrayOf(4073, '_jsonpath', jsonpathCodec),
  );
  return out;
}

/** `base` plus the catalog-only types it lacks (base codecs win where both exist). */
export function withCatalogCodecs(base: CodecRegistry): CodecRegistry {
  const extra = catalogTypeCodecs().filter((c) => !base.has(c.type.oid));
  if (extra.length === 0) return base;
  return createCodecRegistry([...base.oids().map((o) => base.require(o)), ...extra]);
}
