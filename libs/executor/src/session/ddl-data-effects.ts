// The data side of ALTER TABLE / CREATE INDEX effects, run in the DDL's transaction right after
// the catalog change (so a failure rolls both back):
//   addColumn           existing rows get the column's DEFAULT (evaluated per row: nextval
//                       gives each row its own value); without one they read as NULL already
//   alterColumnType     every row rewritten with the USING expression / assignment cast
//   validateNotNull     23502 `column "c" of relation "t" contains null values`
//   validateConstraint  CHECK: 23514 `check constraint "x" of relation "t" is violated by some
//                       row`; FOREIGN KEY: each row must find its parent (23503 as on insert)
//   buildIndex          unique: 23505 `could not create unique index "x"` + `Key (..)=(..) is
//                       duplicated.`; other indexes have no data structure yet
// Rows are keyed by attnum in storage, so dropColumn needs no rewrite.
import { Catalog, SequenceSession, type CatalogNotice, type CatalogState, type DdlEffect, type ResolveContext } from '@vecgres/catalog';
import { SQLSTATE, SqlError, internal } from '@vecgres/errors';
import { planColumnDefault, planColumnRewrite, planTableConstraints, type BindOptions } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { TableChecks, keyLookupOf } from '../constraints/row-checks';
import { StatementConstraints } from '../constraints/statement-constraints';
import { sessionFunctions } from './session-functions';
import type { SessionTransaction } from './session-tx';
import { withExtensionCodecs } from './extension-codecs';
import { annDdlHost, buildAnnIndex } from '../vector-index/ann-index-ddl';

function execContext(tx: SessionTransaction, resolve: ResolveContext): ExecContext {
  return {
    params: [],
    // A throwaway currval memory: ADD COLUMN's nextval calls do not set the session's currval.
    sessionFunctions: sessionFunctions(tx, new SequenceSession(), { user: resolve.user ?? 'postgres', database: resolve.database ?? 'postgres', searchPath: () => [...resolve.path] }),
    // The transaction's catalog: a type from CREATE EXTENSION earlier in the block has codecs.
    codecs: withExtensionCodecs(tx.db.baseCodecs, tx.db.extensionCodecs, () => tx.catalog.state),
    tables: tx.tables,
    subplans: [],
    frame: { outer: [] },
    initPlans: new Map(),
    // PostgreSQL forbids subqueries in DEFAULT, CHECK and USING expressions.
    runSubplan: () => { throw internal('subquery in a DDL expression'); },
  };
}

function tableColumnsOf(state: CatalogState, table: number) {
  const rel = new Catalog(state).table(table);
  if (!rel) throw internal(`table ${table} not found`);
  return { rel, columns: rel.columns.filter((c) => !c.dropped).map((c) => ({ attnum: c.attnum, name: c.name, type: { oid: c.type, typmod: c.typmod } })) };
}

