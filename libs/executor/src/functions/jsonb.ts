// jsonb / json functions and operators by impl key. Operators: -> ->> #> #>> @> <@ ? ?| ?&
// || - #- and the btree comparisons (jsonb_cmp order); functions: jsonb_typeof,
// jsonb_array_length, jsonb_build_object/array, to_jsonb, jsonb_object, jsonb_set(_lax),
// jsonb_insert, jsonb_strip_nulls, jsonb_pretty, the jsonb -> scalar casts, and the json
// (text) counterparts of the accessors. Set-returning ones are in JSONB_SRFS.
//
// Path arguments (text[]) arrive as PgArray; a VARIADIC call that the binder did not pack
// (jsonb_extract_path(j, 'a', 'b')) is accepted as separate strings too.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { Jsonb, JsonbNumber, isJsonbArray, isJsonbObject, type JsonbValue } from '@vecgres/pg-types';
import { contextual, setReturning } from './extra-context';
import type { FunctionTable } from './function-table';
import { JSONPATH_FUNCTIONS } from './jsonpath';
import {
  buildArray, buildObject, jsonbBoolCast, jsonbNumberCast, jsonbObject, prettyJsonb, recordToJson, stripNulls, toJsonb,
} from './jsonb-build';
import {
  jsonArrayElement, jsonArrayElementText, jsonArrayElements, jsonArrayLength, jsonEach, jsonExtractPath,
  jsonExtractPathText, jsonObjectField, jsonObjectFieldText, jsonObjectKeys, jsonTypeof,
} from './jsonb-json';
import {
  arrayElement, compareJsonb, extractPath, jsonbConcat, jsonbContains, jsonbDeleteIndex, jsonbDeleteKeys,
  jsonbDeletePath, jsonbExists, jsonbSetPath, jsonbText, objectField, textList,
} from './jsonb-ops';

/** The path of #> / jsonb_extract_path: one text[] or VARIADIC strings. */
const pathArg = (rest: unknown[]): Array<string | null> =>
  rest.length === 1 && typeof rest[0] !== 'string' ? textList(rest[0]) : (rest as Array<string | null>);

function typeofJsonb(v: JsonbValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof JsonbNumber) return 'number';
  return isJsonbArray(v) ? 'array' : 'object';
}

const invalid = (message: string) => new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, message);

const OPS: Record<string, (c: number) => boolean> = {
  eq: (c) => c === 0, ne: (c) => c !== 0, lt: (c) => c < 0, le: (c) => c <= 0, gt: (c) => c > 0, ge: (c) => c >= 0,
};

const NULL_TREATMENTS = ['raise_exception', 'use_json_null', 'delete_key', 'return_target'];

/** jsonb_set_lax (not strict): what to do when new_value is SQL NULL. */
function setLax(target: Jsonb | null, path: unknown, value: Jsonb | null, create: boolean | null, treatment: string | null): Jsonb | null {
  if (target === null || path === null || create === null) return null;
  if (treatment === null || !NULL_TREATMENTS.includes(treatment)) {
    throw invalid('null_value_treatment must be "delete_key", "return_target", "use_json_null", or "raise_exception"');
  }
  const p = textList(path);
  if (value !== null) return jsonbSetPath(target, p, value.root, { kind: 'set', create });
  switch (treatment) {
    case 'raise_exception':
      throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'JSON value must not be null', {
        detail: 'Exception was raised because null_value_treatment is "raise_exception".',
        hint: 'To avoid, either change the null_value_treatment argument or ensure that an SQL NULL is not passed.',
      });
    case 'delete_key': return jsonbDeletePath(target, p);
    case 'return_target': return target;
    default: return jsonbSetPath(target, p, null, { kind: 'set', create });
  }
}

