// pg_get_indexdef, pg_get_constraintdef and pg_get_expr: DDL text for stored objects, worded
// and parenthesised as PostgreSQL 15's ruleutils.c prints it (psql \d shows these verbatim).
// @see https://www.postgresql.org/docs/15/functions-info.html#FUNCTIONS-INFO-CATALOG-TABLE
import type { Expr } from '@vecgres/sql';
import type { ConstraintRow, ForeignKeyAction, IndexRelation, StoredExpr } from '../model/relations';
import type { Oid } from '../model/rows';
import { defaultOpclass } from '../ddl/index-build';
import { indexColumnType } from '../system-views/pg-attribute';
import type { SystemViewContext } from '../system-views/system-view';
import { quoteIdentifier, quoteLiteral } from '../types/quote';
import { relationDisplayName } from './relation-names';
import { ruleExpr, type RuleContext } from './rule-expr';

function ruleContext(ctx: SystemViewContext, relation: Oid | undefined, pretty: boolean): RuleContext {
  return { catalog: ctx.catalog, session: ctx.session, registry: ctx.registry, relation, pretty };
}

/** looks_like_function: index expressions printed without an extra pair of parentheses. */
function looksLikeFunction(e: Expr): boolean {
  return (e.kind === 'func' && !e.over) || e.kind === 'coalesce' || e.kind === 'nullIf' || e.kind === 'minMax' || e.kind === 'sqlValueFunction';
}

/** flatten_reloptions: `name=value`, the value quoted unless it is a plain identifier. */
export function flattenReloptions(options: readonly string[]): string {
  return options.map((o) => {
    const eq = o.indexOf('=');
    const name = eq < 0 ? o : o.slice(0, eq);
    const value = eq < 0 ? 'true' : o.slice(eq + 1);
    return `${name}=${quoteIdentifier(value) === value ? value : quoteLiteral(value)}`;
  }).join(', ');
}

function columnName(ctx: SystemViewContext, table: Oid, attnum: number): string {
  const col = ctx.catalog.table(table)?.columns.find((c) => c.attnum === attnum);
  return quoteIdentifier(col?.name ?? `........pg.dropped.${attnum}........`);
}

/** The text of key or INCLUDE column `i` of an index. */
function indexColumnText(ctx: SystemViewContext, index: IndexRelation, i: number, pretty: boolean): string {
  const key = index.keys[i];
  if (!key) return columnName(ctx, index.table, index.include[i - index.keys.length]);
  if (key.attnum > 0 || !key.expr) return columnName(ctx, index.table, key.attnum);
  const text = ruleExpr(ruleContext(ctx, index.table, pretty), key.expr.expr);
  return looksLikeFunction(key.expr.expr) ? text : `(${text})`;
}

/**
 * pg_get_indexdef(index, column, pretty). column 0 gives the whole CREATE INDEX statement;
 * column n gives only that column's name or expression. null for an unknown OID.
 */
