// CREATE TABLE [IF NOT EXISTS], DROP TABLE [IF EXISTS], TRUNCATE [TABLE] on scratch tables.
import { SQLSTATE, duplicateColumn, undefinedTable } from '@vecgres/errors';
import { type AstBody, type AstNode, asNode, nodeKind, positionOf, stringList, unsupported } from '../ast';
import { COLUMN_TYPES, resolveTypeName, typeDisplayName } from '../sql-types';
import type { AnalyzeContext, BoundStatement } from '../statement';
import type { ScratchColumn } from '../table-store';

function tableName(rv: AstBody, kind: string): string {
  if (rv.schemaname && rv.schemaname !== 'public' && rv.schemaname !== 'pg_temp') {
    throw unsupported(kind, `schema "${rv.schemaname}"`);
  }
  return String(rv.relname);
}

function columnDef(def: AstBody, ctx: AnalyzeContext): ScratchColumn {
  const typeOid = resolveTypeName(def.typeName, positionOf(ctx.sql, def.typeName.location));
  if (!COLUMN_TYPES.has(typeOid)) throw unsupported('CreateStmt', `column type ${typeDisplayName(typeOid)}`);
  let notNull = false;
  for (const c of (def.constraints ?? []) as AstNode[]) {
    const con = asNode(c, 'Constraint')!;
    if (con.contype === 'CONSTR_NOTNULL') notNull = true;
    else if (con.contype !== 'CONSTR_NULL') throw unsupported('CreateStmt', `${String(con.contype).replace('CONSTR_', '')} constraint`);
  }
  return { name: String(def.colname), typeOid, notNull };
}

export function analyzeCreateTable(stmt: AstBody, ctx: AnalyzeContext): BoundStatement {
  for (const f of ['inhRelations', 'partbound', 'partspec', 'ofTypename', 'constraints', 'options']) {
    if (stmt[f] !== undefined && !(Array.isArray(stmt[f]) && stmt[f].length === 0)) throw unsupported('CreateStmt', f);
  }
  const name = tableName(stmt.relation, 'CreateStmt');
  const columns: ScratchColumn[] = [];
  for (const elt of (stmt.tableElts ?? []) as AstNode[]) {
    const def = asNode(elt, 'ColumnDef');
    if (!def) throw unsupported('CreateStmt', `table element ${nodeKind(elt)}`);
    const col = columnDef(def, ctx);
    if (columns.some((c) => c.name === col.name)) throw duplicateColumn(`column "${col.name}" specified more than once`);
    columns.push(col);
  }
  return {
    kind: 'CreateStmt',
    columns: null,
    async run(ex) {
      const { store, tx } = ex.session;
      if (stmt.if_not_exists && store.get(name)) {
        ex.sink.notice({ severity: 'NOTICE', sqlstate: SQLSTATE.DUPLICATE_TABLE, message: `relation "${name}" already exists, skipping` });
      } else {
        store.create(name, columns, tx);
      }
      return 'CREATE TABLE';
    },
  };
}

export function analyzeDrop(stmt: AstBody): BoundStatement {
  if (stmt.removeType !== 'OBJECT_TABLE') throw unsupported('DropStmt', String(stmt.removeType));
  const names = ((stmt.objects ?? []) as AstNode[]).map((o) => {
    const parts = stringList(asNode(o, 'List')?.items);
    return tableName({ relname: parts[parts.length - 1], schemaname: parts.length > 1 ? parts[0] : undefined }, 'DropStmt');
  });
  return {
    kind: 'DropStmt',
    columns: null,
    async run(ex) {
      const { store, tx } = ex.session;
      for (const name of names) {
        if (store.get(name)) store.drop(name, tx);
        else if (stmt.missing_ok) {
          ex.sink.notice({ severity: 'NOTICE', sqlstate: SQLSTATE.SUCCESSFUL_COMPLETION, message: `table "${name}" does not exist, skipping` });
        } else {
          throw undefinedTable(`table "${name}" does not exist`);
        }
      }
      return 'DROP TABLE';
    },
  };
}

export function analyzeTruncate(stmt: AstBody, ctx: AnalyzeContext): BoundStatement {
  const tables = ((stmt.relations ?? []) as AstNode[]).map((r) => {
    const rv = asNode(r, 'RangeVar')!;
    return ctx.session.store.require(tableName(rv, 'TruncateStmt'), positionOf(ctx.sql, rv.location));
  });
  return {
    kind: 'TruncateStmt',
    columns: null,
    async run(ex) {
      for (const t of tables) t.truncate(ex.session.tx);
      return 'TRUNCATE TABLE';
    },
  };
}