export const JSONB_FUNCTIONS: FunctionTable = {
  // ---- accessors ----
  jsonb_object_field: (j: Jsonb, k: string) => objectField(j, k),
  jsonb_object_field_text: (j: Jsonb, k: string) => jsonbText(objectField(j, k)?.root),
  jsonb_array_element: (j: Jsonb, i: number) => arrayElement(j, i),
  jsonb_array_element_text: (j: Jsonb, i: number) => jsonbText(arrayElement(j, i)?.root),
  jsonb_extract_path: (j: Jsonb, ...p: unknown[]) => {
    const v = extractPath(j, pathArg(p));
    return v === undefined ? null : new Jsonb(v);
  },
  jsonb_extract_path_text: (j: Jsonb, ...p: unknown[]) => jsonbText(extractPath(j, pathArg(p))),

  // ---- containment / existence ----
  jsonb_contains: (a: Jsonb, b: Jsonb) => jsonbContains(a, b),
  jsonb_contained: (a: Jsonb, b: Jsonb) => jsonbContains(b, a),
  jsonb_exists: (j: Jsonb, k: string) => jsonbExists(j, k),
  jsonb_exists_any: (j: Jsonb, keys: unknown) => textList(keys).some((k) => k !== null && jsonbExists(j, k)),
  jsonb_exists_all: (j: Jsonb, keys: unknown) => textList(keys).every((k) => k === null || jsonbExists(j, k)),

  // ---- modification ----
  jsonb_concat: (a: Jsonb, b: Jsonb) => jsonbConcat(a, b),
  jsonb_delete: (j: Jsonb, k: string) => jsonbDeleteKeys(j, [k]),
  jsonb_delete_idx: (j: Jsonb, i: number) => jsonbDeleteIndex(j, i),
  jsonb_delete_array: (j: Jsonb, keys: unknown) => jsonbDeleteKeys(j, textList(keys)),
  jsonb_delete_path: (j: Jsonb, p: unknown) => jsonbDeletePath(j, textList(p)),
  jsonb_set: (j: Jsonb, p: unknown, v: Jsonb, create = true) => jsonbSetPath(j, textList(p), v.root, { kind: 'set', create }),
  jsonb_insert: (j: Jsonb, p: unknown, v: Jsonb, after = false) => jsonbSetPath(j, textList(p), v.root, { kind: 'insert', after }),
  jsonb_set_lax: setLax,
  jsonb_strip_nulls: (j: Jsonb) => new Jsonb(stripNulls(j.root)),

  // ---- inspection ----
  jsonb_typeof: (j: Jsonb) => typeofJsonb(j.root),
  jsonb_array_length: (j: Jsonb) => {
    if (isJsonbArray(j.root)) return j.root.length;
    throw invalid(isJsonbObject(j.root) ? 'cannot get array length of a non-array' : 'cannot get array length of a scalar');
  },
  jsonb_pretty: (j: Jsonb) => prettyJsonb(j.root),

  // ---- construction (contextual: argument types decide the JSON types) ----
  to_jsonb: contextual(toJsonb),
  jsonb_build_object: contextual(buildObject),
  jsonb_build_object_noargs: () => new Jsonb(new Map()),
  // row_to_json(record): the binder passes the record as (column name, value) pairs (whole-row.ts).
  row_to_json: contextual(recordToJson),
  ...JSONPATH_FUNCTIONS,
  jsonb_build_array: contextual(buildArray),
  jsonb_build_array_noargs: () => new Jsonb([]),
  jsonb_object: (a: unknown) => jsonbObject(a),
  jsonb_object_two_arg: (a: unknown, b: unknown) => jsonbObject(a, b),

  // ---- casts ----
  jsonb_numeric: jsonbNumberCast('numeric'),
  jsonb_int2: jsonbNumberCast('int2'),
  jsonb_int4: jsonbNumberCast('int4'),
  jsonb_int8: jsonbNumberCast('int8'),
  jsonb_float4: jsonbNumberCast('float4'),
  jsonb_float8: jsonbNumberCast('float8'),
  jsonb_bool: jsonbBoolCast,

  // ---- comparison (btree order) ----
  ...Object.fromEntries(Object.entries(OPS).map(([op, test]) => [`jsonb_${op}`, (a: Jsonb, b: Jsonb) => test(compareJsonb(a, b))])),
  jsonb_cmp: (a: Jsonb, b: Jsonb) => compareJsonb(a, b),

  // ---- json (text) ----
  json_object_field: jsonObjectField,
  json_object_field_text: jsonObjectFieldText,
  json_array_element: jsonArrayElement,
  json_array_element_text: jsonArrayElementText,
  json_extract_path: (j: string, ...p: unknown[]) => jsonExtractPath(j, pathArg(p)),
  json_extract_path_text: (j: string, ...p: unknown[]) => jsonExtractPathText(j, pathArg(p)),
  json_typeof: jsonTypeof,
  json_array_length: jsonArrayLength,
};

function eachRows(fn: string, j: Jsonb, text: boolean): unknown[] {
  if (!isJsonbObject(j.root)) throw invalid(`cannot call ${fn} on a non-object`);
  return [...j.root].map(([k, v]) => [k, text ? jsonbText(v) : new Jsonb(v)]);
}

function elementRows(j: Jsonb, text: boolean): unknown[] {
  if (isJsonbObject(j.root)) throw invalid('cannot extract elements from an object');
  if (!isJsonbArray(j.root)) throw invalid('cannot extract elements from a scalar');
  return j.root.map((v) => (text ? jsonbText(v) : new Jsonb(v)));
}

/** Set-returning jsonb/json functions: rows in jsonb storage order (json: source order). */
export const JSONB_SRFS: FunctionTable = {
  jsonb_each: setReturning(2, (j: Jsonb) => eachRows('jsonb_each', j, false)),
  jsonb_each_text: setReturning(2, (j: Jsonb) => eachRows('jsonb_each_text', j, true)),
  jsonb_array_elements: setReturning(1, (j: Jsonb) => elementRows(j, false)),
  jsonb_array_elements_text: setReturning(1, (j: Jsonb) => elementRows(j, true)),
  jsonb_object_keys: setReturning(1, (j: Jsonb) => {
    if (isJsonbObject(j.root)) return [...j.root.keys()];
    throw invalid(`cannot call jsonb_object_keys on ${isJsonbArray(j.root) ? 'an array' : 'a scalar'}`);
  }),
  json_each: setReturning(2, (j: string) => jsonEach(j, false)),
  json_each_text: setReturning(2, (j: string) => jsonEach(j, true)),
  json_array_elements: setReturning(1, (j: string) => jsonArrayElements(j, false)),
  json_array_elements_text: setReturning(1, (j: string) => jsonArrayElements(j, true)),
  json_object_keys: setReturning(1, jsonObjectKeys),
};
