// A write transaction: reads at its snapshot (plus its own writes), buffers inserts, updates,
// deletes and DDL in a TxLog (heap, then a temp file past txSpillBytes), and logs them at
// commit(): as ONE WAL Commit record, or, when the log spilled, streamed as TxData records
// followed by the Commit record (engine/commit-stream.ts). Nothing is visible to others, or
// survives a crash, before that Commit record is durable.
import { invalidStorageArgument, storeUnavailable, unknownTable } from '../errors';
import type { RowCodec } from '../row/row-codec';
import { type RowInput, type StorageTableDef, type StoredRow, type VectorColumnDef } from '../table/table-def';
import { type CommitOp, OP_CODE, decodeOp, encodeOp } from './commit-record';
import type { EngineState } from './engine-state';
import { OwnInserts } from './own-inserts';
import type { ReadView } from './read-view';
import { TxLog } from './tx-log';

export interface CommitResult {
  /** The commit sequence stamped on this transaction's rows (xmin/xmax). */
  commitSeq: number;
  /** LSN of its WAL record (0 for a read-only transaction, which logs nothing). */
  lsn: number;
}

/** What a transaction needs from the engine. */
/** Per-commit options. */
export interface CommitOptions {
  /**
   * Overrides the engine's synchronousCommit for this commit (PostgreSQL's per-session
   * synchronous_commit): false acknowledges after the WAL write, before the fsync.
   */
  synchronousCommit?: boolean;
}

type InsertOp = Extract<CommitOp, { kind: 'insert' }>;

/**
 * The writes of a transaction whose log spilled, for streaming into the WAL:
 * createTable/insert/delete ops in order (own inserts it deleted again left out), then the
 * dropTable/catalog ops that go into the Commit record itself.
 */
export interface SpilledWrites {
  /** Rows of other transactions this one deletes (the 40001 conflict check). */
  deletes(): Iterable<{ tableId: number; rowId: number }>;
  /** Encoded ops (encodeOp) concatenated, in blocks of about maxBytes: `n` ops per block. */
  blocks(maxBytes: number): AsyncGenerator<{ n: number; ops: Uint8Array }>;
  finalOps: CommitOp[];
}

export interface TransactionHost {
  readonly state: EngineState;
  /** Heap bytes of buffered writes before a transaction moves them to a temp file. */
  readonly txSpillBytes: number;
  /** Directory for transactions' temp files (emptied at open). */
  readonly txTempDir: string;
  commitOps(ops: CommitOp[], snapshot: number, opts?: CommitOptions): Promise<CommitResult>;
  commitSpilled(writes: SpilledWrites, snapshot: number, opts?: CommitOptions): Promise<CommitResult>;
}

/**
 * The buffered state at a savepoint: sizes to truncate back to, plus copies of the (small)
 * sets of deletes. Row ids and table ids handed out after it are not reused after a rollback
 * to it (they are never reused).
 */
export interface TransactionSavepoint {
  readonly logSize: number;
  readonly ownCounts: ReadonlyMap<number, number>;
  readonly cancelled: ReadonlySet<string>;
  readonly deletes: ReadonlySet<string>;
  readonly finalOps: number;
  readonly newTables: ReadonlyMap<number, { def: StorageTableDef; nextRowId: number }>;
  readonly droppedTables: ReadonlySet<number>;
  readonly alteredDefs: ReadonlyMap<number, StorageTableDef>;
}

export class Transaction {
  private readonly log: TxLog;
  /** Per table: own inserts' row ids and log offsets. */
  private own = new Map<number, OwnInserts>();
  /** Own inserts this transaction deleted again ("table:row"): left out at commit. */
  private cancelled = new Set<string>();
  /** Rows of others this transaction deleted ("table:row"). */
  private deletes = new Set<string>();
  /** dropTable and catalog ops: logged in the Commit record, after every other op. */
  private finalOps: CommitOp[] = [];
  private newTables = new Map<number, { def: StorageTableDef; nextRowId: number }>();
  private droppedTables = new Set<number>();
  /** Existing tables this transaction added vector columns to: their def as it sees it. */
  private alteredDefs = new Map<number, StorageTableDef>();
  private state: 'open' | 'committing' | 'done' = 'open';
  private currentView: ReadView;
  /** Views replaced by refreshSnapshot: a running scan may still read one, so they stay pinned until the end. */
  private readonly retiredViews: ReadView[] = [];

  constructor(
    private readonly host: TransactionHost,
    view: ReadView,
    /** Takes a view at the latest acknowledged commit (for refreshSnapshot). */
    private readonly latestView?: () => ReadView,
  ) {
    this.currentView = view;
    const n = host.state.nextTxFile++;
    this.log = new TxLog(host.txTempDir, host.txSpillBytes, `tx-${process.pid}-${n}.spill`);
  }

