// The constraints a data-modifying statement must enforce, as plain data for the executor:
// for the target table and every table linked to it through foreign keys (a delete may cascade
// into a child, a SET DEFAULT must find its new parent), the unique keys (PRIMARY KEY, UNIQUE,
// CREATE UNIQUE INDEX), CHECK expressions bound over the table's row, and foreign keys in both
// directions. PostgreSQL's order of checks is kept by the lists' order: CHECKs by name (its
// relcache sorts them so), unique indexes by OID (RelationGetIndexList order).
import type { Expr } from '@vecgres/sql';
import type { TableRelation } from '../catalog-api';
import { BindContext, type BindOptions } from '../bind/bind-context';
import { bindCondition, bindExpr, type ExprEnv } from '../bind/bind-expr';
import type { SubqueryPlanner } from '../bind/bind-subquery';
import { coerceForAssignment } from '../bind/coerce';
import { Scope } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import { tableColumns } from './plan-from';
import type { ScanColumn } from './physical-scan';
import type { PhysicalNode } from './physical-node';
import { QueryPlanner } from './plan-query';
import { identityDefault } from './plan-identity';

export interface UniqueKeySpec {
  /** pg_class OID of the unique index. */
  index: number;
  /** The name errors print: the constraint's (= its index's) or the index's. */
  name: string;
  attnums: number[];
  /** NULLS NOT DISTINCT: NULL keys conflict too. */
  nullsNotDistinct: boolean;
  /** Backs a constraint (ON CONFLICT ON CONSTRAINT finds it by this name). */
  constraint?: string;
  /**
   * Expression keys (attnum 0 in `attnums`): the expression bound over the table's row per key
   * position (null for plain columns) and the text DETAILs print for it (`lower(email)`).
   */
  exprs?: Array<BoundExpr | null>;
  exprTexts?: Array<string | null>;
}

/** A CHECK constraint; `expr` is bound over the table's full row (ConstrainedTable.columns). */
export interface CheckSpec { name: string; expr: BoundExpr }

/** contype f action: a no action, r restrict, c cascade, n set null, d set default. */
export type FkAction = 'a' | 'r' | 'c' | 'n' | 'd';

export interface ForeignKeySpec {
  name: string;
  /** Referencing table and its constrained attnums (i-th references refAttnums[i]). */
  child: number;
  childAttnums: number[];
  /** Referenced table and attnums (covered by a unique index there). */
  parent: number;
  parentAttnums: number[];
  onDelete: FkAction;
  onUpdate: FkAction;
  /** MATCH FULL (f) or SIMPLE (s; PARTIAL is not implemented by PostgreSQL either). */
  match: 's' | 'f' | 'p';
  /** SET DEFAULT: the child's default per childAttnums entry (typed NULL without one). */
  childDefaults: BoundExpr[];
}

export interface ConstrainedTable {
  table: number;
  tableName: string;
  /** Live columns in attnum order: the row layout used by everything below. */
  columns: ScanColumn[];
  notNull: number[];
  unique: UniqueKeySpec[];
  checks: CheckSpec[];
  /** Foreign keys of this table (it is the child). */
  fkOut: ForeignKeySpec[];
  /** Foreign keys of other tables (or itself) referencing this one. */
  fkIn: ForeignKeySpec[];
}

/** Every table a write to `target` may have to read or write for its constraints. */
export interface ConstraintSet {
  target: number;
  /** Keyed by table OID (decimal string: the plan is JSON data). */
  tables: Record<string, ConstrainedTable>;
}

function rowScope(rel: TableRelation, columns: ScanColumn[]): Scope {
  const scope = new Scope();
  scope.add({
    alias: rel.name,
    tableName: rel.name,
    tableOid: rel.oid,
    columns: columns.map((c) => ({ name: c.name, type: c.type, tableOid: rel.oid, attnum: c.attnum })),
  }, -1);
  return scope;
}

/** A column's DEFAULT bound and coerced, or a typed NULL (identity columns: see plan-identity). */
export function defaultOf(ctx: BindContext, rel: TableRelation, col: ScanColumn, host: SubqueryPlanner): BoundExpr {
  const row = rel.columns.find((c) => c.attnum === col.attnum);
  if (row?.default && row.generated !== 's') {
    const env: ExprEnv = { ctx, scope: new Scope(), clause: 'DEFAULT expressions', subqueries: host };
    return coerceForAssignment(ctx, bindExpr(env, row.default.expr), col.type, col.name, -1);
  }
  return { kind: 'const', type: col.type, value: null, location: -1 };
}

