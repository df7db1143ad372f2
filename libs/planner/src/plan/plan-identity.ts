// Identity columns in INSERT: their default is nextval() of the sequence the column owns (the
// catalog records no DEFAULT expression for them, as PostgreSQL), and a GENERATED ALWAYS
// column refuses explicit values unless OVERRIDING SYSTEM VALUE (rewriteTargetListIU's 428C9).
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { Expr, InsertStmt } from '@vecgres/sql';
import type { TableRelation } from '../catalog-api';
import type { BindContext } from '../bind/bind-context';
import { bindExpr, type ExprEnv } from '../bind/bind-expr';
import type { SubqueryPlanner } from '../bind/bind-subquery';
import { coerceForAssignment } from '../bind/coerce';
import { Scope } from '../bind/scope';
import type { BoundExpr } from '../types/bound-expr';
import type { ScanColumn } from './physical-scan';

function quoteIdent(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`;
}

/** `nextval('schema.seq'::regclass)` for an identity column, else undefined. */
export function identityDefault(ctx: BindContext, rel: TableRelation, col: ScanColumn, host: SubqueryPlanner): BoundExpr | undefined {
  const row = rel.columns.find((c) => c.attnum === col.attnum);
  if (!row?.identity) return undefined;
  const seq = ctx.catalog.sequencesOwnedBy(rel.oid).find((s) => s.ownedBy?.attnum === col.attnum);
  if (!seq) return undefined;
  const ns = ctx.catalog.namespace(seq.namespace)?.name ?? 'public';
  const loc = -1;
  const call: Expr = {
    kind: 'func',
    name: 'nextval',
    args: [{
      kind: 'cast',
      arg: { kind: 'const', value: { type: 'string', value: `${quoteIdent(ns)}.${quoteIdent(seq.name)}` }, location: loc },
      type: { name: 'regclass', typmods: [], arrayBounds: [], setof: false, written: 'regclass', location: loc },
      location: loc,
    }],
    star: false, distinct: false, variadic: false, orderBy: [], withinGroup: false, location: loc,
  } as Expr;
  const env: ExprEnv = { ctx, scope: new Scope(), clause: 'DEFAULT expressions', subqueries: host };
  return coerceForAssignment(ctx, bindExpr(env, call), col.type, col.name, -1);
}

/** 428C9 when a GENERATED ALWAYS column gets a value other than DEFAULT without OVERRIDING SYSTEM VALUE. */
export function checkIdentityAlways(rel: TableRelation, columns: ScanColumn[], listed: number[], stmt: InsertStmt): void {
  if (stmt.overriding === 'system') return;
  listed.forEach((p, k) => {
    const row = rel.columns.find((c) => c.attnum === columns[p].attnum);
    if (row?.identity !== 'a') return;
    const src = stmt.source;
    const allDefault = !src || (src.kind === 'values' && src.rows.every((r) => r[k]?.kind === 'default'));
    if (allDefault || stmt.overriding === 'user') return;
    throw new SqlError(SQLSTATE.GENERATED_ALWAYS, `cannot insert a non-DEFAULT value into column "${row.name}"`, {
      detail: `Column "${row.name}" is an identity column defined as GENERATED ALWAYS.`,
      hint: 'Use OVERRIDING SYSTEM VALUE to override.',
    });
  });
}
