import { Jsonb, parseJsonb } from '@vecgres/pg-types';
import { OVERLAPS_FUNCTIONS } from './datetime-overlaps';
import { JSONPATH_FUNCTIONS, jsonpathCodec } from './jsonpath';

const j = (text: string): Jsonb => parseJsonb(text);
const out = (v: unknown): string => String(v);

describe('jsonpath', () => {
  it('filters array elements and unwraps arrays in lax mode', () => {
    expect(out(JSONPATH_FUNCTIONS.jsonb_path_query_array(j('{"a": [1, 2, 3, 4]}'), '$.a[*] ? (@ > 2)'))).toBe('[3, 4]');
    expect(out(JSONPATH_FUNCTIONS.jsonb_path_query_array(j('{"a": [1, "x", 3]}'), '$.a ? (@ > 1 || @ == "x")'))).toBe('["x", 3]');
    expect(out(JSONPATH_FUNCTIONS.jsonb_path_query_first(j('{"a": [{"b": 1}, {"b": 2}]}'), '$.a[*] ? (@.b == 2)'))).toBe('{"b": 2}');
  });

  it('answers exists and match with variables', () => {
    expect(JSONPATH_FUNCTIONS.jsonb_path_exists(j('{"a": {"b": 5}}'), '$.a.b ? (@ > 4)')).toBe(true);
    expect(JSONPATH_FUNCTIONS.jsonb_path_exists(j('{"a": 1}'), '$.b')).toBe(false);
    expect(JSONPATH_FUNCTIONS.jsonb_path_match(j('{"n": 3}'), '$.n > $min', j('{"min": 2}'))).toBe(true);
  });

  it('rejects bad syntax on input', () => {
    expect(() => jsonpathCodec.fromText('$.a ? (@ >')).toThrow(/syntax error/);
  });
});

describe('overlaps', () => {
  const f = OVERLAPS_FUNCTIONS.overlaps_timestamp;
  it('compares half-open periods, swapping reversed ends', () => {
    expect(f(1n, 5n, 3n, 8n)).toBe(true);
    expect(f(1n, 3n, 3n, 8n)).toBe(false);
    expect(f(5n, 1n, 8n, 3n)).toBe(true);
  });
  it('is NULL only when a null end leaves it undecided', () => {
    expect(f(1n, null, 3n, 8n)).toBe(null);
    expect(f(1n, 5n, 3n, null)).toBe(true);
  });
});