function constrainedTable(ctx: BindContext, rel: TableRelation, host: SubqueryPlanner): ConstrainedTable {
  const catalog = ctx.catalog;
  const columns = tableColumns(rel);
  const constraints = catalog.constraintsOf(rel.oid);
  const unique: UniqueKeySpec[] = catalog.indexesOf(rel.oid)
    .filter((ix) => ix.unique && !ix.predicate && ix.keys.every((k) => k.attnum > 0 || k.expr))
    .sort((a, b) => a.oid - b.oid)
    .map((ix) => {
      const con = constraints.find((c) => (c.type === 'p' || c.type === 'u') && c.index === ix.oid);
      const spec: UniqueKeySpec = { index: ix.oid, name: con?.name ?? ix.name, attnums: ix.keys.map((k) => k.attnum), nullsNotDistinct: ix.nullsNotDistinct };
      if (con) spec.constraint = con.name;
      if (ix.keys.some((k) => k.attnum === 0)) {
        const ixEnv: ExprEnv = { ctx, scope: rowScope(rel, columns), clause: 'index expressions', subqueries: host };
        spec.exprs = ix.keys.map((k) => (k.attnum === 0 && k.expr ? bindExpr(ixEnv, k.expr.expr) : null));
        spec.exprTexts = ix.keys.map((k) => (k.attnum === 0 && k.expr ? k.expr.text : null));
      }
      return spec;
    });
  const env: ExprEnv = { ctx, scope: rowScope(rel, columns), clause: 'check constraints', subqueries: host };
  const checks = constraints
    .filter((c) => c.type === 'c' && c.check)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => ({ name: c.name, expr: bindCondition(env, c.check!.expr, 'CHECK') }));
  const fkOf = (c: (typeof constraints)[number], child: TableRelation): ForeignKeySpec => {
    const childCols = tableColumns(child);
    return {
      name: c.name,
      child: c.table,
      childAttnums: c.columns,
      parent: c.fk!.refTable,
      parentAttnums: c.fk!.refColumns,
      onDelete: c.fk!.onDelete,
      onUpdate: c.fk!.onUpdate,
      match: c.fk!.match,
      childDefaults: c.columns.map((a) => {
        const col = childCols.find((x) => x.attnum === a);
        return col ? defaultOf(ctx, child, col, host) : { kind: 'const', type: { oid: 25, typmod: -1 }, value: null, location: -1 };
      }),
    };
  };
  const fkOut = constraints.filter((c) => c.type === 'f' && c.fk).map((c) => fkOf(c, rel));
  const fkIn = catalog.foreignKeysReferencing(rel.oid).filter((c) => c.fk).flatMap((c) => {
    const child = catalog.table(c.table);
    return child ? [fkOf(c, child)] : [];
  });
  const notNull = rel.columns.filter((c) => !c.dropped && c.notNull).map((c) => c.attnum);
  return { table: rel.oid, tableName: rel.name, columns, notNull, unique, checks, fkOut, fkIn };
}

/** The target and every table reachable from it through foreign keys (either direction). */
export function planConstraintSet(ctx: BindContext, target: number, host: SubqueryPlanner): ConstraintSet {
  const tables: Record<string, ConstrainedTable> = {};
  const queue = [target];
  while (queue.length > 0) {
    const oid = queue.shift()!;
    if (tables[oid]) continue;
    const rel = ctx.catalog.table(oid);
    if (!rel) continue;
    const t = constrainedTable(ctx, rel, host);
    tables[oid] = t;
    for (const fk of [...t.fkOut, ...t.fkIn]) queue.push(fk.parent, fk.child);
  }
  return { target, tables };
}

/**
 * The constraints of one table outside a DML statement (ALTER TABLE validation, index builds):
 * its ConstraintSet plus the subplans its expressions reference.
 */
export function planTableConstraints(opts: BindOptions, table: number): { constraints: ConstraintSet; subplans: PhysicalNode[] } {
  const ctx = new BindContext(opts);
  const constraints = planConstraintSet(ctx, table, new QueryPlanner(ctx));
  return { constraints, subplans: ctx.subplans };
}

/** A column's DEFAULT bound and coerced (typed NULL without one), for ALTER TABLE ADD COLUMN. */
export function planColumnDefault(opts: BindOptions, table: number, attnum: number): BoundExpr | undefined {
  const ctx = new BindContext(opts);
  const rel = ctx.catalog.table(table);
  const col = rel && tableColumns(rel).find((c) => c.attnum === attnum);
  if (!rel || !col) return undefined;
  const host = new QueryPlanner(ctx);
  return identityDefault(ctx, rel, col, host) ?? defaultOf(ctx, rel, col, host);
}

/**
 * ALTER COLUMN TYPE: the new value of column `attnum`, bound over the table's row as it was
 * before the change (`before`: bind options over the old catalog): the USING expression or the
 * column itself, with an assignment coercion to `type` (PostgreSQL's ATPrepAlterColumnType).
 */
export function planColumnRewrite(
  before: BindOptions, table: number, attnum: number, type: { oid: number; typmod: number }, using?: Expr,
): { columns: ScanColumn[]; expr: BoundExpr } | undefined {
  const ctx = new BindContext(before);
  const rel = ctx.catalog.table(table);
  if (!rel) return undefined;
  const columns = tableColumns(rel);
  const i = columns.findIndex((c) => c.attnum === attnum);
  if (i < 0) return undefined;
  const env: ExprEnv = { ctx, scope: rowScope(rel, columns), clause: 'transform expressions', subqueries: new QueryPlanner(ctx) };
  const source: BoundExpr = using ? bindExpr(env, using) : { kind: 'column', index: i, type: columns[i].type, name: columns[i].name };
  return { columns, expr: coerceForAssignment(ctx, source, type, columns[i].name, using ? using.location : -1) };
}
