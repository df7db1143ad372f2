// Limit / Offset: counts evaluated once per run (constants or parameters). PostgreSQL's
// errors: 2201W `LIMIT must not be negative`, 2201X `OFFSET must not be negative`. Stops
// pulling its input once the limit is reached.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { PhysicalLimit } from '@vecgres/planner';
import type { ExecContext } from '../exec/exec-context';
import { compileExpr, evalAsync } from '../expr/compile-expr';
import { statsOf } from '../exec/plan-stats';
import type { NodeBuilder, Runner } from './runner';

export function buildLimit(node: PhysicalLimit, ctx: ExecContext, build: NodeBuilder): Runner {
  const input = build(node.input, ctx);
  const count = node.count ? compileExpr(ctx, node.count) : undefined;
  const offset = node.offset ? compileExpr(ctx, node.offset) : undefined;
  return async function* limit() {
    const c = count ? ((await evalAsync(count, [])) as bigint | null) : null;
    const o = offset ? ((await evalAsync(offset, [])) as bigint | null) : null;
    if (c !== null && c < 0n) throw new SqlError(SQLSTATE.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, 'LIMIT must not be negative');
    if (o !== null && o < 0n) throw new SqlError(SQLSTATE.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE, 'OFFSET must not be negative');
    let skip = Number(o ?? 0n);
    let left = c === null ? Infinity : Number(c);
    if (left === 0) return;
    for await (const b of input()) {
      let rows = b;
      if (skip > 0) {
        const n = Math.min(skip, rows.length);
        rows = rows.slice(n);
        skip -= n;
      }
      if (rows.length === 0) continue;
      if (rows.length >= left) {
        // EXPLAIN ANALYZE: the input counted the whole batch; PostgreSQL counts what Limit pulled.
        if (ctx.stats) statsOf(ctx.stats, node.input).rows -= rows.length - left;
        yield rows.slice(0, left);
        return;
      }
      left -= rows.length;
      yield rows;
    }
  };
}
