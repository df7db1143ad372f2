// Builds engine-backed query handlers (one Database in a temp data directory, one executor
// Session per handler) for unit tests, and helpers to run simple and extended queries.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Database, Session } from '@vecgres/executor';
import type { BindArgs } from '@vecgres/pg-wire';
import { loadParser } from '@vecgres/sql';
import { StorageEngine } from '@vecgres/storage';
import { EngineQueryHandler } from '../engine/engine-handler';
import { FakeSink } from './fake-sink';

export interface Harness {
  db: Database;
  engine: StorageEngine;
  session(params?: Record<string, string>): EngineQueryHandler;
  close(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  await loadParser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vecgres-server-'));
  const { engine } = await StorageEngine.open(dir, { autoMaintenance: false });
  const db = new Database(engine);
  return {
    db,
    engine,
    session(params = {}) {
      return new EngineQueryHandler(new Session(db, 'tester', { maxConnections: 100, startupParams: params }));
    },
    async close() {
      await engine.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a simple Query; returns the sink and the error (if any) instead of throwing. */
export async function simple(session: EngineQueryHandler, sql: string, sink = new FakeSink()): Promise<{ sink: FakeSink; error: any }> {
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
  session: EngineQueryHandler,
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
