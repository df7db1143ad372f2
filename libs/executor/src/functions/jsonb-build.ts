// Building jsonb from SQL values: to_jsonb, jsonb_build_object / jsonb_build_array (VARIADIC
// "any": every argument arrives separately and its type comes from FunctionContext.argTypes),
// jsonb_object(text[]), plus jsonb_pretty, jsonb_strip_nulls and the jsonb -> scalar casts.
// Conversion follows datum_to_jsonb: numbers stay numbers (float NaN/Infinity become strings),
// date/time values use the JSON (XSD) format with a `T` and `+HH:MM` offsets, json/jsonb are
// embedded, arrays nest, anything else is its output text as a string.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import {
  Jsonb, JsonbNumber, builtinTypeByOid, escapeJsonString, formatFloat4, formatJsonb, formatFloat8, isJsonbArray, isJsonbObject,
  makeJsonbObject, parseJsonb, parseNumericText, PgArray, type JsonbValue,
} from '@vecgres/pg-types';
import { CAST_FUNCTIONS } from './cast';
import type { FunctionContext } from './extra-context';

const OID = {
  bool: 16, int8: 20, int2: 21, int4: 23, text: 25, oid: 26, json: 114, float4: 700, float8: 701, unknown: 705,
  bpchar: 1042, varchar: 1043, date: 1082, time: 1083, timestamp: 1114, timestamptz: 1184, numeric: 1700, jsonb: 3802,
  name: 19,
};

/** A number's text as a jsonb number, or the special float/numeric values as strings. */
function numberValue(text: string): JsonbValue {
  if (/^[-+]?(NaN|Infinity|inf)/i.test(text)) return text;
  return new JsonbNumber(parseNumericText(text));
}

/** JsonEncodeDateTime: ISO output with `T` between date and time and `+HH:MM` offsets. */
function xsdDateTime(text: string, withZone: boolean): string {
  if (text === 'infinity' || text === '-infinity') return text;
  const m = /^(\S+) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}(?::\d{2}){0,2})?( BC)?$/.exec(text);
  if (!m) return text;
  let zone = m[3] ?? '';
  if (withZone && /^[+-]\d{2}$/.test(zone)) zone += ':00';
  return `${m[1]}T${m[2]}${zone}${m[4] ?? ''}`;
}

/** datum_to_jsonb for one SQL value of type `oid` (null -> JSON null). */
export function toJsonbValue(ctx: FunctionContext, value: unknown, oid: number): JsonbValue {
  if (value === null || value === undefined) return null;
  switch (oid) {
    case OID.bool: return value as boolean;
    case OID.int2: case OID.int4: case OID.int8: case OID.oid: return new JsonbNumber(String(value));
    case OID.float4: return numberValue(formatFloat4(value as number));
    case OID.float8: return numberValue(formatFloat8(value as number));
    case OID.numeric: return numberValue(value as string);
    case OID.json: return parseJsonb(value as string).root;
    case OID.jsonb: return (value as Jsonb).root;
    case OID.text: case OID.varchar: case OID.bpchar: case OID.name: case OID.unknown: return value as string;
    case OID.timestamp: return xsdDateTime(ctx.formatValue(value, oid), false);
    case OID.timestamptz: return xsdDateTime(ctx.formatValue(value, oid), true);
    default: break;
  }
  const elem = builtinTypeByOid(oid)?.elementOid;
  if (elem !== undefined) {
    const arr = value instanceof PgArray ? value : PgArray.of(value as unknown[]);
    const nest = (v: unknown): JsonbValue => (Array.isArray(v) ? v.map(nest) : toJsonbValue(ctx, v, elem));
    return arr.toNested().map(nest);
  }
  return ctx.formatValue(value, oid);
}

/** to_jsonb(anyelement). */
export function toJsonb(ctx: FunctionContext, value: unknown): Jsonb {
  return new Jsonb(toJsonbValue(ctx, value, ctx.argTypes[0] ?? OID.text));
}

/** jsonb_build_object(VARIADIC "any"): alternating keys (any type, as text) and values. */
export function buildObject(ctx: FunctionContext, ...args: unknown[]): Jsonb {
  if (args.length % 2 !== 0) {
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'argument list must have even number of elements', {
      hint: 'The arguments of jsonb_build_object() must consist of alternating keys and values.',
    });
  }
  const entries: Array<[string, JsonbValue]> = [];
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    if (key === null || key === undefined) {
      throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, `argument ${i + 1}: key must not be null`);
    }
    const keyType = ctx.argTypes[i] ?? OID.text;
    const keyText = typeof key === 'string' && keyType !== OID.numeric ? key : ctx.formatValue(key, keyType);
    entries.push([keyText, toJsonbValue(ctx, args[i + 1], ctx.argTypes[i + 1] ?? OID.text)]);
  }
  return new Jsonb(makeJsonbObject(entries));
}

