import { jsonRowCodec } from './row-codec';
import { decodeCommit, encodeCommit } from '../engine/commit-record';

describe('row codec and commit records', () => {
  it('round-trips JSON values, Float32Array, bigint and bytes', () => {
    const row = { a: 1, b: 'x', c: null, d: [1, { e: true }], f: Float32Array.of(1.5, -2), g: 12345678901234567890n, h: Uint8Array.of(0, 255) };
    expect(jsonRowCodec.decode(jsonRowCodec.encode(row))).toEqual(row);
  });

  it('round-trips rows without tagged values, and text that looks like a tag escape', () => {
    for (const row of [{ a: 1, b: 'plain' }, { s: 'back\\u0000slash', n: 2 }, { s: 'back\\u0000slash', big: 5n }, {}]) {
      expect(jsonRowCodec.decode(jsonRowCodec.encode(row))).toEqual(row);
    }
  });

  it('round-trips every commit op', () => {
    const rec = {
      commitSeq: 2 ** 40 + 3,
      ops: [
        { kind: 'createTable' as const, def: { id: 7, name: 't', vectorColumns: [{ name: 'v', dim: 2 }] } },
        { kind: 'insert' as const, tableId: 7, rowId: 4_000_000_000, payload: Uint8Array.of(1, 2, 3), vectors: [Float32Array.of(0.5, 1), null] },
        { kind: 'delete' as const, tableId: 7, rowId: 9 },
        { kind: 'catalog' as const, json: '{"x":1}' },
        { kind: 'dropTable' as const, tableId: 7 },
      ],
    };
    expect(decodeCommit(encodeCommit(rec))).toEqual(rec);
    expect(() => decodeCommit(encodeCommit(rec).subarray(0, 30))).toThrow(RangeError);
  });
});

describe('jsonRowCodec with Node Buffers', () => {
  // Buffer has toJSON(), which JSON.stringify applies before any replacer: bytes must still be
  // stored as bytes (bytea values and binary-encoded typed values are Buffers).
  it('keeps a Buffer, and a Buffer that is a view into a larger pool, as its own bytes', () => {
    const pooled = Buffer.from('xxABCyy').subarray(2, 5);
    const back = jsonRowCodec.decode(jsonRowCodec.encode({ a: Buffer.from([0, 255, 7]), b: pooled }));
    expect(back.a).toBeInstanceOf(Uint8Array);
    expect([...(back.a as Uint8Array)]).toEqual([0, 255, 7]);
    expect(Buffer.from(back.b as Uint8Array).toString()).toBe('ABC');
  });
});