  /** The view reads go through (replaced by refreshSnapshot). */
  get view(): ReadView {
    return this.currentView;
  }

  get snapshot(): number {
    return this.view.snapshot;
  }

  /** Whether the buffered writes moved (partly) to the temp file. */
  get spilled(): boolean {
    return this.log.spilled;
  }

  /** Heap bytes of the buffered writes (the in-memory tail of the log and the own-insert index). */
  get bufferedHeapBytes(): number {
    let n = this.log.heapBytes;
    for (const o of this.own.values()) n += o.heapBytes;
    return n;
  }

  private get codec(): RowCodec {
    return this.host.state.codec;
  }

  createTable(spec: { name: string; vectorColumns?: VectorColumnDef[] }): number {
    this.checkOpen();
    const vectorColumns = spec.vectorColumns ?? [];
    for (const c of vectorColumns) checkVectorColumn(c);
    const id = this.host.state.nextTableId++;
    const def: StorageTableDef = { id, name: spec.name, vectorColumns: vectorColumns.map((c) => ({ ...c })) };
    this.newTables.set(id, { def, nextRowId: 1 });
    this.log.append(encodeOp({ kind: 'createTable', def }));
    return id;
  }

  /**
   * Appends a vector column to a table (ALTER TABLE ADD COLUMN): rows already stored read NULL
   * there; this transaction's later inserts, and everyone's after the commit, fill it. Logged
   * in order with the inserts (op 6), replayed at recovery, persisted by checkpoints.
   */
  addVectorColumn(tableId: number, column: VectorColumnDef): void {
    this.checkOpen();
    checkVectorColumn(column);
    const def = this.tableDef(tableId);
    if (def.vectorColumns.some((c) => c.name === column.name)) {
      throw invalidStorageArgument(`table ${tableId} already has a vector column "${column.name}"`);
    }
    const next: StorageTableDef = { ...def, vectorColumns: [...def.vectorColumns, { name: column.name, dim: column.dim }] };
    const fresh = this.newTables.get(tableId);
    if (fresh) fresh.def = next;
    else this.alteredDefs.set(tableId, next);
    this.log.append(encodeOp({ kind: 'addVectorColumn', tableId, column: { name: column.name, dim: column.dim } }));
  }

  dropTable(tableId: number): void {
    this.checkOpen();
    this.tableDef(tableId);
    this.droppedTables.add(tableId);
    this.finalOps.push({ kind: 'dropTable', tableId });
  }

  /** Replaces the catalog blob atomically with this transaction's other writes. */
  setCatalog(catalog: unknown): void {
    this.checkOpen();
    this.finalOps.push({ kind: 'catalog', json: JSON.stringify(catalog ?? null) });
  }

  /** Buffers a new row; returns its row id. Vector columns take a Float32Array (or number[]) or null. */
  insert(tableId: number, row: RowInput): number {
    this.checkOpen();
    const def = this.tableDef(tableId);
    const payloadValues: Record<string, unknown> = {};
    const vectorNames = new Set(def.vectorColumns.map((c) => c.name));
    for (const [k, v] of Object.entries(row)) if (!vectorNames.has(k)) payloadValues[k] = v;
    const vectors = def.vectorColumns.map((c) => toVector(row[c.name], c));
    const fresh = this.newTables.get(tableId);
    const rowId = fresh ? fresh.nextRowId++ : this.host.state.table(tableId).nextRowId++;
    const offset = this.log.append(encodeOp({ kind: 'insert', tableId, rowId, payload: this.codec.encode(payloadValues), vectors }));
    let own = this.own.get(tableId);
    if (!own) this.own.set(tableId, (own = new OwnInserts()));
    own.push(rowId, offset);
    return rowId;
  }

  /** Deletes a row version visible to this transaction (or one it inserted). */
  delete(tableId: number, rowId: number): void {
    this.checkOpen();
    this.tableDef(tableId);
    const key = `${tableId}:${rowId}`;
    if (this.ownOffset(tableId, rowId) >= 0 && !this.cancelled.has(key)) {
      this.cancelled.add(key);
      return;
    }
    if (this.deletes.has(key) || !this.view.hasTable(tableId) || !this.view.table(tableId).get(rowId)) {
      throw invalidStorageArgument(`row ${rowId} of table ${tableId} is not visible to this transaction`);
    }
    this.deletes.add(key);
    this.log.append(encodeOp({ kind: 'delete', tableId, rowId }));
  }

