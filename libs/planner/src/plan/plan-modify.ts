// INSERT / UPDATE / DELETE -> plans whose root is the modify node. Values are coerced to the
// column types with assignment casts (42804 otherwise), missing columns take their DEFAULT
// (or NULL), RETURNING is bound over the affected row (new row, or the old one for DELETE).
import { SQLSTATE, SqlError, notSupported, undefinedColumn } from '@vecgres/errors';
import type { DeleteStmt, Expr, InsertStmt, SelectTarget, UpdateStmt } from '@vecgres/sql';
import type { TableRelation } from '../catalog-api';
import { at, type BindContext } from '../bind/bind-context';
import { bindCondition, bindExpr, type ExprEnv } from '../bind/bind-expr';
import { coerceForAssignment } from '../bind/coerce';
import { Scope } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import { figureColname } from './column-names';
import { planFromTree } from './plan-joins';
import type { QueryPlanner } from './plan-query';
import { requireTable, tableColumns } from './plan-from';
import type { QueryColumn } from './plan-select';
import type { ModifyTarget } from './physical-modify';
import { fromColumns, planModifySource, setItemValue } from './plan-modify-from';
import type { PhysicalNode } from './physical-node';
import type { ScanColumn } from './physical-scan';
import type { PhysicalInsert } from './physical-insert';
import { planOnConflict } from './plan-on-conflict';
import { checkIdentityAlways, identityDefault } from './plan-identity';

export interface PlannedModify { node: PhysicalNode; columns: QueryColumn[] }

function targetScope(rel: TableRelation, columns: ScanColumn[], alias: string | undefined, location: number): Scope {
  const scope = new Scope();
  scope.add({
    alias: alias ?? rel.name,
    tableName: rel.name,
    tableOid: rel.oid,
    columns: columns.map((c) => ({ name: c.name, type: c.type, tableOid: rel.oid, attnum: c.attnum })),
  }, location);
  return scope;
}

function bindReturning(env: ExprEnv, targets: SelectTarget[]): { exprs: BoundExpr[]; columns: QueryColumn[] } {
  const exprs: BoundExpr[] = [];
  const columns: QueryColumn[] = [];
  for (const t of targets) {
    if (t.expr.kind === 'columnRef' && t.expr.star) {
      const table = t.expr.names.length > 0 ? t.expr.names[t.expr.names.length - 1] : undefined;
      for (const c of env.scope.star(table, t.expr.location)) {
        exprs.push({ kind: 'column', index: c.index, type: c.column.type, name: c.column.name, table: c.item.alias });
        columns.push({ name: c.column.name, type: c.column.type, tableOid: c.column.tableOid, attnum: c.column.attnum });
      }
      continue;
    }
    const e = bindExpr(env, t.expr);
    const src = e.kind === 'column' ? env.scope.columnAt(e.index)?.column : undefined;
    exprs.push(e);
    columns.push({ name: t.alias ?? figureColname(t.expr), type: e.type, tableOid: src?.tableOid ?? 0, attnum: src?.attnum ?? 0 });
  }
  return { exprs, columns };
}

/** The column's DEFAULT bound and coerced, or a typed NULL. */
function defaultValue(ctx: BindContext, rel: TableRelation, col: ScanColumn, host: QueryPlanner): BoundExpr {
  const row = rel.columns.find((c) => c.attnum === col.attnum);
  const identity = identityDefault(ctx, rel, col, host);
  if (identity) return identity;
  if (row?.default && row.generated !== 's') {
    const env: ExprEnv = { ctx, scope: new Scope(), clause: 'DEFAULT expressions', subqueries: host };
    return coerceForAssignment(ctx, bindExpr(env, row.default.expr), col.type, col.name, -1);
  }
  return { kind: 'const', type: col.type, value: null, location: -1 };
}

function modifyTarget(rel: TableRelation, columns: ScanColumn[], returning: BoundExpr[]): ModifyTarget {
  const notNull = rel.columns.filter((c) => !c.dropped && c.notNull).map((c) => c.attnum);
  return { table: rel.oid, tableName: rel.name, columns, notNull, returning };
}

function findColumn(rel: TableRelation, columns: ScanColumn[], name: string, location: number): number {
  const i = columns.findIndex((c) => c.name === name);
  if (i < 0) throw undefinedColumn(`column "${name}" of relation "${rel.name}" does not exist`, at(location));
  return i;
}

