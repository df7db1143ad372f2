// Overload resolution shared by operators and functions: PostgreSQL's func_match_argtypes +
// func_select_candidate (parse_func.c), the heuristic that picks among candidates that all
// accept the inputs through implicit coercions:
//   1. keep candidates with the most exact type matches;
//   2. then those that take preferred types where coercion is needed;
//   3. with unknown inputs: per unknown position, prefer the string category if any candidate
//      takes it there, else the single category all candidates agree on (and its preferred
//      type); fail on a conflict;
//   4. last gasp: if all known inputs share one type, assume the unknowns are that type too.
import type { BindContext } from './bind-context';
import { canCoerce } from './coerce';
import { polymorphicConsistent } from './generic-consistency';
import { T } from './type-oids';

export interface Candidate<R> { row: R; args: readonly number[] }

/** Candidates whose every argument accepts the input type through an implicit coercion. */
export function matchArgTypes<R>(ctx: BindContext, inputs: readonly number[], cands: Candidate<R>[]): Candidate<R>[] {
  return cands.filter((c) => c.args.length === inputs.length && inputs.every((t, i) => canCoerce(ctx, t, c.args[i], 'implicit'))
    && polymorphicConsistent(ctx, inputs, c.args));
}

function keepMax<R>(cands: Candidate<R>[], score: (c: Candidate<R>) => number): Candidate<R>[] {
  let best = -1;
  let out: Candidate<R>[] = [];
  for (const c of cands) {
    const s = score(c);
    if (s > best) {
      best = s;
      out = [c];
    } else if (s === best) out.push(c);
  }
  return out;
}

/** func_select_candidate: the single best candidate, or undefined when ambiguous. */
export function selectCandidate<R>(ctx: BindContext, inputs: readonly number[], cands: Candidate<R>[]): Candidate<R> | undefined {
  if (cands.length <= 1) return cands[0];
  const n = inputs.length;
  const unknown = inputs.map((t) => t === T.unknown);
  const nunknowns = unknown.filter(Boolean).length;

  let cur = keepMax(cands, (c) => c.args.filter((a, i) => !unknown[i] && a === inputs[i]).length);
  if (cur.length === 1) return cur[0];

  const inputCat = inputs.map((t) => ctx.category(t));
  cur = keepMax(cur, (c) =>
    c.args.filter((a, i) => !unknown[i] && (a === inputs[i] || (ctx.category(a) === inputCat[i] && ctx.isPreferred(a)))).length);
  if (cur.length === 1) return cur[0];

  if (nunknowns === 0) return undefined;

  // Resolve each unknown position's category across the remaining candidates.
  const slotCat: Array<string | undefined> = new Array(n).fill(undefined);
  const slotPreferred: boolean[] = new Array(n).fill(false);
  let resolved = true;
  for (let i = 0; i < n && resolved; i++) {
    if (!unknown[i]) continue;
    let conflict = false;
    for (const c of cur) {
      const cat = ctx.category(c.args[i]);
      const pref = ctx.isPreferred(c.args[i]);
      if (slotCat[i] === undefined) {
        slotCat[i] = cat;
        slotPreferred[i] = pref;
      } else if (cat === slotCat[i]) {
        slotPreferred[i] ||= pref;
      } else if (cat === 'S') {
        slotCat[i] = cat;
        slotPreferred[i] = pref;
      } else {
        conflict = true;
      }
    }
    if (conflict && slotCat[i] !== 'S') resolved = false;
  }
  if (resolved) {
    const filtered = cur.filter((c) =>
      c.args.every((a, i) => !unknown[i] || (ctx.category(a) === slotCat[i] && (!slotPreferred[i] || ctx.isPreferred(a)))));
    if (filtered.length === 1) return filtered[0];
    if (filtered.length > 0) cur = filtered;
  }

  // Last gasp: all known inputs of one type -> try that type for the unknowns as well.
  if (nunknowns < n) {
    const known = inputs.filter((_, i) => !unknown[i]);
    if (known.every((t) => t === known[0])) {
      const same = cands.filter((c) => c.args.every((a) => a === known[0]));
      if (same.length === 1) return same[0];
    }
  }
  return undefined;
}
