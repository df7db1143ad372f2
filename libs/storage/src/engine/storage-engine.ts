// The storage engine of one data directory: open + recovery, transactions, read views, and
// the maintenance jobs (seal, checkpoint, merge), which run one at a time in the background
// of commits and reads.
import type { MappedFile, StorageNative } from '@vecgres/native-bindings';
import { loadStorageNative } from '@vecgres/native-bindings';

import { acquireDataDirLock, type DataDirLock } from '../data-dir/data-dir-lock';
import { initOrCheckDataDir } from '../data-dir/format-version';
import { FORMAT_VERSION, txTempDir } from '../data-dir/layout';
import { invalidStorageArgument, storeUnavailable } from '../errors';
import type { SealedSegment } from '../segment/sealed-segment';
import { type StorageFs, nodeStorageFs } from '../fs/storage-fs';
import { type RowCodec, jsonRowCodec } from '../row/row-codec';
import type { StorageTableDef } from '../table/table-def';
import { WalRecordType } from '../wal/wal-format';
import type { WalStats } from '../wal/wal-writer';
import { applyCommit } from './apply-commit';
import { type CheckpointSummary, checkpoint } from './checkpoint';
import { type CommitOp, encodeCommit } from './commit-record';
import { type EngineContext, SerialQueue } from './engine-context';
import { EngineState } from './engine-state';
import { type MergeSummary, mergeTable } from './merge';
import type { MergePolicyOptions } from './merge-policy';
import { ReadView } from './read-view';
import { type RecoverySummary, recover } from './recovery';
import { persistManifest } from './persist-manifest';
import { type SealSummary, sealTable } from './seal';
import { type TableSize, tableSize } from './sizes';
import { streamCommit } from './commit-stream';
import { type CommitOptions, type CommitResult, type SpilledWrites, Transaction, type TransactionHost } from './transaction';

export interface StorageOptions {
  /** true (default): commit() resolves after the WAL fsync; false: after the write. */
  synchronousCommit?: boolean;
  /** WAL file size before rotation. Default 16 MiB. */
  walSegmentBytes?: number;
  /** Mutable segment rows that trigger a background seal. Default 100,000. */
  sealThresholdRows?: number;
  /**
   * Mutable segment bytes (vectors, payloads, ids) that trigger a seal, besides the row count;
   * also bounds memory while a large commit is applied. Default 256 MiB.
   */
  sealThresholdBytes?: number;
  /**
   * Heap bytes a transaction buffers before it moves its writes to a temp file under
   * <dataDir>/tmp and, at commit, streams them into the WAL (commit-stream.ts). Default 64 MiB.
   */
  txSpillBytes?: number;
  /**
   * WAL bytes written since the last checkpoint that trigger one (PostgreSQL's max_wal_size),
   * sealing mutable segments first so the WAL they pin can go. 0 disables. Default 1 GiB.
   * The checkpoint runs `onMaxWalSize` when set (the server passes its catalog blob), else
   * engine.checkpoint() with the last committed catalog.
   */
  maxWalBytes?: number;
  /** Seal and merge automatically after commits. Default true. */
  autoMaintenance?: boolean;
  merge?: MergePolicyOptions;
  codec?: RowCodec;
  fs?: StorageFs;
  native?: StorageNative;
  /** Overrides the storage format version (tests of the refusal path). */
  formatVersion?: number;
}

export class StorageEngine implements TransactionHost {
  private readonly queue = new SerialQueue();
  private closed = false;
  private maintenancePending = false;
  /** The last background maintenance failure (seal/merge), for the server to log. */
  maintenanceError: unknown = null;
  /** A spilled transaction streaming into the WAL: other commits wait (its records must be contiguous). */
  private streaming: Promise<unknown> | null = null;
  /** WAL bytes written (walStats().bytesWritten) when the last checkpoint started. */
  private walBytesAtCheckpoint = 0;
  private walCheckpointPending = false;
  /**
   * Runs the checkpoint max_wal_size asks for (the server sets it to checkpoint with its
   * catalog blob); default: checkpoint({ seal: true }) with the last committed catalog.
   */
  onMaxWalSize: (() => Promise<unknown>) | null = null;
  readonly txSpillBytes: number;
  readonly txTempDir: string;

  private constructor(
    private readonly ctx: EngineContext,
    private readonly lock: DataDirLock,
    private readonly opts: StorageOptions,
  ) {
    this.txSpillBytes = opts.txSpillBytes ?? 64 * 1024 * 1024;
    this.txTempDir = txTempDir(ctx.dataDir);
  }

  get state(): EngineState {
    return this.ctx.state;
  }

