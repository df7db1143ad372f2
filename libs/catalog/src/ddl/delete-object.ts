// Removing one object from the state (dependency.c doDeletion): rows disappear, a column
// is marked dropped (keeping its attnum, as PostgreSQL does), a default is cleared. Storage
// effects are recorded for relations and columns.
import type { ColumnRow, TableRelation } from '../model/relations';
import type { DdlBuilder } from './ddl-builder';
import type { ObjectAddress } from './object-address';

/** PostgreSQL's name for a dropped column: `........pg.dropped.N........`. */
export function droppedColumnName(attnum: number): string {
  return `........pg.dropped.${attnum}........`;
}

function updateColumn(b: DdlBuilder, table: TableRelation, attnum: number, change: (c: ColumnRow) => ColumnRow): void {
  b.put('relations', { ...table, columns: table.columns.map((c) => (c.attnum === attnum ? change(c) : c)) });
}

export function deleteObject(b: DdlBuilder, a: ObjectAddress): void {
  switch (a.kind) {
    case 'relation': {
      const rel = b.catalog.relation(a.oid);
      if (!rel) return;
      b.remove('relations', [a.oid]);
      b.effect({ type: 'dropRelation', oid: a.oid, kind: rel.kind });
      return;
    }
    case 'column': {
      const t = b.catalog.table(a.oid);
      if (!t) return;
      updateColumn(b, t, a.attnum, (c) => {
        const { default: _dropped, ...rest } = c;
        return { ...rest, name: droppedColumnName(c.attnum), dropped: true, notNull: false, identity: '', generated: '' };
      });
      b.effect({ type: 'dropColumn', table: a.oid, attnum: a.attnum });
      return;
    }
    case 'default': {
      const t = b.catalog.table(a.oid);
      if (!t) return;
      updateColumn(b, t, a.attnum, (c) => {
        const { default: _dropped, ...rest } = c;
        return { ...rest, generated: '' };
      });
      return;
    }
    case 'constraint': b.remove('constraints', [a.oid]); return;
    case 'namespace': b.remove('namespaces', [a.oid]); return;
    case 'extension': b.remove('extensions', [a.oid]); return;
    case 'type': b.remove('types', [a.oid]); return;
    case 'proc': b.remove('procs', [a.oid]); return;
    case 'operator': b.remove('operators', [a.oid]); return;
    case 'cast': b.remove('casts', [a.oid]); return;
    case 'am': b.remove('accessMethods', [a.oid]); return;
    case 'opclass': b.remove('opclasses', [a.oid]); return;
  }
}
