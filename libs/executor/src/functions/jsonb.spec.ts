// Expected values are PostgreSQL 15.18's psql output for the same expressions.
import { Jsonb } from '@vecgres/pg-types';
import { callFn, callRaw, errorOf, show, val } from '../testing/function-call';
import { JSONB_FUNCTIONS as J, JSONB_SRFS } from './jsonb';

const call = (impl: string, args: string[], type = 'jsonb') => callFn(J, impl, args, type);

describe('jsonb accessors', () => {
  const doc = 'jsonb:{"a":{"b":[1,2,{"c":"x"}]},"n":null}';
  it.each([
    ['jsonb_object_field', [doc, 'text:a'], 'jsonb', '{"b": [1, 2, {"c": "x"}]}'],
    ['jsonb_object_field', ['jsonb:{"a":1}', 'text:z'], 'jsonb', null],
    ['jsonb_object_field', ['jsonb:[1,2,3]', 'text:a'], 'jsonb', null],
    ['jsonb_array_element', ['jsonb:[1,2,3]', 'int4:-1'], 'jsonb', '3'],
    ['jsonb_array_element', ['jsonb:[1,2,3]', 'int4:5'], 'jsonb', null],
    ['jsonb_object_field_text', ['jsonb:{"a":"x"}', 'text:a'], 'text', 'x'],
    ['jsonb_object_field_text', [doc, 'text:n'], 'text', null],
    ['jsonb_object_field_text', ['jsonb:{"a":[1,"2"]}', 'text:a'], 'text', '[1, "2"]'],
    ['jsonb_array_element_text', ['jsonb:["a",true]', 'int4:1'], 'text', 'true'],
    ['jsonb_extract_path', [doc, 'text[]:{a,b,2,c}'], 'jsonb', '"x"'],
    ['jsonb_extract_path_text', [doc, 'text[]:{a,b,2,c}'], 'text', 'x'],
    ['jsonb_extract_path', [doc, 'text[]:{a,b,-1}'], 'jsonb', '{"c": "x"}'],
    ['jsonb_extract_path', [doc, 'text[]:{a,b,x}'], 'jsonb', null],
    ['jsonb_extract_path', ['jsonb:{"a":1}', 'text[]:{}'], 'jsonb', '{"a": 1}'],
    ['jsonb_extract_path_text', ['jsonb:"foo"', 'text[]:{}'], 'text', 'foo'],
    ['jsonb_extract_path', ['jsonb:{"a":1}', 'text[]:{a,NULL}'], 'jsonb', null],
    ['jsonb_extract_path', [doc, 'text:a', 'text:b', 'text:0'], 'jsonb', '1'],
  ])('%s(%j)', (impl, args, type, expected) => {
    expect(call(impl, args, type)).toBe(expected);
  });
});

