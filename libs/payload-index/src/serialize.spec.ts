import { isSqlError } from '@vecgres/errors';
import { RangeIndex } from './range-index';
import { TermIndex } from './term-index';
import { termHash } from './term-index-build';
import { seededRng } from './testing/rng';

/** Copies `bytes` to offset `shift` of a fresh buffer (shift 0: 8-aligned). */
function placed(bytes: Uint8Array, shift: number): Uint8Array {
  const buf = new Uint8Array(bytes.length + shift);
  buf.set(bytes, shift);
  return buf.subarray(shift);
}

function expectCorrupt(f: () => unknown, message?: RegExp): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeDefined();
  expect(isSqlError(err) && err.sqlstate).toBe('XX001');
  expect((err as { code?: string }).code).toBe('XX001');
  if (message) expect((err as Error).message).toMatch(message);
}

/** Opening arbitrary bytes either fails with XX001 or gives an index whose queries run. */
function openOrCorrupt<T>(open: () => T, use: (x: T) => void): 'ok' | 'corrupt' {
  let x: T;
  try {
    x = open();
  } catch (e) {
    expect(isSqlError(e) && e.sqlstate).toBe('XX001');
    return 'corrupt';
  }
  use(x);
  return 'ok';
}

function sampleTermIndex(rows: number, seed: number): TermIndex {
  const rng = seededRng(seed);
  const vocab = ['a', 'bb', 'ß', '😀', '', '\uFEFFbom', 'zz'];
  return TermIndex.build(rows, (p) => (p % 5 === 0 ? null : [rng.pick(vocab), rng.pick(vocab)]));
}

function sampleRangeIndex(rows: number, seed: number): RangeIndex {
  const rng = seededRng(seed);
  return RangeIndex.build(rows, (p) => (p % 6 === 0 ? null : rng.pick([NaN, -0, 1, 2.5, -Infinity, rng.int(50)])));
}

describe('TermIndex serialization', () => {
  it('round-trips, aligned (zero-copy) and from unaligned copies', () => {
    const idx = sampleTermIndex(3001, 1);
    const bytes = idx.serialize();
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('VGPTRM01');
    expect(bytes.length % 8).toBe(0);
    for (const shift of [0, 1, 2, 3, 4, 5, 8]) {
      const b = placed(bytes, shift);
      const back = TermIndex.open(b);
      expect(back.rows).toBe(3001);
      expect(back.termCounts()).toEqual(idx.termCounts());
      for (const { term } of idx.termCounts()) expect(Array.from(back.postings(term))).toEqual(Array.from(idx.postings(term)));
      expect(back.allOf(['a', 'ß']).count()).toBe(idx.allOf(['a', 'ß']).count());
      if (shift % 4 === 0) expect(back.postings('a').buffer).toBe(b.buffer);
      expect(Array.from(back.serialize())).toEqual(Array.from(bytes));
    }
  });

  it('checks the row count against the segment when asked', () => {
    const bytes = sampleTermIndex(30, 9).serialize();
    expect(TermIndex.open(bytes, 30).rows).toBe(30);
    expectCorrupt(() => TermIndex.open(bytes, 31), /30 rows/);
    const rbytes = sampleRangeIndex(30, 9).serialize();
    expect(RangeIndex.open(rbytes, 30).rows).toBe(30);
    expectCorrupt(() => RangeIndex.open(rbytes, 29), /30 rows/);
    // A huge corrupt row count with few keys: the duplicate check must not size a bitmap by it.
    const huge = RangeIndex.build(3, (p) => p).serialize();
    new DataView(huge.buffer).setUint32(8, 0xfffffff0, true);
    expect(RangeIndex.open(huge).rows).toBe(0xfffffff0);
    new DataView(huge.buffer).setUint32(16 + 8 * 3 + 4, 0, true); // positions [0, 0, 2]
    expectCorrupt(() => RangeIndex.open(huge), /appears twice/);
  });

  it('round-trips empty indexes', () => {
    for (const idx of [TermIndex.build(0, () => null), TermIndex.build(10, () => [])]) {
      const back = TermIndex.open(idx.serialize());
      expect(back.rows).toBe(idx.rows);
      expect(back.distinctTerms()).toBe(0);
      expect(back.anyOf(['x']).count()).toBe(0);
    }
  });

  it('rejects every truncation and a bad magic with XX001', () => {
    const bytes = sampleTermIndex(40, 2).serialize();
    for (let len = 0; len < bytes.length; len++) expectCorrupt(() => TermIndex.open(bytes.slice(0, len)));
    const bad = bytes.slice();
    bad[7] = 0x32;
    expectCorrupt(() => TermIndex.open(bad));
    expectCorrupt(() => TermIndex.open(new Uint8Array([...bytes, 0, 0, 0, 0, 0, 0, 0, 0])));
  });

  it('rejects a term that no longer matches its hash, and a duplicated term', () => {
    const idx = TermIndex.build(4, (p) => [p % 2 === 0 ? 'alpha' : 'omega']);
    const bytes = idx.serialize();
    const at = Buffer.from(bytes).indexOf('omega');
    expect(at).toBeGreaterThan(0);
    const renamed = bytes.slice();
    renamed[at] = 'O'.charCodeAt(0);
    expectCorrupt(() => TermIndex.open(renamed), /hash of term/);
    // Both terms spelled 'alpha' with both hashes fixed up: a duplicate.
    const dup = bytes.slice();
    dup.set(Buffer.from('alpha'), at);
    const view = new DataView(dup.buffer);
    const hashesAt = 32 + 16 + 16; // after offsets[3] and charOffsets[3], each padded to 8 bytes
    const h = termHash('alpha');
    view.setUint32(hashesAt, h, true);
    view.setUint32(hashesAt + 4, h, true);
    expectCorrupt(() => TermIndex.open(dup), /duplicate/);
  });

  it('never crashes on corrupted bytes', () => {
    const bytes = sampleTermIndex(300, 3).serialize();
    const rng = seededRng(3);
    const outcomes = { ok: 0, corrupt: 0 };
    for (let i = 0; i < 1500; i++) {
      const bad = bytes.slice();
      const flips = 1 + rng.int(3);
      for (let f = 0; f < flips; f++) bad[rng.int(bad.length)] = rng.int(256);
      outcomes[
        openOrCorrupt(
          () => TermIndex.open(bad),
          (x) => {
            for (const { term } of x.termCounts()) x.bitmap(term).positions();
            x.allOf(['a', 'zz']).count();
          },
        )
      ]++;
    }
    expect(outcomes.corrupt).toBeGreaterThan(0);
  });
});

