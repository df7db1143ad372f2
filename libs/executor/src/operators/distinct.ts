// Unique (SELECT DISTINCT): first occurrence of each distinct row wins; NULLs equal each other.
import type { PhysicalDistinct } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import type { NodeBuilder, Runner } from './runner';
import { rowKeyFn } from './row-key';

export function buildDistinct(node: PhysicalDistinct, ctx: ExecContext, build: NodeBuilder, types: import('@vecgres/planner').TypeRef[]): Runner {
  const input = build(node.input, ctx);
  // DISTINCT ON compares only its columns; plain DISTINCT the visible ones.
  const cols = node.on ?? [...Array(node.width).keys()];
  const keyOf = rowKeyFn(cols.map((i) => types[i]));
  return async function* distinct() {
    const seen = new Set<string>();
    for await (const b of input()) {
      const out: Row[] = [];
      for (const r of b) {
        const k = keyOf(cols.map((i) => r[i]));
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(r);
      }
      if (out.length > 0) yield out;
    }
  };
}
