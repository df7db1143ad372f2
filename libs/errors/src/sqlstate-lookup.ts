// Lookups over the generated table (kept out of the generated file so it stays pure data).
import { SQLSTATE, SQLSTATE_CLASS, type SqlState } from './generated/sqlstate';

const KNOWN: ReadonlySet<string> = new Set<string>(Object.values(SQLSTATE));

/** True when `code` is one of PostgreSQL's SQLSTATEs (e.g. for codes arriving from native code). */
export function isKnownSqlstate(code: string): code is SqlState {
  return KNOWN.has(code);
}

/** The class description of a SQLSTATE ('42601' -> 'Syntax Error or Access Rule Violation'). */
export function sqlstateClass(code: string): string | undefined {
  return (SQLSTATE_CLASS as Record<string, string>)[code.slice(0, 2)];
}
