// hnswlib-node 3.0.0 (the reference HNSW, C++ via node-addon-api). Its Node API inserts one
// point at a time from a JS number[] and has no threaded batch insert, so its build is
// single-threaded whatever --threads says (reported as threadsUsed = 1). Searches are
// synchronous calls on the main thread.
import type { HierarchicalNSW } from 'hnswlib-node';

type HnswlibModule = typeof import('hnswlib-node');

import { TempDir } from './tmp-dir';
import type { AnnEngine, BuildInput, BuildStats } from '../types';

export class HnswlibEngine implements AnnEngine {
  readonly name = 'hnswlib';
  private index: HierarchicalNSW | undefined;
  private dim = 0;
  private queries: number[][] = [];
  private readonly tmp = new TempDir('hnswlib');

  async build(input: BuildInput): Promise<BuildStats> {
    // hnswlib-node is CommonJS built by `bindings`: its exports sit on `default` under ESM interop.
    const mod = (await import('hnswlib-node')) as HnswlibModule & { default?: HnswlibModule };
    const Ctor = mod.HierarchicalNSW ?? mod.default?.HierarchicalNSW;
    if (Ctor === undefined) throw new Error('hnswlib-node did not load (no HierarchicalNSW export)');
    this.dim = input.dim;
    // 'cosine' normalises inside hnswlib (distance 1 - cos), as the GT of angular sets.
    const index = new Ctor(input.metric === 'cosine' ? 'cosine' : 'l2', input.dim);
    index.initIndex({ maxElements: input.n, m: input.m, efConstruction: input.efConstruction, randomSeed: 100 });
    // One reused JS array per row: the Float32Array -> number[] copy the binding requires is
    // kept out of the way as much as the API allows (it is inside the timed loop).
    const row: number[] = new Array<number>(input.dim).fill(0);
    const t0 = performance.now();
    for (let i = 0; i < input.n; i++) {
      const off = i * input.dim;
      for (let j = 0; j < input.dim; j++) row[j] = input.base[off + j]!;
      index.addPoint(row, i);
    }
    const buildMs = performance.now() - t0;
    this.index = index;
    const file = this.tmp.file('index.bin');
    index.writeIndexSync(file);
    return { buildMs, threadsUsed: 1, indexBytes: TempDir.sizeOf(file) };
  }

  async prepareQueries(queries: Float32Array, nq: number): Promise<void> {
    this.queries = [];
    for (let q = 0; q < nq; q++) this.queries.push(Array.from(queries.subarray(q * this.dim, (q + 1) * this.dim)));
  }

  async setEf(ef: number): Promise<void> {
    this.built().setEf(ef);
  }

  search(qi: number, k: number): ArrayLike<number> {
    return this.built().searchKnn(this.queries[qi]!, k).neighbors;
  }

  async close(): Promise<void> {
    this.index = undefined;
    this.tmp.remove();
  }

  private built(): HierarchicalNSW {
    if (!this.index) throw new Error('hnswlib: build() first');
    return this.index;
  }
}
