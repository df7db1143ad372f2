// The ANN indexes of one Database's sealed segments: opened lazily from their segment files
// (restart opens, never rebuilds), built at CREATE INDEX / REINDEX, and built in the background
// for segments that appear later (a seal or merge writes a new segment without the index):
// the first query that meets such a segment searches it exactly and queues its build, so no
// query waits for a graph build. Builds run one at a time (each is multi-threaded in native
// code, off the event loop).
//
// Keys: `${table}/${segment}/${index oid}`. A segment id is never reused within a table, so a
// cached index can never answer for another segment's rows.
import type { SegmentReader, StorageEngine } from '@vecgres/storage';
import { type AnnAdapter, type AnnAm, type AnnIndexSpec, type AnnSegmentIndex, annFileName } from './ann-index';
import { hnswAdapter } from './hnsw-adapter';
import { ivfflatAdapter } from './ivfflat-adapter';

/** pg_stat_progress_create_index-like state of a running build. */
export interface AnnBuildProgress {
  index: number;
  table: number;
  /** pgvector's phase names: hnsw `initializing`, `loading tuples`; ivfflat adds `performing k-means`. */
  phase: string;
  blocksDone: number;
  blocksTotal: number;
  tuplesDone: number;
  tuplesTotal: number;
}

export interface AnnManagerStats {
  builds: number;
  opens: number;
}

const ADAPTERS: Readonly<Record<AnnAm, AnnAdapter>> = { hnsw: hnswAdapter, ivfflat: ivfflatAdapter };

export class AnnIndexManager {
  private readonly cache = new Map<string, AnnSegmentIndex>();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Indexes dropped in this process: stale plans must not rebuild their files. */
  private readonly dropped = new Set<number>();
  /** Background builds run one after another. */
  private background: Promise<void> = Promise.resolve();
  private readonly running = new Map<number, AnnBuildProgress>();
  /** Counters for tests and EXPLAIN: graph builds done, files opened. */
  readonly stats: AnnManagerStats = { builds: 0, opens: 0 };
  /** Last background build failure (kept for diagnostics; the segment stays exact). */
  lastError: unknown;

  constructor(private readonly engine: StorageEngine, private readonly adapters: Readonly<Record<AnnAm, AnnAdapter>> = ADAPTERS) {}

  /** Builds in progress (pg_stat_progress_create_index rows). */
  progress(): AnnBuildProgress[] {
    return [...this.running.values()].map((p) => ({ ...p }));
  }

