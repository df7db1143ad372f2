// Every type's value must come back from storage exactly as it went in (through encodeRow,
// storage's JSON row codec, and decodeRow), including the values JSON cannot hold.
import { jsonRowCodec } from '@vecgres/storage';
import { PgArray, builtinCodecRegistry } from '@vecgres/pg-types';
import type { ScanColumn } from '@vecgres/planner';
import { decodeRow, encodeRow } from './row-format';

const codecs = builtinCodecRegistry();

function column(attnum: number, oid: number): ScanColumn {
  return { attnum, name: `c${attnum}`, type: { oid, typmod: -1 } } as unknown as ScanColumn;
}

/** encode -> storage bytes -> decode, compared through the type's text output. */
function roundTrip(oid: number, value: unknown): unknown {
  const cols = [column(1, oid)];
  const bytes = jsonRowCodec.encode(encodeRow(cols, [value]));
  return decodeRow(cols, jsonRowCodec.decode(bytes) as Record<string, unknown>)[0];
}

const text = (oid: number, v: unknown) => codecs.require(oid).toText(v as never, { timeZone: 'UTC' } as never);
const parse = (oid: number, s: string) => codecs.require(oid).fromText(s, { timeZone: 'UTC' } as never);

describe('row format', () => {
  it.each([
    ['float4[] with values', 1021, '{1.5,-2,3}'],
    ['float8[] with NaN and Infinity', 1022, '{NaN,Infinity,-Infinity,0}'],
    ['int4[][] with a lower bound', 1007, '[0:1][1:2]={{1,2},{3,NULL}}'],
    ['text[] with quoting', 1009, '{"a b","c\\"d",NULL}'],
    ['jsonb object', 3802, '{"a": [1, 2.50, {"b": null}], "long key": true}'],
    ['jsonb[]', 3807, '{"{\\"a\\": 1}","[1, 2]"}'],
    ['date infinity', 1082, 'infinity'],
    ['date', 1082, '2024-02-29'],
    ['timestamptz', 1184, '2024-02-29 12:34:56.789+00'],
    ['interval', 1186, '1 year 2 mons 3 days 04:05:06.7'],
    ['timestamp[]', 1115, '{"2024-01-01 00:00:00","-infinity"}'],
  ])('%s comes back equal', (_label, oid, literal) => {
    const value = parse(oid, literal);
    const back = roundTrip(oid, value);
    expect(text(oid, back)).toBe(text(oid, value));
    if (value instanceof PgArray) expect(back).toBeInstanceOf(PgArray);
  });

  it.each([
    [701, Number.NaN],
    [701, Number.POSITIVE_INFINITY],
    [700, -0],
    [20, 9007199254740993n],
    [1700, '12345678901234567890.000100'],
    [25, 'ünïcode ✓'],
    [16, false],
  ])('plain type %s keeps %p', (oid, value) => {
    expect(Object.is(roundTrip(oid, value), value)).toBe(true);
  });

  it('bytea comes back as a Buffer with the same bytes', () => {
    const back = roundTrip(17, Buffer.from([0, 255, 10]));
    expect(Buffer.isBuffer(back)).toBe(true);
    expect([...(back as Buffer)]).toEqual([0, 255, 10]);
  });

  it('absent attnums read as NULL (ADD COLUMN over old rows)', () => {
    expect(decodeRow([column(1, 23), column(2, 3802)], { 1: 7 })).toEqual([7, null]);
  });
});

describe('storage vector columns in encodeRow / decodeRow', () => {
  const cols = [column(1, 23), column(2, 99999)];
  const dims = new Map([[2, 3]]);

  it('passes a Float32Array of the column dimension through (storage stores it apart)', () => {
    const v = Float32Array.of(1, 2, 3);
    const out = encodeRow(cols, [5, v], codecs, dims);
    expect(out).toEqual({ 1: 5, 2: v });
    expect(out[2]).toBe(v);
    expect(encodeRow(cols, [5, null], codecs, dims)).toEqual({ 1: 5 });
  });

  it('keeps a value that does not fit the storage column in the payload and reads it back', () => {
    const wrongDim = Float32Array.of(1, 2);
    const out = encodeRow(cols, [5, wrongDim], codecs, dims);
    expect(out).toEqual({ 1: 5, p2: wrongDim });
    // Storage hands the vector column back as NULL (its key) next to the payload's overflow.
    expect(decodeRow(cols, { ...out, 2: null })).toEqual([5, wrongDim]);
  });
});
