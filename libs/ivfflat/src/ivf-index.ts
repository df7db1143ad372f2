// IvfFlatIndex: the façade the executor (CREATE INDEX ... USING ivfflat) uses over one native
// IVF handle.
//
//   build(arena, opts)  ──▶ ivfCreate + train(sample of the rows) + add(0, rows)
//   add(arena, from, to)                   assign new segment rows to their nearest lists
//   search(arena, queries, nq, k, {probes, allow})   batched top-k, struct-of-arrays out
//   serialize() / open(bytes | {file, byteOffset})   flat layout, opened in place
//
// Row id = row position in the segment; distances are the metric's value as the native scans
// return them (squared L2 for l2sq, -dot for negdot, 1 - cos for cosine).
import { invalidParameter } from '@vecgres/errors';
import {
  type IvfNativeArena,
  type IvfNativeIndex,
  type IvfNativeParams,
  type MappedFile,
  type NativeCore,
  type TopK,
  allocTopK,
  loadNativeCore,
} from '@vecgres/native-bindings';

import type { IvfArena, IvfBuildOptions, IvfParams, IvfSearchOptions, IvfStats } from './types';

const MAX_LISTS = 32768;

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(`${name} must be an integer between ${min} and ${max} (got ${value})`);
  }
}

function toNative(arena: IvfArena, dim: number): IvfNativeArena {
  if (arena.dim !== dim) throw invalidParameter(`arena dimension ${arena.dim} does not match the index dimension ${dim}`);
  if (arena.kind === 'mapped') return { file: arena.file, byteOffset: arena.byteOffset, rows: arena.rows };
  if (arena.data.length < arena.rows * dim) throw invalidParameter(`arena data holds fewer than ${arena.rows} rows`);
  return { data: arena.data, rows: arena.rows };
}

/** Where a serialized index lies: bytes in memory, or a range of a mapped segment file. */
export type IvfSource = Uint8Array | { file: MappedFile; byteOffset: number; byteLength?: number };

export class IvfFlatIndex {
  private constructor(
    private readonly handle: IvfNativeIndex,
    readonly params: Required<IvfParams>,
  ) {}

  /** An untrained index; build() trains and fills it. */
  static create(options: IvfBuildOptions): IvfFlatIndex {
    const lists = options.lists ?? 100;
    checkInt('dim', options.dim, 1, 1 << 24);
    checkInt('lists', lists, 1, MAX_LISTS);
    if (options.seed !== undefined) checkInt('seed', options.seed, 0, Number.MAX_SAFE_INTEGER);
    if (options.iterations !== undefined) checkInt('iterations', options.iterations, 0, 1000);
    const core = options.core ?? loadNativeCore();
    const params: IvfNativeParams = { type: 'f32', metric: options.metric, dim: options.dim, lists };
    if (options.seed !== undefined) params.seed = options.seed;
    if (options.iterations !== undefined) params.iterations = options.iterations;
    return IvfFlatIndex.fromHandle(core.ivfCreate(params));
  }

  /** Trains k-means on a sample of the arena's rows and assigns every row to its list. */
  static async build(arena: IvfArena, options: IvfBuildOptions): Promise<IvfFlatIndex> {
    const index = IvfFlatIndex.create(options);
    const native = toNative(arena, options.dim);
    if (options.threads !== undefined) checkInt('threads', options.threads, 0, 1024);
    const write = { threads: options.threads, stop: options.stop };
    await index.handle.train(native, write);
    await index.handle.add(native, 0, arena.rows, write);
    return index;
  }

  /** Opens a serialized index in place (the bytes must stay unchanged while it lives). O(1). */
  static open(source: IvfSource, core: NativeCore = loadNativeCore()): IvfFlatIndex {
    const handle =
      source instanceof Uint8Array ? core.ivfOpen(source) : core.ivfOpen(source.file, source.byteOffset, source.byteLength);
    return IvfFlatIndex.fromHandle(handle);
  }

  private static fromHandle(handle: IvfNativeIndex): IvfFlatIndex {
    const p = handle.params();
    return new IvfFlatIndex(handle, { dim: p.dim, metric: p.metric, lists: p.lists, seed: p.seed, iterations: p.iterations });
  }

  /** Rows in the lists. */
  get rows(): number {
    return this.handle.stats().rows;
  }

  /** Assigns rows [fromRow, toRow) of `arena` to their nearest lists (fromRow must equal `rows`). */
  async add(arena: IvfArena, fromRow: number, toRow: number, options: { threads?: number; stop?: Int32Array } = {}): Promise<void> {
    await this.handle.add(toNative(arena, this.params.dim), fromRow, toRow, options);
  }

  /**
   * k nearest rows per query among the `probes` nearest lists. queries: Float32Array, nq * dim.
   * Returns (or fills `out`): ids Uint32Array nq*k, dists Float32Array nq*k (nearest first;
   * 0xFFFFFFFF / +Infinity in unused slots), counts Uint32Array nq.
   */
  async search(
    arena: IvfArena,
    queries: Float32Array,
    nq: number,
    k: number,
    options: IvfSearchOptions & { out?: TopK } = {},
  ): Promise<TopK> {
    if (options.probes !== undefined) checkInt('probes', options.probes, 1, MAX_LISTS);
    const out = options.out ?? allocTopK(nq, k);
    await this.handle.search(
      toNative(arena, this.params.dim),
      queries,
      nq,
      k,
      { probes: options.probes, allow: options.allow, stop: options.stop },
      out,
    );
    return out;
  }

  /** The flat layout (header, centroids, list offsets, row ids). */
  async serialize(): Promise<Uint8Array> {
    const out = new Uint8Array(this.handle.serializedSize());
    await this.handle.serialize(out);
    return out;
  }

  stats(): IvfStats {
    const s = this.handle.stats();
    return { lists: s.lists, rows: s.rows, largestList: s.largestList, bytes: s.bytes };
  }

  /** Rows assigned by the running (or last) add(); for pg_stat_progress_create_index. */
  progress(): number {
    return this.handle.progress();
  }
}