export function planInsert(ctx: BindContext, stmt: InsertStmt, host: QueryPlanner): PlannedModify {
  if (stmt.with) return host.withClause(stmt.with, undefined, () => planInsert(ctx, { ...stmt, with: undefined }, host));
  const rel = requireTable(ctx, stmt.target, 'insert into');
  const columns = tableColumns(rel);
  const env: ExprEnv = { ctx, scope: new Scope(), clause: 'VALUES', subqueries: host };
  // Target column positions (in `columns`) in the order the statement lists them.
  const listed = stmt.columns.length > 0
    ? stmt.columns.map((c) => {
        if (c.indirection) throw notSupported('assignment to subscripts or fields is not supported yet', at(c.location));
        return findColumn(rel, columns, c.name, c.location);
      })
    : columns.map((_, i) => i);
  listed.forEach((p, k) => {
    if (listed.indexOf(p) !== k) {
      throw new SqlError(SQLSTATE.DUPLICATE_COLUMN, `column "${columns[p].name}" specified more than once`, at(stmt.columns[k].location));
    }
  });
  checkIdentityAlways(rel, columns, listed, stmt);
  const arity = (n: number, firstExtra: () => number) => {
    if (n > listed.length) throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'INSERT has more expressions than target columns', at(firstExtra()));
    if (n < listed.length && stmt.columns.length > 0) {
      throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'INSERT has more target columns than expressions', at(stmt.columns[n].location));
    }
  };
  const fullRow = (values: Map<number, BoundExpr>): BoundExpr[] =>
    columns.map((c, i) => values.get(i) ?? defaultValue(ctx, rel, c, host));

  let input: PhysicalNode;
  const src = stmt.source;
  if (!src) {
    input = { kind: 'values', rows: [fullRow(new Map())], width: columns.length };
  } else if (src.kind === 'values' && src.orderBy.length === 0 && !src.limit && !src.offset && !src.with) {
    const rows = src.rows.map((r) => {
      arity(r.length, () => r[listed.length].location);
      const values = new Map<number, BoundExpr>();
      r.forEach((e: Expr, k) => {
        const col = columns[listed[k]];
        values.set(listed[k], e.kind === 'default'
          ? defaultValue(ctx, rel, col, host)
          : coerceForAssignment(ctx, bindExpr(env, e), col.type, col.name, e.location));
      });
      return fullRow(values);
    });
    input = { kind: 'values', rows, width: columns.length };
  } else {
    const sub = host.planQuery(src, undefined);
    arity(sub.columns.length, () => src.location);
    const values = new Map<number, BoundExpr>();
    sub.columns.forEach((c, k) => {
      const col = columns[listed[k]];
      const ref: BoundExpr = { kind: 'column', index: k, type: c.type, name: c.name };
      values.set(listed[k], coerceForAssignment(ctx, ref, col.type, col.name, src.location));
    });
    input = { kind: 'project', input: sub.node, exprs: fullRow(values) };
  }
  const retEnv: ExprEnv = { ctx, scope: targetScope(rel, columns, stmt.target.alias, stmt.location), clause: 'RETURNING', subqueries: host };
  const ret = bindReturning(retEnv, stmt.returning);
  const node: PhysicalInsert = { kind: 'insert', input, ...modifyTarget(rel, columns, ret.exprs) };
  if (stmt.onConflict) node.onConflict = planOnConflict(ctx, rel, columns, stmt.target.alias, stmt.onConflict, host);
  return { node, columns: ret.columns };
}

export function planUpdate(ctx: BindContext, stmt: UpdateStmt, host: QueryPlanner): PlannedModify {
  if (stmt.with) return host.withClause(stmt.with, undefined, () => planUpdate(ctx, { ...stmt, with: undefined }, host));
  const rel = requireTable(ctx, stmt.target, 'update');
  const columns = tableColumns(rel);
  const { scope, tree } = planModifySource(ctx, host, rel, columns, stmt.target.alias, stmt.from, stmt.location);
  const env: ExprEnv = { ctx, scope, clause: 'UPDATE', subqueries: host };
  const where = stmt.where ? bindCondition({ ...env, clause: 'WHERE' }, stmt.where, 'WHERE') : undefined;
  const values = new Map<number, BoundExpr>();
  for (const s of stmt.set) {
    if (s.indirection) throw notSupported('this form of UPDATE SET is not supported yet', at(s.location));
    const i = findColumn(rel, columns, s.column, s.location);
    if (values.has(i)) throw new SqlError(SQLSTATE.SYNTAX_ERROR, `multiple assignments to same column "${s.column}"`, at(s.location));
    const col = columns[i];
    const value = setItemValue(s);
    values.set(i, value.kind === 'default'
      ? defaultValue(ctx, rel, col, host)
      : coerceForAssignment(ctx, bindExpr({ ...env, clause: 'UPDATE' }, value), col.type, col.name, value.location));
  }
  const scan = planFromTree(tree, where);
  const exprs: BoundExpr[] = columns.map((c, i) => values.get(i) ?? { kind: 'column', index: i, type: c.type, name: c.name });
  exprs.push({ kind: 'column', index: columns.length, type: { oid: 20, typmod: -1 }, name: 'ctid' });
  // FROM columns ride along for RETURNING (which sees the new target values at 0..n-1).
  exprs.push(...fromColumns(scope));
  const ret = bindReturning({ ...env, clause: 'RETURNING' }, stmt.returning);
  const input: PhysicalNode = { kind: 'project', input: scan, exprs };
  return { node: { kind: 'update', input, rowIdIndex: columns.length, ...modifyTarget(rel, columns, ret.exprs) }, columns: ret.columns };
}

export function planDelete(ctx: BindContext, stmt: DeleteStmt, host: QueryPlanner): PlannedModify {
  if (stmt.with) return host.withClause(stmt.with, undefined, () => planDelete(ctx, { ...stmt, with: undefined }, host));
  const rel = requireTable(ctx, stmt.target, 'delete from');
  const columns = tableColumns(rel);
  const { scope, tree } = planModifySource(ctx, host, rel, columns, stmt.target.alias, stmt.using, stmt.location);
  const env: ExprEnv = { ctx, scope, clause: 'WHERE', subqueries: host };
  const where = stmt.where ? bindCondition(env, stmt.where, 'WHERE') : undefined;
  const input = planFromTree(tree, where);
  const ret = bindReturning({ ...env, clause: 'RETURNING' }, stmt.returning);
  return { node: { kind: 'delete', input, rowIdIndex: columns.length, ...modifyTarget(rel, columns, ret.exprs) }, columns: ret.columns };
}
