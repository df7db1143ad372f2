// Unique (SELECT DISTINCT): first occurrence of each distinct row wins; NULLs equal each other.
import type { PhysicalDistinct } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import type { NodeBuilder, Runner } from './runner';
import { rowKeyFn } from './row-key';

export function buildDistinct(node: PhysicalDistinct, ctx: ExecContext, build: NodeBuilder, types: import('@vecgres/planner').TypeRef[]): Runner {
  const input = build(node.input, ctx);
  const keyOf = rowKeyFn(types.slice(0, node.width));
  return async function* distinct() {
    const seen = new Set<string>();
    for await (const b of input()) {
      const out: Row[] = [];
      for (const r of b) {
        const k = keyOf(r.slice(0, node.width));
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(r);
      }
      if (out.length > 0) yield out;
    }
  };
}
