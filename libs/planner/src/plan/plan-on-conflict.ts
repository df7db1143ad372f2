// INSERT ... ON CONFLICT: the arbiter unique indexes (PostgreSQL's infer_arbiter_indexes: a
// column list matches a unique index with exactly that set of key columns; ON CONSTRAINT names
// a unique or primary key constraint of the table) and, for DO UPDATE, the new row and the
// WHERE condition bound over [existing row..., EXCLUDED row...].
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { OnConflict } from '@vecgres/sql';
import type { TableRelation } from '../catalog-api';
import { at, type BindContext } from '../bind/bind-context';
import { bindCondition, bindExpr, type ExprEnv } from '../bind/bind-expr';
import type { SubqueryPlanner } from '../bind/bind-subquery';
import { coerceForAssignment } from '../bind/coerce';
import { Scope } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import type { ScanColumn } from './physical-scan';
import { defaultOf } from './plan-constraints';
import { identityDefault } from './plan-identity';

export interface OnConflictSpec {
  action: 'nothing' | 'update';
  /** Arbiter unique index OIDs; empty: every unique index (DO NOTHING without a target). */
  arbiters: number[];
  /** Their names, for EXPLAIN's `Conflict Arbiter Indexes:`. */
  arbiterNames: string[];
  /** DO UPDATE: the full new row (attnum order) over [existing row..., EXCLUDED row...]. */
  set: BoundExpr[];
  /** DO UPDATE ... WHERE, over the same row. */
  where?: BoundExpr;
}

function arbitersOf(ctx: BindContext, rel: TableRelation, columns: ScanColumn[], oc: OnConflict): number[] {
  const target = oc.target;
  if (!target) {
    if (oc.action === 'update') {
      throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'ON CONFLICT DO UPDATE requires inference specification or constraint name',
        { ...at(oc.location), hint: 'For example, ON CONFLICT (column_name).' });
    }
    return [];
  }
  const indexes = ctx.catalog.indexesOf(rel.oid).filter((ix) => ix.unique);
  if ('constraint' in target) {
    const con = ctx.catalog.constraintsOf(rel.oid).find((c) => c.name === target.constraint);
    if (!con) throw new SqlError(SQLSTATE.UNDEFINED_OBJECT, `constraint "${target.constraint}" for table "${rel.name}" does not exist`);
    if (con.type !== 'p' && con.type !== 'u') {
      throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, 'constraint in ON CONFLICT clause has no associated index');
    }
    return [con.index];
  }
  const attnums = new Set<number>();
  for (const c of target.columns) {
    if (!c.name) return noMatch();
    const col = columns.find((x) => x.name === c.name);
    if (!col) throw new SqlError(SQLSTATE.UNDEFINED_COLUMN, `column "${c.name}" does not exist`, at(oc.location));
    attnums.add(col.attnum);
  }
  const found = indexes.filter((ix) => !ix.predicate && ix.keys.length === attnums.size && ix.keys.every((k) => attnums.has(k.attnum)));
  if (found.length === 0) return noMatch();
  return found.map((ix) => ix.oid).sort((a, b) => a - b);
}

function noMatch(): never {
  throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, 'there is no unique or exclusion constraint matching the ON CONFLICT specification');
}

export function planOnConflict(
  ctx: BindContext, rel: TableRelation, columns: ScanColumn[], alias: string | undefined, oc: OnConflict, host: SubqueryPlanner,
): OnConflictSpec {
  const arbiters = arbitersOf(ctx, rel, columns, oc);
  const arbiterNames = arbiters.map((oid) => ctx.catalog.relation(oid)?.name ?? String(oid));
  if (oc.action === 'nothing') return { action: 'nothing', arbiters, arbiterNames, set: [] };
  const scope = new Scope();
  const item = (name: string) => ({
    alias: name,
    tableName: rel.name,
    tableOid: rel.oid,
    columns: columns.map((c) => ({ name: c.name, type: c.type, tableOid: rel.oid, attnum: c.attnum })),
  });
  scope.add(item(alias ?? rel.name), oc.location);
  scope.add(item('excluded'), oc.location);
  const env: ExprEnv = { ctx, scope, clause: 'UPDATE', subqueries: host };
  const values = new Map<number, BoundExpr>();
  for (const s of oc.set) {
    if (s.indirection || s.multiAssign) throw notSupported('this form of UPDATE SET is not supported yet', at(s.location));
    const i = columns.findIndex((c) => c.name === s.column);
    if (i < 0) throw new SqlError(SQLSTATE.UNDEFINED_COLUMN, `column "${s.column}" of relation "${rel.name}" does not exist`, at(s.location));
    if (values.has(i)) throw new SqlError(SQLSTATE.SYNTAX_ERROR, `multiple assignments to same column "${s.column}"`, at(s.location));
    const col = columns[i];
    values.set(i, s.value.kind === 'default'
      ? identityDefault(ctx, rel, col, host) ?? defaultOf(ctx, rel, col, host)
      : coerceForAssignment(ctx, bindExpr(env, s.value), col.type, col.name, s.value.location));
  }
  const set = columns.map((c, i) => values.get(i) ?? { kind: 'column' as const, index: i, type: c.type, name: c.name });
  const spec: OnConflictSpec = { action: 'update', arbiters, arbiterNames, set };
  if (oc.where) spec.where = bindCondition({ ...env, clause: 'WHERE' }, oc.where, 'WHERE');
  return spec;
}

/** EXPLAIN lines of an ON CONFLICT clause, as PostgreSQL's ExplainModifyTarget prints them. */
export function conflictDetails(oc: OnConflictSpec, deparse: (e: BoundExpr) => string): string[] {
  const out = [`Conflict Resolution: ${oc.action === 'nothing' ? 'NOTHING' : 'UPDATE'}`];
  if (oc.arbiterNames.length > 0) out.push(`Conflict Arbiter Indexes: ${oc.arbiterNames.join(', ')}`);
  if (oc.where) out.push(`Conflict Filter: ${deparse(oc.where)}`);
  return out;
}
