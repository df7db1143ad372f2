// libpg-query is the only SQL parser here (never regexes). The WASM module is loaded once at
// server start (loadParser); parsing is then synchronous, a few microseconds per statement.
import { syntaxError, type SqlError } from '@vecgres/errors';
import { loadModule, parseSync } from 'libpg-query';
import type { AstNode } from './ast';

/** One statement of a query string. */
export interface ParsedStatement {
  readonly node: AstNode;
  /** Byte offset of the statement in the query string and its length in bytes. */
  readonly location: number;
  readonly length: number | undefined;
}

/** Parses SQL into statements; throws 42601 with a 1-based character position. */
export type SqlParser = (sql: string) => ParsedStatement[];

interface LibpgError {
  message?: string;
  sqlDetails?: { message: string; cursorPosition: number };
}

function toSyntaxError(err: LibpgError): SqlError {
  const details = err.sqlDetails;
  if (!details) return syntaxError(err.message ?? 'syntax error');
  // cursorPosition is a 0-based character index; the protocol's P field is 1-based.
  return syntaxError(details.message, details.cursorPosition + 1);
}

/** Loads the parser module (once per process) and returns the parse function. */
export async function loadParser(): Promise<SqlParser> {
  await loadModule();
  return (sql: string) => {
    // libpg-query refuses '' outright; PostgreSQL answers it with EmptyQueryResponse.
    if (sql.length === 0) return [];
    let result: { stmts?: Array<{ stmt?: AstNode; stmt_location?: number; stmt_len?: number }> };
    try {
      result = parseSync(sql) as typeof result;
    } catch (err) {
      throw toSyntaxError(err as LibpgError);
    }
    return (result.stmts ?? [])
      .filter((s) => s.stmt !== undefined)
      .map((s) => ({ node: s.stmt!, location: s.stmt_location ?? 0, length: s.stmt_len }));
  };
}
