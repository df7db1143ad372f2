// ORDER BY inside an aggregate call (string_agg(x, ',' ORDER BY x)): the argument values of a
// group's rows are buffered with their sort keys, then fed to the aggregate's step in key order
// when the group is finalised. The sort is stable, so ties keep input order (as PostgreSQL's
// sort of an already-ordered input does).
import type { AggregateCall } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import { compileExpr } from '../expr/compile-expr';
import { comparatorFor } from '../functions/compare';

export interface OrderedInput { vals: Row; keys: Row }

export interface AggregateOrder {
  /** The sort key values of one input row. */
  keysOf(row: Row): Promise<Row>;
  /** Buffered inputs in the call's ORDER BY order (sorts `inputs` in place). */
  sorted(inputs: OrderedInput[]): OrderedInput[];
}

export function aggregateOrder(ctx: ExecContext, call: AggregateCall): AggregateOrder | undefined {
  const spec = call.orderBy;
  if (!spec || spec.length === 0) return undefined;
  const exprs = spec.map((k) => compileExpr(ctx, k.expr));
  const keys = spec.map((k) => ({ cmp: comparatorFor(k.cmpImpl, k.expr.type.oid), dir: k.desc ? -1 : 1, nullsFirst: k.nullsFirst }));
  return {
    async keysOf(row) {
      const out: Row = [];
      for (const x of exprs) {
        if (x.prepare) await x.prepare(row);
        out.push(x.fn(row));
      }
      return out;
    },
    sorted(inputs) {
      const indexed = inputs.map((v, i) => ({ v, i }));
      indexed.sort((a, b) => {
        for (let k = 0; k < keys.length; k++) {
          const x = a.v.keys[k];
          const y = b.v.keys[k];
          if (x === null || y === null) {
            if (x === y) continue;
            return (x === null) === keys[k].nullsFirst ? -1 : 1;
          }
          const c = keys[k].cmp(x, y);
          if (c !== 0) return c * keys[k].dir;
        }
        return a.i - b.i;
      });
      return indexed.map((x) => x.v);
    },
  };
}
