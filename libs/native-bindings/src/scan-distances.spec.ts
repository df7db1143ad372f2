// scanDistances for every element type and metric against the JS reference, on odd dims,
// with packed, strided/unaligned and shared-memory arenas and an ids list.
import { loadNativeCore, type ElemType, type Metric, type VectorArray } from './index';
import { randomRows, rowBytes, rowElems, seedOf, stridedArena } from './testing/random';
import { closeToReference, isExactKernel, referenceDistance, SUPPORTED_KERNELS } from './testing/reference';

const core = loadNativeCore();
const DIMS = [1, 3, 7, 17, 33, 100, 129];
const N_ROWS = 13;
const NQ = 3;

interface Case {
  type: ElemType;
  metric: Metric;
  dim: number;
  queries: VectorArray;
  rows: VectorArray;
}

function makeCase(type: ElemType, metric: Metric, dim: number): Case {
  const seed = seedOf(`${type}/${metric}/${dim}`);
  return { type, metric, dim, queries: randomRows(type, dim, NQ, seed), rows: randomRows(type, dim, N_ROWS, seed + 1) };
}

/** Problems where native out[q*m + j] differs from the reference for row ids[j]. */
function mismatches(c: Case, out: Float32Array, ids: number[]): string[] {
  const per = rowElems(c.type, c.dim);
  const problems: string[] = [];
  for (let q = 0; q < NQ; q++) {
    ids.forEach((id, j) => {
      const ref = referenceDistance(c.type, c.metric, c.dim, c.queries, q * per, c.rows, id * per);
      const got = out[q * ids.length + j];
      const ok = c.type === 'i8' || c.type === 'u8' || c.metric === 'hamming' ? got === Math.fround(ref.value) : closeToReference(got, ref);
      if (!ok) problems.push(`q${q} row ${id}: native ${got}, reference ${ref.value}`);
    });
  }
  return problems;
}

const allRows = Array.from({ length: N_ROWS }, (_, i) => i);

describe.each(SUPPORTED_KERNELS.map((k) => [`${k.type} ${k.metric}`, k] as const))('scanDistances %s', (_label, { type, metric }) => {
  it.each(DIMS)('dim %i: packed arena matches the JS reference', async (dim) => {
    const c = makeCase(type, metric, dim);
    const out = new Float32Array(NQ * N_ROWS);
    await core.scanDistances({ type, metric, dim, queries: c.queries, nq: NQ, arena: c.rows, nRows: N_ROWS }, out);
    expect(mismatches(c, out, allRows)).toEqual([]);
  });

  it('odd dims with a strided, unaligned ArrayBuffer arena and an ids list give the same distances', async () => {
    for (const dim of DIMS) {
      const c = makeCase(type, metric, dim);
      const packed = new Float32Array(NQ * N_ROWS);
      await core.scanDistances({ type, metric, dim, queries: c.queries, nq: NQ, arena: c.rows, nRows: N_ROWS }, packed);
      const rb = rowBytes(type, dim);
      const stride = rb + 3; // every other row starts at an odd address
      const ids = [12, 0, 5, 5, 7];
      const out = new Float32Array(NQ * ids.length);
      const arena = stridedArena(c.rows, N_ROWS, rb, stride);
      await core.scanDistances(
        { type, metric, dim, queries: c.queries, nq: NQ, arena, nRows: N_ROWS, rowStride: stride, ids: Uint32Array.from(ids) },
        out,
      );
      expect(mismatches(c, out, ids)).toEqual([]);
      // Integers and bits: the same bits. Floats: within the reference tolerance (checked by
      // mismatches above), not bit for bit: the AVX-512 kernels peel each row to its 64-byte
      // boundary, so the summation order follows the row's address.
      if (isExactKernel(type)) {
        for (let q = 0; q < NQ; q++) {
          ids.forEach((id, j) => expect(out[q * ids.length + j]).toBe(packed[q * N_ROWS + id]));
        }
      }
    }
  });
});

