// INSERT / UPDATE / DELETE nodes. Each drains its input first (a statement never sees its own
// changes, and scanning a table while writing it would meet the new versions), checks NOT
// NULL (23502 with PostgreSQL's message and `Failing row contains (...)` detail), writes
// through the transaction, and yields RETURNING rows. The affected row count is reported
// through `counter` for the command tag.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { ModifyTarget, PhysicalDelete, PhysicalInsert, PhysicalUpdate } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { batches, collect, projectBatch, type NodeBuilder, type Runner } from './runner';

export interface ModifyCounter { rows: number }

function formatRow(ctx: ExecContext, t: ModifyTarget, row: Row): string {
  return `(${row.slice(0, t.columns.length).map((v, i) => {
    if (v === null) return 'null';
    const codec = ctx.codecs.get(t.columns[i].type.oid);
    return codec ? codec.toText(v) : String(v);
  }).join(', ')})`;
}

function checkNotNull(ctx: ExecContext, t: ModifyTarget, row: Row): void {
  for (const attnum of t.notNull) {
    const i = t.columns.findIndex((c) => c.attnum === attnum);
    if (i >= 0 && row[i] === null) {
      throw new SqlError(SQLSTATE.NOT_NULL_VIOLATION,
        `null value in column "${t.columns[i].name}" of relation "${t.tableName}" violates not-null constraint`,
        { detail: `Failing row contains ${formatRow(ctx, t, row)}.`, table: t.tableName, column: t.columns[i].name });
    }
  }
}

async function* returning(ctx: ExecContext, t: ModifyTarget, rows: Row[]): AsyncGenerator<Row[]> {
  if (t.returning.length === 0) return;
  const exprs = t.returning.map((e) => compileExpr(ctx, e));
  for await (const b of batches(rows, BATCH_SIZE)) yield await projectBatch(exprs, b);
}

export function buildInsert(node: PhysicalInsert, ctx: ExecContext, build: NodeBuilder, counter: ModifyCounter): Runner {
  const input = build(node.input, ctx);
  return async function* insert() {
    const rows = await collect(input);
    for (const row of rows) {
      checkNotNull(ctx, node, row);
      ctx.tables.insert(node.table, node.columns, row);
      counter.rows++;
    }
    yield* returning(ctx, node, rows);
  };
}

export function buildUpdate(node: PhysicalUpdate, ctx: ExecContext, build: NodeBuilder, counter: ModifyCounter): Runner {
  const input = build(node.input, ctx);
  return async function* update() {
    const rows = await collect(input);
    const done = new Set<number>();
    const out: Row[] = [];
    for (const row of rows) {
      const rowId = row[node.rowIdIndex] as number;
      // A row joined several times is updated once, as PostgreSQL does.
      if (done.has(rowId)) continue;
      done.add(rowId);
      const values = row.slice(0, node.columns.length);
      checkNotNull(ctx, node, values);
      ctx.tables.update(node.table, rowId, node.columns, values);
      counter.rows++;
      out.push(values);
    }
    yield* returning(ctx, node, out);
  };
}

export function buildDelete(node: PhysicalDelete, ctx: ExecContext, build: NodeBuilder, counter: ModifyCounter): Runner {
  const input = build(node.input, ctx);
  return async function* del() {
    const rows = await collect(input);
    const done = new Set<number>();
    const out: Row[] = [];
    for (const row of rows) {
      const rowId = row[node.rowIdIndex] as number;
      if (done.has(rowId)) continue;
      done.add(rowId);
      ctx.tables.delete(node.table, rowId);
      counter.rows++;
      out.push(row.slice(0, node.columns.length));
    }
    yield* returning(ctx, node, out);
  };
}
