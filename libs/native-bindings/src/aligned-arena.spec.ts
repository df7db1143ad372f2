// addressMod (the addon's O(1) address getter) and allocAlignedArena on top of it, plus a scan
// over arenas at every offset from a 64-byte boundary that a caller may hand the core.
import { allocAlignedArena, loadNativeCore, MAX_ARENA_ALIGN, NativeError } from './index';
import { randomRows } from './testing/random';
import { closeToReference, referenceDistance } from './testing/reference';

const core = loadNativeCore();

describe('addressMod', () => {
  it('follows a view’s byteOffset through the same memory', () => {
    const buffer = new ArrayBuffer(1 << 16);
    const base = core.addressMod(buffer, 4096);
    for (const offset of [0, 1, 4, 16, 36, 63, 64, 1000]) {
      const view = new Uint8Array(buffer, offset, 8);
      expect(core.addressMod(view, 4096)).toBe((base + offset) % 4096);
      expect(core.addressMod(view, 64)).toBe((base + offset) % 64);
    }
    expect(core.addressMod(buffer, 1)).toBe(0);
  });

  it('is 0 for an empty buffer', () => {
    expect(core.addressMod(new ArrayBuffer(0), 64)).toBe(0);
  });

  it('rejects bad arguments with INVALID_ARGUMENT (22023)', () => {
    const buffer = new ArrayBuffer(8);
    for (const call of [
      () => core.addressMod(buffer, 0),
      () => core.addressMod(buffer, 1.5),
      () => core.addressMod(buffer, 2 ** 21),
      () => core.addressMod(42 as unknown as ArrayBuffer, 64),
    ]) {
      expect(call).toThrow(NativeError);
      try {
        call();
      } catch (error) {
        expect((error as NativeError).code).toBe('INVALID_ARGUMENT');
        expect((error as NativeError).sqlstate).toBe('22023');
      }
    }
  });
});

describe('allocAlignedArena', () => {
  it.each([1, 8, 64, 256, 4096])('returns zeroed memory on a %i-byte boundary', (align) => {
    for (const bytes of [0, 1, 100, 4096, 3 << 20]) {
      const arena = allocAlignedArena(bytes, align);
      expect(arena).toBeInstanceOf(Uint8Array);
      expect(arena.byteLength).toBe(bytes);
      if (bytes > 0) expect(core.addressMod(arena, align)).toBe(0);
      expect(arena.every((x) => x === 0)).toBe(true);
    }
  });

  it('defaults to 64 bytes, and typed views of it stay aligned', () => {
    const arena = allocAlignedArena(1 << 20);
    expect(core.addressMod(arena, 64)).toBe(0);
    const floats = new Float32Array(arena.buffer, arena.byteOffset, arena.byteLength / 4);
    expect(core.addressMod(floats, 64)).toBe(0);
  });

  it('starts the view where the injected addressMod says the boundary is', () => {
    for (const mod of [0, 16, 48, 63]) {
      const arena = allocAlignedArena(100, 64, { addressMod: () => mod });
      expect(arena.byteOffset).toBe((64 - mod) % 64);
      expect(arena.byteLength).toBe(100);
      expect(arena.buffer.byteLength).toBe(164);
    }
  });

  it('rejects sizes and alignments it cannot honour (22023)', () => {
    for (const [bytes, align] of [
      [-1, 64],
      [1.5, 64],
      [10, 0],
      [10, 48],
      [10, MAX_ARENA_ALIGN * 2],
    ]) {
      expect(() => allocAlignedArena(bytes, align)).toThrow(expect.objectContaining({ code: '22023' }));
    }
  });
});

describe('scans over arenas at any offset from a 64-byte boundary', () => {
  // The active level's kernels peel each row to its next 64-byte boundary; every start must
  // still give the reference distances (f32 and f16, every metric, dims around the lanes).
  it.each(['f32', 'f16'] as const)('%s', async (type) => {
    const problems: string[] = [];
    for (const metric of ['l2sq', 'negdot', 'cosine', 'l1'] as const) {
      for (const dim of [7, 16, 33, 96, 129, 768]) {
        const nRows = 5;
        const rows = randomRows(type, dim, nRows, 1000 + dim);
        const queries = randomRows(type, dim, 1, 2000 + dim);
        const bytes = new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
        for (const offset of [0, 4, 16, 36]) {
          const place = allocAlignedArena(offset + bytes.byteLength);
          place.set(bytes, offset);
          const at = place.byteOffset + offset;
          const arena =
            type === 'f32' ? new Float32Array(place.buffer, at, rows.length) : new Uint16Array(place.buffer, at, rows.length);
          const out = new Float32Array(nRows);
          await core.scanDistances({ type, metric, dim, queries, arena, nRows }, out);
          for (let r = 0; r < nRows; r++) {
            const ref = referenceDistance(type, metric, dim, queries, 0, rows, r * dim);
            if (!closeToReference(out[r], ref)) problems.push(`${metric} d=${dim} +${offset} row ${r}: ${out[r]} vs ${ref.value}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
