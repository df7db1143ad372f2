import { JSON_CASES } from '../testing/fixtures/json-cases';
import { expectSqlError } from '../testing/expect-sql-error';
import { pgResult } from '../testing/pg-result';
import { Jsonb, JsonbNumber, formatJsonb, jsonbFromJs, parseJsonb } from '../json/jsonb-value';
import { jsonCodec } from './json';
import { decodeJsonbBinary, encodeJsonbBinary, jsonbCodec } from './jsonb';

describe('json / jsonb text I/O matches PostgreSQL (messages, details and context)', () => {
  it.each(JSON_CASES.map((c) => [c[0], c[1]]))('json %j -> %s', (input, expected) => {
    expect(pgResult(() => jsonCodec.toText(jsonCodec.fromText(input)), true)).toBe(expected);
  });

  it.each(JSON_CASES.map((c) => [c[0], c[2]]))('jsonb %j -> %s', (input, expected) => {
    expect(pgResult(() => jsonbCodec.toText(jsonbCodec.fromText(input)), true)).toBe(expected);
  });
});

describe('jsonb value model', () => {
  it('normalizes: key order by length then bytes, last duplicate wins, exact numbers', () => {
    const v = parseJsonb('{"bb": 1, "a": 2.50, "c": [1e2, -0], "a": null}');
    expect([...(v.root as Map<string, unknown>).keys()]).toEqual(['a', 'c', 'bb']);
    expect((v.root as Map<string, unknown>).get('a')).toBeNull();
    expect((v.root as Map<string, unknown>).get('c')).toEqual([new JsonbNumber('100'), new JsonbNumber('0')]);
    expect(v.toString()).toBe('{"a": null, "c": [100, 0], "bb": 1}');
  });

  it('keeps SQL NULL (null) apart from JSON null (a Jsonb whose root is null)', () => {
    const v = parseJsonb('null');
    expect(v).toBeInstanceOf(Jsonb);
    expect(v.root).toBeNull();
  });

  it('builds from plain JS values', () => {
    expect(formatJsonb(jsonbFromJs({ b: [1, 'x', true], a: 0.1, 10: null }))).toBe('{"a": 0.1, "b": [1, "x", true], "10": null}');
    expect(() => jsonbFromJs({ a: NaN })).toThrow(TypeError);
  });
});

describe('json / jsonb binary', () => {
  it('jsonb_send is version 1 then the canonical text; jsonb_recv reparses', () => {
    const b = encodeJsonbBinary(parseJsonb('{"b":1,"a":[1,2.50]}'));
    expect(b[0]).toBe(1);
    expect(b.subarray(1).toString()).toBe('{"a": [1, 2.50], "b": 1}');
    expect(decodeJsonbBinary(b).toString()).toBe('{"a": [1, 2.50], "b": 1}');
    expectSqlError(() => decodeJsonbBinary(Buffer.from([2, 0x31])), 'XX000', 'unsupported jsonb version number 2');
  });

  it('json binary is the text itself, validated', () => {
    expect(jsonCodec.toBinary('{"a" : 1}').toString()).toBe('{"a" : 1}');
    expect(jsonCodec.fromBinary(Buffer.from('[1, 2]'))).toBe('[1, 2]');
    expectSqlError(() => jsonCodec.fromBinary(Buffer.from('[1,')), '22P02', 'invalid input syntax for type json');
  });
});

describe('deep nesting', () => {
  it('parses 1000 levels and rejects deeper input with 54001 instead of overflowing the stack', () => {
    const ok = '['.repeat(1000) + ']'.repeat(1000);
    expectSqlError(() => jsonCodec.fromText('[' + ok + ']'), '54001', 'stack depth limit exceeded');
    expect(jsonbCodec.toText(jsonbCodec.fromText(ok))).toBe(ok);
    const deep = '['.repeat(100000);
    expectSqlError(() => jsonCodec.fromText(deep), '54001', 'stack depth limit exceeded');
    expectSqlError(() => jsonbCodec.fromText('{"a":'.repeat(5000)), '54001', 'stack depth limit exceeded');
  });
});
