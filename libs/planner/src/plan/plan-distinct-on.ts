// SELECT DISTINCT ON (e, ...): PostgreSQL keeps the first row of each group of rows equal on the
// DISTINCT ON expressions, in ORDER BY order. Planned as Sort -> Unique(on) (the EXPLAIN shape
// PostgreSQL prints). The ORDER BY must start with the DISTINCT ON expressions, in any order
// (42P10 otherwise, parse_clause.c transformDistinctOnClause); DISTINCT ON items missing from
// ORDER BY are sorted after it, ascending.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { Expr } from '@vecgres/sql';
import { at, type BindContext } from '../bind/bind-context';
import { comparisonImpl } from '../bind/bind-expr';
import { deparseExpr } from '../explain/deparse-expr';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import { boundKey } from '../types/bound-walk';
import type { PhysicalNode } from './physical-node';
import type { SortKey } from './physical-sort';

/** An ORDER BY / DISTINCT ON item: an output column (`target`) or a helper expression. */
export interface OrderItem { target?: number; expr?: BoundExpr; desc: boolean; nullsFirst: boolean }

/** Resolves a DISTINCT ON item as an ORDER BY item, with DISTINCT ON's wording of the ordinal error. */
export function distinctOnItem(resolve: () => OrderItem): OrderItem {
  try {
    return resolve();
  } catch (e) {
    if (e instanceof SqlError && e.message.startsWith('ORDER BY position')) {
      throw new SqlError(e.sqlstate, e.message.replace('ORDER BY', 'DISTINCT ON'), e.position !== undefined ? { position: e.position } : {});
    }
    throw e;
  }
}

const identity = (s: OrderItem) => (s.target !== undefined ? `t${s.target}` : `e${boundKey(s.expr!)}`);

const mismatch = (location: number) =>
  new SqlError(SQLSTATE.INVALID_COLUMN_REFERENCE, 'SELECT DISTINCT ON expressions must match initial ORDER BY expressions', at(location));

/**
 * Checks DISTINCT ON against ORDER BY and returns the DISTINCT ON items the sort must add after
 * the ORDER BY items (each with its source expression, for positions).
 */
export function distinctOnExtras(sortItems: OrderItem[], onItems: OrderItem[], onExprs: Expr[]): Array<{ item: OrderItem; source: Expr }> {
  const onIds = onItems.map(identity);
  const matched = new Set<string>();
  let skipped = false;
  for (const s of sortItems) {
    const id = identity(s);
    const k = onIds.indexOf(id);
    if (k < 0) {
      skipped = true;
      continue;
    }
    if (skipped) throw mismatch(onExprs[k].location);
    matched.add(id);
  }
  const extras: Array<{ item: OrderItem; source: Expr }> = [];
  onItems.forEach((d, k) => {
    const id = onIds[k];
    if (matched.has(id)) return;
    if (skipped) throw mismatch(onExprs[k].location);
    matched.add(id);
    extras.push({ item: { ...d, desc: false, nullsFirst: false }, source: onExprs[k] });
  });
  return extras;
}

export interface DistinctOnInput {
  /** Output expressions of the Project below (targets, then helper columns in `junk` order). */
  exprs: BoundExpr[];
  junk: BoundExpr[];
  types: TypeRef[];
  /** ORDER BY items then the extras, with the location used for comparison-lookup errors. */
  sort: Array<{ item: OrderItem; location: number }>;
  /** The DISTINCT ON items. */
  on: OrderItem[];
}

/**
 * Sort + Unique over the projected row. Helper columns are numbered in the order they were
 * appended to `junk` (ORDER BY helpers, then the extras' helpers); DISTINCT ON helpers find
 * their column by expression.
 */
export function planDistinctOn(ctx: BindContext, node: PhysicalNode, d: DistinctOnInput, junkKeys: string[]): PhysicalNode {
  const width = d.exprs.length;
  const columnOf = (s: OrderItem): number => {
    if (s.target !== undefined) return s.target;
    return width + junkKeys.indexOf(boundKey(s.expr!));
  };
  const keys: SortKey[] = d.sort.map(({ item, location }) => {
    const index = columnOf(item);
    const label = index < width ? d.exprs[index] : d.junk[index - width];
    const type = d.types[index];
    const expr: BoundExpr = { kind: 'column', index, type, name: deparseExpr(label) };
    return { expr, label, desc: item.desc, nullsFirst: item.nullsFirst, cmpImpl: comparisonImpl(ctx, type.oid, location) };
  });
  const sorted: PhysicalNode = keys.length > 0 ? { kind: 'sort', input: node, keys } : node;
  return { kind: 'distinct', input: sorted, width, on: d.on.map(columnOf) };
}
