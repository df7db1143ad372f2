// Appending to the WAL with group commit.
//
//   append() ──▶ LSN assigned now ──▶ pending ─┐   one flush loop at a time:
//   append() ──▶ LSN assigned now ──▶ pending ─┼─▶ write(all pending) ─▶ fsync ─▶ resolve all
//   append() ──▶ (arrives during the fsync) ───┘   ... next round takes everything queued since
//
// Appends that arrive while a write+fsync is in flight are written together by the next round
// and share its single fsync [PostgreSQL group commit]. With synchronousCommit off, append()
// resolves once the bytes are written to the OS and a background fsync follows within
// `backgroundSyncMs`. Any write or fsync failure poisons the writer: every pending and later
// append rejects, because the log may now have a hole [PostgreSQL PANIC on fsync failure].
import * as path from 'node:path';

import type { StorageNative } from '@vecgres/native-bindings';

import { storeUnavailable } from '../errors';
import type { StorageFileHandle, StorageFs } from '../fs/storage-fs';
import { WAL_HEADER_BYTES, encodeWalHeader, encodeWalRecord, walFileName } from './wal-format';
import type { WalFileInfo } from './wal-reader';

export interface WalWriterOptions {
  /** Rotate to a new file once the current one reaches this many bytes. Default 16 MiB. */
  segmentBytes?: number;
  /** true (default): append() resolves after fsync. false: after write; fsync in background. */
  synchronousCommit?: boolean;
  /** Upper bound on how long written-but-unsynced WAL may wait for its fsync. Default 200 ms. */
  backgroundSyncMs?: number;
}

/** Where the writer continues: the file to append to (null: none yet) and the next LSN. */
export interface WalWriterStart {
  files: WalFileInfo[];
  current: { name: string; size: number } | null;
  nextLsn: number;
}

export interface WalStats {
  /** fsyncs of WAL files (group commit makes this smaller than the number of appends). */
  syncs: number;
  writes: number;
  lastWrittenLsn: number;
  lastSyncedLsn: number;
  /** Bytes of records written since this writer opened (checkpoint-by-volume trigger). */
  bytesWritten: number;
}

interface Pending {
  lsn: number;
  bytes: Promise<Uint8Array>;
}