describe('RangeIndex serialization', () => {
  it('round-trips, aligned (zero-copy) and from unaligned copies', () => {
    const idx = sampleRangeIndex(2503, 4);
    const bytes = idx.serialize();
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('VGPRNG01');
    for (const shift of [0, 1, 2, 3, 4, 7, 8]) {
      const b = placed(bytes, shift);
      const back = RangeIndex.open(b);
      expect(back.rows).toBe(2503);
      expect(back.nonNull()).toBe(idx.nonNull());
      for (const [lo, hi] of [
        [undefined, undefined],
        [{ value: 1, inclusive: true }, { value: 20, inclusive: false }],
        [{ value: NaN, inclusive: true }, undefined],
        [undefined, { value: 0, inclusive: true }],
      ] as const) {
        expect(Array.from(back.positions(lo, hi))).toEqual(Array.from(idx.positions(lo, hi)));
      }
      expect(Array.from(back.serialize())).toEqual(Array.from(bytes));
    }
  });

  it('views keys without copying when aligned, copies them when not', () => {
    const bytes = sampleRangeIndex(100, 5).serialize();
    const aligned = RangeIndex.open(bytes);
    const shifted = placed(bytes, 3);
    const unaligned = RangeIndex.open(shifted);
    // Lowering the first (smallest) key keeps the order valid; only a view sees the change.
    new DataView(bytes.buffer, bytes.byteOffset).setFloat64(16, -1e300, true);
    new DataView(shifted.buffer, shifted.byteOffset).setFloat64(16, -1e300, true);
    expect(aligned.keyRange()!.min).toBe(-1e300);
    expect(unaligned.keyRange()!.min).toBe(-Infinity);
  });

  it('rejects every truncation, bad magic and invalid contents with XX001', () => {
    const idx = RangeIndex.build(12, (p) => (p === 3 ? null : p));
    const bytes = idx.serialize();
    for (let len = 0; len < bytes.length; len++) expectCorrupt(() => RangeIndex.open(bytes.slice(0, len)));
    const mutate = (f: (v: DataView) => void): Uint8Array => {
      const b = bytes.slice();
      f(new DataView(b.buffer));
      return b;
    };
    expectCorrupt(() => RangeIndex.open(mutate((v) => v.setUint8(0, 0x41))));
    expectCorrupt(() => RangeIndex.open(mutate((v) => v.setUint32(12, 13, true)))); // n > rows
    expectCorrupt(() => RangeIndex.open(mutate((v) => v.setFloat64(16, 5, true)))); // keys decrease
    expectCorrupt(() => RangeIndex.open(mutate((v) => v.setFloat64(16, NaN, true)))); // key after NaN
    expectCorrupt(() => RangeIndex.open(mutate((v) => v.setFloat64(16, -0, true)))); // -0 stored
    expectCorrupt(() => RangeIndex.open(mutate((v) => v.setUint32(16 + 8 * 11, 12, true)))); // row >= rows
    expectCorrupt(() => RangeIndex.open(mutate((v) => v.setUint32(16 + 8 * 11, 1, true)))); // row twice
  });

  it('never crashes on corrupted bytes', () => {
    const bytes = sampleRangeIndex(200, 6).serialize();
    const rng = seededRng(6);
    const outcomes = { ok: 0, corrupt: 0 };
    for (let i = 0; i < 1500; i++) {
      const bad = bytes.slice();
      for (let f = 0; f < 1 + rng.int(3); f++) bad[rng.int(bad.length)] = rng.int(256);
      outcomes[
        openOrCorrupt(
          () => RangeIndex.open(bad),
          (x) => {
            x.positions({ value: 0, inclusive: true });
            x.bitmap(undefined, { value: NaN, inclusive: true }).positions();
          },
        )
      ]++;
    }
    expect(outcomes.corrupt).toBeGreaterThan(0);
  });
});
