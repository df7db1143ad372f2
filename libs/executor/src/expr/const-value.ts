// Constants of the plan -> JS values. Plans carry JSON-able constants (int8 and numeric as
// decimal text); `input` constants are literals typed by context ('42' compared with an int4
// column) and go through the type's input function once, at compile time, with PostgreSQL's
// errors positioned at the literal (22P02 `invalid input syntax for type integer: "x"`).
import type { BoundConst } from '@vecgres/planner';
import { typmodCoercion } from '../functions/cast';
import { vectorTypmodCoercion } from '../functions/vector';
import type { ExecContext } from '../exec/exec-context';
import { SQLSTATE, SqlError, isSqlError } from '@vecgres/errors';

function positioned(e: unknown, location: number): unknown {
  if (isSqlError(e) && e.position === undefined && location >= 0) return e.with({ position: location + 1 });
  return e;
}

export function constValue(ctx: ExecContext, c: BoundConst): unknown {
  if (c.value === null) return null;
  const oid = c.type.oid;
  if (c.input) {
    const codec = ctx.codecs.get(oid === 705 ? 25 : oid);
    if (!codec) {
      throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `input of type ${oid} is not supported yet`, c.location >= 0 ? { position: c.location + 1 } : {});
    }
    try {
      const v = codec.fromText(String(c.value));
      const mod = typmodCoercion(oid, c.type.typmod, false) ?? vectorTypmodCoercion(ctx.codecs, oid, c.type.typmod);
      return mod ? mod(v) : v;
    } catch (e) {
      throw positioned(e, c.location);
    }
  }
  if (oid === 20) return BigInt(c.value as string);
  return c.value;
}