describe('jsonb containment, existence and order', () => {
  it.each([
    ['jsonb_contains', ['jsonb:{"a":1,"b":{"c":[1,2,3]}}', 'jsonb:{"b":{"c":[3,1]}}'], 't'],
    ['jsonb_contains', ['jsonb:[1,2,[3,4]]', 'jsonb:[[3]]'], 't'],
    ['jsonb_contains', ['jsonb:[1,2,[3,4]]', 'jsonb:[3]'], 'f'],
    ['jsonb_contains', ['jsonb:[1,2]', 'jsonb:1'], 't'],
    ['jsonb_contains', ['jsonb:1', 'jsonb:[1]'], 'f'],
    ['jsonb_contains', ['jsonb:{"a":1}', 'jsonb:{}'], 't'],
    ['jsonb_contains', ['jsonb:[]', 'jsonb:[]'], 't'],
    ['jsonb_contains', ['jsonb:{"a":1}', 'jsonb:{"a":[1]}'], 'f'],
    ['jsonb_contains', ['jsonb:{"a":[1,2]}', 'jsonb:{"a":1}'], 'f'],
    ['jsonb_contains', ['jsonb:{"a":{"b":1}}', 'jsonb:{"a":{}}'], 't'],
    ['jsonb_contains', ['jsonb:"a"', 'jsonb:"a"'], 't'],
    ['jsonb_contained', ['jsonb:{"a":1}', 'jsonb:{"a":1,"b":2}'], 't'],
    ['jsonb_exists', ['jsonb:{"a":1,"b":2}', 'text:b'], 't'],
    ['jsonb_exists', ['jsonb:["a","b"]', 'text:b'], 't'],
    ['jsonb_exists', ['jsonb:"b"', 'text:b'], 't'],
    ['jsonb_exists', ['jsonb:[["b"]]', 'text:b'], 'f'],
    ['jsonb_exists_any', ['jsonb:{"a":1,"b":2}', 'text[]:{x,b}'], 't'],
    ['jsonb_exists_all', ['jsonb:{"a":1,"b":2}', 'text[]:{a,b,NULL}'], 't'],
    ['jsonb_exists_all', ['jsonb:{"a":1,"b":2}', 'text[]:{}'], 't'],
    ['jsonb_exists_any', ['jsonb:{"a":1,"b":2}', 'text[]:{}'], 'f'],
    ['jsonb_lt', ['jsonb:1', 'jsonb:"a"'], 'f'],
    ['jsonb_lt', ['jsonb:null', 'jsonb:"a"'], 't'],
    ['jsonb_lt', ['jsonb:[]', 'jsonb:null'], 't'],
    ['jsonb_gt', ['jsonb:[1]', 'jsonb:5'], 't'],
    ['jsonb_gt', ['jsonb:[1,2]', 'jsonb:{}'], 'f'],
    ['jsonb_gt', ['jsonb:{"b":1}', 'jsonb:{"a":2}'], 't'],
    ['jsonb_gt', ['jsonb:{"aa":1}', 'jsonb:{"b":1,"a":1}'], 'f'],
    ['jsonb_gt', ['jsonb:true', 'jsonb:1000'], 't'],
    ['jsonb_lt', ['jsonb:[3]', 'jsonb:[1,2]'], 't'],
    ['jsonb_eq', ['jsonb:{"a":1}', 'jsonb:{"a":1.0}'], 't'],
    ['jsonb_gt', ['jsonb:[[1]]', 'jsonb:[1]'], 't'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'bool')).toBe(expected);
  });
});

