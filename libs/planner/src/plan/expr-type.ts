// The type of an expression over one table's row, for DDL that stores expressions the binder
// has not seen: CREATE INDEX on an expression needs its key type to pick the default operator
// class (lower(email) is text -> text_ops), as PostgreSQL's ComputeIndexAttrs uses exprType.
import type { Expr } from '@vecgres/sql';
import type { TableRelation } from '../catalog-api';
import { BindContext, type BindOptions } from '../bind/bind-context';
import { bindExpr, type ExprEnv } from '../bind/bind-expr';
import { Scope } from '../bind/scope';
import { tableColumns } from './plan-from';
import { QueryPlanner } from './plan-query';

/** The type OID of `expr` bound over `table`'s columns (errors as the binder raises them). */
export function typeOfTableExpr(opts: BindOptions, table: TableRelation, expr: Expr): number {
  const ctx = new BindContext(opts);
  const scope = new Scope();
  scope.add({
    alias: table.name,
    tableName: table.name,
    tableOid: table.oid,
    columns: tableColumns(table).map((c) => ({ name: c.name, type: c.type, tableOid: table.oid, attnum: c.attnum })),
  }, -1);
  const env: ExprEnv = { ctx, scope, clause: 'index expressions', subqueries: new QueryPlanner(ctx) };
  return bindExpr(env, expr).type.oid;
}
