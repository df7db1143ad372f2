// Bad input: every call rejects with NativeError INVALID_ARGUMENT (22023), never throws
// synchronously, never crashes the process.
import { allocTopK, loadAddon, loadNativeCore, NativeError, type ScanSpec, type TopK } from './index';

const core = loadNativeCore();

const good = (): ScanSpec => ({
  type: 'f32',
  metric: 'l2sq',
  dim: 3,
  queries: Float32Array.from([1, 2, 3, 4, 5, 6]),
  nq: 2,
  arena: Float32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]),
  nRows: 4,
});

async function rejection(promise: Promise<unknown>): Promise<NativeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NativeError);
    return error as NativeError;
  }
  throw new Error('expected a rejection');
}

// [description, spec override, message pattern]
const badSpecs: [string, Record<string, unknown>, RegExp][] = [
  ['queries shorter than nq * dim', { queries: new Float32Array(5) }, /queries has 5 elements; nq \* dim = 6 needed/],
  ['arena shorter than nRows rows', { arena: new Float32Array(11) }, /arena has 44 bytes; .* = 48 needed/],
  ['arena shorter than its strided rows', { rowStride: 16 }, /arena has 48 bytes; .* = 60 needed/],
  ['rowStride smaller than a row', { rowStride: 11 }, /rowStride must be an integer in \[12, /],
  ['unknown metric', { metric: 'manhattan' }, /unknown metric 'manhattan'/],
  ['unknown type', { type: 'f64' }, /unknown type 'f64'/],
  ['metric for another type (hamming on f32)', { metric: 'hamming' }, /metric 'hamming' does not apply to type 'f32'/],
  ['metric for another type (cosine on i8)', { type: 'i8', metric: 'cosine', queries: new Int8Array(6), arena: new Int8Array(12) }, /does not apply to type 'i8' \(i8 takes l2sq or negdot\)/],
  ['wrong TypedArray for queries', { queries: new Float64Array(6) }, /queries must be a Float32Array \(got Float64Array\)/],
  ['wrong TypedArray for the arena', { arena: new Int8Array(48) }, /arena must be an ArrayBuffer or a Float32Array \(got Int8Array\)/],
  ['f16 queries as Float32Array', { type: 'f16', queries: new Float32Array(6), arena: new Uint16Array(12) }, /queries must be a Uint16Array/],
  ['a plain array as queries', { queries: [1, 2, 3, 4, 5, 6] }, /queries must be a Float32Array \(got Array\)/],
  ['dim 0', { dim: 0 }, /dim must be an integer in \[1, /],
  ['fractional dim', { dim: 2.5 }, /dim must be an integer/],
  ['NaN nRows', { nRows: NaN }, /nRows must be an integer/],
  ['negative nq', { nq: -1 }, /nq must be an integer in \[0, /],
  ['string dim', { dim: '3' }, /dim must be a number \(got string\)/],
  ['i8 dim beyond exact int32 sums', { type: 'i8', dim: 40000, queries: new Int8Array(80000), arena: new Int8Array(160000) }, /dim must be an integer in \[1, 33000\]/],
  ['ids not a Uint32Array', { ids: [0, 1] }, /ids must be a Uint32Array \(got Array\)/],
  ['ids out of range', { ids: Uint32Array.from([0, 3, 4]) }, /ids\[2\] = 4 is out of range \(nRows = 4\)/],
  ['stop flag of the wrong type', { stop: new Uint32Array(1) }, /stop must be an Int32Array \(got Uint32Array\)/],
  ['empty stop flag', { stop: new Int32Array(0) }, /stop must have at least one element/],
];

describe('scanDistances / scanTopK reject bad input with INVALID_ARGUMENT', () => {
  it.each(badSpecs)('%s', async (_what, override, pattern) => {
    const spec = { ...good(), ...override } as ScanSpec;
    const m = (spec.ids as Uint32Array | undefined)?.length ?? 4;
    for (const call of [
      () => core.scanDistances(spec, new Float32Array(2 * Math.max(m, 4))),
      () => core.scanTopK(spec, 2, allocTopK(2, 2)),
    ]) {
      const error = await rejection(call());
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.sqlstate).toBe('22023');
      expect(error.message).toMatch(pattern);
    }
  });

  it('rejects short or mistyped outputs', async () => {
    expect((await rejection(core.scanDistances(good(), new Float32Array(7)))).message).toMatch(/out has 7 elements; nq \* rows scanned = 8 needed/);
    expect((await rejection(core.scanDistances(good(), new Float64Array(8) as unknown as Float32Array))).message).toMatch(/out must be a Float32Array/);
    const short: TopK = { ...allocTopK(2, 3), ids: new Uint32Array(5) };
    expect((await rejection(core.scanTopK(good(), 3, short))).message).toMatch(/out.ids and out.dists need nq \* k = 6 elements/);
    const counts: TopK = { ...allocTopK(2, 3), counts: new Uint32Array(1) };
    expect((await rejection(core.scanTopK(good(), 3, counts))).message).toMatch(/out.counts needs nq = 2 elements/);
    const mistyped = { ...allocTopK(2, 3), dists: new Float64Array(6) } as unknown as TopK;
    expect((await rejection(core.scanTopK(good(), 3, mistyped))).message).toMatch(/out.dists must be a Float32Array/);
    expect((await rejection(core.scanTopK(good(), 3, null as unknown as TopK))).message).toMatch(/out must be an object \(got null\)/);
    for (const k of [-1, 1.5, NaN]) {
      expect((await rejection(core.scanTopK(good(), k, allocTopK(2, 3)))).message).toMatch(/k must be an integer in \[0, /);
    }
  });

  it('rejects a missing or non-object spec and a non-buffer readMemory argument', async () => {
    for (const spec of [undefined, null, 42, 'f32', new Float32Array(3)]) {
      const error = await rejection(core.scanDistances(spec as unknown as ScanSpec, new Float32Array(1)));
      expect(error.message).toMatch(/scan spec must be an object/);
    }
    expect((await rejection(core.readMemory('abc' as unknown as ArrayBuffer))).message).toMatch(/data must be an ArrayBuffer or a TypedArray \(got string\)/);
  });

  it('the raw addon returns rejected promises instead of throwing, with a string code', async () => {
    const addon = loadAddon();
    let result: Promise<void> | undefined;
    expect(() => {
      result = addon.scanDistances(null as unknown as ScanSpec, null as unknown as Float32Array);
    }).not.toThrow();
    await expect(result).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(() => addon.scanTopK(undefined as unknown as ScanSpec, 1, undefined as unknown as TopK).catch(() => undefined)).not.toThrow();
  });

  it('turns a throwing getter on the spec into a rejection', async () => {
    const spec = Object.defineProperty({ ...good() }, 'dim', {
      get() {
        throw new Error('getter exploded');
      },
    });
    const error = await rejection(core.scanDistances(spec, new Float32Array(8)));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/getter exploded/);
  });

  it('keeps working after all of the above (the process survived)', async () => {
    const out = new Float32Array(8);
    await core.scanDistances(good(), out);
    expect(Array.from(out)).toEqual([14, 5, 2, 5, 77, 50, 29, 14]);
  });
});
