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
import { buildOwnedIndex, openOwnedIndex } from './ann-owned-index';
import { type AnnBuildContext, withStopFlag } from './ann-build-context';
import { AnnPendingBuilds, removeIndexFileFromSegments, removeOrphanAnnFiles } from './ann-orphans';
import { PayloadIndexManager } from '../payload-index/payload-index-manager';
import { payloadGroups } from '../payload-index/payload-groups';

/** pg_stat_progress_create_index-like state of a running build. */
export interface AnnBuildProgress {
  index: number;
  table: number;
  /** pgvector's phase names: `initializing`, then hnsw `loading tuples`; ivfflat `performing k-means`, `loading tuples`. */
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
  /** Files written by CREATE INDEX / REINDEX of open transactions (ann-orphans.ts). */
  readonly pending = new AnnPendingBuilds();
  /** Removals of rolled-back indexes' files, by OID (a CREATE INDEX reusing the OID waits). */
  private readonly removals = new Map<number, Promise<void>>();
  /**
   * The payload indexes of the same segments (issue #7): they share this manager's transaction
   * bookkeeping (pending builds, rollback removals, orphan collection by OID).
   */
  readonly payload: PayloadIndexManager;

  constructor(private readonly engine: StorageEngine, private readonly adapters: Readonly<Record<AnnAm, AnnAdapter>> = ADAPTERS) {
    this.payload = new PayloadIndexManager(engine);
  }

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
        const index = await this.openFile(table, seg.id, spec);
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

  /** Opens a persisted index: mapped when its adapter searches a mapping in place, else read. */
  private async openFile(table: number, segId: string, spec: AnnIndexSpec): Promise<AnnSegmentIndex> {
    const name = annFileName(spec.oid);
    const adapter = this.adapters[spec.am];
    if (spec.owned || !adapter.openMapped) {
      const bytes = await this.engine.readSegmentFile(table, segId, name);
      return spec.owned ? openOwnedIndex(bytes) : adapter.open(bytes);
    }
    const file = await this.engine.mapSegmentFile(table, segId, name);
    try {
      return adapter.openMapped(file);
    } finally {
      file.close(); // the index holds its own lease on the mapping
    }
  }

  /** Builds (and persists) the index of every sealed segment of `table` that lacks it. */
  async buildTable(table: number, spec: AnnIndexSpec, ctx: AnnBuildContext = {}): Promise<void> {
    this.dropped.delete(spec.oid);
    // The catalog hands a rolled-back OID out again: its old files must be gone first.
    await this.removals.get(spec.oid);
    if (ctx.owner) this.pending.note(ctx.owner, table, spec.oid);
    const view = this.engine.snapshot();
    let ids: string[];
    try {
      ids = view.hasTable(table) ? view.table(table).segments.filter((s) => s.sealed).map((s) => s.id) : [];
    } finally {
      view.release();
    }
    for (const id of ids) {
      if (ctx.signal?.aborted) throw ctx.signal.reason;
      await this.buildSegment(table, id, spec, ctx);
    }
  }

