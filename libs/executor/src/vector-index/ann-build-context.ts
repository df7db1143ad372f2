// What a CREATE INDEX / REINDEX build gets from the statement that runs it:
//   - the statement's cancel signal (CancelRequest, statement_timeout), turned into the native
//     builders' shared stop flag (libs/hnsw, libs/ivfflat: a nonzero Int32Array element stops
//     the worker threads at their next check); the statement then fails with the signal's own
//     57014 error ("canceling statement due to statement timeout"), not the native one;
//   - a DEBUG1 channel for the build phases. pgvector's build says nothing per phase at the
//     default client_min_messages (NOTICE); we report the phases at DEBUG1, so
//     `SET client_min_messages = debug1` shows `DEBUG:  hnsw: loading tuples` and the default
//     stays as quiet as pgvector.
import type { EngineNotice } from '../session/result-sink';

export interface AnnBuildContext {
  /** Aborted when the statement is canceled; its reason is the 57014 SqlError to raise. */
  signal?: AbortSignal;
  /** A DEBUG1 message (sent only when client_min_messages allows it). */
  debug?(message: string): void;
  /**
   * The transaction the build runs in: its files are removed if it rolls back (and kept out of
   * the orphan collection until it ends). Any object identifying the transaction.
   */
  owner?: object;
}

/** PostgreSQL's client_min_messages levels, least severe first (elog.h order). */
const LEVELS = ['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'log', 'notice', 'warning', 'error'] as const;

/**
 * Whether a message of `level` reaches the client under client_min_messages `setting`.
 * LOG is ranked between DEBUG1 and NOTICE for the client (is_log_level_output is for the
 * server log only); INFO always goes to the client, as in PostgreSQL.
 */
export function clientReceives(setting: string | null, level: 'debug1' | 'debug2' | 'log' | 'info' | 'notice' | 'warning'): boolean {
  if (level === 'info') return true;
  const min = LEVELS.indexOf((setting ?? 'notice').toLowerCase() as (typeof LEVELS)[number]);
  return LEVELS.indexOf(level) >= (min < 0 ? LEVELS.indexOf('notice') : min);
}

/** The build context of one statement: DEBUG1 notices go to `notice` when the level allows. */
export function annBuildContext(opts: {
  signal?: AbortSignal;
  clientMinMessages: string | null;
  notice?: (n: EngineNotice) => void;
  owner?: object;
}): AnnBuildContext {
  const ctx: AnnBuildContext = {};
  if (opts.signal) ctx.signal = opts.signal;
  if (opts.owner) ctx.owner = opts.owner;
  const notice = opts.notice;
  if (notice && clientReceives(opts.clientMinMessages, 'debug1')) {
    ctx.debug = (message) => notice({ severity: 'DEBUG', sqlstate: '00000', message });
  }
  return ctx;
}

/**
 * Runs `f` with a stop flag (Int32Array, 1 element) raised when `signal` aborts. A failure
 * after the abort is reported as the signal's reason (the statement's 57014 error).
 */
export async function withStopFlag<T>(signal: AbortSignal | undefined, f: (stop: Int32Array | undefined) => Promise<T>): Promise<T> {
  if (!signal) return f(undefined);
  if (signal.aborted) throw signal.reason;
  const stop = new Int32Array(1);
  const onAbort = (): void => {
    Atomics.store(stop, 0, 1);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await f(stop);
    // Finished before the native code saw the flag: a canceled statement still fails.
    if (signal.aborted) throw signal.reason;
    return result;
  } catch (e) {
    throw signal.aborted ? signal.reason : e;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
