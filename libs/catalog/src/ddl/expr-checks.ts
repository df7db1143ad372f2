// Checks on expressions stored in the catalog (defaults, CHECK, index keys, predicates): what
// they may contain (no subqueries, no column references in a DEFAULT), which columns they use
// (for dependencies and `column "x" does not exist`), and which relations they name through
// regclass constants (nextval('s'::regclass) makes a default depend on sequence s).
import { SQLSTATE, SqlError, notSupported, undefinedColumn } from '@vecgres/errors';
import { walkExpr, type Expr } from '@vecgres/sql';
import type { ColumnRow, StoredExpr } from '../model/relations';
import type { Oid } from '../model/rows';
import { exprToSql } from '../deparse/expr-to-sql';

function pos(e: Expr): { position?: number } {
  return e.location >= 0 ? { position: e.location + 1 } : {};
}

/** 0A000 `cannot use subquery in <where>` if `expr` contains one. */
export function rejectSubqueries(expr: Expr, where: string): void {
  walkExpr(expr, (e) => {
    if (e.kind === 'exists' || e.kind === 'scalarSubquery' || e.kind === 'arraySubquery' || e.kind === 'subqueryCompare') {
      throw notSupported(`cannot use subquery in ${where}`, pos(e));
    }
  });
}

/** 42P10 for any column reference (DEFAULT expressions cannot see the row). */
export function rejectColumnRefs(expr: Expr, where: string): void {
  walkExpr(expr, (e) => {
    if (e.kind === 'columnRef') {
      throw new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, `cannot use column reference in ${where}`, pos(e));
    }
  });
}

/**
 * The attnums `expr` references among `columns`; an unknown column is 42703
 * `column "x" does not exist`. Qualified references (`t.a`) must name `tableName`.
 */
export function referencedColumns(expr: Expr, columns: readonly ColumnRow[], tableName: string): number[] {
  const out = new Set<number>();
  walkExpr(expr, (e) => {
    if (e.kind !== 'columnRef') return;
    if (e.star) throw notSupported('whole-row references are not supported here', pos(e));
    const names = e.names;
    const colName = names[names.length - 1];
    if (names.length > 1 && names[names.length - 2] !== tableName) {
      throw new SqlError(SQLSTATE.UNDEFINED_TABLE, `missing FROM-clause entry for table "${names[names.length - 2]}"`, pos(e));
    }
    const col = columns.find((c) => !c.dropped && c.name === colName);
    if (!col) throw undefinedColumn(`column "${colName}" does not exist`, pos(e));
    out.add(col.attnum);
  });
  return [...out].sort((a, b) => a - b);
}

/** Names inside `'name'::regclass` constants (the sequence of nextval('t_id_seq'::regclass)). */
export function regclassNames(expr: Expr): string[] {
  const out: string[] = [];
  walkExpr(expr, (e) => {
    if (e.kind === 'cast' && e.type.name === 'regclass' && e.arg.kind === 'const' && e.arg.value.type === 'string') {
      out.push(e.arg.value.value);
    }
  });
  return out;
}

/** An expression with its SQL text, ready to store. */
export function toStored(expr: Expr): StoredExpr {
  return { text: exprToSql(expr), expr };
}

/** `nextval('<seq>'::regclass)` as PostgreSQL writes a serial column's default. */
export function nextvalDefault(seqText: string): Expr {
  const loc = -1;
  return {
    kind: 'func',
    name: 'nextval',
    args: [{
      kind: 'cast',
      arg: { kind: 'const', value: { type: 'string', value: seqText }, location: loc },
      type: { name: 'regclass', typmods: [], arrayBounds: [], setof: false, written: 'regclass', location: loc },
      location: loc,
    }],
    star: false, distinct: false, variadic: false, orderBy: [], withinGroup: false, location: loc,
  };
}

/** Relation OIDs a default names through regclass constants (resolved by the caller). */
export type RelationRefs = Oid[];
