import { RowBitmap } from './row-bitmap';
import { randomPositions, seededRng } from './testing/rng';

const SIZES = [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 257, 1003];

function setOf(m: RowBitmap): Set<number> {
  return new Set(Array.from(m.positions()));
}

function sorted(s: Iterable<number>): number[] {
  return [...s].sort((a, b) => a - b);
}

describe('RowBitmap vs Set logic', () => {
  for (const rows of SIZES) {
    it(`rows=${rows}: and/or/andNot/not/in-place ops, count, positions`, () => {
      const rng = seededRng(rows + 1);
      for (let round = 0; round < 20; round++) {
        const a = randomPositions(rng, rows, rng.next());
        const b = randomPositions(rng, rows, rng.next());
        const A = RowBitmap.fromPositions(rows, a);
        const B = RowBitmap.fromPositions(rows, b);
        const sa = new Set(a);
        const sb = new Set(b);
        const all = Array.from({ length: rows }, (_, i) => i);
        expect(Array.from(A.positions())).toEqual(a);
        expect(A.count()).toBe(a.length);
        expect(sorted(setOf(A.and(B)))).toEqual(a.filter((x) => sb.has(x)));
        expect(sorted(setOf(A.or(B)))).toEqual(sorted(new Set([...a, ...b])));
        expect(sorted(setOf(A.andNot(B)))).toEqual(a.filter((x) => !sb.has(x)));
        expect(Array.from(A.not().positions())).toEqual(all.filter((x) => !sa.has(x)));
        expect(A.not().count()).toBe(rows - a.length);
        // Operands are untouched by the non-mutating ops.
        expect(Array.from(A.positions())).toEqual(a);
        expect(Array.from(B.positions())).toEqual(b);
        const C = A.clone();
        expect(C.andInPlace(B)).toBe(C);
        expect(sorted(setOf(C))).toEqual(a.filter((x) => sb.has(x)));
        expect(sorted(setOf(A.clone().andNotInPlace(B)))).toEqual(a.filter((x) => !sb.has(x)));
        expect(A.isEmpty()).toBe(a.length === 0);
        const D = A.clone().orInPlace(B);
        expect(D.count()).toBe(new Set([...a, ...b]).size);
        const probe = Array.from({ length: rows + 2 }, (_, i) => i - 1);
        expect(probe.filter((i) => A.has(i))).toEqual(probe.filter((i) => sa.has(i)));
      }
    });
  }

  it('full, set, clear and bounds', () => {
    for (const rows of SIZES) {
      const f = RowBitmap.full(rows);
      expect(f.count()).toBe(rows);
      expect(f.bits.length).toBe(Math.ceil(rows / 8));
      expect(f.not().count()).toBe(0);
      if (rows > 0) {
        f.clear(rows - 1);
        expect(f.has(rows - 1)).toBe(false);
        expect(f.count()).toBe(rows - 1);
        f.set(rows - 1);
        expect(f.count()).toBe(rows);
      }
      expect(() => f.set(rows)).toThrow();
      expect(() => f.set(-1)).toThrow();
      expect(() => RowBitmap.fromPositions(rows, [rows])).toThrow();
    }
  });

  it('uses the LSB-first layout of the ANN allow bitmaps', () => {
    const m = RowBitmap.fromPositions(20, [0, 3, 8, 19]);
    expect(Array.from(m.bits)).toEqual([0b00001001, 0b00000001, 0b00001000]);
    const w = new RowBitmap(20, new Uint8Array([0b10000000, 0, 0b00000100]));
    expect(Array.from(w.positions())).toEqual([7, 18]);
  });

  it('wraps caller bytes without copying, unaligned too, and never writes past them', () => {
    const rng = seededRng(7);
    for (const rows of [5, 33, 70, 129]) {
      for (const offset of [0, 1, 2, 3, 4]) {
        const bytes = Math.ceil(rows / 8);
        const backing = new Uint8Array(bytes + 16).fill(0xaa);
        const view = backing.subarray(offset, offset + bytes);
        view.fill(0);
        const a = randomPositions(rng, rows, 0.4);
        const b = randomPositions(rng, rows, 0.4);
        for (const p of a) view[p >>> 3]! |= 1 << (p & 7);
        const A = new RowBitmap(rows, view);
        expect(A.bits.buffer).toBe(backing.buffer);
        expect(Array.from(A.positions())).toEqual(a);
        A.orInPlace(RowBitmap.fromPositions(rows, b)).andInPlace(RowBitmap.full(rows));
        expect(Array.from(A.positions())).toEqual(sorted(new Set([...a, ...b])));
        // Bytes around the view are someone else's.
        for (let i = 0; i < offset; i++) expect(backing[i]).toBe(0xaa);
        for (let i = offset + bytes; i < backing.length; i++) expect(backing[i]).toBe(0xaa);
        const B = RowBitmap.fromPositions(rows, b);
        expect(sorted(setOf(B.and(A)))).toEqual(b);
        expect(sorted(setOf(B.andNot(A)))).toEqual([]);
      }
    }
  });

  it('ignores stray bits past rows in a caller-provided last byte', () => {
    const m = new RowBitmap(10, new Uint8Array([0b00000001, 0b11111110]));
    expect(m.count()).toBe(2);
    expect(Array.from(m.positions())).toEqual([0, 9]);
    expect(m.not().count()).toBe(8);
    expect(new RowBitmap(3, new Uint8Array([0b11111000])).isEmpty()).toBe(true);
  });

  it('rejects short bitmaps and mismatched row counts', () => {
    expect(() => new RowBitmap(17, new Uint8Array(2))).toThrow();
    expect(() => new RowBitmap(-1)).toThrow();
    expect(() => new RowBitmap(8).and(new RowBitmap(9))).toThrow(/row counts differ/);
  });
});
