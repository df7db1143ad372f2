// ALTER TABLE: subcommands run in order against one working state, so a failing subcommand
// leaves nothing behind (the caller keeps the old state). Column subcommands are in
// alter-column.ts; constraint, rename and schema subcommands are here.
import { SQLSTATE, SqlError, undefinedObject } from '@vecgres/errors';
import type { AlterTableStmt } from '@vecgres/sql';
import { lookupNamespace, lookupRelation } from '../lookup/resolve';
import { notice } from '../model/notice';
import type { IndexRelation, TableRelation } from '../model/relations';
import type { CatalogState } from '../model/state';
import { addColumn, alterColumnType, dropColumn, renameColumn, setDefault, setNotNull } from './alter-column';
import { addCheckConstraint, addForeignKey, addKeyConstraint } from './constraints';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';
import { deleteObject } from './delete-object';
import { performDeletion } from './dependencies';
import { afterTableRename, alterView } from '../views/alter-view';

function dropConstraint(b: DdlBuilder, t: TableRelation, name: string, ifExists: boolean, cascade: boolean): void {
  const c = b.catalog.constraintsOf(t.oid).find((x) => x.name === name);
  if (!c) {
    if (ifExists) {
      b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `constraint "${name}" of relation "${t.name}" does not exist, skipping`));
      return;
    }
    throw undefinedObject(`constraint "${name}" of relation "${t.name}" does not exist`);
  }
  performDeletion(b, [{ kind: 'constraint', oid: c.oid }], cascade, (a) => deleteObject(b, a));
}

function renameConstraint(b: DdlBuilder, t: TableRelation, from: string, to: string): void {
  const c = b.catalog.constraintsOf(t.oid).find((x) => x.name === from);
  if (!c) throw undefinedObject(`constraint "${from}" for table "${t.name}" does not exist`);
  if (b.catalog.constraintsOf(t.oid).some((x) => x.name === to)) {
    throw new SqlError(SQLSTATE.DUPLICATE_OBJECT, `constraint "${to}" for relation "${t.name}" already exists`);
  }
  b.put('constraints', { ...c, name: to });
  // A key constraint and its index share the name (RenameConstraintById renames both).
  if ((c.type === 'p' || c.type === 'u') && c.index) {
    if (b.catalog.relationByName(t.namespace, to)) throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${to}" already exists`);
    b.put('relations', { ...(b.catalog.relation(c.index) as IndexRelation), name: to });
  }
}

function renameTable(b: DdlBuilder, t: TableRelation, to: string): void {
  if (b.catalog.relationByName(t.namespace, to)) throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${to}" already exists`);
  b.put('relations', { ...t, name: to });
}

function setSchema(b: DdlBuilder, t: TableRelation, schema: string): void {
  const ns = lookupNamespace(b.catalog, schema, b.ctx);
  if (ns.oid === t.namespace) return;
  // The table takes its indexes and owned sequences along (AlterTableNamespaceInternal).
  const moving = [t, ...b.catalog.indexesOf(t.oid), ...b.catalog.sequencesOwnedBy(t.oid)];
  for (const r of moving) {
    if (b.catalog.relationByName(ns.oid, r.name)) {
      throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${r.name}" already exists in schema "${schema}"`);
    }
  }
  for (const r of moving) b.put('relations', { ...b.catalog.relation(r.oid)!, namespace: ns.oid });
  for (const c of b.catalog.constraintsOf(t.oid)) b.put('constraints', { ...c, namespace: ns.oid });
}

export function alterTable(state: CatalogState, stmt: AlterTableStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  const rel = lookupRelation(b.catalog, ctx, stmt.table, { missingSchemaOk: stmt.ifExists });
  if (!rel) {
    if (stmt.ifExists) {
      b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `relation "${stmt.table.name}" does not exist, skipping`));
      return b.result();
    }
    throw new SqlError(SQLSTATE.UNDEFINED_TABLE, `relation "${stmt.table.schema ? `${stmt.table.schema}.` : ''}${stmt.table.name}" does not exist`);
  }
  if (stmt.relationType === 'view' && rel.kind !== 'v') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a view`);
  if (rel.kind === 'v') {
    alterView(b, rel, stmt);
    return b.result();
  }
  if (rel.kind !== 'r') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a table`);
  const before = b.catalog;
  const taken = new Set<string>();
  for (const cmd of stmt.commands) {
    const t = b.catalog.table(rel.oid)!;
    switch (cmd.action) {
      case 'addColumn': addColumn(b, t.oid, cmd); break;
      case 'dropColumn': dropColumn(b, t.oid, cmd); break;
      case 'setDefault': setDefault(b, t.oid, cmd.column, cmd.default); break;
      case 'dropDefault': setDefault(b, t.oid, cmd.column, undefined); break;
      case 'setNotNull': setNotNull(b, t.oid, cmd.column, true); break;
      case 'dropNotNull': setNotNull(b, t.oid, cmd.column, false); break;
      case 'alterType': alterColumnType(b, t.oid, cmd); break;
      case 'addConstraint': {
        const c = cmd.constraint;
        if (c.type === 'check') addCheckConstraint(b, t.oid, c, taken, true);
        else if (c.type === 'primaryKey' || c.type === 'unique') {
          addKeyConstraint(b, t.oid, c);
          if (c.type === 'primaryKey') {
            for (const attnum of b.catalog.constraintsOf(t.oid).find((x) => x.type === 'p')!.columns) {
              b.effect({ type: 'validateNotNull', table: t.oid, attnum });
            }
          }
        } else if (c.type === 'foreignKey') addForeignKey(b, t.oid, c, undefined, taken, true);
        else if (c.type === 'notNull') for (const col of c.columns) setNotNull(b, t.oid, col, true);
        else throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `ALTER TABLE ADD ${c.type} constraint is not supported`);
        break;
      }
      case 'dropConstraint': dropConstraint(b, t, cmd.name, cmd.ifExists, cmd.behavior === 'cascade'); break;
      case 'renameColumn': renameColumn(b, t.oid, cmd.column, cmd.newName); break;
      case 'renameConstraint': renameConstraint(b, t, cmd.name, cmd.newName); break;
      case 'renameTable': renameTable(b, t, cmd.newName); break;
      case 'setSchema': setSchema(b, t, cmd.schema); break;
    }
  }
  afterTableRename(b, before, stmt, rel.oid);
  return b.result();
}