describe('jsonb modification', () => {
  it.each([
    ['jsonb_concat', ['jsonb:{"a":1,"b":2}', 'jsonb:{"b":3,"c":4}'], '{"a": 1, "b": 3, "c": 4}'],
    ['jsonb_concat', ['jsonb:[1,2]', 'jsonb:[3]'], '[1, 2, 3]'],
    ['jsonb_concat', ['jsonb:[1,2]', 'jsonb:3'], '[1, 2, 3]'],
    ['jsonb_concat', ['jsonb:3', 'jsonb:[1,2]'], '[3, 1, 2]'],
    ['jsonb_concat', ['jsonb:{"a":1}', 'jsonb:[1]'], '[{"a": 1}, 1]'],
    ['jsonb_concat', ['jsonb:1', 'jsonb:2'], '[1, 2]'],
    ['jsonb_delete', ['jsonb:{"a":1,"b":2}', 'text:a'], '{"b": 2}'],
    ['jsonb_delete', ['jsonb:["a","b","a",1]', 'text:a'], '["b", 1]'],
    ['jsonb_delete_idx', ['jsonb:[1,2,3]', 'int4:1'], '[1, 3]'],
    ['jsonb_delete_idx', ['jsonb:[1,2,3]', 'int4:-1'], '[1, 2]'],
    ['jsonb_delete_idx', ['jsonb:[1,2,3]', 'int4:10'], '[1, 2, 3]'],
    ['jsonb_delete_array', ['jsonb:{"a":1,"b":2,"c":3}', 'text[]:{a,c}'], '{"b": 2}'],
    ['jsonb_delete_path', ['jsonb:{"a":{"b":[1,2,3]}}', 'text[]:{a,b,1}'], '{"a": {"b": [1, 3]}}'],
    ['jsonb_set', ['jsonb:{"a":{"b":1}}', 'text[]:{a,c}', 'jsonb:2', 'bool:true'], '{"a": {"b": 1, "c": 2}}'],
    ['jsonb_set', ['jsonb:{"a":{"b":1}}', 'text[]:{a,c}', 'jsonb:2', 'bool:false'], '{"a": {"b": 1}}'],
    ['jsonb_set', ['jsonb:{"a":[1,2,3]}', 'text[]:{a,1}', 'jsonb:"x"', 'bool:true'], '{"a": [1, "x", 3]}'],
    ['jsonb_set', ['jsonb:{"a":[1,2,3]}', 'text[]:{a,10}', 'jsonb:"x"', 'bool:true'], '{"a": [1, 2, 3, "x"]}'],
    ['jsonb_set', ['jsonb:{"a":[1,2,3]}', 'text[]:{a,-10}', 'jsonb:"x"', 'bool:true'], '{"a": ["x", 1, 2, 3]}'],
    ['jsonb_set', ['jsonb:{"a":[1,2,3]}', 'text[]:{a,-1}', 'jsonb:"x"', 'bool:true'], '{"a": [1, 2, "x"]}'],
    ['jsonb_set', ['jsonb:{"a":1}', 'text[]:{}', 'jsonb:"x"', 'bool:true'], '{"a": 1}'],
    ['jsonb_set', ['jsonb:{"a":1}', 'text[]:{x,y}', 'jsonb:"x"', 'bool:true'], '{"a": 1}'],
    ['jsonb_set', ['jsonb:{"a":1}', 'text[]:{a,y}', 'jsonb:"x"', 'bool:true'], '{"a": 1}'],
    ['jsonb_insert', ['jsonb:{"a":[1,2,3]}', 'text[]:{a,1}', 'jsonb:"x"', 'bool:false'], '{"a": [1, "x", 2, 3]}'],
    ['jsonb_insert', ['jsonb:{"a":[1,2,3]}', 'text[]:{a,1}', 'jsonb:"x"', 'bool:true'], '{"a": [1, 2, "x", 3]}'],
    ['jsonb_insert', ['jsonb:{"a":[1,2,3]}', 'text[]:{a,-1}', 'jsonb:"x"', 'bool:true'], '{"a": [1, 2, 3, "x"]}'],
    ['jsonb_insert', ['jsonb:{"a":{"b":1}}', 'text[]:{a,c}', 'jsonb:"x"', 'bool:false'], '{"a": {"b": 1, "c": "x"}}'],
    ['jsonb_set_lax', ['jsonb:{"a":1}', 'text[]:{a}', 'jsonb:NULL', 'bool:true', 'text:use_json_null'], '{"a": null}'],
    ['jsonb_set_lax', ['jsonb:{"a":1,"b":2}', 'text[]:{a}', 'jsonb:NULL', 'bool:true', 'text:delete_key'], '{"b": 2}'],
    ['jsonb_set_lax', ['jsonb:{"a":1}', 'text[]:{a}', 'jsonb:NULL', 'bool:true', 'text:return_target'], '{"a": 1}'],
    ['jsonb_strip_nulls', ['jsonb:{"a":null,"b":[null,{"c":null,"d":1}]}'], '{"b": [null, {"d": 1}]}'],
    ['jsonb_object', ['text[]:{a,1,b,2}'], '{"a": "1", "b": "2"}'],
    ['jsonb_object_two_arg', ['text[]:{a,b}', 'text[]:{1,NULL}'], '{"a": "1", "b": null}'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args)).toBe(expected);
  });

  it.each([
    ['jsonb_delete', ['jsonb:1', 'text:a'], '22023 cannot delete from scalar'],
    ['jsonb_delete_idx', ['jsonb:{"a":1}', 'int4:1'], '22023 cannot delete from object using integer index'],
    ['jsonb_delete_path', ['jsonb:{"a":{"b":[1,2,3]}}', 'text[]:{a,b,x}'], '22P02 path element at position 3 is not an integer: "x"'],
    ['jsonb_delete_path', ['jsonb:1', 'text[]:{a}'], '22023 cannot delete path in scalar'],
    ['jsonb_set', ['jsonb:{"a":[1,2,3]}', 'text[]:{a,z}', 'jsonb:"x"', 'bool:true'], '22P02 path element at position 2 is not an integer: "z"'],
    ['jsonb_set', ['jsonb:5', 'text[]:{a}', 'jsonb:"x"', 'bool:true'], '22023 cannot set path in scalar'],
    ['jsonb_insert', ['jsonb:{"a":{"b":1}}', 'text[]:{a,b}', 'jsonb:"x"', 'bool:false'], '22023 cannot replace existing key'],
    ['jsonb_set_lax', ['jsonb:{"a":1}', 'text[]:{a}', 'jsonb:NULL', 'bool:true', 'text:raise_exception'], '22004 JSON value must not be null'],
    ['jsonb_set_lax', ['jsonb:{"a":1}', 'text[]:{a}', 'jsonb:NULL', 'bool:true', 'text:foo'], '22023 null_value_treatment must be "delete_key", "return_target", "use_json_null", or "raise_exception"'],
    ['jsonb_array_length', ['jsonb:{"a":1}'], '22023 cannot get array length of a non-array'],
    ['jsonb_array_length', ['jsonb:5'], '22023 cannot get array length of a scalar'],
    ['jsonb_object', ['text[]:{a}'], '2202E array must have even number of elements'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args))).toBe(expected);
  });
});

