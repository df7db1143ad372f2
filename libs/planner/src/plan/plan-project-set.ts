// Target-list set-returning functions -> a ProjectSet node below the final Project; srfRefs
// become the columns it appends to the row (input width + call index).
import type { SrfCollector } from '../bind/bind-srf';
import type { BoundExpr } from '../types/bound-expr';
import { mapBound } from '../types/bound-walk';
import { outputTypes, type PhysicalNode } from './physical-node';

/** `rw` maps expressions bound over the FROM row onto `input`'s row (aggregate / window rewrites). */
export function planProjectSet(input: PhysicalNode, srfs: SrfCollector, rw: (e: BoundExpr) => BoundExpr): { node: PhysicalNode; resolve: (e: BoundExpr) => BoundExpr } {
  const width = outputTypes(input).length;
  const calls = srfs.calls.map((c) => ({ ...c, args: c.args.map(rw) }));
  const resolve = (e: BoundExpr) =>
    mapBound(e, (x) => (x.kind === 'srfRef' ? { kind: 'column', index: width + x.index, type: x.type, name: srfs.calls[x.index].name } : x));
  return { node: { kind: 'projectSet', input, calls }, resolve };
}
