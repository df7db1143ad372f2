// scanTopK / scanDistances over a memory-mapped arena ({file, byteOffset}): the same results as
// the same rows in a JS-owned Float32Array, read in place; bad arenas are rejected.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { allocAlignedArena, allocTopK, loadNativeCore, loadStorageNative, type MappedFile } from './index';

const core = loadNativeCore();
const storage = loadStorageNative();

const DIM = 12;
const ROWS = 300;
const OFFSET = 64;

// 64-byte aligned like the mapped rows (page + 64): SIMD kernels may sum in a different order
// for a differently aligned arena, and the comparison below is bit-exact.
function randomRows(n: number, seed: number): Float32Array {
  const bytes = allocAlignedArena(n * DIM * 4, 64);
  const out = new Float32Array(bytes.buffer, bytes.byteOffset, n * DIM);
  let s = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

describe('scans over a mapped-file arena', () => {
  let dir: string;
  let file: MappedFile;
  const rows = randomRows(ROWS, 7);
  const query = randomRows(2, 99);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vecgres-mapped-arena-'));
    const bytes = Buffer.alloc(OFFSET + rows.byteLength, 0xab);
    Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength).copy(bytes, OFFSET);
    fs.writeFileSync(path.join(dir, 'vectors.f32'), bytes);
    file = await storage.openMappedFile(path.join(dir, 'vectors.f32'));
  });

  afterAll(() => {
    if (!file.isClosed) file.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['l2sq', 'negdot', 'cosine', 'l1'] as const)('%s top-k equals the in-memory arena, with ids', async (metric) => {
    const ids = Uint32Array.from({ length: 150 }, (_, i) => i * 2);
    const k = 17;
    const mapped = allocTopK(2, k);
    const memory = allocTopK(2, k);
    await core.scanTopK({ type: 'f32', metric, dim: DIM, queries: query, nq: 2, arena: { file, byteOffset: OFFSET }, nRows: ROWS, ids }, k, mapped);
    await core.scanTopK({ type: 'f32', metric, dim: DIM, queries: query, nq: 2, arena: rows, nRows: ROWS, ids }, k, memory);
    expect(Array.from(mapped.counts)).toEqual([k, k]);
    expect(Array.from(mapped.ids)).toEqual(Array.from(memory.ids));
    expect(Array.from(mapped.dists)).toEqual(Array.from(memory.dists));
    for (const id of mapped.ids) expect(id % 2).toBe(0);
  });

  it('scanDistances reads every mapped row', async () => {
    const a = new Float32Array(ROWS);
    const b = new Float32Array(ROWS);
    await core.scanDistances({ type: 'f32', metric: 'l2sq', dim: DIM, queries: query, arena: { file, byteOffset: OFFSET }, nRows: ROWS }, a);
    await core.scanDistances({ type: 'f32', metric: 'l2sq', dim: DIM, queries: query, arena: rows, nRows: ROWS }, b);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('rejects an arena shorter than the rows, a bad offset and a non-file', async () => {
    const out = allocTopK(1, 1);
    await expect(core.scanTopK({ type: 'f32', metric: 'l2sq', dim: DIM, queries: query, arena: { file, byteOffset: OFFSET + 4 }, nRows: ROWS }, 1, out))
      .rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(core.scanTopK({ type: 'f32', metric: 'l2sq', dim: DIM, queries: query, arena: { file, byteOffset: 1e12 }, nRows: 1 }, 1, out))
      .rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(core.scanTopK({ type: 'f32', metric: 'l2sq', dim: DIM, queries: query, arena: { file: {} as MappedFile, byteOffset: 0 }, nRows: 1 }, 1, out))
      .rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('a scan started before close() still completes (it holds a lease)', async () => {
    const f = await storage.openMappedFile(path.join(dir, 'vectors.f32'));
    const out = allocTopK(1, 3);
    const p = core.scanTopK({ type: 'f32', metric: 'l2sq', dim: DIM, queries: query, arena: { file: f, byteOffset: OFFSET }, nRows: ROWS }, 3, out);
    f.close();
    await p;
    expect(out.counts[0]).toBe(3);
    const closed = allocTopK(1, 3);
    await expect(core.scanTopK({ type: 'f32', metric: 'l2sq', dim: DIM, queries: query, arena: { file: f, byteOffset: OFFSET }, nRows: ROWS }, 3, closed))
      .rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
