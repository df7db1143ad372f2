// CREATE TABLE (tablecmds.c DefineRelation + parse_utilcmd.c transformCreateStmt). The order
// of work is PostgreSQL's, because chosen names depend on it: serial sequences, the table,
// CHECK constraints, then the PRIMARY KEY index, the other UNIQUE indexes in order, and last
// the FOREIGN KEYs.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { Constraint, CreateTableStmt } from '@vecgres/sql';
import { notice } from '../model/notice';
import type { TableRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import type { CatalogState } from '../model/state';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';
import { createColumnSequence, MAX_COLUMNS, planColumn, type ColumnPlan } from './columns';
import { addCheckConstraint, addForeignKey, addKeyConstraint } from './constraints';
import { relationNamespaceForCreate } from './schema';
import { requireRelation } from '../lookup/resolve';

/** Columns of CREATE TABLE ... AS, known only after planning the query (given by the engine). */
export interface AsColumn { name: string; type: Oid; typmod: number }

type KeyConstraint = Extract<Constraint, { type: 'primaryKey' | 'unique' }>;

function sameKey(a: KeyConstraint, b: KeyConstraint): boolean {
  return a.columns.join(',') === b.columns.join(',') && a.include.join(',') === b.include.join(',') &&
    a.deferrable === b.deferrable && a.initiallyDeferred === b.initiallyDeferred && JSON.stringify(a.options) === JSON.stringify(b.options);
}

/**
 * Applies CREATE TABLE. `asColumns` supplies the column list of CREATE TABLE AS (the engine
 * plans the query; the catalog only records the table).
 */
export function createTable(state: CatalogState, stmt: CreateTableStmt, ctx: DdlContext, asColumns?: AsColumn[]): DdlResult {
  const b = new DdlBuilder(state, ctx);
  if (stmt.as && !asColumns) throw notSupported('CREATE TABLE AS needs the query columns from the planner');
  if (stmt.onCommit && !stmt.temporary && stmt.table.schema !== 'pg_temp') {
    throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, 'ON COMMIT can only be used on temporary tables');
  }
  const namespace = relationNamespaceForCreate(b, stmt.table, stmt.temporary);
  const existing = b.catalog.relationByName(namespace, stmt.table.name);
  if (existing) {
    if (stmt.ifNotExists) {
      b.notice(notice(SQLSTATE.DUPLICATE_TABLE, `relation "${stmt.table.name}" already exists, skipping`));
      return b.result();
    }
    throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${stmt.table.name}" already exists`);
  }
  const tableName = stmt.table.name;
  const defs = asColumns
    ? asColumns.map((c, i) => ({ name: stmt.as!.columns[i] ?? c.name, type: c.type, typmod: c.typmod }))
    : undefined;
  const count = defs ? defs.length : stmt.columns.length;
  if (count > MAX_COLUMNS) throw new SqlError(SQLSTATE.TOO_MANY_COLUMNS, `tables can have at most ${MAX_COLUMNS} columns`);

  const plans: ColumnPlan[] = [];
  const names = new Set<string>();
  if (defs) {
    defs.forEach((d, i) => {
      plans.push({ row: { attnum: i + 1, name: d.name, type: d.type, typmod: d.typmod, ndims: 0, notNull: false, identity: '', generated: '', dropped: false }, constraints: [] });
    });
  } else {
    // LIKE copies names, types and NOT NULL only (no INCLUDING options), at its place in the list.
    const addLikes = (position: number) => {
      for (const like of (stmt.likes ?? []).filter((l) => l.position === position)) {
        const src = requireRelation(b.catalog, ctx, like.table);
        if (!('columns' in src)) throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${src.name}" is not a table, view, materialized view, composite type, or foreign table`);
        for (const c of src.columns) {
          if (c.dropped) continue;
          plans.push({ row: { attnum: plans.length + 1, name: c.name, type: c.type, typmod: c.typmod, ndims: c.ndims, notNull: c.notNull, identity: '', generated: '', dropped: false }, constraints: [] });
        }
      }
    };
    stmt.columns.forEach((def, i) => {
      addLikes(i);
      plans.push(planColumn(b, def, plans.length + 1, tableName));
    });
    addLikes(stmt.columns.length);
  }
  for (const p of plans) {
    if (names.has(p.row.name)) throw new SqlError(SQLSTATE.DUPLICATE_COLUMN, `column "${p.row.name}" specified more than once`);
    names.add(p.row.name);
  }
  // Table-level NOT NULL (PostgreSQL 18 grammar: `NOT NULL a`) marks the named columns.
  for (const c of stmt.constraints) {
    if (c.type !== 'notNull') continue;
    for (const n of c.columns) {
      const p = plans.find((x) => x.row.name === n);
      if (!p) throw new SqlError(SQLSTATE.UNDEFINED_COLUMN, `column "${n}" named in key does not exist`);
      p.row.notNull = true;
    }
  }

  let table: TableRelation = {
    oid: b.oid(), name: tableName, namespace,
    persistence: stmt.temporary || stmt.table.schema === 'pg_temp' ? 't' : stmt.unlogged ? 'u' : 'p',
    owner: ctx.user, options: stmt.options.map((o) => `${o.name}=${optionText(o.value)}`), kind: 'r',
    columns: plans.map((p) => p.row),
  };
  b.put('relations', table);
  b.effect({ type: 'createRelation', oid: table.oid, kind: 'r' });

  for (const p of plans) {
    if (p.serial !== undefined || p.identity) {
      table = createColumnSequence(b, table, p.row, p.identity?.options).table;
    }
  }

  // Gather constraints (column-level ones carry their column), in PostgreSQL's order.
  const colConstraints = plans.flatMap((p) => p.constraints.map((c) => ({ c, column: p.row.name })));
  const all = [...colConstraints, ...stmt.constraints.map((c) => ({ c, column: undefined as string | undefined }))];
  const taken = new Set<string>();
  for (const { c } of all) if (c.type === 'check') addCheckConstraint(b, table.oid, c, taken, false);

  const keys: Array<{ c: KeyConstraint; column?: string }> = [];
  const normalized = (k: { c: Constraint; column?: string }) => {
    const c = k.c as KeyConstraint;
    return c.columns.length || k.column === undefined ? c : { ...c, columns: [k.column] };
  };
  const pkeys = all.filter((k) => k.c.type === 'primaryKey');
  if (pkeys.length > 1) {
    const second = pkeys[1].c;
    throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, `multiple primary keys for table "${tableName}" are not allowed`,
      second.location >= 0 ? { position: second.location + 1 } : {});
  }
  for (const k of [...pkeys, ...all.filter((x) => x.c.type === 'unique')]) {
    const c = normalized(k);
    // Identical unnamed UNIQUE specs collapse into one index (transformIndexConstraints).
    const dup = keys.find((x) => sameKey(x.c, c));
    if (dup && c.type === 'unique' && c.name === undefined) continue;
    keys.push({ c });
  }
  for (const { c } of keys) addKeyConstraint(b, table.oid, c);
  for (const { c, column } of all) {
    if (c.type === 'foreignKey') addForeignKey(b, table.oid, c, column, taken, false);
  }
  // A table's rows carry no data yet: index builds and checks are no-ops, but the effects
  // stay so the engine creates the index structures.
  return b.result();
}

function optionText(v: CreateTableStmt['options'][number]['value']): string {
  if (!v) return 'true';
  if (v.type === 'int') return String(v.value);
  if (v.type === 'numeric' || v.type === 'string') return v.value;
  if (v.type === 'bool') return String(v.value);
  return '';
}
