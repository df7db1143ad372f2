// vecgres in-process: the native HNSW through libs/hnsw (the façade the executor uses), one
// query per call as a user of the library (and the server) would: searchSync when the work is
// bounded (HnswIndex.syncSearchable: k, ef <= 1000), else one libuv-threadpool job.
// The arena is copied once into a 64-byte-aligned buffer, as the engine stores vectors.
import { HnswIndex, type HnswArena } from '@vecgres/hnsw';
import { allocAlignedArena, allocTopK, type TopK } from '@vecgres/native-bindings';

import type { AnnEngine, BuildInput, BuildStats } from '../types';

export class VecgresEngine implements AnnEngine {
  readonly name = 'vecgres';
  private index: HnswIndex | undefined;
  private arena: HnswArena | undefined;
  private dim = 0;
  private queries: Float32Array[] = [];
  private ef = 40;
  private out: TopK | undefined;
  private outK = 0;

  async build(input: BuildInput): Promise<BuildStats> {
    this.dim = input.dim;
    const data = allocAlignedArena(input.n * input.dim * 4, 64);
    const rows = new Float32Array(data.buffer, data.byteOffset, input.n * input.dim);
    rows.set(input.base.subarray(0, input.n * input.dim));
    const arena: HnswArena = { kind: 'memory', dim: input.dim, rows: input.n, data: rows };
    const t0 = performance.now();
    const index = await HnswIndex.build(arena, {
      dim: input.dim,
      elem: 'f32',
      metric: input.metric === 'cosine' ? 'cosine' : 'l2sq',
      m: input.m,
      efConstruction: input.efConstruction,
      threads: input.threads,
    });
    const buildMs = performance.now() - t0;
    this.index = index;
    this.arena = arena;
    // Graph bytes plus the f32 vectors, so the size compares with hnswlib's and usearch's
    // files, which hold both.
    return { buildMs, threadsUsed: input.threads, indexBytes: index.stats().bytes + input.n * input.dim * 4 };
  }

  async prepareQueries(queries: Float32Array, nq: number): Promise<void> {
    this.built();
    this.queries = [];
    for (let q = 0; q < nq; q++) this.queries.push(queries.slice(q * this.dim, (q + 1) * this.dim));
  }

  async setEf(ef: number): Promise<void> {
    this.built();
    this.ef = ef;
  }

  async search(qi: number, k: number): Promise<ArrayLike<number>> {
    const index = this.built();
    if (this.out === undefined || this.outK !== k) {
      this.out = allocTopK(1, k);
      this.outK = k;
    }
    const out = HnswIndex.syncSearchable(k, this.ef)
      ? index.searchSync(this.arena!, this.queries[qi]!, k, { ef: this.ef, out: this.out })
      : await index.search(this.arena!, this.queries[qi]!, 1, k, { ef: this.ef, out: this.out });
    return out.ids.slice(0, out.counts[0]!);
  }

  async close(): Promise<void> {
    this.index = undefined;
    this.arena = undefined;
  }

  private built(): HnswIndex {
    if (!this.index) throw new Error('vecgres: build() first');
    return this.index;
  }
}