  /** Builds one segment's index unless it exists; concurrent callers share one build. */
  buildSegment(table: number, segmentId: string, spec: AnnIndexSpec, ctx: AnnBuildContext = {}): Promise<void> {
    const key = `${table}/${segmentId}/${spec.oid}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.doBuild(table, segmentId, spec, key, ctx).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  private async doBuild(table: number, segmentId: string, spec: AnnIndexSpec, key: string, ctx: AnnBuildContext): Promise<void> {
    if (this.dropped.has(spec.oid)) return;
    const files = this.engine.segmentFiles(table, segmentId);
    if (files === null || files.includes(annFileName(spec.oid))) return;
    // Our own view pins the segment (its mapping) for the whole build.
    const view = this.engine.snapshot();
    try {
      const seg = view.hasTable(table) ? view.table(table).segments.find((s) => s.id === segmentId) : undefined;
      if (!seg) return;
      // An index owning its vectors evaluates its key over the segment's rows (ann-owned-index.ts).
      const owned = spec.owned ? await spec.owned.load(seg) : undefined;
      if (spec.owned && !owned) return;
      const arena = owned ?? seg.vectorArena(spec.column);
      // dim 0: a segment sealed before ALTER TABLE ADD COLUMN added the column; all its rows
      // are NULL there (not indexed), so there is nothing to build (searched exactly: no rows).
      if (arena.dim === 0) return;
      const progress: AnnBuildProgress = {
        index: spec.oid, table, phase: 'initializing', blocksDone: 0, blocksTotal: 0, tuplesDone: 0, tuplesTotal: arena.rows,
      };
      this.running.set(spec.oid, progress);
      const phase = (name: string): void => {
        progress.phase = name;
        ctx.debug?.(`${spec.am}: ${name}`);
      };
      phase('initializing');
      const index = await withStopFlag<AnnSegmentIndex>(ctx.signal, (stop) => {
        const refs = spec.payloadRefs;
        const opts = {
          ...(stop ? { stop } : {}), onPhase: phase, onProgress: (done: number) => { progress.tuplesDone = done; },
          ...(refs && refs.length > 0 && spec.payloadM ? { groups: () => payloadGroups(this.payload, table, seg, refs, spec.payloadM!) } : {}),
        };
        return owned ? buildOwnedIndex(owned, spec, opts) : this.adapters[spec.am].build(seg.vectorArena(spec.column), spec, opts);
      });
      progress.tuplesDone = arena.rows;
      if (progress.phase !== 'loading tuples') phase('loading tuples');
      const bytes = await index.serialize();
      if (ctx.signal?.aborted) throw ctx.signal.reason;
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
    await this.payload.dropIndex(table, oid, opts);
    if (!opts.rebuilding) this.dropped.add(oid);
    for (const key of [...this.cache.keys()]) if (key.endsWith(`/${oid}`)) this.cache.delete(key);
    if (table === undefined) return;
    await Promise.all([...this.inFlight.entries()].filter(([k]) => k.endsWith(`/${oid}`)).map(([, p]) => p.catch(() => undefined)));
    await removeIndexFileFromSegments(this.engine, table, annFileName(oid));
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
    this.payload.forgetTable(table);
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${table}/`)) this.cache.delete(key);
  }

  /**
   * The transaction `owner` ended. Committed: its indexes are the catalog's now. Rolled back
   * (or `keep` given: ROLLBACK TO a savepoint, `keep` = the OIDs still in its catalog): the
   * files of the indexes it built that are gone are removed, and their cached graphs forgotten.
   */
  endTransaction(owner: object, committed: boolean, keep?: ReadonlySet<number>): Promise<void> {
    if (committed) {
      this.pending.take(owner);
      return Promise.resolve();
    }
    const builds = keep ? this.pending.of(owner).filter(([oid]) => !keep.has(oid)) : this.pending.take(owner);
    if (builds.length === 0) return Promise.resolve();
    if (keep) for (const [oid] of builds) this.pending.forget(owner, oid);
    // Queued after the background builds the transaction's own queries may have queued for
    // the index (so none writes a file after the removal); idle() waits for it too. Not
    // marked dropped: the catalog hands the OID out again to the next CREATE INDEX.
    const done = this.background.then(async () => {
      for (const [oid, table] of builds) await this.dropIndex(table, oid, { rebuilding: true });
    });
    this.background = done.catch((e: unknown) => {
      this.lastError = e;
    });
    const settled = this.background;
    for (const [oid] of builds) this.removals.set(oid, settled);
    void settled.then(() => {
      for (const [oid] of builds) if (this.removals.get(oid) === settled) this.removals.delete(oid);
    });
    return settled;
  }

  /**
   * Removes `ann.<oid>` files that no index owns: not in `committedIndexes()` (read at the
   * moment the files are listed) nor built by an open transaction. Startup and CHECKPOINT.
   */
  collectOrphans(committedIndexes: () => ReadonlySet<number>): Promise<number> {
    const run = this.background.then(() => {
      const keep = new Set([...committedIndexes(), ...this.pending.oids()]);
      return removeOrphanAnnFiles(this.engine, keep);
    }).catch((e: unknown) => {
      // Closed underneath (tests, shutdown): the next startup collects them.
      this.lastError = e;
      return 0;
    });
    this.background = run.then(() => undefined);
    return run;
  }

  /** Waits for queued background builds (tests, shutdown). */
  async idle(): Promise<void> {
    await this.background;
    await this.payload.idle();
  }
}
