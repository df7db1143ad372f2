// REINDEX { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } name: the hnsw / ivfflat indexes among
// the targets are rebuilt (files removed, table sealed, one index per sealed segment again).
// Other indexes have no data structure of their own here, so there is nothing to rebuild.
// CONCURRENTLY is accepted and behaves like the plain form (readers are never blocked anyway).
import { Catalog, requireRelation, type ResolveContext } from '@vecgres/catalog';
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { ReindexStmt } from '@vecgres/sql';
import type { EngineSink } from '../session/result-sink';
import type { SessionTransaction } from '../session/session-tx';
import { annDdlHost, reindexAnnIndex } from './ann-index-ddl';

export async function executeReindex(tx: SessionTransaction, stmt: ReindexStmt, resolve: ResolveContext, sink: EngineSink): Promise<void> {
  const state = tx.catalog.state;
  const cat = new Catalog(state);
  let indexes: number[];
  if (stmt.target === 'index' && stmt.name) {
    const rel = requireRelation(cat, resolve, stmt.name);
    if (rel.kind !== 'i') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not an index`);
    indexes = [rel.oid];
  } else if (stmt.target === 'table' && stmt.name) {
    indexes = cat.indexesOf(requireRelation(cat, resolve, stmt.name, ['r']).oid).map((ix) => ix.oid);
  } else if (stmt.target === 'system') {
    indexes = [];
  } else {
    const schema = stmt.target === 'schema' && stmt.name ? cat.namespaces().find((n) => n.name === stmt.name!.name)?.oid : undefined;
    indexes = cat.relations().filter((r) => r.kind === 'i' && (schema === undefined || r.namespace === schema)).map((r) => r.oid);
  }
  const host = annDdlHost(tx);
  for (const oid of indexes) await reindexAnnIndex(host, state, oid);
  sink.complete('REINDEX');
}
