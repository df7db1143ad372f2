// The jsonb value model. A SQL jsonb value is a Jsonb (so SQL NULL, `null`, stays distinct from
// the JSON null inside it); its root is a normalized tree:
//   null | boolean | string | JsonbNumber | JsonbValue[] | JsonbObject
// where JsonbNumber holds the exact decimal in numeric's canonical text form ('1.50', '100'),
// and JsonbObject is a Map whose keys are in jsonb's storage order (shorter keys first, then
// bytewise on UTF-8) with duplicates resolved as PostgreSQL does: the last value wins.
// Printing follows JsonbToCString: `{"a": 1, "b": [1, 2]}`.
// @see https://www.postgresql.org/docs/16/datatype-json.html
import { parseNumericText } from '../codecs/numeric';
import { parseJson, type JsonBuilder } from './parse-json';

/** A JSON number kept exactly, as numeric's canonical text (PostgreSQL stores jsonb numbers as numeric). */
export class JsonbNumber {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type JsonbObject = ReadonlyMap<string, JsonbValue>;
export type JsonbValue = null | boolean | string | JsonbNumber | readonly JsonbValue[] | JsonbObject;

/** A non-NULL jsonb datum. */
export class Jsonb {
  constructor(readonly root: JsonbValue) {}
  /** jsonb_out. */
  toString(): string {
    return formatJsonb(this.root);
  }
}

/** jsonb's key order: shorter (in UTF-8 bytes) first, then bytewise. */
export function compareJsonbKeys(a: string, b: string): number {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ba.length !== bb.length ? ba.length - bb.length : Buffer.compare(ba, bb);
}

/** Builds a jsonb object: sorts keys into jsonb order, last duplicate wins. */
export function makeJsonbObject(entries: Iterable<readonly [string, JsonbValue]>): JsonbObject {
  const byKey = new Map<string, JsonbValue>();
  for (const [k, v] of entries) byKey.set(k, v);
  return new Map([...byKey.entries()].sort((x, y) => compareJsonbKeys(x[0], y[0])));
}

export function isJsonbObject(v: JsonbValue): v is JsonbObject {
  return v instanceof Map;
}

export function isJsonbArray(v: JsonbValue): v is readonly JsonbValue[] {
  return Array.isArray(v);
}

/** escape_json: quotes a string as PostgreSQL prints it inside json/jsonb. */
export function escapeJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    switch (ch) {
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      default:
        out += ch.charCodeAt(0) < 0x20 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch;
    }
  }
  return out + '"';
}

/** JsonbToCString: the text form of a jsonb tree. */
export function formatJsonb(v: JsonbValue): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return escapeJsonString(v);
  if (v instanceof JsonbNumber) return v.value;
  if (Array.isArray(v)) return `[${(v as readonly JsonbValue[]).map(formatJsonb).join(', ')}]`;
  const parts: string[] = [];
  for (const [k, val] of v as JsonbObject) parts.push(`${escapeJsonString(k)}: ${formatJsonb(val)}`);
  return `{${parts.join(', ')}}`;
}

const JSONB_BUILDER: JsonBuilder<JsonbValue> = {
  string: (s) => s,
  number: (lexeme) => new JsonbNumber(parseNumericText(lexeme)),
  bool: (b) => b,
  null: () => null,
  array: (items) => items,
  object: (entries) => makeJsonbObject(entries),
};

/** jsonb_in: parses and normalizes JSON text. */
export function parseJsonb(text: string): Jsonb {
  return new Jsonb(parseJson(text, JSONB_BUILDER, 'jsonb'));
}

/**
 * Converts a plain JS value (from JSON.parse or a driver parameter) to a jsonb tree. JS numbers
 * become exact decimals of their shortest round-trip text; non-finite numbers are rejected as
 * jsonb cannot hold them.
 */
export function jsonbFromJs(value: unknown): JsonbValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`jsonb cannot hold ${value}`);
    return new JsonbNumber(parseNumericText(String(value)));
  }
  if (typeof value === 'bigint') return new JsonbNumber(value.toString());
  if (value instanceof JsonbNumber) return value;
  if (Array.isArray(value)) return value.map(jsonbFromJs);
  if (value instanceof Map) return makeJsonbObject([...value].map(([k, v]) => [String(k), jsonbFromJs(v)] as const));
  if (typeof value === 'object') {
    return makeJsonbObject(Object.entries(value as object).map(([k, v]) => [k, jsonbFromJs(v)] as const));
  }
  throw new TypeError(`jsonb cannot hold a ${typeof value}`);
}
