// Test helper: runs fn and asserts it threw a SqlError with this SQLSTATE and exact message.
import { isSqlError } from '@vecgres/errors';

export function expectSqlError(fn: () => unknown, sqlstate: string, message: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (!isSqlError(thrown)) throw new Error(`expected SqlError ${sqlstate} "${message}", got ${String(thrown)}`);
  expect({ sqlstate: thrown.sqlstate, message: thrown.message }).toEqual({ sqlstate, message });
}
