// The build's reachability repair: graphs whose pruning cut nodes off from the entry point
// (duplicate vectors, m = 2, several threads) still return every row, and a search at
// ef >= rows equals brute force. (native/core/tests/hnsw_repair_test.cpp shows the unrepaired
// graph losing rows; the repair cannot be switched off from JS.)
import { HnswIndex } from './hnsw-index';
import { lcg } from './testing/clustered';

const DIM = 6;

/** rows x DIM f32, N(0,1)-ish values from a seeded LCG; `copies` > 1 = groups of identical rows. */
function vectors(rows: number, seed: number, copies = 1): Float32Array {
  const next = lcg(seed);
  const distinct = Math.ceil(rows / copies);
  const base = new Float32Array(distinct * DIM);
  for (let i = 0; i < base.length; i++) base[i] = next() + next() + next() - 1.5;
  const out = new Float32Array(rows * DIM);
  for (let r = 0; r < rows; r++) out.set(base.subarray((r % distinct) * DIM, (r % distinct + 1) * DIM), r * DIM);
  return out;
}

function l2(a: Float32Array, ai: number, b: Float32Array, bi: number): number {
  let s = 0;
  for (let j = 0; j < DIM; j++) {
    const t = a[ai * DIM + j] - b[bi * DIM + j];
    s += t * t;
  }
  return s;
}

async function build(data: Float32Array, rows: number, m: number, threads: number, seed: number) {
  const arena: Arena = { kind: 'memory', dim: DIM, rows, data };
  const index = await HnswIndex.build(arena, { dim: DIM, elem: 'f32', metric: 'l2sq', m, efConstruction: Math.max(16, m), threads, seed });
  return { arena, index };
}

/** Rows never returned by a k = rows, ef = rows search for any row's own vector. */
type Arena = { kind: 'memory'; dim: number; rows: number; data: Float32Array };

async function neverReturned(index: HnswIndex, arena: Arena): Promise<number> {
  const seen = new Uint8Array(arena.rows);
  const out = await index.search(arena, arena.data, arena.rows, arena.rows, { ef: arena.rows });
  for (let q = 0; q < arena.rows; q++) {
    for (let r = 0; r < out.counts[q]; r++) seen[out.ids[q * arena.rows + r]] = 1;
  }
  return seen.reduce((n, s) => n + (s === 0 ? 1 : 0), 0);
}

describe('HNSW reachability repair', () => {
  it('re-attaches the rows duplicates cut off (m = 2): every row is returned at ef = rows', async () => {
    // 20 groups of 15 identical rows: each node's 2m = 4 slots fill with copies of itself.
    const rows = 300;
    const { arena, index } = await build(vectors(rows, 3, 15), rows, 2, 1, 7);
    expect(index.stats().repaired).toBeGreaterThan(0);
    expect(await neverReturned(index, arena)).toBe(0);
    // The repaired links are in the serialized graph; an opened graph reports no repair of its own.
    const reopened = HnswIndex.open(await index.serialize());
    expect(reopened.stats().repaired).toBe(0);
    expect(await neverReturned(reopened, arena)).toBe(0);
  });

  it('a seeded single-threaded build (repair included) is reproducible', async () => {
    const data = vectors(300, 5, 15);
    const a = await build(data, 300, 4, 1, 9);
    const b = await build(data, 300, 4, 1, 9);
    expect(Buffer.from(await a.index.serialize()).equals(Buffer.from(await b.index.serialize()))).toBe(true);
    expect(a.index.stats().repaired).toBe(b.index.stats().repaired);
  });

  it('20 random small builds (100-500 rows, m 2-16, 1-4 threads): ef >= rows equals brute force', async () => {
    const next = lcg(2026);
    const K = 10;
    const NQ = 8;
    for (let b = 0; b < 20; b++) {
      const rows = 100 + Math.floor(next() * 401);
      const m = 2 + Math.floor(next() * 15);
      const threads = 1 + Math.floor(next() * 4);
      const data = vectors(rows, 100 + b, b % 2 === 0 ? 1 : 12);
      const { arena, index } = await build(data, rows, m, threads, 11 + b);
      const queries = vectors(NQ, 900 + b);
      const out = await index.search(arena, queries, NQ, K, { ef: rows });
      for (let q = 0; q < NQ; q++) {
        const truth = Array.from({ length: rows }, (_, i) => l2(queries, q, data, i)).sort((x, y) => x - y);
        expect(out.counts[q]).toBe(K);
        for (let r = 0; r < K; r++) {
          // Distances, not ids: ties (duplicates) may come in any order.
          const got = out.dists[q * K + r];
          if (Math.abs(got - truth[r]) > 1e-4 * (1 + truth[r])) {
            throw new Error(`build ${b} (rows ${rows}, m ${m}, threads ${threads}) query ${q} rank ${r}: ${got} vs ${truth[r]}`);
          }
        }
      }
      expect(await neverReturned(index, arena)).toBe(0);
    }
  });
});
