// Catalog information functions: visibility tests, object names and descriptions, serial
// sequences, the search path, privileges (always granted for now) and encodings.
// @see https://www.postgresql.org/docs/15/functions-info.html
import { undefinedColumn, undefinedTable } from '@vecgres/errors';
import { isProcVisible, isTypeVisible } from '../lookup/resolve';
import { currentSchema, currentSchemas } from '../lookup/search-path';
import type { Oid, ProcRow } from '../model/rows';
import { CLASS_OID, pgDescriptionRows } from '../system-views/pg-am';
import type { SystemViewContext } from '../system-views/system-view';
import { DEFAULT_TABLESPACE_OID, GLOBAL_TABLESPACE_OID, makeArray, roleName } from '../system-views/view-helpers';
import { formatType } from '../types/format-type';
import { quoteIdentifier } from '../types/quote';
import { isRelationOidVisible, pathContext, relationIdentity, relationInNamespace, relationOnPath } from './relation-names';
import { splitQualifiedName } from './reg-types';

/** format_type(type, typmod): NULL type gives NULL; NULL typmod means "no typmod given". */
export function formatTypeFn(ctx: SystemViewContext, oid: Oid | null, typmod: number | null): string | null {
  if (oid === null) return null;
  return formatType(ctx.catalog, oid, typmod, { registry: ctx.registry, searchPath: pathContext(ctx.session) });
}

/** pg_get_userbyid: the role's name, or `unknown (OID=n)`. */
export function pgGetUserbyid(ctx: SystemViewContext, oid: Oid): string {
  return roleName(ctx.session, oid) ?? `unknown (OID=${oid})`;
}

/** pg_table_is_visible: NULL for an OID that names no relation (as PostgreSQL 9.4+). */
export function pgTableIsVisible(ctx: SystemViewContext, oid: Oid): boolean | null {
  return relationIdentity(ctx.catalog, oid) ? isRelationOidVisible(ctx.catalog, ctx.session, oid) : null;
}

export function pgTypeIsVisible(ctx: SystemViewContext, oid: Oid): boolean | null {
  return ctx.catalog.type(oid) ? isTypeVisible(ctx.catalog, pathContext(ctx.session), oid) : null;
}

export function pgFunctionIsVisible(ctx: SystemViewContext, oid: Oid): boolean | null {
  return ctx.catalog.proc(oid) ? isProcVisible(ctx.catalog, pathContext(ctx.session), oid) : null;
}

/** obj_description(oid[, catalog name]): the comment, or NULL. */
export function objDescription(ctx: SystemViewContext, oid: Oid, catalogName?: string): string | null {
  const classoid = catalogName === undefined ? undefined : (CLASS_OID as Record<string, Oid>)[catalogName.replace(/^pg_catalog\./, '')];
  for (const d of pgDescriptionRows(ctx)) {
    if (d.objoid === oid && d.objsubid === 0 && (classoid === undefined || d.classoid === classoid)) return d.description as string;
  }
  return null;
}

/** col_description(table, column): the column's comment, or NULL. */
export function colDescription(ctx: SystemViewContext, table: Oid, column: number): string | null {
  for (const d of pgDescriptionRows(ctx)) {
    if (d.objoid === table && d.objsubid === column && d.classoid === CLASS_OID.pg_class) return d.description as string;
  }
  return null;
}

/** shobj_description(oid, catalog): no comments on shared objects. */
export function shobjDescription(): string | null {
  return null;
}

/**
 * pg_get_serial_sequence(table, column): the qualified name of the sequence owned by the
 * column (serial or identity), or NULL. The table name is parsed as SQL (lower-cased unless
 * quoted); the column name is taken literally.
 */
export function pgGetSerialSequence(ctx: SystemViewContext, tableName: string, column: string): string | null {
  const parts = splitQualifiedName(tableName);
  const name = parts[parts.length - 1];
  let rel;
  if (parts.length > 1) {
    const ns = ctx.catalog.namespaceByName(parts[parts.length - 2]);
    rel = ns ? relationInNamespace(ctx.catalog, ns.oid, name) : undefined;
  } else {
    rel = relationOnPath(ctx.catalog, ctx.session, name);
  }
  if (!rel) throw undefinedTable(`relation "${parts.join('.')}" does not exist`);
  const col = ctx.catalog.table(rel.oid)?.columns.find((c) => c.name === column && !c.dropped);
  if (!col) throw undefinedColumn(`column "${column}" of relation "${rel.name}" does not exist`);
  const seq = ctx.catalog.sequencesOwnedBy(rel.oid).find((s) => s.ownedBy!.attnum === col.attnum);
  if (!seq) return null;
  return `${quoteIdentifier(ctx.catalog.namespace(seq.namespace)!.name)}.${quoteIdentifier(seq.name)}`;
}

export function currentSchemaFn(ctx: SystemViewContext): string | null {
  return currentSchema(ctx.catalog, pathContext(ctx.session));
}

/** current_schemas(include_implicit) as a name[] value. */
export function currentSchemasFn(ctx: SystemViewContext, includeImplicit: boolean): unknown {
  return makeArray(ctx, currentSchemas(ctx.catalog, pathContext(ctx.session), includeImplicit), 19);
}

