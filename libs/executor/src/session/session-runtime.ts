// The session's run-time parameter statements (SET / RESET / SHOW [ALL]) and the functions
// that read the session's state or the clock: current_setting, version(), pg_sleep.
//
// pg_sleep cannot block inside the synchronous expression evaluator (that would freeze the
// event loop, so neither a CancelRequest nor statement_timeout could interrupt it). Instead it
// adds its duration to the statement's pending sleep, which the Session waits out
// (cancellably, through StatementControl) before it sends the batch that called it: the
// client sees the same delay and the same 57014 errors as from PostgreSQL.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { OutputColumn } from '@vecgres/planner';
import type { SetStmt, ShowStmt } from '@vecgres/sql';
import type { EngineSink } from './result-sink';
import { PG_VERSION, VECGRES_VERSION } from './setting-defs';
import type { SessionSettings } from './settings';

export const TEXT_OUTPUT = (name: string): OutputColumn => ({ name, type: { oid: 25, typmod: -1 }, typlen: -1, tableOid: 0, attnum: 0 });

/** Per-statement state the runtime functions leave for the Session to act on. */
export interface RuntimeState {
  /** Milliseconds of pg_sleep requested by rows already produced and not yet waited out. */
  sleepMs: number;
}

export function versionString(): string {
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch;
  const os = process.platform === 'linux' ? 'pc-linux-gnu' : process.platform;
  const bits = ['x64', 'arm64', 'ppc64', 's390x'].includes(process.arch) ? 64 : 32;
  return `PostgreSQL ${PG_VERSION} (vecgres ${VECGRES_VERSION}) on ${arch}-${os}, compiled by node ${process.versions.node}, ${bits}-bit`;
}

export function runtimeFunctions(settings: SessionSettings, state: RuntimeState): Record<string, (...args: any[]) => unknown> {
  return {
    pgsql_version: () => versionString(),
    show_config_by_name: (name: string) => settings.get(name),
    // set_config(name, value, is_local): SET / SET LOCAL from a query; returns the new value.
    set_config_by_name: (name: string | null, value: string | null, isLocal: boolean | null) => {
      if (name === null) throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, 'SET requires parameter name');
      settings.set(name, value, isLocal === true);
      return settings.get(name);
    },
    show_config_by_name_missing_ok: (name: string, missingOk: boolean) => (missingOk ? settings.find(name) : settings.get(name)),
    pg_sleep: (seconds: number) => {
      if (seconds > 0) state.sleepMs += seconds * 1000;
      // void_out prints the empty string: the row holds a value, not NULL.
      return '';
    },
  };
}

/** SHOW name | SHOW ALL. `isolation`: the running transaction's level for transaction_isolation. */
export async function showStatement(settings: SessionSettings, stmt: ShowStmt, describe: boolean, sink: EngineSink, isolation: string): Promise<void> {
  const name = stmt.name.toLowerCase();
  if (name === 'all') {
    if (describe) sink.describe(showColumns(stmt));
    await sink.rows(settings.all());
  } else {
    const canonical = settings.canonicalName(name);
    if (describe) sink.describe(showColumns(stmt, canonical));
    await sink.rows([[name === 'transaction_isolation' ? isolation : settings.get(name)]]);
  }
  sink.complete('SHOW');
}

/** SHOW's result columns (Describe of a prepared SHOW). */
export function showColumns(stmt: ShowStmt, canonical?: string): OutputColumn[] {
  if (stmt.name.toLowerCase() === 'all') return [TEXT_OUTPUT('name'), TEXT_OUTPUT('setting'), TEXT_OUTPUT('description')];
  return [TEXT_OUTPUT(canonical ?? stmt.name.toLowerCase())];
}

/** SET / RESET (not SET TRANSACTION): validated, applied, tagged like PostgreSQL. */
export function setStatement(settings: SessionSettings, stmt: SetStmt, inBlock: boolean, sink: EngineSink): void {
  if (stmt.local && !inBlock) {
    sink.notice?.({ severity: 'WARNING', sqlstate: SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, message: 'SET LOCAL can only be used in transaction blocks' });
  }
  settings.apply(stmt);
  sink.complete(stmt.action === 'reset' || stmt.action === 'resetAll' ? 'RESET' : 'SET');
}