  /** Opens (creating if empty) a data directory and recovers it; see RecoverySummary. */
  static async open(dataDir: string, opts: StorageOptions = {}): Promise<{ engine: StorageEngine; recovery: RecoverySummary }> {
    const fs = opts.fs ?? nodeStorageFs();
    const native = opts.native ?? loadStorageNative();
    const formatVersion = opts.formatVersion ?? FORMAT_VERSION;
    await initOrCheckDataDir(fs, dataDir, formatVersion);
    const lock = await acquireDataDirLock(fs, dataDir);
    try {
      // Spill files of transactions that were open when the last process ended.
      await fs.removeTree(txTempDir(dataDir));
      const state = new EngineState(opts.codec ?? jsonRowCodec);
      const { wal, summary } = await recover({ fs, native, dataDir, state, formatVersion }, {
        synchronousCommit: opts.synchronousCommit ?? true,
        ...(opts.walSegmentBytes !== undefined ? { segmentBytes: opts.walSegmentBytes } : {}),
      });
      const ctx: EngineContext = { fs, native, dataDir, state, wal, formatVersion };
      return { engine: new StorageEngine(ctx, lock, opts), recovery: summary };
    } catch (e) {
      await lock.release().catch(() => undefined);
      throw e;
    }
  }

  /** Starts a transaction reading at the latest acknowledged commit. */
  begin(): Transaction {
    this.checkOpen();
    return new Transaction(this, new ReadView(this.ctx.state, this.ctx.state.visibleSeq), () => this.snapshot());
  }

  /** A read-only view at the latest acknowledged commit; release() it when done. */
  snapshot(): ReadView {
    this.checkOpen();
    return new ReadView(this.ctx.state, this.ctx.state.visibleSeq);
  }

  /** @internal called by Transaction.commit(). */
  async commitOps(ops: CommitOp[], snapshot: number, opts: CommitOptions = {}): Promise<CommitResult> {
    this.checkOpen();
    while (this.streaming) await this.streaming.catch(() => undefined);
    const st = this.ctx.state;
    st.checkConflicts({ commitSeq: 0, ops }, snapshot);
    // Sequence, log and apply in one synchronous step, so commit order = LSN order = seq order.
    const rec = { commitSeq: st.lastCommitSeq + 1, ops };
    const { lsn, done } = this.ctx.wal.append(WalRecordType.Commit, encodeCommit(rec), opts.synchronousCommit);
    applyCommit(st, rec, lsn);
    await done;
    // Visibility only moves forward. With mixed per-commit modes an asynchronous commit can be
    // acknowledged (after the write) while an earlier synchronous one still waits for its
    // fsync; making it visible exposes the earlier one before it is durable, the same window
    // PostgreSQL's synchronous_commit = off opens.
    if (rec.commitSeq > st.visibleSeq) st.visibleSeq = rec.commitSeq;
    this.scheduleMaintenance();
    return { commitSeq: rec.commitSeq, lsn };
  }

  /** @internal called by Transaction.commit() for a transaction whose writes spilled. */
  async commitSpilled(writes: SpilledWrites, snapshot: number, opts: CommitOptions = {}): Promise<CommitResult> {
    this.checkOpen();
    while (this.streaming) await this.streaming.catch(() => undefined);
    const limits = { rows: this.opts.sealThresholdRows ?? 100_000, bytes: this.opts.sealThresholdBytes ?? 256 * 1024 * 1024 };
    const job = this.queue.run(() => streamCommit(this.ctx, writes, snapshot, opts, limits));
    this.streaming = job;
    try {
      const r = await job;
      if (r.sealed) {
        // The segments sealed while applying may enter the manifest now that the commit is logged.
        void this.queue
          .run(async () => {
            await this.ctx.wal.flush();
            await persistManifest(this.ctx, this.ctx.state.checkpointLsn, this.ctx.state.catalogJson);
          })
          .catch((e) => {
            this.maintenanceError = e;
          });
      }
      this.scheduleMaintenance();
      return { commitSeq: r.commitSeq, lsn: r.lsn };
    } finally {
      if (this.streaming === job) this.streaming = null;
    }
  }

  tables(): StorageTableDef[] {
    return [...this.ctx.state.tables.values()].map((t) => t.def);
  }

  /** The latest committed catalog blob (checkpoint or a later Transaction.setCatalog). */
  catalog(): unknown {
    return JSON.parse(this.ctx.state.catalogJson);
  }

  set synchronousCommit(on: boolean) {
    this.ctx.wal.synchronousCommit = on;
  }
  get synchronousCommit(): boolean {
    return this.ctx.wal.synchronousCommit;
  }

  walStats(): WalStats {
    return this.ctx.wal.stats();
  }

  /**
   * Persists the catalog blob (if given), deletes and segment lists; truncates old WAL.
   * `seal: true` first seals every non-empty mutable segment, so the WAL that rebuilds them
   * can go too (what a max_wal_size checkpoint needs to bound the WAL).
   */
  checkpoint(catalog?: unknown, opts: { seal?: boolean } = {}): Promise<CheckpointSummary> {
    this.checkOpen();
    return this.queue.run(async () => {
      if (opts.seal) {
        for (const t of [...this.ctx.state.tables.values()]) if (t.mutable.rowCount() > 0) await sealTable(this.ctx, t);
      }
      this.walBytesAtCheckpoint = this.ctx.wal.stats().bytesWritten;
      return checkpoint(this.ctx, catalog);
    });
  }

  /** Seals a table's mutable segment now (null when it is empty). */
  seal(tableId: number): Promise<SealSummary | null> {
    this.checkOpen();
    return this.queue.run(() => sealTable(this.ctx, this.ctx.state.table(tableId)));
  }