interface Waiter {
  lsn: number;
  needSync: boolean;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class WalWriter {
  private readonly files: WalFileInfo[];
  private fh: StorageFileHandle | null = null;
  private current: { name: string; size: number } | null;
  private nextLsn: number;
  private writtenLsn: number;
  private syncedLsn: number;
  private pending: Pending[] = [];
  private waiters: Waiter[] = [];
  private running = false;
  private syncRequested = false;
  private timer: NodeJS.Timeout | null = null;
  private failure: unknown = null;
  private closed = false;
  private syncs = 0;
  private writes = 0;
  private bytesWritten = 0;
  private readonly segmentBytes: number;
  private readonly backgroundSyncMs: number;
  synchronousCommit: boolean;

  private constructor(
    private readonly fs: StorageFs,
    private readonly native: StorageNative,
    private readonly dir: string,
    start: WalWriterStart,
    opts: WalWriterOptions,
  ) {
    this.files = [...start.files];
    this.current = start.current;
    this.nextLsn = start.nextLsn;
    this.writtenLsn = start.nextLsn - 1;
    this.syncedLsn = start.nextLsn - 1;
    this.segmentBytes = opts.segmentBytes ?? 16 * 1024 * 1024;
    this.backgroundSyncMs = opts.backgroundSyncMs ?? 200;
    this.synchronousCommit = opts.synchronousCommit ?? true;
  }

  static async open(
    fs: StorageFs,
    native: StorageNative,
    dir: string,
    start: WalWriterStart,
    opts: WalWriterOptions = {},
  ): Promise<WalWriter> {
    await fs.mkdir(dir);
    const w = new WalWriter(fs, native, dir, start, opts);
    if (start.current) w.fh = await fs.open(path.join(dir, start.current.name), 'r+');
    return w;
  }

  /** The LSN the next append will get. */
  get nextLogSequence(): number {
    return this.nextLsn;
  }

  stats(): WalStats {
    return {
      syncs: this.syncs,
      writes: this.writes,
      lastWrittenLsn: this.writtenLsn,
      lastSyncedLsn: this.syncedLsn,
      bytesWritten: this.bytesWritten,
    };
  }

  walFiles(): readonly WalFileInfo[] {
    return this.files;
  }

  /**
   * Appends one record. The LSN is assigned synchronously (so callers can order their own state
   * by it); `done` resolves when the record is durable (synchronousCommit) or written.
   * `sync` overrides synchronousCommit for this record (a session's synchronous_commit).
   */
  append(type: number, payload: Uint8Array, sync?: boolean): { lsn: number; done: Promise<void> } {
    this.checkUsable();
    const lsn = this.nextLsn++;
    this.pending.push({ lsn, bytes: encodeWalRecord(this.native, lsn, type, payload) });
    const done = this.waitFor(lsn, sync ?? this.synchronousCommit);
    this.kick();
    return { lsn, done };
  }

  /** Resolves once every record up to `lsn` (default: all appended so far) is fsynced. */
  flush(lsn: number = this.nextLsn - 1): Promise<void> {
    if (this.failure) return Promise.reject(this.poisoned());
    if (lsn <= this.syncedLsn) return Promise.resolve();
    const p = this.waitFor(lsn, true);
    this.kick();
    return p;
  }

  /** Deletes WAL files holding only records below `lsn` (never the file being written). */
  async removeBefore(lsn: number): Promise<string[]> {
    const removed: string[] = [];
    while (this.files.length > 1 && this.files[1].firstLsn <= lsn && this.files[0].name !== this.current?.name) {
      const f = this.files.shift() as WalFileInfo;
      await this.fs.unlink(path.join(this.dir, f.name));
      removed.push(f.name);
    }
    if (removed.length > 0) await this.fs.syncDir(this.dir);
    return removed;
  }

  /** Flushes everything, then closes the file. Later appends reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (!this.failure) await this.flush().catch(() => undefined);
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.fh?.close().catch(() => undefined);
    this.fh = null;
  }

  /**
   * Refuses every later append, as after a failed write: a caller that logged part of a
   * multi-record transaction and cannot finish it must not let later commits follow it.
   */
  poison(cause: unknown): void {
    if (!this.failure) this.fail(cause);
  }

  private checkUsable(): void {
    if (this.failure) throw this.poisoned();
    if (this.closed) throw storeUnavailable('the WAL is closed');
  }

  private poisoned(): Error {
    return storeUnavailable('the WAL failed a write or fsync and refuses further commits; restart to recover', this.failure);
  }

  private waitFor(lsn: number, needSync: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => this.waiters.push({ lsn, needSync, resolve, reject }));
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    // setImmediate, not a microtask: appends made by other connections in the same event-loop
    // turn join this round instead of waiting for the next fsync.
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        if (this.pending.length > 0) await this.writeBatch();
        const wantSync =
          this.syncedLsn < this.writtenLsn &&
          (this.syncRequested || this.waiters.some((w) => w.needSync && w.lsn <= this.writtenLsn));
        if (wantSync) await this.sync();
        this.settleWaiters();
        const waitingForSync = this.waiters.some((w) => w.needSync && w.lsn <= this.writtenLsn);
        if (this.pending.length === 0 && !waitingForSync) break;
      }
    } catch (e) {
      this.fail(e);
    } finally {
      this.running = false;
    }
    if (this.failure) return;
    if (this.pending.length > 0) this.kick();
    else if (this.syncedLsn < this.writtenLsn) this.scheduleBackgroundSync();
  }

  private async writeBatch(): Promise<void> {
    const batch = this.pending.splice(0);
    const parts = await Promise.all(batch.map((p) => p.bytes));
    if (!this.fh || !this.current || this.current.size >= this.segmentBytes) await this.rotate(batch[0].lsn);
    const total = parts.reduce((n, p) => n + p.byteLength, 0);
    const buf = new Uint8Array(total);
    let off = 0;
    for (const p of parts) {
      buf.set(p, off);
      off += p.byteLength;
    }
    const cur = this.current as { name: string; size: number };
    await (this.fh as StorageFileHandle).write(buf, cur.size);
    cur.size += total;
    this.bytesWritten += total;
    this.writes++;
    this.writtenLsn = batch[batch.length - 1].lsn;
  }

  private async sync(): Promise<void> {
    const target = this.writtenLsn;
    this.syncRequested = false;
    await (this.fh as StorageFileHandle).sync();
    this.syncs++;
    this.syncedLsn = target;
  }

  // Starts a new file whose first record will be `firstLsn`. The old file is fsynced first: an
  // fsync of the new file says nothing about the old one's data.
  private async rotate(firstLsn: number): Promise<void> {
    if (this.fh) {
      if (this.syncedLsn < this.writtenLsn) await this.sync();
      await this.fh.close();
      this.fh = null;
    }
    const name = walFileName(firstLsn);
    const fh = await this.fs.open(path.join(this.dir, name), 'w');
    await fh.write(encodeWalHeader(this.native, firstLsn), 0);
    await fh.sync();
    await this.fs.syncDir(this.dir);
    this.fh = fh;
    this.current = { name, size: WAL_HEADER_BYTES };
    this.files.push({ name, firstLsn });
  }

  private settleWaiters(): void {
    const keep: Waiter[] = [];
    for (const w of this.waiters) {
      const reached = w.needSync ? w.lsn <= this.syncedLsn : w.lsn <= this.writtenLsn;
      if (reached) w.resolve();
      else keep.push(w);
    }
    this.waiters = keep;
  }

  private scheduleBackgroundSync(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.syncRequested = true;
      this.kick();
    }, this.backgroundSyncMs);
    this.timer.unref();
  }

  private fail(e: unknown): void {
    this.failure = e;
    const err = this.poisoned();
    for (const w of this.waiters) w.reject(err);
    this.waiters = [];
    this.pending = [];
  }
}