describe('scanDistances inputs', () => {
  it('reads queries and arena through TypedArray views with offsets and over SharedArrayBuffer', async () => {
    const c = makeCase('f32', 'l2sq', 17);
    const expected = new Float32Array(NQ * N_ROWS);
    await core.scanDistances({ type: 'f32', metric: 'l2sq', dim: 17, queries: c.queries, nq: NQ, arena: c.rows, nRows: N_ROWS }, expected);

    const big = new Float32Array(c.rows.length + 5);
    big.set(c.rows as Float32Array, 5);
    const shared = new Float32Array(new SharedArrayBuffer(c.rows.byteLength));
    shared.set(c.rows as Float32Array);
    for (const arena of [big.subarray(5), shared]) {
      const out = new Float32Array(NQ * N_ROWS);
      await core.scanDistances({ type: 'f32', metric: 'l2sq', dim: 17, queries: c.queries, nq: NQ, arena, nRows: N_ROWS }, out);
      // Within float tolerance of the original placement (a different row address may sum in
      // a different order, see above), and right against the reference.
      expect(mismatches(c, out, allRows)).toEqual([]);
      out.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected[i]))));
    }
  });

  it('accepts a longer output and leaves the slots past nq * m untouched', async () => {
    const c = makeCase('u8', 'l2sq', 7);
    const out = new Float32Array(NQ * N_ROWS + 4).fill(-7);
    await core.scanDistances({ type: 'u8', metric: 'l2sq', dim: 7, queries: c.queries, nq: NQ, arena: c.rows, nRows: N_ROWS }, out);
    expect(Array.from(out.subarray(NQ * N_ROWS))).toEqual([-7, -7, -7, -7]);
    expect(mismatches(c, out, allRows)).toEqual([]);
  });

  it('scans nothing for nRows = 0, an empty ids list or nq = 0', async () => {
    const q = new Float32Array(4);
    await expect(core.scanDistances({ type: 'f32', metric: 'l1', dim: 4, queries: q, arena: new ArrayBuffer(0), nRows: 0 }, new Float32Array(0))).resolves.toBeUndefined();
    await expect(
      core.scanDistances({ type: 'f32', metric: 'l1', dim: 4, queries: q, arena: new Float32Array(8), nRows: 2, ids: new Uint32Array(0) }, new Float32Array(0)),
    ).resolves.toBeUndefined();
    await expect(
      core.scanDistances({ type: 'f32', metric: 'l1', dim: 4, queries: new Float32Array(0), nq: 0, arena: new Float32Array(8), nRows: 2 }, new Float32Array(0)),
    ).resolves.toBeUndefined();
  });

  it('computes pgvector edge cases: cosine of a zero vector is NaN, jaccard of disjoint bits is 1', async () => {
    const out = new Float32Array(2);
    await core.scanDistances({ type: 'f32', metric: 'cosine', dim: 3, queries: Float32Array.from([1, 2, 3]), arena: Float32Array.from([0, 0, 0, 2, 4, 6]), nRows: 2 }, out);
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[1]).toBe(0);
    const bits = new Float32Array(3);
    // dim 12 bits: query 1010 0000 0000; rows: none set, disjoint, half shared
    await core.scanDistances(
      { type: 'bits', metric: 'jaccard', dim: 12, queries: Uint8Array.from([0xa0, 0x00]), arena: Uint8Array.from([0, 0, 0x50, 0, 0x80, 0]), nRows: 3 },
      bits,
    );
    expect(Array.from(bits)).toEqual([1, 1, 0.5]);
  });

  it('reads memory and returns a reproducible checksum', async () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => i * 7);
    const a = await core.readMemory(data);
    expect(await core.readMemory(data.buffer)).toBe(a);
    expect(Number.isSafeInteger(a)).toBe(true);
    data[999] ^= 1;
    expect(await core.readMemory(data)).not.toBe(a);
  });
});
