// Plain data of the ANN benchmark: engine contract, options, results (JSON-serialisable).

/** Distance the dataset's ground truth ranks by. `cosine` = 1 - cos (angular sets). */
export type AnnMetric = 'l2' | 'cosine';

/** What every engine is built from. */
export interface BuildInput {
  /** base rows: Float32Array, length n * dim, row-major (row i = ids i). */
  base: Float32Array;
  n: number;
  dim: number;
  metric: AnnMetric;
  m: number;
  efConstruction: number;
  /** Build threads the engine may use (engines that cannot parallelise say so in `BuildStats`). */
  threads: number;
}

export interface BuildStats {
  /** Wall time of the build (insertion of every row), ms. */
  buildMs: number;
  /** Threads the build actually used. */
  threadsUsed: number;
  /** Serialized index size in bytes (graph + vectors as the engine stores them). */
  indexBytes: number;
}

/**
 * One engine behind the bench. A user's view: build once, then for each ef_search answer
 * queries one at a time. `search` may be sync (in-process libraries) or async (libuv
 * threadpool / network); the runner awaits only real promises.
 */
export interface AnnEngine {
  readonly name: string;
  build(input: BuildInput): Promise<BuildStats>;
  /**
   * Takes the query set before timing starts, so per-query conversions an engine needs
   * (JS arrays, text literals) are not counted as search time.
   * queries: Float32Array, nq * dim, row-major.
   */
  prepareQueries(queries: Float32Array, nq: number): Promise<void>;
  /** Sets ef_search for the following searches. */
  setEf(ef: number): Promise<void>;
  /**
   * The ids of the k nearest rows to prepared query `qi`, nearest first (fewer than k only
   * when the index holds fewer rows).
   */
  search(qi: number, k: number): ArrayLike<number> | Promise<ArrayLike<number>>;
  /** Frees native memory and temp files. */
  close(): Promise<void>;
}

export interface EfResult {
  ef: number;
  /** Mean recall@k against the exact ground truth. */
  recall: number;
  /** Queries / wall time of the pass. */
  qps: number;
  /**
   * Queries / process CPU time (user + system, all threads) of the same pass: on a machine
   * shared with other jobs it leaves out time spent waiting for a core. Absent over the wire
   * (the server's CPU is not visible to the client).
   */
  cpuQps?: number;
  p50Ms: number;
  p99Ms: number;
}

export interface EngineResult {
  engine: string;
  build: BuildStats;
  /** Set when the engine could not run (e.g. not built on this machine); no build/runs then. */
  error?: string;
  runs: EfResult[];
}

export interface AnnRunOptions {
  m: number;
  efConstruction: number;
  efs: number[];
  k: number;
  threads: number;
  /** Queries used (the first N of the query file). */
  queries: number;
  /** Untimed queries before each ef's timed passes. */
  warmup: number;
  /**
   * Timed passes over the queries per ef; the fastest pass is reported (as ann-benchmarks
   * does), which filters out other jobs' bursts on a shared machine.
   */
  reps: number;
}

export interface AnnReport {
  dataset: string;
  metric: AnnMetric;
  n: number;
  dim: number;
  options: AnnRunOptions;
  /** ISO timestamp and machine line, for docs/benchmarks.md. */
  date: string;
  machine: string;
  command: string;
  results: EngineResult[];
}