  /** Deletes the old version and inserts the new one; returns the new version's row id. */
  update(tableId: number, rowId: number, row: RowInput): number {
    this.delete(tableId, rowId);
    return this.insert(tableId, row);
  }

  /** A row as this transaction sees it (its snapshot plus its own writes). */
  get(tableId: number, rowId: number): StoredRow | null {
    const key = `${tableId}:${rowId}`;
    const off = this.ownOffset(tableId, rowId);
    if (off >= 0 && !this.cancelled.has(key)) return this.decodeOwn(decodeOp(this.log.read(off)) as InsertOp);
    if (this.deletes.has(key) || this.droppedTables.has(tableId) || !this.view.hasTable(tableId)) return null;
    return this.view.table(tableId).get(rowId);
  }

  /** Rows of a table as this transaction sees them. */
  *rows(tableId: number): Generator<StoredRow> {
    this.tableDef(tableId);
    if (this.view.hasTable(tableId)) {
      for (const r of this.view.table(tableId).rows()) if (!this.deletes.has(`${tableId}:${r.rowId}`)) yield r;
    }
    if ((this.own.get(tableId)?.count ?? 0) === 0) return;
    // Own inserts in log order, up to the log's size now (rows inserted while this runs are not seen).
    for (const e of this.log.entries(0, this.log.size)) {
      const b = e.bytes;
      if (b[0] !== OP_CODE.insert || readU32(b, 1) !== tableId) continue;
      if (this.cancelled.size > 0 && this.cancelled.has(`${tableId}:${readU32(b, 5)}`)) continue;
      yield this.decodeOwn(decodeOp(b) as InsertOp);
    }
  }

  /** Row ids of snapshot rows of `tableId` this transaction deleted (a copy). */
  ownDeletes(tableId: number): Set<number> {
    const out = new Set<number>();
    const prefix = `${tableId}:`;
    for (const k of this.deletes) if (k.startsWith(prefix)) out.add(Number(k.slice(prefix.length)));
    return out;
  }

  /** This transaction's live own inserts into `tableId`, in insert order, as of now (a copy). */
  ownRows(tableId: number): StoredRow[] {
    const out: StoredRow[] = [];
    if ((this.own.get(tableId)?.count ?? 0) === 0) return out;
    for (const e of this.log.entries(0, this.log.size)) {
      const b = e.bytes;
      if (b[0] !== OP_CODE.insert || readU32(b, 1) !== tableId) continue;
      if (this.cancelled.size > 0 && this.cancelled.has(`${tableId}:${readU32(b, 5)}`)) continue;
      out.push(this.decodeOwn(decodeOp(b) as InsertOp));
    }
    return out;
  }

  /**
   * Moves the snapshot to the latest acknowledged commit, keeping this transaction's own
   * writes (READ COMMITTED: each statement takes a new snapshot). Safe for conflict checks:
   * a delete conflicts whenever the row's version was deleted by anyone else, whatever the
   * snapshot it was read at.
   */
  refreshSnapshot(): void {
    this.checkOpen();
    if (!this.latestView) throw invalidStorageArgument('this transaction cannot take a new snapshot');
    // Nothing committed since: keep the current view (no new view to pin until the end).
    if (this.host.state.visibleSeq === this.currentView.snapshot) return;
    const next = this.latestView();
    this.retiredViews.push(this.currentView);
    this.currentView = next;
  }

  /** Remembers the buffered writes so rollbackTo() can return to them. */
  savepoint(): TransactionSavepoint {
    this.checkOpen();
    return {
      logSize: this.log.size,
      ownCounts: new Map([...this.own].map(([id, o]) => [id, o.count])),
      cancelled: new Set(this.cancelled),
      deletes: new Set(this.deletes),
      finalOps: this.finalOps.length,
      newTables: new Map([...this.newTables].map(([id, t]) => [id, { ...t }])),
      droppedTables: new Set(this.droppedTables),
      alteredDefs: new Map(this.alteredDefs),
    };
  }

  /** Discards every write buffered since `sp` was taken (the savepoint stays usable). */
  rollbackTo(sp: TransactionSavepoint): void {
    this.checkOpen();
    this.log.truncate(sp.logSize);
    for (const [id, o] of this.own) o.truncate(sp.ownCounts.get(id) ?? 0);
    this.cancelled = new Set(sp.cancelled);
    this.deletes = new Set(sp.deletes);
    this.finalOps.length = Math.min(this.finalOps.length, sp.finalOps);
    // Row ids already handed out stay used: keep each surviving new table's counter.
    const counters = new Map([...this.newTables].map(([id, t]) => [id, t.nextRowId]));
    this.newTables = new Map([...sp.newTables].map(([id, t]) => [id, { def: t.def, nextRowId: counters.get(id) ?? t.nextRowId }]));
    this.droppedTables = new Set(sp.droppedTables);
    this.alteredDefs = new Map(sp.alteredDefs);
  }