/** Applies the data side of `effects` (see the file header). `before`: the catalog before the DDL. */
export async function applyDataEffects(tx: SessionTransaction, effects: readonly DdlEffect[], resolve: ResolveContext, before: CatalogState): Promise<CatalogNotice[]> {
  const notices: CatalogNotice[] = [];
  const ctx = execContext(tx, resolve);
  const opts = (state: CatalogState): BindOptions => ({ catalog: new Catalog(state), registry: tx.db.registry, resolve });
  const now = tx.catalog.state;
  for (const effect of effects) {
    switch (effect.type) {
      case 'addColumn': {
        const def = planColumnDefault(opts(now), effect.table, effect.attnum);
        if (!def || (def.kind === 'const' && def.value === null)) break;
        const { columns } = tableColumnsOf(now, effect.table);
        const i = columns.findIndex((c) => c.attnum === effect.attnum);
        const fn = compileExpr(ctx, def);
        for (const r of [...tx.tables.scan(effect.table, columns)]) {
          const row = [...r.row];
          row[i] = fn.fn([]);
          tx.tables.update(effect.table, r.rowId, columns, row);
        }
        break;
      }
      case 'alterColumnType': {
        const col = new Catalog(now).table(effect.table)?.columns.find((c) => c.attnum === effect.attnum);
        if (!col) break;
        const plan = planColumnRewrite(opts(before), effect.table, effect.attnum, { oid: col.type, typmod: col.typmod }, effect.using);
        if (!plan) break;
        const { columns } = tableColumnsOf(now, effect.table);
        const fn = compileExpr(ctx, plan.expr);
        for (const r of [...tx.tables.scan(effect.table, plan.columns)]) {
          const value = fn.fn(r.row);
          const row: Row = columns.map((c) => (c.attnum === effect.attnum ? value : r.row[plan.columns.findIndex((o) => o.attnum === c.attnum)]));
          tx.tables.update(effect.table, r.rowId, columns, row);
        }
        break;
      }
      case 'validateNotNull': {
        const { rel, columns } = tableColumnsOf(now, effect.table);
        const i = columns.findIndex((c) => c.attnum === effect.attnum);
        for (const r of tx.tables.scan(effect.table, columns)) {
          if (r.row[i] === null || r.row[i] === undefined) {
            throw new SqlError(SQLSTATE.NOT_NULL_VIOLATION, `column "${columns[i].name}" of relation "${rel.name}" contains null values`,
              { table: rel.name, column: columns[i].name });
          }
        }
        break;
      }
      case 'validateConstraint':
        await validateConstraint(ctx, tx, opts(now), effect.constraint);
        break;
      case 'buildIndex':
        await buildIndex(ctx, tx, opts(now), effect.index);
        // hnsw / ivfflat: checks, NOTICE, seal + one index per sealed segment (vector-index/).
        notices.push(...(await buildAnnIndex(annDdlHost(tx), now, effect.index)));
        break;
      default:
        break;
    }
  }
  return notices;
}

async function validateConstraint(ctx: ExecContext, tx: SessionTransaction, opts: BindOptions, oid: number): Promise<void> {
  const con = opts.catalog.constraint(oid);
  if (!con || (con.type !== 'c' && con.type !== 'f')) return;
  const { constraints } = planTableConstraints(opts, con.table);
  const t = constraints.tables[con.table];
  if (!t) return;
  if (con.type === 'c') {
    const spec = t.checks.find((c) => c.name === con.name);
    if (!spec) return;
    const checks = new TableChecks(ctx, { ...t, notNull: [], checks: [spec] }, keyLookupOf(ctx));
    for (const r of tx.tables.scan(con.table, t.columns)) {
      try {
        await checks.checkRow(r.row);
      } catch (e) {
        if (!(e instanceof SqlError) || e.sqlstate !== SQLSTATE.CHECK_VIOLATION) throw e;
        throw new SqlError(SQLSTATE.CHECK_VIOLATION, `check constraint "${con.name}" of relation "${t.tableName}" is violated by some row`,
          { table: t.tableName, constraint: con.name });
      }
    }
    return;
  }
  // A foreign key: every existing row is checked as if just inserted (RI_Initial_Check's texts).
  const fk = t.fkOut.find((f) => f.name === con.name);
  if (!fk) return;
  const sc = new StatementConstraints(ctx, { target: con.table, tables: constraints.tables }, { table: t.table, tableName: t.tableName, columns: t.columns, notNull: [], returning: [] });
  for (const r of tx.tables.scan(con.table, t.columns)) sc.queueChildCheck(fk, r.row);
  await sc.finish();
}

async function buildIndex(ctx: ExecContext, tx: SessionTransaction, opts: BindOptions, oid: number): Promise<void> {
  const ix = opts.catalog.relation(oid);
  if (!ix || ix.kind !== 'i' || !ix.unique) return;
  const t = planTableConstraints(opts, ix.table).constraints.tables[ix.table];
  const spec = t?.unique.find((u) => u.index === oid);
  if (!t || !spec) return;
  const checks = new TableChecks(ctx, t, keyLookupOf(ctx));
  const seen = new Set<string>();
  for (const r of tx.tables.scan(ix.table, t.columns)) {
    const k = checks.keyOf(spec, r.row);
    if (!k) continue;
    if (seen.has(k.key)) {
      throw new SqlError(SQLSTATE.UNIQUE_VIOLATION, `could not create unique index "${ix.name}"`, {
        detail: `Key ${k.describe()} is duplicated.`, table: t.tableName, constraint: ix.name,
      });
    }
    seen.add(k.key);
  }
}
