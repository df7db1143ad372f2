// Temporary tables (PostgreSQL's namespace.c InitTempTableNamespace / RemoveTempRelations and
// tablecmds.c PreCommit_on_commit_actions). Each session has a backend id N and its temp
// schema `pg_temp_N`, created by the catalog on the first CREATE TEMP. The schema and
// everything in it are dropped when the session ends (Session.end), by DISCARD TEMP / ALL,
// and, for sessions that never ended cleanly (a crash), when the server starts
// (dropLeftoverTempSchemas). Temp-table rows live in storage like any other rows; they never
// outlive the catalog rows that name them.
import { Catalog, type ResolveContext } from '@vecgres/catalog';
import type { CreateTableStmt, DropStmt, Stmt } from '@vecgres/sql';
import type { Database } from './database';
import { executeDdl } from './ddl-exec';
import { CollectingSink } from './result-sink';
import { SessionTransaction } from './session-tx';

/**
 * PostgreSQL 15 gives the first client backend id 3 (ids 1 and 2 go to the autovacuum and
 * logical replication launchers), so the first session's temp schema is pg_temp_3 as there.
 */
const FIRST_BACKEND_ID = 3;

/** Takes the lowest free backend id of `db` (PostgreSQL reuses freed ProcArray slots). */
export function allocateBackendId(used: Set<number>): number {
  let id = FIRST_BACKEND_ID;
  while (used.has(id)) id++;
  used.add(id);
  return id;
}

export function tempSchemaName(backendId: number): string {
  return `pg_temp_${backendId}`;
}

function dropSchemaStmt(name: string): DropStmt {
  return { kind: 'drop', objectType: 'schema', names: [{ name, location: -1 }], ifExists: true, behavior: 'cascade', concurrently: false, location: -1 };
}

/** Drops the temp schema `name` with its contents in `tx` (quietly); false when it does not exist. */
export async function dropTempSchema(tx: SessionTransaction, name: string, resolve: ResolveContext): Promise<boolean> {
  if (!new Catalog(tx.catalog.state).namespaceByName(name)) return false;
  await executeDdl(tx, dropSchemaStmt(name), resolve, new CollectingSink());
  return true;
}

/** Whether `stmt` creates an object in the session's temp schema. */
export function createsTempObject(stmt: Stmt): boolean {
  if (stmt.kind === 'createTable') return stmt.temporary || stmt.table.schema === 'pg_temp';
  if (stmt.kind === 'createSequence') return stmt.temporary || stmt.sequence.schema === 'pg_temp';
  return false;
}

/** Server start: removes every pg_temp_N schema a previous run left behind. Returns their names. */
export async function dropLeftoverTempSchemas(db: Database): Promise<string[]> {
  const names = leftoverNames(db);
  if (names.length === 0) return [];
  const tx = new SessionTransaction(db, false);
  try {
    for (const n of names) await dropTempSchema(tx, n, { path: [], user: 'postgres', database: db.name });
  } catch (e) {
    tx.rollback();
    throw e;
  }
  await tx.commit();
  return names;
}

function leftoverNames(db: Database): string[] {
  return db.catalog().namespaces().map((n) => n.name).filter((n) => /^pg_temp_\d+$/.test(n));
}

/** ON COMMIT DELETE ROWS / DROP: what to do to a temp table at each commit (session memory, as in PG). */
export type OnCommitAction = 'deleteRows' | 'drop';

/** Records `stmt`'s ON COMMIT action for the table it just created in `tx`. */
export function recordOnCommit(actions: Map<number, OnCommitAction>, tx: SessionTransaction, stmt: CreateTableStmt, resolve: ResolveContext): void {
  if (stmt.onCommit !== 'deleteRows' && stmt.onCommit !== 'drop') return;
  const cat = new Catalog(tx.catalog.state);
  const ns = resolve.tempSchema ? cat.namespaceByName(resolve.tempSchema) : undefined;
  const rel = ns ? cat.relationByName(ns.oid, stmt.table.name) : undefined;
  if (rel) actions.set(rel.oid, stmt.onCommit);
}

/** Runs the ON COMMIT actions in `tx` just before it commits (tables gone since are forgotten). */
export async function runOnCommitActions(actions: Map<number, OnCommitAction>, tx: SessionTransaction, resolve: ResolveContext): Promise<void> {
  for (const [oid, action] of [...actions]) {
    const cat = new Catalog(tx.catalog.state);
    const rel = cat.relation(oid);
    if (!rel) {
      actions.delete(oid);
      continue;
    }
    if (action === 'drop') {
      actions.delete(oid);
      const schema = cat.namespace(rel.namespace)!.name;
      const stmt: DropStmt = { kind: 'drop', objectType: 'table', names: [{ schema, name: rel.name, location: -1 }], ifExists: true, behavior: 'cascade', concurrently: false, location: -1 };
      await executeDdl(tx, stmt, resolve, new CollectingSink());
      continue;
    }
    const id = tx.storageIdOf(oid);
    if (id === undefined) continue;
    for (const r of [...tx.storage.rows(id)]) tx.storage.delete(id, r.rowId);
  }
}
