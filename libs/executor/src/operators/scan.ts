// Seq Scan: the transaction's visible rows of one table in batches, with the pushed-down
// filter applied per batch. With `rowId` the storage row id is appended (UPDATE/DELETE).
import type { PhysicalScan } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { statsOf } from '../exec/plan-stats';
import { filterBatch, type Runner } from './runner';
import { indexedScanBatches, scanFilterTree } from './scan-indexed';

export function buildScan(node: PhysicalScan, ctx: ExecContext): Runner {
  const filter = node.filter ? compileExpr(ctx, node.filter) : undefined;
  // An indexed conjunct: sealed segments decode only their candidate rows (scan-indexed.ts).
  const tree = filter ? scanFilterTree(node, ctx) : undefined;
  return async function* scan() {
    const indexed = tree ? await indexedScanBatches(node, ctx, tree) : undefined;
    if (indexed && filter) {
      for await (const batch of indexed) {
        const out = await filterBatch(filter, batch);
        if (ctx.stats) statsOf(ctx.stats, node).removed += batch.length - out.length;
        if (out.length > 0) yield out;
      }
      return;
    }
    let batch: Row[] = [];
    for (const { rowId, row } of ctx.tables.scan(node.table, node.columns)) {
      if (node.rowId) row.push(rowId);
      batch.push(row);
      if (batch.length >= BATCH_SIZE) {
        const out = filter ? await filterBatch(filter, batch) : batch;
        if (filter && ctx.stats) statsOf(ctx.stats, node).removed += batch.length - out.length;
        if (out.length > 0) yield out;
        batch = [];
      }
    }
    const out = filter ? await filterBatch(filter, batch) : batch;
    if (filter && ctx.stats) statsOf(ctx.stats, node).removed += batch.length - out.length;
    if (out.length > 0) yield out;
  };
}
