// ALTER TABLE column subcommands (tablecmds.c ATExecAddColumn, ATExecDropColumn,
// ATExecColumnDefault, ATExecSetNotNull / DropNotNull, ATExecAlterColumnType,
// renameatt): exact PostgreSQL errors and notices, dependency-aware DROP COLUMN.
import { SQLSTATE, SqlError, syntaxError, undefinedColumn } from '@vecgres/errors';
import type { AlterTableCommand, ColumnDef, Expr } from '@vecgres/sql';
import { notice } from '../model/notice';
import type { ColumnRow, Relation, StoredExpr, TableRelation } from '../model/relations';
import { resolveTypeName } from '../types/resolve-type';
import type { DdlBuilder } from './ddl-builder';
import { createColumnSequence, MAX_COLUMNS, planColumn, storedDefault } from './columns';
import { addCheckConstraint, addForeignKey, addKeyConstraint } from './constraints';
import { deleteObject } from './delete-object';
import { performDeletion, viewsUsing } from './dependencies';
import { rejectColumnRefs, rejectSubqueries, toStored } from './expr-checks';

type Cmd<A extends AlterTableCommand['action']> = Extract<AlterTableCommand, { action: A }>;

function table(b: DdlBuilder, oid: number): TableRelation {
  return b.catalog.table(oid)!;
}

function liveColumn(t: TableRelation, name: string): ColumnRow | undefined {
  return t.columns.find((c) => !c.dropped && c.name === name);
}

/** The column or 42703 `column "c" of relation "t" does not exist`. */
function requireColumn(t: TableRelation, name: string): ColumnRow {
  const col = liveColumn(t, name);
  if (!col) throw undefinedColumn(`column "${name}" of relation "${t.name}" does not exist`);
  return col;
}

function putColumn(b: DdlBuilder, t: TableRelation, col: ColumnRow): void {
  b.put('relations', { ...t, columns: t.columns.map((c) => (c.attnum === col.attnum ? col : c)) });
}

export function addColumn(b: DdlBuilder, tableOid: number, cmd: Cmd<'addColumn'>): void {
  let t = table(b, tableOid);
  const def: ColumnDef = cmd.column;
  if (liveColumn(t, def.name)) {
    if (cmd.ifNotExists) {
      b.notice(notice(SQLSTATE.DUPLICATE_COLUMN, `column "${def.name}" of relation "${t.name}" already exists, skipping`));
      return;
    }
    throw new SqlError(SQLSTATE.DUPLICATE_COLUMN, `column "${def.name}" of relation "${t.name}" already exists`);
  }
  if (t.columns.length >= MAX_COLUMNS) throw new SqlError(SQLSTATE.TOO_MANY_COLUMNS, `tables can have at most ${MAX_COLUMNS} columns`);
  const attnum = t.columns.reduce((m, c) => Math.max(m, c.attnum), 0) + 1;
  const plan = planColumn(b, def, attnum, t.name);
  t = { ...t, columns: [...t.columns, plan.row] };
  b.put('relations', t);
  if (plan.serial !== undefined || plan.identity) t = createColumnSequence(b, t, plan.row, plan.identity?.options).table;
  b.effect({ type: 'addColumn', table: t.oid, attnum });
  if (plan.row.notNull) b.effect({ type: 'validateNotNull', table: t.oid, attnum });
  const taken = new Set<string>();
  for (const c of plan.constraints) {
    if (c.type === 'check') addCheckConstraint(b, t.oid, c, taken, true);
    else if (c.type === 'primaryKey' || c.type === 'unique') addKeyConstraint(b, t.oid, c, def.name);
    else if (c.type === 'foreignKey') addForeignKey(b, t.oid, c, def.name, taken, true);
  }
}

export function dropColumn(b: DdlBuilder, tableOid: number, cmd: Cmd<'dropColumn'>): void {
  const t = table(b, tableOid);
  const col = liveColumn(t, cmd.column);
  if (!col) {
    if (cmd.ifExists) {
      b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `column "${cmd.column}" of relation "${t.name}" does not exist, skipping`));
      return;
    }
    throw undefinedColumn(`column "${cmd.column}" of relation "${t.name}" does not exist`);
  }
  performDeletion(b, [{ kind: 'column', oid: t.oid, attnum: col.attnum }], cmd.behavior === 'cascade', (a) => deleteObject(b, a));
}

