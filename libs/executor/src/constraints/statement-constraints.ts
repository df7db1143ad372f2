// All constraint work of one data-modifying statement. Rows are written through here:
//
//   insertRow / updateRow ─▶ NOT NULL, CHECK ─▶ write ─▶ unique keys (immediate, per row)
//   deleteRow ─▶ write                                   │
//        └──────────── foreign-key events queued ────────┘
//   finish() ─▶ events in order (PostgreSQL's RI triggers are AFTER ROW triggers fired at the
//               end of the statement): child rows must find their parent key; a parent key that
//               went away is NO ACTION (fails unless the key exists again), RESTRICT (fails),
//               CASCADE / SET NULL / SET DEFAULT (writes to the child, which queue more events).
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { ConstrainedTable, ConstraintSet, ForeignKeySpec, ModifyTarget } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { describeKey, keyString, positionsOf } from './key-codec';
import type { KeyLookup } from './key-index';
import { TableChecks, keyLookupOf, rowById } from './row-checks';

type FkEvent =
  | { kind: 'child'; fk: ForeignKeySpec; row: Row }
  | { kind: 'parent'; fk: ForeignKeySpec; old: Row; row?: Row };

/** A cascade chain longer than this is a cycle of cascading updates. */
const MAX_EVENTS = 10_000_000;

const INT_WIDTHS: Record<number, 'number' | 'bigint'> = { 21: 'number', 23: 'number', 20: 'bigint' };

/** A parent key value stored into a child column of another integer width. */
function asColumnValue(v: unknown, oid: number): unknown {
  const want = INT_WIDTHS[oid];
  if (want === 'number' && typeof v === 'bigint') return Number(v);
  if (want === 'bigint' && typeof v === 'number') return BigInt(v);
  return v;
}

export class StatementConstraints {
  private readonly lookup: KeyLookup;
  private readonly checks = new Map<number, TableChecks>();
  private readonly events: FkEvent[] = [];

  constructor(private readonly ctx: ExecContext, private readonly set: ConstraintSet | undefined, private readonly target: ModifyTarget) {
    this.lookup = keyLookupOf(ctx);
  }

  /** The target's constraints (a plan without a ConstraintSet enforces NOT NULL only). */
  table(oid: number): TableChecks {
    let c = this.checks.get(oid);
    if (!c) {
      const t: ConstrainedTable | undefined = this.set?.tables[oid];
      c = new TableChecks(this.ctx, t ?? {
        table: this.target.table, tableName: this.target.tableName, columns: this.target.columns,
        notNull: this.target.notNull, unique: [], checks: [], fkOut: [], fkIn: [],
      }, this.lookup);
      this.checks.set(oid, c);
    }
    return c;
  }

  async insertRow(table: number, row: Row): Promise<number | undefined> {
    const c = this.table(table);
    await c.checkRow(row);
    const id = this.ctx.tables.insert(table, c.t.columns, row) ?? undefined;
    c.checkUnique(row, id);
    for (const fk of c.t.fkOut) this.events.push({ kind: 'child', fk, row });
    return id;
  }

  /** `old` is needed only when foreign keys are involved (fetched when not given). */
  async updateRow(table: number, rowId: number, row: Row, old?: Row | null): Promise<number | undefined> {
    const c = this.table(table);
    await c.checkRow(row);
    if (old === undefined && (c.t.fkIn.length > 0 || c.t.fkOut.length > 0)) old = rowById(this.ctx, table, rowId, c.t.columns);
    const id = this.ctx.tables.update(table, rowId, c.t.columns, row) ?? undefined;
    c.checkUnique(row, id);
    for (const fk of c.t.fkOut) {
      // RI_FKey_fk_upd_check_required: an unchanged key needs no check.
      if (old && this.sameKey(c.t, fk.childAttnums, old, row)) continue;
      this.events.push({ kind: 'child', fk, row });
    }
    if (old) for (const fk of c.t.fkIn) this.events.push({ kind: 'parent', fk, old, row });
    return id;
  }

  deleteRow(table: number, rowId: number, old: Row): void {
    this.ctx.tables.delete(table, rowId);
    const c = this.table(table);
    for (const fk of c.t.fkIn) this.events.push({ kind: 'parent', fk, old });
  }

  /** Queues the parent lookup of an existing child row (ALTER TABLE ADD FOREIGN KEY). */
  queueChildCheck(fk: ForeignKeySpec, row: Row): void {
    this.events.push({ kind: 'child', fk, row });
  }

  /** Whether DELETE must read the old rows (only for referenced tables). */
  needsOldRows(table: number): boolean {
    return this.table(table).t.fkIn.length > 0;
  }

