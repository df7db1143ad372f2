// USearch 2.26.2 (prebuilt N-API binary shipped in its npm tarball). Its JS API fixes
// expansion_search at construction, so each ef reloads the saved index into a new Index with
// that expansion (load is outside the timed passes). connectivity = M (USearch, like hnswlib,
// keeps 2*M neighbours on the base layer); expansion_add = ef_construction.
import type { Index } from 'usearch';

import { TempDir } from './tmp-dir';
import type { AnnEngine, BuildInput, BuildStats } from '../types';

type UsearchModule = typeof import('usearch');

export class UsearchEngine implements AnnEngine {
  readonly name = 'usearch';
  private mod: UsearchModule | undefined;
  private index: Index | undefined;
  private input: BuildInput | undefined;
  private queries: Float32Array[] = [];
  private readonly tmp = new TempDir('usearch');

  async build(input: BuildInput): Promise<BuildStats> {
    const mod = (await import('usearch')) as UsearchModule & { default?: UsearchModule };
    this.mod = mod.Index !== undefined ? mod : mod.default;
    if (this.mod?.Index === undefined) throw new Error('usearch did not load (no Index export)');
    this.input = input;
    const index = this.create(64);
    const keys = new BigUint64Array(input.n);
    for (let i = 0; i < input.n; i++) keys[i] = BigInt(i);
    const t0 = performance.now();
    index.add(keys, input.base, input.threads);
    const buildMs = performance.now() - t0;
    index.save(this.tmp.file('index.usearch'));
    this.index = index;
    return { buildMs, threadsUsed: input.threads, indexBytes: TempDir.sizeOf(this.tmp.file('index.usearch')) };
  }

  async prepareQueries(queries: Float32Array, nq: number): Promise<void> {
    const dim = this.built().dim;
    this.queries = [];
    for (let q = 0; q < nq; q++) this.queries.push(queries.slice(q * dim, (q + 1) * dim));
  }

  async setEf(ef: number): Promise<void> {
    this.built();
    const index = this.create(ef);
    index.load(this.tmp.file('index.usearch'));
    this.index = index;
  }

  search(qi: number, k: number): ArrayLike<number> {
    if (!this.index) throw new Error('usearch: build() first');
    const { keys } = this.index.search(this.queries[qi]!, k, 1);
    const out = new Array<number>(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = Number(keys[i]);
    return out;
  }

  async close(): Promise<void> {
    this.index = undefined;
    this.tmp.remove();
  }

  private create(expansionSearch: number): Index {
    const input = this.built();
    const { Index, MetricKind, ScalarKind } = this.mod!;
    return new Index({
      dimensions: input.dim,
      metric: input.metric === 'cosine' ? MetricKind.Cos : MetricKind.L2sq,
      quantization: ScalarKind.F32,
      connectivity: input.m,
      expansion_add: input.efConstruction,
      expansion_search: expansionSearch,
      multi: false,
    });
  }

  private built(): BuildInput {
    if (!this.input || !this.mod) throw new Error('usearch: build() first');
    return this.input;
  }
}
