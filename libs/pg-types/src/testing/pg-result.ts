// Test helper: runs fn and renders its result the way the fixtures in ./fixtures record
// PostgreSQL's answers: the value itself, or
//   `ERR <sqlstate> <message>[ | <detail>][ | ctx <context>][ | hint <hint>]`
// for an error (the context only when `withContext`).
import { isSqlError } from '@vecgres/errors';

export function pgResult(fn: () => string, withContext = false): string {
  try {
    return fn();
  } catch (e) {
    if (!isSqlError(e)) throw e;
    let out = `ERR ${e.sqlstate} ${e.message}`;
    if (e.detail !== undefined) out += ` | ${e.detail}`;
    if (withContext && e.where !== undefined) out += ` | ctx ${e.where}`;
    if (e.hint !== undefined) out += ` | hint ${e.hint}`;
    return out;
  }
}