export function pgGetIndexdef(ctx: SystemViewContext, indexOid: Oid, column = 0, pretty = false): string | null {
  const index = ctx.catalog.relation(indexOid);
  if (index?.kind !== 'i') return null;
  if (column > 0) {
    return column <= index.keys.length + index.include.length ? indexColumnText(ctx, index, column - 1, pretty) : '';
  }
  const am = ctx.catalog.accessMethod(index.am);
  const canOrder = am ? ctx.registry?.accessMethodSpec(am.name)?.canOrder ?? am.name === 'btree' : false;
  const keys = index.keys.map((key, i) => {
    let s = indexColumnText(ctx, index, i, pretty);
    const opc = ctx.catalog.opclass(key.opclass);
    const colType = indexColumnType(ctx, index, i).type;
    if (opc && (key.attnum === 0 ? !opc.isDefault : defaultOpclass(ctx.catalog, index.am, colType)?.oid !== opc.oid)) {
      s += ` ${quoteIdentifier(opc.name)}`;
    }
    if (canOrder) {
      if (key.desc) s += key.nullsFirst ? ' DESC' : ' DESC NULLS LAST';
      else if (key.nullsFirst) s += ' NULLS FIRST';
    }
    return s;
  });
  const table = relationDisplayName(ctx.catalog, ctx.session, index.table, !pretty) ?? '???';
  let sql = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdentifier(index.name)} ON ${table} USING ${quoteIdentifier(am?.name ?? '???')} (${keys.join(', ')})`;
  if (index.include.length) {
    sql += ` INCLUDE (${index.include.map((_, j) => indexColumnText(ctx, index, index.keys.length + j, pretty)).join(', ')})`;
  }
  if (index.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  if (index.options.length) sql += ` WITH (${flattenReloptions(index.options)})`;
  if (index.predicate) sql += ` WHERE ${ruleExpr(ruleContext(ctx, index.table, pretty), index.predicate.expr)}`;
  return sql;
}

const FK_ACTIONS: Readonly<Record<ForeignKeyAction, string | undefined>> = {
  a: undefined, r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT',
};

function keyList(ctx: SystemViewContext, table: Oid, attnums: readonly number[]): string {
  return attnums.map((a) => columnName(ctx, table, a)).join(', ');
}

function constraintBody(ctx: SystemViewContext, c: ConstraintRow, pretty: boolean): string {
  switch (c.type) {
    case 'p': case 'u': {
      const index = ctx.catalog.relation(c.index);
      let s = c.type === 'p' ? 'PRIMARY KEY ' : 'UNIQUE ';
      if (index?.kind === 'i' && index.nullsNotDistinct) s += 'NULLS NOT DISTINCT ';
      s += `(${keyList(ctx, c.table, c.columns)})`;
      if (index?.kind === 'i') {
        if (index.include.length) s += ` INCLUDE (${keyList(ctx, c.table, index.include)})`;
        if (index.options.length) s += ` WITH (${flattenReloptions(index.options)})`;
      }
      return s;
    }
    case 'f': {
      const fk = c.fk!;
      const ref = relationDisplayName(ctx.catalog, ctx.session, fk.refTable) ?? '???';
      let s = `FOREIGN KEY (${keyList(ctx, c.table, c.columns)}) REFERENCES ${ref}(${keyList(ctx, fk.refTable, fk.refColumns)})`;
      if (fk.match === 'f') s += ' MATCH FULL';
      else if (fk.match === 'p') s += ' MATCH PARTIAL';
      if (FK_ACTIONS[fk.onUpdate]) s += ` ON UPDATE ${FK_ACTIONS[fk.onUpdate]}`;
      if (FK_ACTIONS[fk.onDelete]) s += ` ON DELETE ${FK_ACTIONS[fk.onDelete]}`;
      return s;
    }
    case 'c': {
      const expr = c.check ? ruleExpr(ruleContext(ctx, c.table, pretty), c.check.expr) : 'true';
      return `CHECK (${expr})${c.noInherit ? ' NO INHERIT' : ''}`;
    }
  }
}

/** pg_get_constraintdef(constraint, pretty); null for an unknown OID. */
export function pgGetConstraintdef(ctx: SystemViewContext, oid: Oid, pretty = false): string | null {
  const c = ctx.catalog.constraint(oid);
  if (!c) return null;
  let s = constraintBody(ctx, c, pretty);
  if (c.deferrable) s += ' DEFERRABLE';
  if (c.deferred) s += ' INITIALLY DEFERRED';
  if (!c.validated) s += ' NOT VALID';
  return s;
}

/** The stored expressions of relation `relid` with the type each is assigned to. */
function* storedExprs(ctx: SystemViewContext, relid: Oid): Iterable<{ stored: StoredExpr; table: Oid; target?: Oid }> {
  const rel = ctx.catalog.relation(relid);
  if (!rel) return;
  const table = rel.kind === 'i' ? rel.table : relid;
  if (rel.kind === 'r') {
    for (const c of rel.columns) if (c.default) yield { stored: c.default, table, target: c.type };
    for (const con of ctx.catalog.constraintsOf(relid)) if (con.check) yield { stored: con.check, table };
  }
  const indexes = rel.kind === 'i' ? [rel] : ctx.catalog.indexesOf(relid);
  for (const i of indexes) {
    if (i.predicate) yield { stored: i.predicate, table };
    for (const k of i.keys) if (k.expr) yield { stored: k.expr, table };
  }
}

/**
 * pg_get_expr(expr_text, relation, pretty). vecgres' pg_node_tree columns hold the stored
 * expression's SQL text; it is matched back to the expression of `relid` it came from and
 * printed as ruleutils would. Unmatched text is returned as it is.
 */
export function pgGetExpr(ctx: SystemViewContext, text: string, relid: Oid, pretty = false): string {
  for (const { stored, table, target } of storedExprs(ctx, relid)) {
    if (stored.text === text) return ruleExpr(ruleContext(ctx, table, pretty), stored.expr, target);
  }
  return text;
}
