// Test builders for @vecgres/sql specs: parse one statement, strip locations for compact
// tree assertions, and capture SqlErrors.
import { isSqlError, type SqlError } from '@vecgres/errors';
import { loadParser, parse } from '../parse';
import type { Expr, SelectQuery, Stmt } from '../types';

/** Call from `beforeAll`. */
export function setupParser(): Promise<void> {
  return loadParser();
}

/** The only statement of `sql` (fails the test if there are more or fewer). */
export function parseOne(sql: string): Stmt {
  const stmts = parse(sql);
  if (stmts.length !== 1) throw new Error(`expected 1 statement, got ${stmts.length}`);
  return stmts[0].stmt;
}

/** `parseOne` narrowed to a plain SELECT. */
export function parseSelect(sql: string): SelectQuery {
  const stmt = parseOne(sql);
  if (stmt.kind !== 'select') throw new Error(`expected a select, got ${stmt.kind}`);
  return stmt;
}

/** The first target expression of `SELECT <expr>`, locations stripped. */
export function exprOf(exprSql: string): Expr {
  return stripLocations(parseSelect(`SELECT ${exprSql}`).targets[0].expr);
}

/** Deep copy without `location` keys, so expected trees stay short and readable. */
export function stripLocations<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (k, v) => (k === 'location' ? undefined : v)));
}

/** The SqlError `fn` throws (fails the test if it throws something else or nothing). */
export function sqlErrorOf(fn: () => unknown): SqlError {
  try {
    fn();
  } catch (e) {
    if (isSqlError(e)) return e as SqlError;
    throw e;
  }
  throw new Error('expected a SqlError, nothing was thrown');
}

/** Shorthand for `{sqlstate, message, position}` of the error parsing `sql`. */
export function parseError(sql: string): { sqlstate: string; message: string; position?: number } {
  const e = sqlErrorOf(() => parse(sql));
  return { sqlstate: e.sqlstate, message: e.message, position: e.position };
}

// Location-free node builders for expected trees (compare against stripLocations output).
export const col = (...names: string[]) => ({ kind: 'columnRef', names, star: false }) as unknown as Expr;
export const int4 = (value: number) => ({ kind: 'const', value: { type: 'int4', value } }) as unknown as Expr;
export const str = (value: string) => ({ kind: 'const', value: { type: 'string', value } }) as unknown as Expr;
export const op = (name: string, left: Expr | undefined, right: Expr) =>
  (left ? { kind: 'op', op: name, left, right } : { kind: 'op', op: name, right }) as unknown as Expr;
export const param = (number: number) => ({ kind: 'param', number }) as unknown as Expr;
