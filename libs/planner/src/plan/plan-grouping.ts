// Above an Aggregate node the row is [group keys..., aggregate results...]. Expressions bound
// over the FROM row (target list, HAVING, ORDER BY) are rewritten onto that row: a subtree
// equal to a group key reads the key's column, an aggRef reads its aggregate's column, and
// any other column reference is PostgreSQL's 42803 grouping error.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { at } from '../bind/bind-context';
import type { BoundExpr } from '../types/bound-expr';
import { boundKey, mapBound } from '../types/bound-walk';

/** `keyNames` / `aggNames` label the new columns for EXPLAIN (deparsed key and call text). */
export function rewriteForAggregate(e: BoundExpr, groupKeys: BoundExpr[], keyNames: string[], aggNames: string[]): BoundExpr {
  const keyIndex = new Map(groupKeys.map((k, i) => [boundKey(k), i]));
  const nKeys = groupKeys.length;
  return mapBound(
    e,
    (x) => {
      if (x.kind === 'aggRef') return { kind: 'column', index: nKeys + x.index, type: x.type, name: aggNames[x.index] };
      if (x.kind === 'column') {
        const who = x.table ? `${x.table}.${x.name}` : x.name;
        throw new SqlError(
          SQLSTATE.GROUPING_ERROR,
          `column "${who}" must appear in the GROUP BY clause or be used in an aggregate function`,
          at(x.location),
        );
      }
      return x;
    },
    (x) => {
      if (x.kind === 'const' || x.kind === 'param') return undefined;
      const i = keyIndex.get(boundKey(x));
      if (i === undefined) return undefined;
      const name = x.kind === 'column' ? x.name : keyNames[i];
      return { kind: 'column', index: i, type: x.type, name, ...(x.kind === 'column' && x.table ? { table: x.table } : {}) };
    },
  );
}
