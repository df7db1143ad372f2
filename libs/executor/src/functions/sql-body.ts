// Builtins PostgreSQL defines as SQL-language bodies (their pg_proc "impl" is the SQL text):
// `text || anynonarray` and `anynonarray || text` concatenate the other side's text output.
import type { BoundCall } from '@vecgres/planner';
import type { ExecContext } from '../exec/exec-context';
import type { ScalarFn } from './function-table';

const ANYTEXTCAT = 'select $1::pg_catalog.text operator(pg_catalog.||) $2';
const TEXTANYCAT = 'select $1 operator(pg_catalog.||) $2::pg_catalog.text';

export function sqlBodyFunction(ctx: ExecContext, call: BoundCall): ScalarFn | undefined {
  if (call.impl !== ANYTEXTCAT && call.impl !== TEXTANYCAT) return undefined;
  const other = call.impl === ANYTEXTCAT ? 0 : 1;
  const codec = ctx.codecs.get(call.args[other].type.oid);
  // `$n::text` is the cast, not the output function: bool's cast (booltext) gives `true`, not `t`.
  const text = (v: unknown) => (typeof v === 'boolean' ? String(v) : codec ? codec.toText(v) : String(v));
  return other === 0 ? (a: unknown, b: string) => text(a) + b : (a: string, b: unknown) => a + text(b);
}