  private sameKey(t: ConstrainedTable, attnums: number[], a: Row, b: Row): boolean {
    const pos = positionsOf(t.columns, attnums);
    const types = pos.map((p) => t.columns[p].type);
    return keyString(pos.map((p) => a[p]), types, true) === keyString(pos.map((p) => b[p]), types, true);
  }

  /** Runs the queued foreign-key events (end of statement). */
  async finish(): Promise<void> {
    for (let i = 0; i < this.events.length; i++) {
      if (i > MAX_EVENTS) throw new SqlError(SQLSTATE.PROGRAM_LIMIT_EXCEEDED, 'foreign key cascade does not terminate');
      const e = this.events[i];
      if (e.kind === 'child') this.checkChild(e.fk, e.row);
      else await this.parentChanged(e.fk, e.old, e.row);
    }
    this.events.length = 0;
  }

  private checkChild(fk: ForeignKeySpec, row: Row): void {
    const child = this.table(fk.child).t;
    const parent = this.table(fk.parent).t;
    const pos = positionsOf(child.columns, fk.childAttnums);
    const values = pos.map((p) => row[p]);
    const nulls = values.filter((v) => v === null || v === undefined).length;
    if (nulls > 0) {
      if (fk.match === 'f' && nulls < values.length) {
        throw new SqlError(SQLSTATE.FOREIGN_KEY_VIOLATION, `insert or update on table "${child.tableName}" violates foreign key constraint "${fk.name}"`,
          { detail: 'MATCH FULL does not allow mixing of null and nonnull key values.', table: child.tableName, constraint: fk.name });
      }
      return;
    }
    const types = pos.map((p) => child.columns[p].type);
    const parentCols = positionsOf(parent.columns, fk.parentAttnums).map((p) => parent.columns[p]);
    const m = this.lookup.find(fk.parent, parentCols, keyString(values, types, true)!);
    if (m.rowIds.length > 0 || m.concurrent) return;
    const names = pos.map((p) => child.columns[p].name);
    throw new SqlError(SQLSTATE.FOREIGN_KEY_VIOLATION, `insert or update on table "${child.tableName}" violates foreign key constraint "${fk.name}"`, {
      detail: `Key ${describeKey(this.ctx.codecs, names, values, types)} is not present in table "${parent.tableName}".`,
      table: child.tableName, constraint: fk.name,
    });
  }

  private async parentChanged(fk: ForeignKeySpec, old: Row, row: Row | undefined): Promise<void> {
    const parent = this.table(fk.parent).t;
    const child = this.table(fk.child).t;
    const ppos = positionsOf(parent.columns, fk.parentAttnums);
    const oldValues = ppos.map((p) => old[p]);
    if (oldValues.some((v) => v === null || v === undefined)) return;
    if (row && this.sameKey(parent, fk.parentAttnums, old, row)) return;
    const types = ppos.map((p) => parent.columns[p].type);
    const key = keyString(oldValues, types, true)!;
    const action = row ? fk.onUpdate : fk.onDelete;
    if (action === 'a' && this.lookup.find(fk.parent, ppos.map((p) => parent.columns[p]), key).rowIds.length > 0) return;
    const cpos = positionsOf(child.columns, fk.childAttnums);
    const refs = this.lookup.find(fk.child, cpos.map((p) => child.columns[p]), key).rowIds;
    if (refs.length === 0) return;
    if (action === 'a' || action === 'r') {
      const names = ppos.map((p) => parent.columns[p].name);
      throw new SqlError(SQLSTATE.FOREIGN_KEY_VIOLATION,
        `update or delete on table "${parent.tableName}" violates foreign key constraint "${fk.name}" on table "${child.tableName}"`, {
          detail: `Key ${describeKey(this.ctx.codecs, names, oldValues, types)} is still referenced from table "${child.tableName}".`,
          table: child.tableName, constraint: fk.name,
        });
    }
    const defaults = action === 'd' ? fk.childDefaults.map((e) => compileExpr(this.ctx, e).fn([])) : [];
    for (const rowId of refs) {
      const cur = rowById(this.ctx, fk.child, rowId, child.columns);
      if (!cur) continue;
      if (action === 'c' && !row) {
        this.deleteRow(fk.child, rowId, cur);
        continue;
      }
      const next = [...cur];
      cpos.forEach((p, k) => {
        const colType = child.columns[p].type.oid;
        next[p] = action === 'c' ? asColumnValue(row![ppos[k]], colType) : action === 'n' ? null : asColumnValue(defaults[k], colType);
      });
      await this.updateRow(fk.child, rowId, next, cur);
    }
  }
}