  /** One merge step for a table: per the policy, or exactly the given segment ids. */
  merge(tableId: number, segmentIds?: string[]): Promise<MergeSummary | null> {
    this.checkOpen();
    return this.queue.run(() => mergeTable(this.ctx, this.ctx.state.table(tableId), this.opts.merge ?? {}, segmentIds));
  }

  /**
   * Adds named files (index data: a graph, quantized codes...) to a sealed segment atomically:
   * all or none survive a crash, and their checksums are verified like the segment's own.
   */
  addSegmentFiles(tableId: number, segmentId: string, files: Record<string, Uint8Array>): Promise<void> {
    this.checkOpen();
    return this.queue.run(() => this.sealedSegment(tableId, segmentId).addFiles(this.ctx.fs, this.ctx.native, files));
  }

  /** Removes files added with addSegmentFiles (DROP INDEX / REINDEX); missing names are ignored. */
  removeSegmentFiles(tableId: number, segmentId: string, names: readonly string[]): Promise<void> {
    this.checkOpen();
    return this.queue.run(async () => {
      const seg = this.ctx.state.tables.get(tableId)?.sealed.find((s) => s.id === segmentId);
      if (seg) await seg.removeFiles(this.ctx.fs, this.ctx.native, names);
    });
  }

  /**
   * Names of the files added to a sealed segment with addSegmentFiles; null when the table or
   * the segment is gone (dropped, merged away).
   */
  segmentFiles(tableId: number, segmentId: string): string[] | null {
    const seg = this.ctx.state.tables.get(tableId)?.sealed.find((s) => s.id === segmentId);
    return seg ? seg.extraFiles() : null;
  }

  /** Reads (and verifies) a file added with addSegmentFiles. */
  readSegmentFile(tableId: number, segmentId: string, name: string): Promise<Uint8Array> {
    return this.sealedSegment(tableId, segmentId).readFile(this.ctx.fs, this.ctx.native, name);
  }

  /** Maps (and verifies) a file added with addSegmentFiles; the caller closes the mapping. */
  mapSegmentFile(tableId: number, segmentId: string, name: string): Promise<MappedFile> {
    return this.sealedSegment(tableId, segmentId).mapFile(this.ctx.native, name);
  }

  private sealedSegment(tableId: number, segmentId: string): SealedSegment {
    const seg = this.ctx.state.table(tableId).sealed.find((s) => s.id === segmentId);
    if (!seg) throw invalidStorageArgument(`table ${tableId} has no sealed segment ${segmentId}`);
    return seg;
  }

  /** Waits for queued maintenance to finish (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.run(async () => undefined);
  }

  /** Bytes of a table on disk and in memory (pg_relation_size / vecgres_memory views). */
  tableSize(tableId: number): TableSize {
    return tableSize(this.ctx.state.table(tableId));
  }

  /** Flushes the WAL, waits for maintenance, releases the lock. No checkpoint is implied. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.run(async () => undefined);
    await this.ctx.wal.close();
    for (const t of this.ctx.state.tables.values()) for (const s of t.sealed) s.drop();
    await this.lock.release();
  }

  /** Starts a checkpoint once the WAL written since the last one exceeds maxWalBytes. */
  private checkWalVolume(): void {
    const max = this.opts.maxWalBytes ?? 1024 * 1024 * 1024;
    if (max <= 0 || this.walCheckpointPending || this.closed) return;
    if (this.ctx.wal.stats().bytesWritten - this.walBytesAtCheckpoint < max) return;
    this.walCheckpointPending = true;
    // Counted as started now, so commits arriving before it runs do not queue more of them.
    this.walBytesAtCheckpoint = this.ctx.wal.stats().bytesWritten;
    const run = this.onMaxWalSize ?? (() => this.checkpoint(undefined, { seal: true }));
    void run()
      .catch((e: unknown) => {
        this.maintenanceError = e;
      })
      .finally(() => {
        this.walCheckpointPending = false;
      });
  }

  private scheduleMaintenance(): void {
    this.checkWalVolume();
    if (this.opts.autoMaintenance === false || this.maintenancePending || this.closed) return;
    const threshold = this.opts.sealThresholdRows ?? 100_000;
    const bytes = this.opts.sealThresholdBytes ?? 256 * 1024 * 1024;
    const due = [...this.ctx.state.tables.values()].filter((t) => t.mutable.rowCount() >= threshold || t.mutable.memoryBytes() >= bytes);
    if (due.length === 0) return;
    this.maintenancePending = true;
    void this.queue
      .run(async () => {
        this.maintenancePending = false;
        for (const t of due) {
          if (this.closed || !this.ctx.state.tables.has(t.def.id)) continue;
          await sealTable(this.ctx, t);
          while (!this.closed && (await mergeTable(this.ctx, t, this.opts.merge ?? { minRows: threshold }))) {
            // keep merging while the policy finds work
          }
        }
      })
      .catch((e) => {
        this.maintenancePending = false;
        this.maintenanceError = e;
      });
  }

  private checkOpen(): void {
    if (this.closed) throw storeUnavailable('the storage engine is closed');
  }
}
