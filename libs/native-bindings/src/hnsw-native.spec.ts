// The HNSW boundary: handles, argument validation on the JS thread (rejections and throws are
// NativeErrors with SQLSTATEs), zero-copy arenas, caller-allocated outputs.
import { allocTopK } from './topk';
import { loadNativeCore } from './loader';
import { NativeError } from './native-error';

describe('native HNSW handles', () => {
  const core = loadNativeCore();
  const dim = 4;
  const rows = 64;
  const data = Float32Array.from({ length: rows * dim }, (_, i) => Math.sin(i * 0.7) * 3);
  const arena = { data, rows };

  it('creates, builds, searches and reports stats and params', async () => {
    const index = core.hnswCreate({ type: 'f32', metric: 'l2sq', dim, m: 4, efConstruction: 8, seed: 5 });
    expect(index.params()).toEqual({ type: 'f32', metric: 'l2sq', dim, m: 4, efConstruction: 8, seed: 5 });
    await index.add(arena, 0, rows, { threads: 1 });
    expect(index.progress()).toBe(rows);
    expect(index.stats()).toMatchObject({ nodes: rows, entryPoint: expect.any(Number) });
    const out = allocTopK(2, 3);
    await index.search(arena, data.subarray(8, 16), 2, 3, { ef: 64 }, out);
    expect(Array.from(out.counts)).toEqual([3, 3]);
    expect(out.ids[0]).toBe(2);
    expect(out.ids[3]).toBe(3);
    expect(out.dists[0]).toBe(0);
  });

  it('a pending add() makes stats() throw rather than read a changing graph', async () => {
    const index = core.hnswCreate({ type: 'f32', metric: 'l2sq', dim });
    const pending = index.add(arena, 0, rows);
    expect(() => index.stats()).toThrow(NativeError);
    await pending;
    expect(index.stats().nodes).toBe(rows);
  });

  it('rejects bad arguments with INVALID_ARGUMENT (22023)', async () => {
    const index = core.hnswCreate({ type: 'f32', metric: 'cosine', dim });
    await index.add(arena, 0, rows);
    const bad = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', sqlstate: '22023' });
    await bad(index.add({ data, rows: rows + 1 }, rows, rows + 1)); // arena too short
    await bad(index.add(arena, 3, 5)); // not appending at the node count
    await bad(index.search({ data, rows: 10 }, data, 1, 1, {}, allocTopK(1, 1))); // fewer rows than nodes
    await bad(index.search(arena, new Float32Array(2), 1, 1, {}, allocTopK(1, 1))); // short query
    await bad(index.search(arena, data, 1, 5, {}, allocTopK(1, 2))); // out too small
    await bad(index.search(arena, data, 1, 1, { allow: new Uint32Array(2) as unknown as Uint8Array }, allocTopK(1, 1)));
    await bad(index.serialize(new Uint8Array(10)));
    expect(() => core.hnswCreate({ type: 'f16', metric: 'hamming', dim })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', sqlstate: '22023' }),
    );
    expect(() => core.hnswOpen(new Uint8Array(200))).toThrow(NativeError);
  });

  it('serializes into a caller buffer and opens it in place', async () => {
    const index = core.hnswCreate({ type: 'f32', metric: 'l2sq', dim });
    await index.add(arena, 0, rows);
    const bytes = new Uint8Array(index.serializedSize());
    await index.serialize(bytes);
    const opened = core.hnswOpen(bytes);
    expect(opened.stats()).toEqual(index.stats());
    const a = allocTopK(1, 5);
    const b = allocTopK(1, 5);
    await index.search(arena, data, 1, 5, undefined, a);
    await opened.search(arena, data, 1, 5, undefined, b);
    expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
  });

  it('scan handles: next() fills caller arrays and resolves the count', async () => {
    const index = core.hnswCreate({ type: 'f32', metric: 'l2sq', dim });
    await index.add(arena, 0, rows);
    const scan = index.scan(data.subarray(0, dim), { ef: 8 });
    const ids = new Uint32Array(100);
    const dists = new Float32Array(100);
    expect(await scan.next(arena, 100, { ids, dists })).toBe(rows);
    expect(ids[0]).toBe(0);
    expect(await scan.next(arena, 100, { ids, dists })).toBe(0);
    expect(scan.exhausted).toBe(true);
    scan.close();
    await expect(scan.next(arena, 1, { ids, dists })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('twoHop, out.distances and addGroupLinks: arguments checked on the JS thread', async () => {
    const index = core.hnswCreate({ type: 'f32', metric: 'l2sq', dim, m: 4, efConstruction: 8, seed: 5 });
    await index.add(arena, 0, rows, { threads: 1 });
    expect(index.stats()).toMatchObject({ payloadLinkBytes: 0, payloadM: 0 });
    expect(Number.isInteger(index.stats().repaired)).toBe(true); // the build's reachability repair count
    const allow = new Uint8Array(rows / 8).fill(0x11); // rows 0, 4, 8, ...
    const out = { ...allocTopK(1, 3), distances: new Uint32Array(1) };
    await index.search(arena, data.subarray(8 * dim, 9 * dim), 1, 3, { allow, twoHop: true }, out);
    expect(out.ids[0]).toBe(8);
    expect(out.distances[0]).toBeGreaterThan(0);
    await expect(
      index.search(arena, data, 2, 3, {}, { ...allocTopK(2, 3), distances: new Uint32Array(1) }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      index.search(arena, data, 1, 3, { twoHop: 1 as unknown as boolean }, allocTopK(1, 3)),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const positions = Uint32Array.from({ length: 16 }, (_, i) => i * 4);
    await index.addGroupLinks(arena, positions, new Uint32Array([0, 16]), { m: 2, threads: 1 });
    expect(index.stats().payloadM).toBe(2);
    expect(index.stats().payloadLinkBytes).toBeGreaterThan((rows + 1) * 4);
    await expect(index.addGroupLinks(arena, positions, new Uint32Array([0, 17]), { m: 2 })).rejects.toBeInstanceOf(
      NativeError,
    );
  });
});
