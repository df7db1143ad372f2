// Builds bootstrap sessions over one shared parser and table store for unit tests, and
// helpers to run simple and extended queries against them.
import type { BindArgs, StartupInfo } from '@vecgres/pg-wire';
import { loadParser, type SqlParser } from '../bootstrap/parse';
import { BootstrapSession } from '../bootstrap/session';
import { TableStore } from '../bootstrap/table-store';
import { FakeSink } from './fake-sink';

export interface Harness {
  parser: SqlParser;
  store: TableStore;
  session(params?: Record<string, string>): BootstrapSession;
}

export async function createHarness(): Promise<Harness> {
  const parser = await loadParser();
  const store = new TableStore();
  return {
    parser,
    store,
    session(params = {}) {
      const startup: StartupInfo = {
        user: 'tester',
        database: 'db',
        params,
        processId: 1,
        secretKey: 2,
        remoteAddress: '127.0.0.1',
        tls: false,
      };
      return new BootstrapSession({ parser, store, startup, maxConnections: 100 });
    },
  };
}

/** Runs a simple Query; returns the sink and the error (if any) instead of throwing. */
export async function simple(session: BootstrapSession, sql: string, sink = new FakeSink()): Promise<{ sink: FakeSink; error: any }> {
  try {
    await session.simpleQuery(sql, sink);
    return { sink, error: null };
  } catch (error) {
    return { sink, error };
  }
}

export interface ExtendedRun {
  sink: FakeSink;
  error: any;
  paramTypes: number[];
  outcome?: string;
}

/** Parse + Bind + Execute + Sync, with text params unless formats are given. */
export async function extended(
  session: BootstrapSession,
  sql: string,
  params: Array<Buffer | string | null> = [],
  options: { paramTypes?: number[]; paramFormats?: Array<0 | 1>; resultFormats?: Array<0 | 1>; maxRows?: number } = {},
): Promise<ExtendedRun> {
  const sink = new FakeSink();
  let paramTypes: number[] = [];
  try {
    const stmt = await session.parse(sql, options.paramTypes ?? []);
    paramTypes = stmt.paramTypeOids;
    const args: BindArgs = {
      params: params.map((p) => (p === null ? null : Buffer.isBuffer(p) ? p : Buffer.from(p, 'utf8'))),
      paramFormats: options.paramFormats ?? params.map(() => 0),
      resultFormats: options.resultFormats ?? [],
    };
    const portal = await session.bind(stmt, args);
    const outcome = await session.execute(portal, options.maxRows ?? 0, sink);
    await session.sync();
    return { sink, error: null, paramTypes, outcome };
  } catch (error) {
    await session.sync();
    return { sink, error, paramTypes };
  }
}
