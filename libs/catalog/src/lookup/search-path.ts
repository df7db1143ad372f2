// search_path: how unqualified names find their schema (PostgreSQL's namespace.c,
// recomputeNamespacePath). pg_catalog is searched first unless the path lists it elsewhere;
// the session's temporary schema is searched before everything for relations and types but
// never for functions and operators (a security rule PostgreSQL keeps).
import type { Catalog } from './catalog';
import { PG_CATALOG_NAMESPACE, type Oid } from '../model/rows';

/** What the session knows: its search_path setting, its user and its temp schema (if any). */
export interface SearchPathContext {
  /** The search_path entries as identifiers, e.g. ['$user', 'public'] (see parseSearchPath). */
  path: readonly string[];
  /** current_user, substituted for `$user`. */
  user: string;
  /** The session's temporary schema (pg_temp_N), once it has created one. */
  tempSchema?: string;
}

/** The path resolved against one catalog. */
export interface ResolvedSearchPath {
  /** Relations and types: [temp] + [pg_catalog] + the existing listed schemas. */
  relations: Oid[];
  /** Functions and operators: the same without the temp schema. */
  functions: Oid[];
  /** Where unqualified CREATE puts objects: the first existing listed schema. */
  creation: Oid | undefined;
  /** The temp schema's OID, when it exists. */
  temp: Oid | undefined;
}

/** The default search_path setting. */
export const DEFAULT_SEARCH_PATH: readonly string[] = ['$user', 'public'];

/**
 * Splits a search_path value (`"$user", public`, `'a,b'` after SET has joined its list) into
 * identifiers: unquoted names are folded to lower case, `"..."` keeps case and `""` escapes.
 * Empty entries are dropped, as SplitIdentifierString would reject them.
 */
export function parseSearchPath(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i])) i++;
    if (i >= value.length) break;
    if (value[i] === '"') {
      let name = '';
      i++;
      while (i < value.length) {
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            name += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += value[i++];
      }
      out.push(name);
    } else {
      let name = '';
      while (i < value.length && !/[\s,]/.test(value[i])) name += value[i++];
      out.push(name.toLowerCase());
    }
    while (i < value.length && /\s/.test(value[i])) i++;
  }
  return out;
}

/** Formats entries back into a search_path value (quoting what needs it), as SHOW prints it. */
export function formatSearchPath(path: readonly string[]): string {
  return path.map((p) => (/^[a-z_][a-z0-9_$]*$/.test(p) && p !== '$user' ? p : `"${p.replace(/"/g, '""')}"`)).join(', ');
}

export function resolveSearchPath(catalog: Catalog, ctx: SearchPathContext): ResolvedSearchPath {
  const temp = ctx.tempSchema ? catalog.namespaceByName(ctx.tempSchema)?.oid : undefined;
  const listed: Oid[] = [];
  let creation: Oid | undefined;
  let first = true;
  for (const entry of ctx.path) {
    let oid: Oid | undefined;
    if (entry === '$user') oid = catalog.namespaceByName(ctx.user)?.oid;
    else if (entry === 'pg_temp') oid = temp;
    else oid = catalog.namespaceByName(entry)?.oid;
    if (oid === undefined || listed.includes(oid)) continue;
    // The creation namespace is the first listed schema that exists; pg_temp only counts when
    // it is listed first (PostgreSQL creates temp objects there only if asked explicitly).
    if (first) creation = oid;
    first = false;
    listed.push(oid);
  }
  const relations = [...listed];
  if (!relations.includes(PG_CATALOG_NAMESPACE)) relations.unshift(PG_CATALOG_NAMESPACE);
  if (temp !== undefined && !relations.includes(temp)) relations.unshift(temp);
  const functions = relations.filter((o) => o !== temp);
  return { relations, functions, creation, temp };
}

/** current_schema(): the creation schema's name, or null when no listed schema exists. */
export function currentSchema(catalog: Catalog, ctx: SearchPathContext): string | null {
  const sp = resolveSearchPath(catalog, ctx);
  return sp.creation === undefined ? null : catalog.namespace(sp.creation)!.name;
}

/**
 * current_schemas(includeImplicit): the effective path's names. Without implicit schemas the
 * leading implicitly added ones (temp, pg_catalog) are removed up to the creation schema, as
 * fetch_search_path(false) does.
 */
export function currentSchemas(catalog: Catalog, ctx: SearchPathContext, includeImplicit: boolean): string[] {
  const sp = resolveSearchPath(catalog, ctx);
  let list = sp.relations;
  if (!includeImplicit) {
    const at = sp.creation === undefined ? -1 : list.indexOf(sp.creation);
    list = at < 0 ? [] : list.slice(at);
  }
  return list.map((o) => catalog.namespace(o)!.name);
}
