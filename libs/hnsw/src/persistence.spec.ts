// serialize() -> open() in place, from bytes and from a memory-mapped segment file; the vectors
// themselves may also be mapped (storage's mapped VectorArena).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadStorageNative } from '@vecgres/native-bindings';

import { HnswIndex } from './hnsw-index';
import { fiori } from './testing/fixtures';

const K = 10;

describe('HnswIndex persistence', () => {
  const fx = fiori();
  const arena = { kind: 'memory' as const, dim: fx.dim, rows: fx.rows, data: fx.base };
  const dir = mkdtempSync(join(tmpdir(), 'vecgres-hnsw-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through bytes: same stats, same results', async () => {
    const index = await HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'cosine', threads: 1, seed: 9 });
    const bytes = await index.serialize();
    expect(bytes.byteLength).toBe(index.stats().bytes);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('VGHNSW01');
    const opened = HnswIndex.open(bytes);
    expect(opened.stats()).toEqual(index.stats());
    expect(opened.params).toEqual(index.params);
    const a = await index.search(arena, fx.queries, fx.nq, K, { ef: 50 });
    const b = await opened.search(arena, fx.queries, fx.nq, K, { ef: 50 });
    expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
    // A second serialization of the opened graph is byte-identical.
    expect(Buffer.from(await opened.serialize()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('single-threaded builds with the same seed are identical', async () => {
    const opts = { dim: fx.dim, elem: 'f32' as const, metric: 'l2sq' as const, threads: 1, seed: 42 };
    const a = await (await HnswIndex.build(arena, opts)).serialize();
    const b = await (await HnswIndex.build(arena, opts)).serialize();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('opens from a mapped file at an offset, with mapped vectors, and survives close()', async () => {
    const storage = loadStorageNative();
    const index = await HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'cosine', threads: 2 });
    const graph = await index.serialize();
    // One file: 64 bytes of something else, the graph, padding, then the float32 rows.
    const vecOffset = 64 + Math.ceil(graph.byteLength / 64) * 64;
    const file = Buffer.alloc(vecOffset + fx.base.byteLength);
    Buffer.from(graph).copy(file, 64);
    Buffer.from(fx.base.buffer, fx.base.byteOffset, fx.base.byteLength).copy(file, vecOffset);
    const path = join(dir, 'seg.bin');
    writeFileSync(path, file);
    const mapped = await storage.openMappedFile(path);
    const opened = HnswIndex.open({ file: mapped, byteOffset: 64, byteLength: graph.byteLength });
    const mappedArena = { kind: 'mapped' as const, dim: fx.dim, rows: fx.rows, file: mapped, byteOffset: vecOffset };
    const want = await index.search(arena, fx.queries, fx.nq, K, { ef: 40 });
    const got = await opened.search(mappedArena, fx.queries, fx.nq, K, { ef: 40 });
    expect(Array.from(got.ids)).toEqual(Array.from(want.ids));
    const pending = opened.search(arena, fx.queries, fx.nq, K, { ef: 40 });
    mapped.close(); // the index holds its own lease on the mapping
    expect(Array.from((await pending).ids)).toEqual(Array.from(want.ids));
    expect(Array.from((await opened.search(arena, fx.queries, fx.nq, K, { ef: 40 })).ids)).toEqual(Array.from(want.ids));
  });

  it('rejects damaged bytes with 22023', async () => {
    const index = await HnswIndex.build(arena, { dim: fx.dim, elem: 'f32', metric: 'l2sq', threads: 1 });
    const bytes = await index.serialize();
    const bad = bytes.slice();
    bad[0] = 0;
    expect(() => HnswIndex.open(bad)).toThrow(expect.objectContaining({ sqlstate: '22023' }));
    expect(() => HnswIndex.open(bytes.slice(0, bytes.byteLength - 4))).toThrow(
      expect.objectContaining({ sqlstate: '22023' }),
    );
  });
});
