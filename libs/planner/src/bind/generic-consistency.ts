// check_generic_type_consistency (parse_coerce.c): a candidate with polymorphic parameters only
// accepts the inputs if they agree on one element type per family. PostgreSQL applies it while
// filtering candidates (can_coerce_type), which is what makes `text[] || text[]` pick array_cat
// alone: array_append(anycompatiblearray, anycompatible) would need text[] to be compatible
// with text, and textcat / anynonarray do not accept an array.
import type { BindContext } from './bind-context';
import { canCoerce } from './coerce';
import { T } from './type-oids';

const ANY_ELEMENT = new Set<number>([T.anyelement, T.anynonarray]);
const COMPATIBLE_ELEMENT = new Set<number>([T.anycompatible, T.anycompatiblenonarray]);

/** Whether `inputs` (unknown skipped) bind consistently to the polymorphic `params`. */
export function polymorphicConsistent(ctx: BindContext, inputs: readonly number[], params: readonly number[]): boolean {
  const elements: number[] = [];
  const compatible: number[] = [];
  for (let i = 0; i < params.length; i++) {
    const input = inputs[i];
    if (input === T.unknown) continue;
    const p = params[i];
    if (ANY_ELEMENT.has(p)) elements.push(input);
    else if (p === T.anyarray) elements.push(ctx.type(input)?.elem ?? 0);
    else if (COMPATIBLE_ELEMENT.has(p)) compatible.push(input);
    else if (p === T.anycompatiblearray) compatible.push(ctx.type(input)?.elem ?? 0);
  }
  if (elements.some((e) => e !== elements[0])) return false;
  // anycompatible: some member of the family must accept all the others implicitly (the
  // common type select_common_type would choose).
  if (compatible.length > 1 && !compatible.some((c) => compatible.every((o) => canCoerce(ctx, o, c, 'implicit')))) return false;
  return true;
}
