// Name resolution against a catalog and a search path: schemas, relations, types, functions,
// with PostgreSQL's errors (namespace.c RangeVarGetRelidExtended, LookupExplicitNamespace,
// RangeVarGetCreationNamespace) and visibility tests (pg_table_is_visible and friends).
import { SQLSTATE, SqlError, notSupported, undefinedTable } from '@vecgres/errors';
import type { QualifiedName } from '@vecgres/sql';
import type { Relation, RelKind } from '../model/relations';
import type { NamespaceRow, Oid, OperatorRow, ProcRow, TypeRow } from '../model/rows';
import type { Catalog } from './catalog';
import { resolveSearchPath, type ResolvedSearchPath, type SearchPathContext } from './search-path';

/** Session facts name resolution needs. */
export interface ResolveContext extends SearchPathContext {
  /** The connected database (for `db.schema.table` checks). */
  database?: string;
}

/** 3F000 `schema "s" does not exist`. */
export function undefinedSchema(name: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_SCHEMA_NAME, `schema "${name}" does not exist`);
}

/** The namespace named `name` (`pg_temp` means the session's temp schema), or 3F000. */
export function lookupNamespace(catalog: Catalog, name: string, ctx?: ResolveContext): NamespaceRow {
  const actual = name === 'pg_temp' && ctx?.tempSchema ? ctx.tempSchema : name;
  const ns = catalog.namespaceByName(actual);
  if (!ns) throw undefinedSchema(name);
  return ns;
}

/** `s.t` or `t` as PostgreSQL prints a RangeVar in messages (NameListToString). */
export function qualifiedNameText(name: QualifiedName): string {
  return [name.catalog, name.schema, name.name].filter((p) => p !== undefined).join('.');
}

function checkDatabase(name: QualifiedName, ctx: ResolveContext): void {
  if (name.catalog !== undefined && ctx.database !== undefined && name.catalog !== ctx.database) {
    throw notSupported(`cross-database references are not implemented: ${qualifiedNameText(name)}`);
  }
}

/**
 * The relation `name` refers to, or undefined. An explicit schema that does not exist is 3F000
 * (PostgreSQL reports the schema before the relation), even for IF EXISTS callers... except
 * that DROP ... IF EXISTS skips it (they pass `missingSchemaOk`).
 */
export function lookupRelation(
  catalog: Catalog,
  ctx: ResolveContext,
  name: QualifiedName,
  opts: { missingSchemaOk?: boolean; sp?: ResolvedSearchPath } = {},
): Relation | undefined {
  checkDatabase(name, ctx);
  if (name.schema !== undefined) {
    const actual = name.schema === 'pg_temp' && ctx.tempSchema ? ctx.tempSchema : name.schema;
    const ns = catalog.namespaceByName(actual);
    if (!ns) {
      if (opts.missingSchemaOk) return undefined;
      throw undefinedSchema(name.schema);
    }
    return catalog.relationByName(ns.oid, name.name);
  }
  const sp = opts.sp ?? resolveSearchPath(catalog, ctx);
  for (const ns of sp.relations) {
    const rel = catalog.relationByName(ns, name.name);
    if (rel) return rel;
  }
  return undefined;
}

const KIND_WORD: Record<RelKind, string> = { r: 'a table', i: 'an index', S: 'a sequence', v: 'a view' };

/**
 * The relation `name` refers to; 42P01 `relation "x" does not exist` if none. With `kinds`,
 * a relation of another kind is 42809 `"x" is not a table` (the first kind's word).
 */