  /** Logs all writes (one Commit record, or streamed when spilled); resolves once durable (per synchronousCommit). */
  async commit(opts?: CommitOptions): Promise<CommitResult> {
    this.checkOpen();
    this.state = 'committing';
    try {
      // Nothing written (a read-only statement's implicit transaction): no WAL record, no
      // fsync, and no pass over the empty log.
      if (this.log.size === 0 && this.finalOps.length === 0) return { commitSeq: this.snapshot, lsn: 0 };
      if (this.log.spilled) return await this.host.commitSpilled(this.spilledWrites(), this.snapshot, opts);
      const ops: CommitOp[] = [];
      for (const e of this.log.entries()) if (!this.isCancelled(e.bytes)) ops.push(decodeOp(e.bytes));
      ops.push(...this.finalOps);
      if (ops.length === 0) return { commitSeq: this.snapshot, lsn: 0 };
      return await this.host.commitOps(ops, this.snapshot, opts);
    } finally {
      this.state = 'done';
      this.log.close();
      this.releaseViews();
    }
  }

  rollback(): void {
    if (this.state !== 'open') return;
    this.state = 'done';
    this.log.close();
    this.releaseViews();
  }

  private spilledWrites(): SpilledWrites {
    const log = this.log;
    const deletes = this.deletes;
    const isCancelled = (b: Uint8Array) => this.isCancelled(b);
    return {
      *deletes() {
        for (const key of deletes) {
          const [t, r] = key.split(':');
          yield { tableId: Number(t), rowId: Number(r) };
        }
      },
      async *blocks(maxBytes: number) {
        for await (const entries of log.blocks(maxBytes)) {
          const keep = entries.filter((e) => !isCancelled(e.bytes));
          if (keep.length === 0) continue;
          const out = new Uint8Array(keep.reduce((n, e) => n + e.bytes.byteLength, 0));
          let off = 0;
          for (const e of keep) {
            out.set(e.bytes, off);
            off += e.bytes.byteLength;
          }
          yield { n: keep.length, ops: out };
        }
      },
      finalOps: this.finalOps,
    };
  }

  private isCancelled(op: Uint8Array): boolean {
    return this.cancelled.size > 0 && op[0] === OP_CODE.insert && this.cancelled.has(`${readU32(op, 1)}:${readU32(op, 5)}`);
  }

  private ownOffset(tableId: number, rowId: number): number {
    return this.own.get(tableId)?.find(rowId) ?? -1;
  }

  private releaseViews(): void {
    this.currentView.release();
    for (const v of this.retiredViews) v.release();
    this.retiredViews.length = 0;
  }

  private decodeOwn(op: InsertOp): StoredRow {
    const def = this.tableDef(op.tableId);
    const values = this.codec.decode(op.payload);
    def.vectorColumns.forEach((c, k) => {
      values[c.name] = op.vectors[k] ?? null;
    });
    return { rowId: op.rowId, values };
  }

  private tableDef(tableId: number): StorageTableDef {
    if (this.droppedTables.has(tableId)) throw unknownTable(tableId);
    const fresh = this.newTables.get(tableId);
    if (fresh) return fresh.def;
    return this.alteredDefs.get(tableId) ?? this.host.state.table(tableId).def;
  }

  private checkOpen(): void {
    if (this.state !== 'open') throw storeUnavailable('this transaction has already committed or rolled back');
  }
}

function readU32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function checkVectorColumn(c: VectorColumnDef): void {
  if (!Number.isInteger(c.dim) || c.dim < 1 || c.dim > 16000) {
    throw invalidStorageArgument(`vector column "${c.name}" must have between 1 and 16000 dimensions`);
  }
  if (!/^[A-Za-z0-9_]{1,63}$/.test(c.name)) {
    throw invalidStorageArgument(`vector column name "${c.name}" must be 1-63 letters, digits or underscores`);
  }
}

function toVector(v: unknown, col: VectorColumnDef): Float32Array | null {
  if (v === null || v === undefined) return null;
  const f = v instanceof Float32Array ? v.slice() : Array.isArray(v) ? Float32Array.from(v as number[]) : undefined;
  if (!f) throw invalidStorageArgument(`column "${col.name}" needs a Float32Array or an array of numbers`);
  if (f.length !== col.dim) {
    throw invalidStorageArgument(`expected ${col.dim} dimensions, not ${f.length}`, { column: col.name });
  }
  return f;
}
