// Bounds on what one statement may hold in memory at once. PostgreSQL spills big sorts, hashes
// and function results to disk; we keep them in JS arrays, and V8 aborts the whole process when
// one array grows past ~112M elements. Past these bounds a statement fails with 54000 instead,
// so a runaway query costs its own statement, never the server.
import { programLimitExceeded } from '@vecgres/errors';

/** Rows a set-returning function may return when its result is materialised. */
export const MAX_MATERIALIZED_SRF_ROWS = 10_000_000;

/** Rows one operator may buffer (sort input, hash build side, subplan result, DML input). */
export const MAX_BUFFERED_ROWS = 50_000_000;

export function tooManyRows(what: string, limit: number): Error {
  return programLimitExceeded(`${what} exceeds ${limit} rows held in memory`, {
    hint: 'vecgres keeps this result in memory; narrow the query (a LIMIT, a smaller range) or stream it.',
  });
}