/**
 * row_to_json / to_json of a whole row, given as (column name, value) pairs: composite_to_json's
 * compact layout `{"x":1,"y":null}`; a json column is embedded as written.
 */
export function recordToJson(ctx: FunctionContext, ...args: unknown[]): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const oid = ctx.argTypes[i + 1] ?? OID.text;
    const v = args[i + 1];
    const j = v !== null && oid === OID.json ? undefined : toJsonbValue(ctx, v, oid);
    // array_to_json prints SQL arrays without blanks (`[1,2]`); other values as their json(b) text.
    const compact = (x: JsonbValue, top: boolean): string =>
      Array.isArray(x) && (top || builtinTypeByOid(oid)?.elementOid !== undefined) ? `[${(x as JsonbValue[]).map((y) => compact(y, false)).join(',')}]` : formatJsonb(x);
    const text = j === undefined ? (v as string) : Array.isArray(j) && builtinTypeByOid(oid)?.elementOid !== undefined ? compact(j, true) : formatJsonb(j);
    parts.push(`${escapeJsonString(String(args[i]))}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** jsonb_build_array(VARIADIC "any"). */
export function buildArray(ctx: FunctionContext, ...args: unknown[]): Jsonb {
  return new Jsonb(args.map((v, i) => toJsonbValue(ctx, v, ctx.argTypes[i] ?? OID.text)));
}

const elementsOf = (v: unknown): Array<string | null> =>
  Array.isArray(v) ? (v as Array<string | null>) : [...(v as PgArray<string>).elements];

/** jsonb_object(text[]) (flat key/value list or a two-column 2-D array) and jsonb_object(keys, values). */
export function jsonbObject(a: unknown, b?: unknown): Jsonb {
  const entries: Array<[string, JsonbValue]> = [];
  const keyNull = () => new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'null value not allowed for object key');
  if (b === undefined) {
    const arr = a instanceof PgArray ? a : PgArray.of(a as unknown[]);
    if (arr.ndim === 2 && arr.dims[1] !== 2) throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'array must have two columns');
    if (arr.ndim > 2) throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'wrong number of array subscripts');
    const els = elementsOf(arr);
    if (els.length % 2 !== 0) throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'array must have even number of elements');
    for (let i = 0; i < els.length; i += 2) {
      if (els[i] === null) throw keyNull();
      entries.push([els[i]!, els[i + 1] ?? null]);
    }
  } else {
    const keys = elementsOf(a);
    const vals = elementsOf(b);
    if (keys.length !== vals.length) throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'mismatched array dimensions');
    keys.forEach((k, i) => {
      if (k === null) throw keyNull();
      entries.push([k, vals[i] ?? null]);
    });
  }
  return new Jsonb(makeJsonbObject(entries));
}

/** jsonb_strip_nulls: drops object fields whose value is JSON null, at every depth. */
export function stripNulls(v: JsonbValue): JsonbValue {
  if (isJsonbArray(v)) return v.map(stripNulls);
  if (isJsonbObject(v)) return new Map([...v].filter(([, x]) => x !== null).map(([k, x]) => [k, stripNulls(x)] as const));
  return v;
}

/** jsonb_pretty: four-space indentation, one element per line, empty containers on two lines. */
export function prettyJsonb(v: JsonbValue, level = 0): string {
  const pad = (n: number) => '    '.repeat(n);
  if (isJsonbArray(v)) {
    const items = v.map((x) => `\n${pad(level + 1)}${prettyJsonb(x, level + 1)}`);
    return `[${items.join(',')}\n${pad(level)}]`;
  }
  if (isJsonbObject(v)) {
    const items = [...v].map(([k, x]) => `\n${pad(level + 1)}${escapeJsonString(k)}: ${prettyJsonb(x, level + 1)}`);
    return `{${items.join(',')}\n${pad(level)}}`;
  }
  return new Jsonb(v).toString();
}

/** JsonbTypeName for cast errors. */
function jsonbTypeName(v: JsonbValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof JsonbNumber) return 'numeric';
  return isJsonbArray(v) ? 'array' : 'object';
}

function castError(v: JsonbValue, target: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `cannot cast jsonb ${jsonbTypeName(v)} to type ${target}`);
}

/** jsonb -> numeric / int / float casts (a JSON number is required). */
export function jsonbNumberCast(target: 'numeric' | 'int2' | 'int4' | 'int8' | 'float4' | 'float8') {
  const names = { numeric: 'numeric', int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision' };
  return (j: Jsonb): unknown => {
    if (!(j.root instanceof JsonbNumber)) throw castError(j.root, names[target]);
    const n = j.root.value;
    return target === 'numeric' ? n : CAST_FUNCTIONS[`numeric_${target}`]!(n);
  };
}

/** jsonb -> boolean. */
export function jsonbBoolCast(j: Jsonb): boolean {
  if (typeof j.root !== 'boolean') throw castError(j.root, 'boolean');
  return j.root;
}