export function setDefault(b: DdlBuilder, tableOid: number, column: string, expr: Expr | undefined): void {
  const t = table(b, tableOid);
  const col = requireColumn(t, column);
  if (col.identity && expr) {
    throw syntaxError(`column "${column}" of relation "${t.name}" is an identity column`, undefined, {
      hint: 'Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.',
    });
  }
  if (col.generated) {
    throw syntaxError(`column "${column}" of relation "${t.name}" is a generated column`, undefined, {
      hint: 'Use ALTER TABLE ... ALTER COLUMN ... DROP EXPRESSION instead.',
    });
  }
  if (!expr) {
    const { default: _gone, ...rest } = col;
    putColumn(b, t, rest);
    return;
  }
  rejectSubqueries(expr, 'DEFAULT expression');
  rejectColumnRefs(expr, 'DEFAULT expression');
  putColumn(b, t, { ...col, default: storedDefault(b, expr) });
}

export function setNotNull(b: DdlBuilder, tableOid: number, column: string, notNull: boolean): void {
  const t = table(b, tableOid);
  const col = requireColumn(t, column);
  if (!notNull) {
    const pk = b.catalog.constraintsOf(t.oid).find((c) => c.type === 'p' && c.columns.includes(col.attnum));
    if (pk) throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, `column "${column}" is in a primary key`);
    if (col.identity) throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, `column "${column}" of relation "${t.name}" is an identity column`);
  }
  if (col.notNull === notNull) return;
  putColumn(b, t, { ...col, notNull });
  if (notNull) b.effect({ type: 'validateNotNull', table: t.oid, attnum: col.attnum });
}

export function alterColumnType(b: DdlBuilder, tableOid: number, cmd: Cmd<'alterType'>): void {
  const t = table(b, tableOid);
  const col = requireColumn(t, cmd.column);
  const resolved = resolveTypeName(b.catalog, b.ctx.registry, b.ctx, cmd.type, b.notices);
  if (col.generated && cmd.using) {
    throw syntaxError(`cannot specify USING when altering type of generated column`, undefined, {
      detail: `Column "${cmd.column}" is a generated column.`,
    });
  }
  const view = viewsUsing(b.catalog, t.oid, col.attnum)[0];
  if (view) {
    throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'cannot alter type of a column used by a view or rule', {
      detail: `rule _RETURN on view ${view.name} depends on column "${col.name}"`,
    });
  }
  putColumn(b, t, { ...col, type: resolved.oid, typmod: resolved.typmod, ndims: cmd.type.arrayBounds.length });
  b.effect(cmd.using ? { type: 'alterColumnType', table: t.oid, attnum: col.attnum, using: cmd.using } : { type: 'alterColumnType', table: t.oid, attnum: col.attnum });
  for (const ix of b.catalog.indexesOf(t.oid)) {
    if (ix.keys.some((k) => k.attnum === col.attnum)) b.effect({ type: 'buildIndex', index: ix.oid });
  }
}

/** A copy of `e` with column references to `from` renamed to `to`. */
function renameRefs(e: Expr, from: string, to: string): Expr {
  return JSON.parse(JSON.stringify(e), (_k, v) => {
    if (v && v.kind === 'columnRef' && Array.isArray(v.names) && v.names[v.names.length - 1] === from) {
      return { ...v, names: [...v.names.slice(0, -1), to] };
    }
    return v;
  });
}

function renamedStored(s: StoredExpr, from: string, to: string): StoredExpr {
  const out = toStored(renameRefs(s.expr, from, to));
  if (s.refs) out.refs = s.refs;
  return out;
}

export function renameColumn(b: DdlBuilder, tableOid: number, from: string, to: string): void {
  const t = table(b, tableOid);
  const col = liveColumn(t, from);
  if (!col) throw undefinedColumn(`column "${from}" does not exist`);
  if (liveColumn(t, to)) throw new SqlError(SQLSTATE.DUPLICATE_COLUMN, `column "${to}" of relation "${t.name}" already exists`);
  // Stored expressions hold column names (PostgreSQL stores attnums); rename them with it.
  const columns = t.columns.map((c) => {
    const next = c.attnum === col.attnum ? { ...c, name: to } : c;
    return next.generated && next.default ? { ...next, default: renamedStored(next.default, from, to) } : next;
  });
  b.put('relations', { ...t, columns });
  for (const c of b.catalog.constraintsOf(t.oid)) {
    if (c.check) b.put('constraints', { ...c, check: renamedStored(c.check, from, to) });
  }
  for (const ix of b.catalog.indexesOf(t.oid)) {
    const next: Relation = {
      ...ix,
      keys: ix.keys.map((k) => (k.expr ? { ...k, expr: renamedStored(k.expr, from, to) } : k)),
      ...(ix.predicate ? { predicate: renamedStored(ix.predicate, from, to) } : {}),
    };
    b.put('relations', next);
  }
}
