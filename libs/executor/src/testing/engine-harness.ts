// Test harness: a StorageEngine in a temp directory, a Database over it, sessions, and a
// `run(sql)` that returns rows / tags / the error like a psql session would see them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isSqlError, type SqlError } from '@vecgres/errors';
import { loadParser } from '@vecgres/sql';
import { StorageEngine } from '@vecgres/storage';
import { Database } from '../session/database';
import { CollectingSink } from '../session/result-sink';
import { Session } from '../session/session';

export interface Harness {
  dir: string;
  engine: StorageEngine;
  db: Database;
  session(): Session;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function openHarness(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vecgres-exec-'))): Promise<Harness> {
  await loadParser();
  const h: Harness = {
    dir,
    engine: undefined as unknown as StorageEngine,
    db: undefined as unknown as Database,
    session: () => new Session(h.db),
    async reopen() {
      await h.engine.close();
      h.engine = (await StorageEngine.open(dir, { autoMaintenance: false })).engine;
      h.db = new Database(h.engine);
    },
    async close() {
      await h.engine.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  h.engine = (await StorageEngine.open(dir, { autoMaintenance: false })).engine;
  h.db = new Database(h.engine);
  return h;
}

export interface Result { rows: unknown[][]; tags: string[]; columns: string[]; notices: string[] }

/** Runs SQL (simple protocol) and returns what came back; throws the SqlError on failure. */
export async function run(s: Session, sql: string, params: unknown[] = []): Promise<Result> {
  const sink = new CollectingSink();
  await s.query(sql, sink, params);
  return { rows: sink.rowsOut, tags: sink.tags, columns: sink.columns.map((c) => c.name), notices: sink.notices.map((n) => n.message) };
}

/** The rows of one query. */
export async function rows(s: Session, sql: string, params: unknown[] = []): Promise<unknown[][]> {
  return (await run(s, sql, params)).rows;
}

/** The error a statement fails with (its code, message, position, hint). */
export async function failure(s: Session, sql: string): Promise<Pick<SqlError, 'sqlstate' | 'message'> & { position?: number; hint?: string; detail?: string }> {
  try {
    await run(s, sql);
  } catch (e) {
    if (!isSqlError(e)) throw e;
    const out: { sqlstate: string; message: string; position?: number; hint?: string; detail?: string } = { sqlstate: e.sqlstate, message: e.message };
    if (e.position !== undefined) out.position = e.position;
    if (e.hint !== undefined) out.hint = e.hint;
    if (e.detail !== undefined) out.detail = e.detail;
    return out as never;
  }
  throw new Error(`expected an error from: ${sql}`);
}
