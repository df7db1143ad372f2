// INSERT / UPDATE / DELETE nodes. Each drains its input first (a statement never sees its own
// changes, and scanning a table while writing it would meet the new versions), writes through
// StatementConstraints (NOT NULL, CHECK, unique keys per row; foreign keys at the end of the
// statement: constraints/statement-constraints.ts), and yields RETURNING rows. The affected
// row count is reported through `counter` for the command tag.
import type { ModifyTarget, PhysicalDelete, PhysicalInsert, PhysicalUpdate } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { StatementConstraints } from '../constraints/statement-constraints';
import { insertOnConflict } from '../constraints/on-conflict';
import { batches, collect, projectBatch, type NodeBuilder, type Runner } from './runner';

export interface ModifyCounter { rows: number }

async function* returning(ctx: ExecContext, t: ModifyTarget, rows: Row[]): AsyncGenerator<Row[]> {
  if (t.returning.length === 0) return;
  const exprs = t.returning.map((e) => compileExpr(ctx, e));
  for await (const b of batches(rows, BATCH_SIZE)) yield await projectBatch(exprs, b);
}

export function buildInsert(node: PhysicalInsert, ctx: ExecContext, build: NodeBuilder, counter: ModifyCounter): Runner {
  const input = build(node.input, ctx);
  return async function* insert() {
    const rows = await collect(input);
    const sc = new StatementConstraints(ctx, node.constraints, node);
    if (node.onConflict) {
      const written = await insertOnConflict(ctx, node, sc, rows);
      counter.rows += written.length;
      await sc.finish();
      yield* returning(ctx, node, written);
      return;
    }
    for (const row of rows) {
      await sc.insertRow(node.table, row);
      counter.rows++;
    }
    await sc.finish();
    yield* returning(ctx, node, rows);
  };
}

/**
 * The input rows of UPDATE/DELETE, skipping any whose target row id was already seen: a row
 * joined several times (UPDATE ... FROM, DELETE ... USING) is modified once, as PostgreSQL does.
 */
function* oncePerTargetRow(rows: Row[], rowIdIndex: number): Generator<Row> {
  const seen = new Set<number>();
  for (const row of rows) {
    const rowId = row[rowIdIndex] as number;
    if (seen.has(rowId)) continue;
    seen.add(rowId);
    yield row;
  }
}

export function buildUpdate(node: PhysicalUpdate, ctx: ExecContext, build: NodeBuilder, counter: ModifyCounter): Runner {
  const input = build(node.input, ctx);
  return async function* update() {
    const rows = await collect(input);
    const sc = new StatementConstraints(ctx, node.constraints, node);
    const out: Row[] = [];
    for (const row of oncePerTargetRow(rows, node.rowIdIndex)) {
      const rowId = row[node.rowIdIndex] as number;
      const values = row.slice(0, node.columns.length);
      await sc.updateRow(node.table, rowId, values);
      counter.rows++;
      // The row id and UPDATE ... FROM columns stay behind the new values for RETURNING.
      out.push([...values, ...row.slice(node.columns.length)]);
    }
    await sc.finish();
    yield* returning(ctx, node, out);
  };
}

export function buildDelete(node: PhysicalDelete, ctx: ExecContext, build: NodeBuilder, counter: ModifyCounter): Runner {
  const input = build(node.input, ctx);
  return async function* del() {
    const rows = await collect(input);
    const sc = new StatementConstraints(ctx, node.constraints, node);
    const out: Row[] = [];
    for (const row of oncePerTargetRow(rows, node.rowIdIndex)) {
      const rowId = row[node.rowIdIndex] as number;
      const old = row.slice(0, node.columns.length);
      sc.deleteRow(node.table, rowId, old);
      counter.rows++;
      // Whole input row: RETURNING may read DELETE ... USING columns.
      out.push(row);
    }
    await sc.finish();
    yield* returning(ctx, node, out);
  };
}
