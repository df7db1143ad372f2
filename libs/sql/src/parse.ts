// The entry point: query string -> Statement[] through PostgreSQL's own parser (libpg-query,
// PostgreSQL 18's gram.y compiled to WASM), then our translator.
import { internal, isSqlError, notSupported, syntaxError, type SqlError } from '@vecgres/errors';
import { loadModule, parseSync } from 'libpg-query';
import { TranslateContext, type PgNode } from './context';
import { createSourceMap, type SourceMap } from './source-map';
import { commandWords, translateStmt } from './statements/statement';
import type { Statement, Stmt } from './types';

/**
 * Loads the WASM parser. Call (and await) once before `parse`; repeated calls are cheap
 * (libpg-query keeps the module).
 */
export async function loadParser(): Promise<void> {
  await loadModule();
}

/** libpg-query's error: PostgreSQL's message and a 0-based character cursor. */
interface ParserError { message: string; sqlDetails?: { message: string; cursorPosition: number } }

function toSqlError(e: unknown): SqlError {
  const err = e as ParserError;
  if (err?.sqlDetails) {
    // cursorPosition counts characters (pg_mbstrlen), 0-based; ErrorResponse P is 1-based.
    return syntaxError(err.sqlDetails.message, err.sqlDetails.cursorPosition + 1);
  }
  if (String(err?.message).includes('not initialized')) {
    return internal('SQL parser not loaded: await loadParser() before parse()', { cause: e });
  }
  return internal('SQL parser failure', { cause: e });
}

/** Byte offset of the first non-blank byte at or after `from` (the scanner's ASCII blanks). */
function skipBlanks(map: SourceMap, from: number): number {
  let b = from;
  while (map.jsIndex(b) < map.source.length && ' \t\n\r\f\v'.includes(map.source.charAt(map.jsIndex(b)))) b++;
  return b;
}

/**
 * One RawStmt's node -> Stmt. Errors without a position are placed at the statement's first
 * token; anything that is not a SqlError (an AST shape the translator did not expect) becomes
 * 0A000 with the original error as `cause`, so a client never sees a crash.
 */
export function translateRawStmt(ctx: TranslateContext, node: PgNode, startByte: number): Stmt {
  const firstByte = skipBlanks(ctx.map, startByte);
  const first = ctx.loc(firstByte);
  let stmt: Stmt;
  try {
    stmt = translateStmt(ctx, node, firstByte);
  } catch (e) {
    if (!isSqlError(e)) {
      const words = commandWords(Object.keys(node)[0] ?? 'statement');
      throw notSupported(`this form of ${words} is not supported`, { position: first + 1, cause: e });
    }
    throw e.position === undefined ? e.with({ position: first + 1 }) : e;
  }
  if (stmt.location < 0) stmt.location = first;
  return stmt;
}

/**
 * Parses one query string (possibly several `;`-separated statements) into typed statements.
 * Throws SqlError 42601 for syntax errors (PostgreSQL's message, 1-based character position)
 * and 0A000 for constructs vecgres does not model. Empty statements (`;;`, comments only) are
 * dropped exactly as PostgreSQL drops them: a blank string yields [].
 */
export function parse(sql: string): Statement[] {
  if (sql.length === 0) return [];
  let result: { stmts?: PgNode[] };
  try {
    result = parseSync(sql) as unknown as { stmts?: PgNode[] };
  } catch (e) {
    throw toSqlError(e);
  }
  const map = createSourceMap(sql);
  const ctx = new TranslateContext(map);
  return (result.stmts ?? []).map((raw): Statement => {
    // stmt_location/stmt_len are bytes; a missing location is 0 and a zero length means
    // "to the end of the string" (PostgreSQL's RawStmt convention).
    const startByte: number = raw.stmt_location ?? 0;
    const start = map.jsIndex(startByte);
    const end = raw.stmt_len ? map.jsIndex(startByte + raw.stmt_len) : sql.length;
    return { stmt: translateRawStmt(ctx, raw.stmt, startByte), text: sql.slice(start, end), location: ctx.loc(startByte) };
  });
}
