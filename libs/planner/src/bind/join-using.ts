// JOIN ... USING (c) / NATURAL JOIN: the merged output columns (parse_clause.c
// buildMergedJoinVar). An unqualified `c` is the merged column, not an ambiguous reference:
// the left side's c for INNER/LEFT joins, the right side's for RIGHT, COALESCE(l, r) for FULL.
// `*` lists a join's merged columns first, then the other columns of its left and right sides
// (qualified `t.*` still shows t's own c).
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import type { ScopeColumn, ScopeItem } from './scope';

export interface MergedColumn {
  name: string;
  /** The flat-row positions merged into this column (both sides, and earlier merges on the left). */
  cols: number[];
  /** The merged value over the flat row. */
  expr: BoundExpr;
  type: TypeRef;
  /** The column's provenance for RowDescription (the left side's column). */
  source: ScopeColumn;
}

/** One JOIN with USING/NATURAL: its items (left then right) and merged columns in USING order. */
export interface JoinGroup { items: ScopeItem[]; merged: MergedColumn[] }

export interface StarEntry { index: number; column: ScopeColumn; item: ScopeItem; expr?: BoundExpr }

/** The merged column that covers every one of `hits` (flat positions), if any. */
export function mergedFor(groups: JoinGroup[], name: string, hits: number[]): MergedColumn | undefined {
  let best: MergedColumn | undefined;
  for (const g of groups) {
    for (const m of g.merged) {
      if (m.name === name && hits.every((h) => m.cols.includes(h)) && (!best || m.cols.length > best.cols.length)) best = m;
    }
  }
  return best;
}

/** `*` over `items` with the join groups' merged columns (see file header). */
export function expandStar(items: ScopeItem[], groups: JoinGroup[]): StarEntry[] {
  const out: StarEntry[] = [];
  const hidden = new Set<number>();
  const emitItems = (list: ScopeItem[], within: JoinGroup | undefined): void => {
    for (let i = 0; i < list.length;) {
      // The largest group (other than the current one) starting at this item.
      const g = groups
        .filter((x) => x !== within && x.items[0] === list[i] && x.items.length <= list.length - i)
        .sort((a, b) => b.items.length - a.items.length)[0];
      if (g) {
        for (const m of g.merged) {
          if (m.cols.some((c) => hidden.has(c))) continue;
          out.push({ index: m.cols[0], column: { ...m.source, name: m.name, type: m.type }, item: g.items[0], expr: m.expr });
          for (const c of m.cols) hidden.add(c);
        }
        emitItems(g.items, g);
        i += g.items.length;
        continue;
      }
      const item = list[i];
      item.columns.forEach((column, k) => {
        const index = item.offset + k;
        if (!hidden.has(index)) out.push({ index, column, item });
      });
      i++;
    }
  };
  emitItems(items, undefined);
  return out;
}