describe('jsonb construction and inspection', () => {
  it('jsonb_build_object takes the JSON type from each argument type', () => {
    expect(call('jsonb_build_object', ['text:a', 'int4:1', 'text:b', 'text:x', 'text:c', 'text:NULL', 'text:d', 'numeric:1.50',
      'text:e', 'bool:true', 'text:f', 'jsonb:{"z":1}', 'text:g', 'int4[]:{1,2}'])).toBe(
      '{"a": 1, "b": "x", "c": null, "d": 1.50, "e": true, "f": {"z": 1}, "g": [1, 2]}');
    expect(call('jsonb_build_object', ['int4:1', 'int4:2'])).toBe('{"1": 2}');
    expect(call('jsonb_build_object', ['text:a', 'json:{"x":1}', 'text:b', 'numeric:NaN'])).toBe('{"a": {"x": 1}, "b": "NaN"}');
    expect(errorOf(() => call('jsonb_build_object', ['text:a']))).toBe('22023 argument list must have even number of elements');
    expect(errorOf(() => call('jsonb_build_object', ['text:NULL', 'int4:1']))).toBe('22004 argument 1: key must not be null');
  });

  it('jsonb_build_array and to_jsonb convert date/time values to JSON datetime strings', () => {
    expect(call('jsonb_build_array', ['int4:1', 'text:a', 'text:NULL', 'float8:2.5', 'date:2024-01-01', 'timestamp:2024-01-01 10:00',
      'timestamptz:2024-01-01 10:00+00'])).toBe('[1, "a", null, 2.5, "2024-01-01", "2024-01-01T10:00:00", "2024-01-01T10:00:00+00:00"]');
    expect(call('to_jsonb', ['timestamptz:2024-01-01 10:00:00.5+05:30'])).toBe('"2024-01-01T04:30:00.5+00:00"');
    expect(call('to_jsonb', ['timestamp:0044-03-15 10:00 BC'])).toBe('"0044-03-15T10:00:00 BC"');
    expect(call('to_jsonb', ['time:10:00:01.5'])).toBe('"10:00:01.5"');
  });

  it.each([
    [['float8:NaN'], '"NaN"'], [['float4:Infinity'], '"Infinity"'], [['float8:1e20'], '100000000000000000000'],
    [['float4:0.1'], '0.1'], [['int4[]:{{1,2},{3,4}}'], '[[1, 2], [3, 4]]'], [['text[]:{a,NULL}'], '["a", null]'],
    [['int4[]:{}'], '[]'], [['interval:1 day'], '"1 day"'], [['date:infinity'], '"infinity"'], [['bytea:abc'], '"\\\\x616263"'],
    [['json:{"a" : 1}'], '{"a": 1}'], [['text:x'], '"x"'], [['int8:1'], '1'],
  ])('to_jsonb(%j)', (args, expected) => {
    expect(call('to_jsonb', args)).toBe(expected);
  });

  it('jsonb_typeof, jsonb_array_length and jsonb_pretty', () => {
    const types = ['{"a":1}', '[1]', '"s"', '1.5', 'true', 'null'].map((d) => call('jsonb_typeof', [`jsonb:${d}`], 'text'));
    expect(types).toEqual(['object', 'array', 'string', 'number', 'boolean', 'null']);
    expect(call('jsonb_array_length', ['jsonb:[1,2,[3]]'], 'int4')).toBe('3');
    expect(call('jsonb_pretty', ['jsonb:{"a":[1,{"b":null}],"c":{},"d":[]}'], 'text')).toBe(
      '{\n    "a": [\n        1,\n        {\n            "b": null\n        }\n    ],\n    "c": {\n    },\n    "d": [\n    ]\n}');
    expect(call('jsonb_pretty', ['jsonb:5'], 'text')).toBe('5');
  });

  it.each([
    ['jsonb_int4', 'jsonb:12.5', 'int4', '13'],
    ['jsonb_numeric', 'jsonb:12.5', 'numeric', '12.5'],
    ['jsonb_bool', 'jsonb:true', 'bool', 't'],
    ['jsonb_float8', 'jsonb:1.25', 'float8', '1.25'],
  ])('cast %s(%s)', (impl, arg, type, expected) => {
    expect(call(impl, [arg], type)).toBe(expected);
  });

  it.each([
    ['jsonb_int4', 'jsonb:"12"', '22023 cannot cast jsonb string to type integer'],
    ['jsonb_int4', 'jsonb:null', '22023 cannot cast jsonb null to type integer'],
    ['jsonb_float8', 'jsonb:{}', '22023 cannot cast jsonb object to type double precision'],
    ['jsonb_bool', 'jsonb:1', '22023 cannot cast jsonb numeric to type boolean'],
    ['jsonb_int4', 'jsonb:[1]', '22023 cannot cast jsonb array to type integer'],
  ])('cast %s(%s) fails', (impl, arg, expected) => {
    expect(errorOf(() => call(impl, [arg]))).toBe(expected);
  });
});

