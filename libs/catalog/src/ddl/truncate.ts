// TRUNCATE (tablecmds.c ExecuteTruncate): no catalog change, but the checks and the effect the
// engine carries out. A table referenced by a foreign key can only be truncated together
// with the referencing tables (or with CASCADE, which adds them with a NOTICE).
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { TruncateStmt } from '@vecgres/sql';
import { requireRelation } from '../lookup/resolve';
import { notice } from '../model/notice';
import type { Oid } from '../model/rows';
import type { CatalogState } from '../model/state';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';

export function truncate(state: CatalogState, stmt: TruncateStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  const cat = b.catalog;
  const tables: Oid[] = [];
  for (const { table } of stmt.tables) {
    const rel = requireRelation(cat, ctx, table);
    if (rel.kind !== 'r') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a table`);
    if (!tables.includes(rel.oid)) tables.push(rel.oid);
  }
  // Referencing tables must come along (CASCADE adds them, transitively).
  for (let i = 0; i < tables.length; i++) {
    for (const fk of cat.foreignKeysReferencing(tables[i])) {
      if (tables.includes(fk.table)) continue;
      const from = cat.relation(fk.table)!.name;
      const to = cat.relation(tables[i])!.name;
      if (stmt.behavior !== 'cascade') {
        throw notSupported('cannot truncate a table referenced in a foreign key constraint', {
          detail: `Table "${from}" references "${to}".`,
          hint: `Truncate table "${from}" at the same time, or use TRUNCATE ... CASCADE.`,
        });
      }
      b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `truncate cascades to table "${from}"`));
      tables.push(fk.table);
    }
  }
  const restartSequences = stmt.restartIdentity ? tables.flatMap((t) => cat.sequencesOwnedBy(t).map((s) => s.oid)) : [];
  b.effect({ type: 'truncate', tables, restartSequences });
  return b.result();
}