  /**
   * The index of sealed segment `seg`, or undefined when it has none yet (the caller searches
   * the segment exactly; a background build is queued).
   */
  async segmentIndex(table: number, seg: SegmentReader, spec: AnnIndexSpec): Promise<AnnSegmentIndex | undefined> {
    if (!seg.sealed || this.dropped.has(spec.oid)) return undefined;
    const key = `${table}/${seg.id}/${spec.oid}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    this.prune(table);
    const files = this.engine.segmentFiles(table, seg.id);
    if (files === null) return undefined;
    if (files.includes(annFileName(spec.oid))) {
      try {
        const bytes = await this.engine.readSegmentFile(table, seg.id, annFileName(spec.oid));
        const index = this.adapters[spec.am].open(bytes);
        this.stats.opens++;
        this.cache.set(key, index);
        return index;
      } catch (e) {
        // Merged away between the check and the read: exact for this query.
        this.lastError = e;
        return undefined;
      }
    }
    if (!this.inFlight.has(key)) {
      this.background = this.background.then(() => this.buildSegment(table, seg.id, spec)).catch((e: unknown) => {
        this.lastError = e;
      });
    }
    return undefined;
  }

  /** Builds (and persists) the index of every sealed segment of `table` that lacks it. */
  async buildTable(table: number, spec: AnnIndexSpec): Promise<void> {
    this.dropped.delete(spec.oid);
    const view = this.engine.snapshot();
    let ids: string[];
    try {
      ids = view.hasTable(table) ? view.table(table).segments.filter((s) => s.sealed).map((s) => s.id) : [];
    } finally {
      view.release();
    }
    for (const id of ids) await this.buildSegment(table, id, spec);
  }

  /** Builds one segment's index unless it exists; concurrent callers share one build. */
  buildSegment(table: number, segmentId: string, spec: AnnIndexSpec): Promise<void> {
    const key = `${table}/${segmentId}/${spec.oid}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.doBuild(table, segmentId, spec, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  private async doBuild(table: number, segmentId: string, spec: AnnIndexSpec, key: string): Promise<void> {
    if (this.dropped.has(spec.oid)) return;
    const files = this.engine.segmentFiles(table, segmentId);
    if (files === null || files.includes(annFileName(spec.oid))) return;
    // Our own view pins the segment (its mapping) for the whole build.
    const view = this.engine.snapshot();
    try {
      const seg = view.hasTable(table) ? view.table(table).segments.find((s) => s.id === segmentId) : undefined;
      if (!seg) return;
      const arena = seg.vectorArena(spec.column);
      // dim 0: a segment sealed before ALTER TABLE ADD COLUMN added the column; all its rows
      // are NULL there (not indexed), so there is nothing to build (searched exactly: no rows).
      if (arena.dim === 0) return;
      const progress: AnnBuildProgress = {
        index: spec.oid, table, phase: 'initializing', blocksDone: 0, blocksTotal: 0, tuplesDone: 0, tuplesTotal: arena.rows,
      };
      this.running.set(spec.oid, progress);
      progress.phase = spec.am === 'hnsw' ? 'loading tuples' : 'performing k-means';
      const index = await this.adapters[spec.am].build(arena, spec, {
        onProgress: (done) => { progress.tuplesDone = done; },
      });
      progress.phase = 'loading tuples';
      progress.tuplesDone = arena.rows;
      const bytes = await index.serialize();
      if (this.dropped.has(spec.oid) || this.engine.segmentFiles(table, segmentId) === null) return;
      await this.engine.addSegmentFiles(table, segmentId, { [annFileName(spec.oid)]: bytes });
      this.stats.builds++;
      // Search the persisted bytes' twin in memory: the built graph itself.
      this.cache.set(key, index);
    } finally {
      this.running.delete(spec.oid);
      view.release();
    }
  }

  /** DROP INDEX / REINDEX: forgets the index and removes its files from every sealed segment of `table`. */
  async dropIndex(table: number | undefined, oid: number, opts: { rebuilding?: boolean } = {}): Promise<void> {
    if (!opts.rebuilding) this.dropped.add(oid);
    for (const key of [...this.cache.keys()]) if (key.endsWith(`/${oid}`)) this.cache.delete(key);
    if (table === undefined) return;
    await Promise.all([...this.inFlight.entries()].filter(([k]) => k.endsWith(`/${oid}`)).map(([, p]) => p.catch(() => undefined)));
    const view = this.engine.snapshot();
    let ids: string[];
    try {
      ids = view.hasTable(table) ? view.table(table).segments.filter((s) => s.sealed).map((s) => s.id) : [];
    } finally {
      view.release();
    }
    for (const id of ids) await this.engine.removeSegmentFiles(table, id, [annFileName(oid)]);
    for (const key of [...this.cache.keys()]) if (key.endsWith(`/${oid}`)) this.cache.delete(key);
  }

  /** Forgets cached indexes of `table`'s segments that are gone (merged away). */
  private prune(table: number): void {
    for (const key of [...this.cache.keys()]) {
      const [t, seg] = key.split('/');
      if (Number(t) === table && this.engine.segmentFiles(table, seg) === null) this.cache.delete(key);
    }
  }

  /** DROP TABLE: its segments (and their index files) go with the storage table. */
  forgetTable(table: number): void {
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${table}/`)) this.cache.delete(key);
  }

  /** Waits for queued background builds (tests, shutdown). */
  idle(): Promise<void> {
    return this.background;
  }
}
