// Payload links (Qdrant's payload_m): links among the rows of each label, read by filtered
// searches only. Recall against a brute-force oracle, persistence (new and old format),
// cancellation and argument checks.
import { HnswIndex } from './hnsw-index';
import { clustered, labelGroups, pickLabels } from './testing/clustered';
import { allowBitmap, bruteForce, oracleDistance, recallAtK } from './testing/oracle';

const K = 10;
const NQ = 50;
const sum = (a: Uint32Array) => a.reduce((s, x) => s + x, 0);

describe('HnswIndex payload links', () => {
  // Labels uncorrelated with the vectors: a 2% filter keeps ~8 rows per cluster, which the
  // main graph alone does not connect.
  const fx = clustered({ rows: 20_000, dim: 32, nq: NQ, correlated: false });
  const arena = { kind: 'memory' as const, dim: fx.dim, rows: fx.rows, data: fx.base };
  const groups = labelGroups(fx.label, fx.labels);
  const params = { dim: fx.dim, elem: 'f32' as const, metric: 'l2sq' as const, threads: 1, seed: 7 };
  const set = pickLabels(fx.labels, 4); // 2%
  const keep = (r: number) => set.has(fx.label[r]);
  const allow = allowBitmap(fx.rows, keep);
  let plainBytes: Uint8Array; // serialized without payload links (format version 1)
  let index: HnswIndex; // with payload links

  const truth = bruteForce('f32', 'l2sq', fx.dim, fx.base, fx.rows, fx.queries, NQ, K, keep);
  const dist = (q: number, id: number) => oracleDistance('f32', 'l2sq', fx.dim, fx.queries, q, fx.base, id);

  beforeAll(async () => {
    const built = await HnswIndex.build(arena, params);
    plainBytes = await built.serialize();
    index = HnswIndex.open(plainBytes.slice());
    await index.addGroupLinks(arena, groups, { m: 16, threads: 1 });
  });

  it('2% selectivity: recall@10 >= 0.95 at ef 100, at a fraction of the plain walk distances', async () => {
    const plain = HnswIndex.open(plainBytes);
    const plainDist = new Uint32Array(NQ);
    const base = await plain.search(arena, fx.queries, NQ, K, { ef: 100, allow, distances: plainDist });
    for (const twoHop of [false, true]) {
      const distances = new Uint32Array(NQ);
      const out = await index.search(arena, fx.queries, NQ, K, { ef: 100, allow, twoHop, distances });
      for (let q = 0; q < NQ; q++) {
        expect(out.counts[q]).toBe(K);
        for (let r = 0; r < K; r++) expect(keep(out.ids[q * K + r])).toBe(true);
      }
      expect(recallAtK(out, K, truth, dist)).toBeGreaterThanOrEqual(0.95);
      if (twoHop) expect(sum(distances) * 10).toBeLessThan(sum(plainDist));
    }
    // The same walk without the links does no better (on other seeds it drops to ~0.85-0.93).
    const without = await plain.search(arena, fx.queries, NQ, K, { ef: 100, allow, twoHop: true });
    const withLinks = await index.search(arena, fx.queries, NQ, K, { ef: 100, allow, twoHop: true });
    expect(recallAtK(withLinks, K, truth, dist)).toBeGreaterThanOrEqual(recallAtK(without, K, truth, dist));
    expect(recallAtK(base, K, truth, dist)).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves the unfiltered search unchanged', async () => {
    const a = await HnswIndex.open(plainBytes).search(arena, fx.queries, NQ, K, { ef: 40 });
    const b = await index.search(arena, fx.queries, NQ, K, { ef: 40 });
    expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
  });

  it('payloadLinkShare: 1 for linked groups, about the selectivity for sets they do not follow, 0 without links', () => {
    const one = pickLabels(fx.labels, 1);
    const group = allowBitmap(fx.rows, (r) => one.has(fx.label[r]));
    expect(index.payloadLinkShare(group)).toBe(1);
    expect(index.payloadLinkShare(allow)).toBe(1); // a union of linked groups
    // Every 50th row, and a random half: not groups.
    expect(index.payloadLinkShare(allowBitmap(fx.rows, (r) => r % 50 === 0))).toBeLessThan(0.1);
    expect(index.payloadLinkShare(allowBitmap(fx.rows, (r) => (r * 2654435761) % 7 < 3))).toBeLessThan(0.6);
    // Half of one group: half of its links.
    const half = index.payloadLinkShare(allowBitmap(fx.rows, (r) => one.has(fx.label[r]) && r % 2 === 0));
    expect(half).toBeGreaterThan(0.3);
    expect(half).toBeLessThan(0.7);
    expect(index.payloadLinkShare(new Uint8Array(Math.ceil(fx.rows / 8)))).toBe(0);
    expect(HnswIndex.open(plainBytes).payloadLinkShare(group)).toBe(0);
    expect(() => index.payloadLinkShare(group, 0)).toThrow(expect.objectContaining({ sqlstate: '22023' }));
  });

  it('reports its bytes and payload_m in stats()', () => {
    const s = index.stats();
    expect(s.payloadM).toBe(16);
    // Offsets (nodes + 1) plus at least one link per row (every label holds ~100 rows).
    expect(s.payloadLinkBytes).toBeGreaterThan((fx.rows + 1) * 4 + fx.rows * 4);
    expect(s.bytes).toBeGreaterThanOrEqual(plainBytes.byteLength + s.payloadLinkBytes);
    expect(HnswIndex.open(plainBytes).stats()).toMatchObject({ payloadLinkBytes: 0, payloadM: 0 });
  });

  it('round-trips through serialize/open: same filtered results, byte-identical re-serialization', async () => {
    const bytes = await index.serialize();
    expect(bytes.byteLength).toBe(index.stats().bytes);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('VGHNSW01');
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true)).toBe(2);
    const opened = HnswIndex.open(bytes);
    expect(opened.stats()).toEqual(index.stats());
    for (const twoHop of [false, true]) {
      const a = await index.search(arena, fx.queries, NQ, K, { ef: 100, allow, twoHop });
      const b = await opened.search(arena, fx.queries, NQ, K, { ef: 100, allow, twoHop });
      expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
    }
    expect(Buffer.from(await opened.serialize()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('graphs without payload links keep the version-1 bytes and open as before', async () => {
    expect(new DataView(plainBytes.buffer, plainBytes.byteOffset).getUint32(8, true)).toBe(1);
    const opened = HnswIndex.open(plainBytes);
    expect(Buffer.from(await opened.serialize()).equals(Buffer.from(plainBytes))).toBe(true);
  });

  it('merges overlapping groups and later calls; rows added afterwards have no links but are found', async () => {
    const ix = HnswIndex.open(plainBytes.slice());
    // Two overlapping groups: rows 0..999 and the even rows 0..1998.
    const a = Uint32Array.from({ length: 1000 }, (_, i) => i);
    const b = Uint32Array.from({ length: 1000 }, (_, i) => 2 * i);
    const positions = new Uint32Array([...a, ...b]);
    await ix.addGroupLinks(arena, { positions, offsets: new Uint32Array([0, 1000, 2000]) }, { m: 8, threads: 2 });
    const first = ix.stats().payloadLinkBytes;
    expect(first).toBeGreaterThan(0);
    await ix.addGroupLinks(arena, groups, { m: 16, threads: 1 });
    expect(ix.stats().payloadLinkBytes).toBeGreaterThan(first);
    const out = await ix.search(arena, fx.queries, NQ, K, { ef: 100, allow, twoHop: true });
    expect(recallAtK(out, K, truth, dist)).toBeGreaterThanOrEqual(0.95);
  });

  it('rows added after the links: searchable, with the links still used for the others', async () => {
    const half = fx.rows / 2;
    const halfArena = { ...arena, rows: half };
    const ix = await HnswIndex.build(halfArena, params);
    await ix.addGroupLinks(halfArena, labelGroups(fx.label.subarray(0, half), fx.labels), { m: 16, threads: 1 });
    await ix.add(arena, half, fx.rows, { threads: 1 });
    expect(ix.nodes).toBe(fx.rows);
    const out = await ix.search(arena, fx.queries, NQ, K, { ef: 100, allow, twoHop: true });
    for (let q = 0; q < NQ; q++) expect(out.counts[q]).toBe(K);
    expect(recallAtK(out, K, truth, dist)).toBeGreaterThanOrEqual(0.8);
  });

  it('a raised stop flag cancels (57014) and leaves the links unchanged', async () => {
    const ix = HnswIndex.open(plainBytes);
    const stop = new Int32Array(new SharedArrayBuffer(4));
    stop[0] = 1;
    await expect(ix.addGroupLinks(arena, groups, { m: 16, stop })).rejects.toMatchObject({
      code: 'CANCELLED',
      sqlstate: '57014',
    });
    expect(ix.stats().payloadLinkBytes).toBe(0);
    const out = await ix.search(arena, fx.queries, 1, K, { allow, twoHop: true });
    expect(out.counts[0]).toBe(K);
  });

  it('rejects bad groups and options with SQLSTATE 22023', async () => {
    const ix = HnswIndex.open(plainBytes);
    const bad = [
      { positions: new Uint32Array([3, 2]), offsets: new Uint32Array([0, 2]) }, // not ascending
      { positions: new Uint32Array([fx.rows]), offsets: new Uint32Array([0, 1]) }, // not a node
      { positions: new Uint32Array([1]), offsets: new Uint32Array([0, 2]) }, // past positions
      { positions: new Uint32Array([1, 2]), offsets: new Uint32Array([1, 2]) }, // not from 0
    ];
    for (const g of bad) await expect(ix.addGroupLinks(arena, g, { m: 16 })).rejects.toMatchObject({ sqlstate: '22023' });
    await expect(ix.addGroupLinks(arena, groups, { m: 1 })).rejects.toMatchObject({ sqlstate: '22023' });
    await expect(ix.addGroupLinks(arena, groups, { m: 16, efConstruction: 8 })).rejects.toMatchObject({
      sqlstate: '22023',
    });
    expect(ix.stats().payloadLinkBytes).toBe(0);
  });
});