describe('json (text) accessors keep the source text', () => {
  it.each([
    ['json_object_field', ['json:{"a":1, "a" : [1, 2 ]}', 'text:a'], 'json', '[1, 2 ]'],
    ['json_object_field_text', ['json:{"a":1, "b" : [1, 2 ]}', 'text:b'], 'text', '[1, 2 ]'],
    ['json_object_field_text', ['json:{"a":"x\\"y"}', 'text:a'], 'text', 'x"y'],
    ['json_extract_path', ['json:[1, {"b":  true}]', 'text[]:{1,b}'], 'json', 'true'],
    ['json_extract_path_text', ['json:[1, {"b":  "\\u00e9"}]', 'text[]:{1,b}'], 'text', 'é'],
    ['json_extract_path_text', ['json:[1, {"b":  null}]', 'text[]:{1,b}'], 'text', null],
    ['json_array_element', ['json:5', 'int4:0'], 'json', null],
    ['json_typeof', ['json: {"a":1}'], 'text', 'object'],
    ['json_array_length', ['json:[1, 2,3]'], 'int4', '3'],
  ])('%s(%j)', (impl, args, type, expected) => {
    expect(call(impl, args, type)).toBe(expected);
  });
});

describe('set-returning jsonb functions', () => {
  const rows = (impl: string, arg: string) => callRaw(JSONB_SRFS, impl, [arg]) as unknown[];
  it('jsonb_each(_text) yields key/value rows in storage order', () => {
    const r = rows('jsonb_each_text', 'jsonb:{"b":"x","a":null,"c":[1]}');
    expect(r).toEqual([['a', null], ['b', 'x'], ['c', '[1]']]);
    const e = rows('jsonb_each', 'jsonb:{"k":[1]}') as Array<[string, Jsonb]>;
    expect(e.map(([k, v]) => [k, show('jsonb', v)])).toEqual([['k', '[1]']]);
  });

  it('jsonb_array_elements(_text) and jsonb_object_keys', () => {
    expect(rows('jsonb_array_elements_text', 'jsonb:["a",1,null,[2]]')).toEqual(['a', '1', null, '[2]']);
    expect((rows('jsonb_array_elements', 'jsonb:[{"a":1}]') as Jsonb[]).map((v) => show('jsonb', v))).toEqual(['{"a": 1}']);
    expect(rows('jsonb_object_keys', 'jsonb:{"bb":1,"a":2}')).toEqual(['a', 'bb']);
    expect(rows('json_each_text', 'json:{"b":"x","a":2}')).toEqual([['b', 'x'], ['a', '2']]);
  });

  it.each([
    ['jsonb_each', 'jsonb:[1]', '22023 cannot call jsonb_each on a non-object'],
    ['jsonb_each_text', 'jsonb:[1]', '22023 cannot call jsonb_each_text on a non-object'],
    ['jsonb_array_elements', 'jsonb:{"a":1}', '22023 cannot extract elements from an object'],
    ['jsonb_array_elements', 'jsonb:1', '22023 cannot extract elements from a scalar'],
    ['jsonb_object_keys', 'jsonb:[1]', '22023 cannot call jsonb_object_keys on an array'],
    ['jsonb_object_keys', 'jsonb:1', '22023 cannot call jsonb_object_keys on a scalar'],
    ['json_each', 'json:[1]', '22023 cannot deconstruct an array as an object'],
    ['json_array_elements', 'json:{"a":1}', '22023 cannot call json_array_elements on a non-array'],
    ['json_array_elements', 'json:1', '22023 cannot call json_array_elements on a scalar'],
    ['json_object_keys', 'json:[]', '22023 cannot call json_object_keys on an array'],
  ])('%s(%s) fails', (impl, arg, expected) => {
    expect(errorOf(() => rows(impl, arg))).toBe(expected);
  });

  it('val() builds jsonb values the functions accept', () => {
    expect(val('jsonb', '{"a":1}')).toBeInstanceOf(Jsonb);
  });
});
