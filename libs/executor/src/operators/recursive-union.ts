// Recursive Union and WorkTable Scan (WITH RECURSIVE). Each Recursive Union instance owns its
// work table: the recursive term is built with a context whose `workTables` maps the node's id
// to that holder, so nested or repeated recursive CTEs never share one. Every iteration first
// passes the statement's checkpoint (cancel / statement_timeout): like PostgreSQL, an endless
// recursion runs until it is canceled, and LIMIT above a UNION ALL stops it early because
// rows are yielded per iteration.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { PhysicalRecursiveUnion, PhysicalWorkTableScan, TypeRef } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { batches, collect, type NodeBuilder, type Runner } from './runner';
import { rowKeyFn } from './row-key';

export function buildRecursiveUnion(node: PhysicalRecursiveUnion, ctx: ExecContext, build: NodeBuilder, types: TypeRef[]): Runner {
  const holder = { rows: [] as Row[] };
  const inner: ExecContext = { ...ctx, workTables: new Map(ctx.workTables ?? []).set(node.workTable, holder) };
  const first = build(node.nonRecursive, ctx);
  const recursive = build(node.recursive, inner);
  const keyOf = rowKeyFn(types);
  return async function* recursiveUnion() {
    const seen = new Set<string>();
    const fresh = (rows: Row[]): Row[] => {
      if (node.all) return rows;
      return rows.filter((r) => {
        const k = keyOf(r);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    };
    let work = fresh(await collect(first));
    yield* batches(work, BATCH_SIZE);
    while (work.length > 0) {
      await ctx.checkpoint?.();
      holder.rows = work;
      work = fresh(await collect(recursive));
      yield* batches(work, BATCH_SIZE);
    }
  };
}

export function buildWorkTableScan(node: PhysicalWorkTableScan, ctx: ExecContext): Runner {
  const holder = ctx.workTables?.get(node.workTable);
  if (!holder) {
    throw new SqlError(SQLSTATE.INVALID_RECURSION, `recursive reference to query "${node.name}" must not appear within a subquery`);
  }
  return async function* workTableScan() {
    yield* batches(holder.rows, BATCH_SIZE);
  };
}
