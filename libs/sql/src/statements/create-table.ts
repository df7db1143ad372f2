// CREATE TABLE (columns, constraints, flags) and CREATE TABLE ... AS / SELECT INTO's sibling.
import type { ColumnDef, CreateTableStmt } from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { translateTypeName } from '../expressions/type-name';
import { translateColumnConstraints, translateConstraint } from './constraints';
import { qualifiedName } from './names';
import { translateOptions } from './options';
import { translateQuery } from './select';

export function translateColumnDef(ctx: TranslateContext, c: PgNode): ColumnDef {
  if (c.storage_name) throw ctx.unsupported('STORAGE', c.location);
  if (c.compression) throw ctx.unsupported('COMPRESSION', c.location);
  if (c.fdwoptions) throw ctx.unsupported('column OPTIONS', c.location);
  const col: ColumnDef = {
    name: c.colname,
    type: translateTypeName(ctx, c.typeName),
    constraints: translateColumnConstraints(ctx, c.constraints),
    location: ctx.loc(c.location),
  };
  if (c.collClause) col.collation = stringList(ctx, c.collClause.collname, 'collation name');
  return col;
}

const ON_COMMIT: Record<string, CreateTableStmt['onCommit']> = {
  ONCOMMIT_PRESERVE_ROWS: 'preserveRows',
  ONCOMMIT_DELETE_ROWS: 'deleteRows',
  ONCOMMIT_DROP: 'drop',
};

function flags(ctx: TranslateContext, rel: PgNode, b: PgNode, onCommit: string | undefined) {
  if (b.tablespacename) throw ctx.unsupported('TABLESPACE', rel.location);
  if (b.accessMethod) throw ctx.unsupported('table access method', rel.location);
  const out: Pick<CreateTableStmt, 'table' | 'temporary' | 'unlogged' | 'options' | 'onCommit'> = {
    table: qualifiedName(ctx, rel),
    temporary: rel.relpersistence === 't',
    unlogged: rel.relpersistence === 'u',
    options: translateOptions(ctx, b.options),
  };
  const oc = onCommit ? ON_COMMIT[onCommit] : undefined;
  if (oc) out.onCommit = oc;
  return out;
}

export function translateCreateTable(ctx: TranslateContext, b: PgNode): CreateTableStmt {
  const at = b.relation.location;
  // PARTITION OF also fills inhRelations, so it is checked first.
  if (b.partbound) throw ctx.unsupported('PARTITION OF', at);
  if (b.inhRelations) throw ctx.unsupported('INHERITS', at);
  if (b.partspec) throw ctx.unsupported('PARTITION BY', b.partspec.location ?? at);
  if (b.ofTypename) throw ctx.unsupported('CREATE TABLE OF type', at);
  const stmt: CreateTableStmt = {
    kind: 'createTable',
    ...flags(ctx, b.relation, b, b.oncommit),
    ifNotExists: b.if_not_exists === true,
    columns: [],
    constraints: [],
    location: ctx.loc(at),
  };
  for (const el of list(b.tableElts)) {
    const [tag, e] = unwrap(el);
    if (tag === 'ColumnDef') stmt.columns.push(translateColumnDef(ctx, e));
    else if (tag === 'Constraint') stmt.constraints.push(translateConstraint(ctx, e));
    else if (tag === 'TableLikeClause') {
      if (e.options) throw ctx.unsupported('LIKE ... INCLUDING in CREATE TABLE', e.relation?.location);
      (stmt.likes ??= []).push({ table: qualifiedName(ctx, e.relation), position: stmt.columns.length });
    }
    else throw ctx.unsupported(`table element of kind ${tag}`, e?.location);
  }
  return stmt;
}

/** CREATE TABLE t [(cols)] AS query [WITH [NO] DATA] */
export function translateCreateTableAs(ctx: TranslateContext, b: PgNode): CreateTableStmt {
  const into = b.into;
  if (b.objtype !== 'OBJECT_TABLE') throw ctx.unsupported('CREATE MATERIALIZED VIEW', into.rel.location);
  const [tag] = unwrap(b.query);
  if (tag !== 'SelectStmt') throw ctx.unsupported(`CREATE TABLE AS ${tag}`, into.rel.location);
  return {
    kind: 'createTable',
    ...flags(ctx, into.rel, { options: into.options, tablespacename: into.tableSpaceName, accessMethod: into.accessMethod }, into.onCommit),
    ifNotExists: b.if_not_exists === true,
    columns: [],
    constraints: [],
    as: { query: translateQuery(ctx, b.query), columns: stringList(ctx, into.colNames, 'column name'), withData: into.skipData !== true },
    location: ctx.loc(into.rel.location),
  };
}
