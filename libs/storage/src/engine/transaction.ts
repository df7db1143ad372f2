// A write transaction: reads at its snapshot (plus its own writes), buffers inserts, updates,
// deletes and DDL in memory, and logs them as ONE WAL commit record at commit(). Nothing is
// visible to others, or survives a crash, before that record is durable.
import { invalidStorageArgument, storeUnavailable, unknownTable } from '../errors';
import type { RowCodec } from '../row/row-codec';
import { type RowInput, type StorageTableDef, type StoredRow, type VectorColumnDef } from '../table/table-def';
import type { CommitOp } from './commit-record';
import type { EngineState } from './engine-state';
import type { ReadView } from './read-view';

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

export interface TransactionHost {
  readonly state: EngineState;
  commitOps(ops: CommitOp[], snapshot: number, opts?: CommitOptions): Promise<CommitResult>;
}

type InsertOp = Extract<CommitOp, { kind: 'insert' }>;

/**
 * The buffered state at a savepoint (copies: later writes mutate the live ones). Row ids and
 * table ids handed out after it are not reused after a rollback to it (they are never reused).
 */
export interface TransactionSavepoint {
  readonly ops: readonly CommitOp[];
  readonly newTables: ReadonlyMap<number, { def: StorageTableDef; nextRowId: number }>;
  readonly droppedTables: ReadonlySet<number>;
  readonly inserts: ReadonlyMap<string, InsertOp>;
  readonly deletes: ReadonlySet<string>;
}

export class Transaction {
  private ops: CommitOp[] = [];
  private newTables = new Map<number, { def: StorageTableDef; nextRowId: number }>();
  private droppedTables = new Set<number>();
  /** Own inserts by "table:row" (removed again if this transaction deletes them). */
  private inserts = new Map<string, InsertOp>();
  private deletes = new Set<string>();
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
  }

  /** The view reads go through (replaced by refreshSnapshot). */
  get view(): ReadView {
    return this.currentView;
  }

  get snapshot(): number {
    return this.view.snapshot;
  }

  private get codec(): RowCodec {
    return this.host.state.codec;
  }

  createTable(spec: { name: string; vectorColumns?: VectorColumnDef[] }): number {
    this.checkOpen();
    const vectorColumns = spec.vectorColumns ?? [];
    for (const c of vectorColumns) {
      if (!Number.isInteger(c.dim) || c.dim < 1 || c.dim > 16000) {
        throw invalidStorageArgument(`vector column "${c.name}" must have between 1 and 16000 dimensions`);
      }
      if (!/^[A-Za-z0-9_]{1,63}$/.test(c.name)) {
        throw invalidStorageArgument(`vector column name "${c.name}" must be 1-63 letters, digits or underscores`);
      }
    }
    const id = this.host.state.nextTableId++;
    const def: StorageTableDef = { id, name: spec.name, vectorColumns: vectorColumns.map((c) => ({ ...c })) };
    this.newTables.set(id, { def, nextRowId: 1 });
    this.ops.push({ kind: 'createTable', def });
    return id;
  }

  dropTable(tableId: number): void {
    this.checkOpen();
    this.tableDef(tableId);
    this.droppedTables.add(tableId);
    this.ops.push({ kind: 'dropTable', tableId });
  }

  /** Replaces the catalog blob atomically with this transaction's other writes. */
  setCatalog(catalog: unknown): void {
    this.checkOpen();
    this.ops.push({ kind: 'catalog', json: JSON.stringify(catalog ?? null) });
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
    const op: InsertOp = { kind: 'insert', tableId, rowId, payload: this.codec.encode(payloadValues), vectors };
    this.ops.push(op);
    this.inserts.set(`${tableId}:${rowId}`, op);
    return rowId;
  }

  /** Deletes a row version visible to this transaction (or one it inserted). */
  delete(tableId: number, rowId: number): void {
    this.checkOpen();
    this.tableDef(tableId);
    const key = `${tableId}:${rowId}`;
    const own = this.inserts.get(key);
    if (own) {
      this.ops = this.ops.filter((o) => o !== own);
      this.inserts.delete(key);
      return;
    }
    if (this.deletes.has(key) || !this.view.hasTable(tableId) || !this.view.table(tableId).get(rowId)) {
      throw invalidStorageArgument(`row ${rowId} of table ${tableId} is not visible to this transaction`);
    }
    this.deletes.add(key);
    this.ops.push({ kind: 'delete', tableId, rowId });
  }

  /** Deletes the old version and inserts the new one; returns the new version's row id. */
  update(tableId: number, rowId: number, row: RowInput): number {
    this.delete(tableId, rowId);
    return this.insert(tableId, row);
  }

  /** A row as this transaction sees it (its snapshot plus its own writes). */
  get(tableId: number, rowId: number): StoredRow | null {
    const key = `${tableId}:${rowId}`;
    const own = this.inserts.get(key);
    if (own) return this.decodeOwn(own);
    if (this.deletes.has(key) || this.droppedTables.has(tableId) || !this.view.hasTable(tableId)) return null;
    return this.view.table(tableId).get(rowId);
  }

  /** Rows of a table as this transaction sees them. */
  *rows(tableId: number): Generator<StoredRow> {
    this.tableDef(tableId);
    if (this.view.hasTable(tableId)) {
      for (const r of this.view.table(tableId).rows()) if (!this.deletes.has(`${tableId}:${r.rowId}`)) yield r;
    }
    for (const op of this.inserts.values()) if (op.tableId === tableId) yield this.decodeOwn(op);
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
      ops: [...this.ops],
      newTables: new Map([...this.newTables].map(([id, t]) => [id, { ...t }])),
      droppedTables: new Set(this.droppedTables),
      inserts: new Map(this.inserts),
      deletes: new Set(this.deletes),
    };
  }

  /** Discards every write buffered since `sp` was taken (the savepoint stays usable). */
  rollbackTo(sp: TransactionSavepoint): void {
    this.checkOpen();
    this.ops = [...sp.ops];
    // Row ids already handed out stay used: keep each surviving new table's counter.
    const counters = new Map([...this.newTables].map(([id, t]) => [id, t.nextRowId]));
    this.newTables = new Map([...sp.newTables].map(([id, t]) => [id, { def: t.def, nextRowId: counters.get(id) ?? t.nextRowId }]));
    this.droppedTables = new Set(sp.droppedTables);
    this.inserts = new Map(sp.inserts);
    this.deletes = new Set(sp.deletes);
  }

  get pendingOps(): number {
    return this.ops.length;
  }

  /** Logs all writes as one commit record; resolves once durable (per synchronousCommit). */
  async commit(opts?: CommitOptions): Promise<CommitResult> {
    this.checkOpen();
    this.state = 'committing';
    try {
      if (this.ops.length === 0) return { commitSeq: this.snapshot, lsn: 0 };
      return await this.host.commitOps(this.ops, this.snapshot, opts);
    } finally {
      this.state = 'done';
      this.releaseViews();
    }
  }

  rollback(): void {
    if (this.state !== 'open') return;
    this.state = 'done';
    this.ops = [];
    this.releaseViews();
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
      values[c.name] = op.vectors[k] ? (op.vectors[k] as Float32Array).slice() : null;
    });
    return { rowId: op.rowId, values };
  }

  private tableDef(tableId: number): StorageTableDef {
    if (this.droppedTables.has(tableId)) throw unknownTable(tableId);
    const fresh = this.newTables.get(tableId);
    if (fresh) return fresh.def;
    return this.host.state.table(tableId).def;
  }

  private checkOpen(): void {
    if (this.state !== 'open') throw storeUnavailable('this transaction has already committed or rolled back');
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
