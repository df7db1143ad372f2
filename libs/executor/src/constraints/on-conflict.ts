// INSERT ... ON CONFLICT, row by row as PostgreSQL's ExecInsert: NOT NULL / CHECK on the
// proposed row, then the arbiter indexes are probed; no conflict -> a normal insert (every
// unique index checked); a conflict -> DO NOTHING skips the row, DO UPDATE evaluates WHERE and
// SET over [existing row..., EXCLUDED row...] and updates the existing row (checked like an
// UPDATE). A row this statement already inserted or updated cannot be updated again (21000).
// A key held only by a transaction that committed after our snapshot cannot be locked and
// updated from here: DO UPDATE raises 40001 there (PostgreSQL, in READ COMMITTED, would update
// the newest version); DO NOTHING skips the row as PostgreSQL does.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { PhysicalInsert } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { rowById } from './row-checks';
import type { StatementConstraints } from './statement-constraints';

/** Runs the insert; returns the rows written (new rows and updated rows) for RETURNING. */
export async function insertOnConflict(ctx: ExecContext, node: PhysicalInsert, sc: StatementConstraints, rows: Row[]): Promise<Row[]> {
  const oc = node.onConflict!;
  const checks = sc.table(node.table);
  const arbiters = oc.arbiters.length === 0 ? checks.t.unique : checks.t.unique.filter((u) => oc.arbiters.includes(u.index));
  const set = oc.set.map((e) => compileExpr(ctx, e));
  const where = oc.where ? compileExpr(ctx, oc.where) : undefined;
  const touched = new Set<number>();
  const written: Row[] = [];
  for (const row of rows) {
    await checks.checkRow(row);
    let conflict: number | undefined;
    let concurrent = false;
    for (const spec of arbiters) {
      const p = checks.probe(spec, row);
      if (!p) continue;
      if (p.matches.rowIds.length > 0) {
        conflict = p.matches.rowIds[0];
        break;
      }
      if (p.matches.concurrent) concurrent = true;
    }
    if (conflict === undefined && !concurrent) {
      const id = await sc.insertRow(node.table, row);
      if (id !== undefined) touched.add(id);
      written.push(row);
      continue;
    }
    if (oc.action === 'nothing') continue;
    if (conflict === undefined) throw new SqlError(SQLSTATE.T_R_SERIALIZATION_FAILURE, 'could not serialize access due to concurrent update');
    if (touched.has(conflict)) {
      throw new SqlError(SQLSTATE.CARDINALITY_VIOLATION, 'ON CONFLICT DO UPDATE command cannot affect row a second time',
        { hint: 'Ensure that no rows proposed for insertion within the same command have duplicate constrained values.' });
    }
    const existing = rowById(ctx, node.table, conflict, checks.t.columns);
    if (!existing) throw new SqlError(SQLSTATE.T_R_SERIALIZATION_FAILURE, 'could not serialize access due to concurrent update');
    const both = [...existing, ...row];
    if (where) {
      if (where.prepare) await where.prepare(both);
      if (where.fn(both) !== true) continue;
    }
    const next: Row = new Array(set.length);
    for (let i = 0; i < set.length; i++) {
      if (set[i].prepare) await set[i].prepare!(both);
      next[i] = set[i].fn(both);
    }
    const id = await sc.updateRow(node.table, conflict, next, existing);
    if (id !== undefined) touched.add(id);
    written.push(next);
  }
  return written;
}