export function requireRelation(catalog: Catalog, ctx: ResolveContext, name: QualifiedName, kinds?: readonly RelKind[]): Relation {
  const rel = lookupRelation(catalog, ctx, name);
  if (!rel) throw undefinedTable(`relation "${qualifiedNameText(name)}" does not exist`);
  if (kinds && !kinds.includes(rel.kind)) {
    throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not ${KIND_WORD[kinds[0]]}`);
  }
  return rel;
}

/**
 * Where CREATE puts an object named `name`: its explicit schema, the temp schema for
 * TEMPORARY objects, else the first existing schema of the search path (3F000
 * `no schema has been selected to create in` when there is none).
 */
export function creationNamespace(catalog: Catalog, ctx: ResolveContext, name: QualifiedName): Oid {
  checkDatabase(name, ctx);
  if (name.schema !== undefined) return lookupNamespace(catalog, name.schema, ctx).oid;
  const sp = resolveSearchPath(catalog, ctx);
  if (sp.creation === undefined) {
    throw new SqlError(SQLSTATE.INVALID_SCHEMA_NAME, 'no schema has been selected to create in');
  }
  return sp.creation;
}

/** The type `name` (optionally in `schema`) refers to through the search path, or undefined. */
export function lookupTypeByName(catalog: Catalog, ctx: ResolveContext, name: string, schema?: string): TypeRow | undefined {
  if (schema !== undefined) return catalog.typeByName(lookupNamespace(catalog, schema, ctx).oid, name);
  for (const ns of resolveSearchPath(catalog, ctx).relations) {
    const t = catalog.typeByName(ns, name);
    if (t) return t;
  }
  return undefined;
}

/** A function candidate with its search-path position (lower wins among equal signatures). */
export interface ProcCandidate { proc: ProcRow; pathPos: number }

/** Overloads of `name` visible through the path (or in `schema`), as FuncnameGetCandidates. */
export function visibleProcs(catalog: Catalog, ctx: ResolveContext, name: string, schema?: string): ProcCandidate[] {
  if (schema !== undefined) {
    const ns = lookupNamespace(catalog, schema, ctx).oid;
    return catalog.procsNamed(name).filter((p) => p.namespace === ns).map((proc) => ({ proc, pathPos: 0 }));
  }
  const path = resolveSearchPath(catalog, ctx).functions;
  const out: ProcCandidate[] = [];
  for (const proc of catalog.procsNamed(name)) {
    const pos = path.indexOf(proc.namespace);
    if (pos >= 0) out.push({ proc, pathPos: pos });
  }
  return out;
}

/** Operators named `name` visible through the path (or in `schema`), with path positions. */
export function visibleOperators(catalog: Catalog, ctx: ResolveContext, name: string, schema?: string): Array<{ operator: OperatorRow; pathPos: number }> {
  const path = schema !== undefined ? [lookupNamespace(catalog, schema, ctx).oid] : resolveSearchPath(catalog, ctx).functions;
  const out: Array<{ operator: OperatorRow; pathPos: number }> = [];
  for (const operator of catalog.operatorsNamed(name)) {
    const pos = path.indexOf(operator.namespace);
    if (pos >= 0) out.push({ operator, pathPos: pos });
  }
  return out;
}

/** pg_table_is_visible: in the path, and not hidden by a same-named relation earlier in it. */
export function isRelationVisible(catalog: Catalog, ctx: SearchPathContext, oid: Oid): boolean {
  const rel = catalog.relation(oid);
  if (!rel) return false;
  for (const ns of resolveSearchPath(catalog, ctx).relations) {
    const found = catalog.relationByName(ns, rel.name);
    if (found) return found.oid === oid;
  }
  return false;
}

/** pg_type_is_visible. */
export function isTypeVisible(catalog: Catalog, ctx: SearchPathContext, oid: Oid): boolean {
  const t = catalog.type(oid);
  if (!t) return false;
  for (const ns of resolveSearchPath(catalog, ctx).relations) {
    const found = catalog.typeByName(ns, t.name);
    if (found) return found.oid === oid;
  }
  return false;
}

/** pg_function_is_visible: no same-named, same-argument function earlier in the path. */
export function isProcVisible(catalog: Catalog, ctx: SearchPathContext, oid: Oid): boolean {
  const p = catalog.proc(oid);
  if (!p) return false;
  const path = resolveSearchPath(catalog, ctx).functions;
  if (!path.includes(p.namespace)) return false;
  const sig = p.args.join(',');
  for (const ns of path) {
    const found = catalog.procsNamed(p.name).find((q) => q.namespace === ns && q.args.join(',') === sig);
    if (found) return found.oid === oid;
  }
  return false;
}