/** pg_enc2name_tbl order (pg_wchar.h): encoding id -> name. */
const ENCODINGS = [
  'SQL_ASCII', 'EUC_JP', 'EUC_CN', 'EUC_KR', 'EUC_TW', 'EUC_JIS_2004', 'UTF8', 'MULE_INTERNAL', 'LATIN1', 'LATIN2',
  'LATIN3', 'LATIN4', 'LATIN5', 'LATIN6', 'LATIN7', 'LATIN8', 'LATIN9', 'LATIN10', 'WIN1256', 'WIN1258', 'WIN866',
  'WIN874', 'KOI8R', 'WIN1251', 'WIN1252', 'ISO_8859_5', 'ISO_8859_6', 'ISO_8859_7', 'ISO_8859_8', 'WIN1250',
  'WIN1253', 'WIN1254', 'WIN1255', 'WIN1257', 'KOI8U', 'SJIS', 'BIG5', 'GBK', 'UHC', 'GB18030', 'JOHAB',
  'SHIFT_JIS_2004',
] as const;

/** pg_encoding_to_char: '' for an unknown id. */
export function pgEncodingToChar(id: number): string {
  return ENCODINGS[id] ?? '';
}

/** pg_char_to_encoding: -1 for an unknown name (case-insensitive, as PostgreSQL). */
export function pgCharToEncoding(name: string): number {
  const clean = name.toUpperCase().replace(/[-_]/g, '');
  return ENCODINGS.findIndex((e) => e.replace(/_/g, '') === clean);
}

/** pg_tablespace_location: '' for the builtin tablespaces (they live in the data directory). */
export function pgTablespaceLocation(oid: Oid): string | null {
  return oid === DEFAULT_TABLESPACE_OID || oid === GLOBAL_TABLESPACE_OID ? '' : null;
}

/** pg_relation_is_publishable: permanent ordinary tables outside the system schemas. */
export function pgRelationIsPublishable(ctx: SystemViewContext, oid: Oid): boolean | null {
  const r = ctx.catalog.relation(oid);
  if (!r) return relationIdentity(ctx.catalog, oid) ? false : null;
  return r.kind === 'r' && r.persistence === 'p';
}

/** pg_partition_ancestors (a set-returning function, as an array of rows): vecgres has no
 * partitioning, and a relation outside a partition tree has no ancestors. */
export function pgPartitionAncestors(): Oid[] {
  return [];
}

/**
 * has_*_privilege / pg_has_role: vecgres has no GRANT yet, so every role holds every
 * privilege. A relation named by text must still exist (42P01 like PostgreSQL); one given
 * by OID that does not exist gives NULL.
 */
export function hasTablePrivilege(ctx: SystemViewContext, table: Oid | string): boolean | null {
  if (typeof table === 'string') {
    const parts = splitQualifiedName(table);
    const ns = parts.length > 1 ? ctx.catalog.namespaceByName(parts[parts.length - 2]) : undefined;
    const rel = parts.length > 1
      ? ns && relationInNamespace(ctx.catalog, ns.oid, parts[parts.length - 1])
      : relationOnPath(ctx.catalog, ctx.session, parts[0]);
    if (!rel) throw undefinedTable(`relation "${parts.join('.')}" does not exist`);
    return true;
  }
  return relationIdentity(ctx.catalog, table) ? true : null;
}

/** print_function_arguments: every non-TABLE argument (argument defaults are not kept, so the
 * identity form, which omits them, is the same text). */
function argText(ctx: SystemViewContext, p: ProcRow): string {
  const types = p.allArgs ?? p.args;
  const out: string[] = [];
  types.forEach((t, i) => {
    const mode = p.argModes?.[i] ?? 'i';
    if (mode === 't') return;
    const prefix = { i: '', o: 'OUT ', b: 'INOUT ', v: 'VARIADIC ' }[mode] ?? '';
    const name = p.argNames?.[i] ? `${quoteIdentifier(p.argNames[i])} ` : '';
    out.push(`${prefix}${name}${formatTypeFn(ctx, t, null)}`);
  });
  return out.join(', ');
}

/** pg_get_function_arguments (argument defaults are not kept, so no DEFAULT clauses). */
export function pgGetFunctionArguments(ctx: SystemViewContext, oid: Oid): string | null {
  const p = ctx.catalog.proc(oid);
  return p ? argText(ctx, p) : null;
}

export function pgGetFunctionIdentityArguments(ctx: SystemViewContext, oid: Oid): string | null {
  const p = ctx.catalog.proc(oid);
  return p ? argText(ctx, p) : null;
}

/** pg_get_function_result: `TABLE(...)`, `SETOF type` or the type. */
export function pgGetFunctionResult(ctx: SystemViewContext, oid: Oid): string | null {
  const p = ctx.catalog.proc(oid);
  if (!p) return null;
  if (p.argModes?.includes('t')) {
    const cols = (p.allArgs ?? []).flatMap((t, i) => (p.argModes![i] === 't'
      ? [`${quoteIdentifier(p.argNames?.[i] ?? '')} ${formatTypeFn(ctx, t, null)}`] : []));
    return `TABLE(${cols.join(', ')})`;
  }
  return `${p.retset ? 'SETOF ' : ''}${formatTypeFn(ctx, p.ret, null)}`;
}
