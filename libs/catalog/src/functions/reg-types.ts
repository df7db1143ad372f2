// Input and output of the OID alias types (regclass, regtype, regproc, regnamespace, regrole):
// regclassin & co. turn a name into an OID through the search path with PostgreSQL's errors,
// regclassout & co. print an OID as a name, schema-qualified when it is not visible.
// to_regclass & co. are the input functions that answer NULL instead of "does not exist".
// @see https://www.postgresql.org/docs/15/datatype-oid.html
import { SQLSTATE, SqlError, notSupported, undefinedFunction, undefinedObject, undefinedTable } from '@vecgres/errors';
import { parse, type TypeName } from '@vecgres/sql';
import { isProcVisible, undefinedSchema, visibleProcs } from '../lookup/resolve';
import type { Oid } from '../model/rows';
import { createCatalogRegistry } from '../registry/registry';
import type { SystemViewContext } from '../system-views/system-view';
import { roleName, sessionRoles } from '../system-views/view-helpers';
import { formatType } from '../types/format-type';
import { quoteIdentifier } from '../types/quote';
import { resolveTypeName } from '../types/resolve-type';
import { pathContext, relationDisplayName, relationInNamespace, relationOnPath } from './relation-names';

function invalidName(message: string): SqlError {
  return new SqlError(SQLSTATE.INVALID_NAME, message);
}

/**
 * SplitIdentifierString(text, '.'): `"Mixed Case".t` -> ['Mixed Case', 't']; unquoted parts
 * are trimmed and lower-cased; 42602 `invalid name syntax` for empty or malformed parts.
 */
export function splitQualifiedName(text: string): string[] {
  const parts: string[] = [];
  let i = 0;
  const skipSpace = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  skipSpace();
  for (;;) {
    let part = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw invalidName('invalid name syntax');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
        part += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== '.' && !/\s/.test(text[i])) part += text[i++];
      if (part === '') throw invalidName('invalid name syntax');
      part = part.toLowerCase();
    }
    parts.push(part);
    skipSpace();
    if (i >= text.length) return parts;
    if (text[i] !== '.') throw invalidName('invalid name syntax');
    i++;
    skipSpace();
  }
}

/** Input given as a number is taken as the OID itself; '-' is InvalidOid. */
function numericOid(text: string): Oid | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '-') return 0;
  return undefined;
}

export function regclassIn(ctx: SystemViewContext, text: string): Oid {
  const n = numericOid(text);
  if (n !== undefined) return n;
  const parts = splitQualifiedName(text);
  if (parts.length > 3) throw invalidName(`improper relation name (too many dotted names): ${parts.join('.')}`);
  if (parts.length === 3 && parts[0] !== ctx.session.database) {
    throw notSupported(`cross-database references are not implemented: ${parts.join('.')}`);
  }
  const name = parts[parts.length - 1];
  let rel;
  if (parts.length > 1) {
    const ns = ctx.catalog.namespaceByName(parts[parts.length - 2]);
    if (!ns) throw undefinedSchema(parts[parts.length - 2]);
    rel = relationInNamespace(ctx.catalog, ns.oid, name);
  } else {
    rel = relationOnPath(ctx.catalog, ctx.session, name);
  }
  if (!rel) throw undefinedTable(`relation "${parts.slice(-2).join('.')}" does not exist`);
  return rel.oid;
}

export function regclassOut(ctx: SystemViewContext, oid: Oid): string {
  if (oid === 0) return '-';
  return relationDisplayName(ctx.catalog, ctx.session, oid) ?? String(oid);
}

/** parseTypeString: the text must be exactly one type name, as after `::` in SQL. */
export function regtypeIn(ctx: SystemViewContext, text: string): Oid {
  const n = numericOid(text);
  if (n !== undefined) return n;
  let stmts;
  try {
    stmts = parse(`SELECT NULL::${text}`);
  } catch {
    throw new SqlError(SQLSTATE.SYNTAX_ERROR, `invalid type name "${text}"`);
  }
  const stmt = stmts.length === 1 ? (stmts[0].stmt as unknown as { kind: string; query?: unknown }) : undefined;
  const cast = findSingleCast(stmt);
  if (!cast) throw new SqlError(SQLSTATE.SYNTAX_ERROR, `invalid type name "${text}"`);
  const t = resolveTypeName(ctx.catalog, ctx.registry ?? createCatalogRegistry(), pathContext(ctx.session), cast);
  return t.oid;
}

/** The TypeName of `SELECT NULL::<type>` (walks the plain-data statement tree). */
function findSingleCast(node: unknown): TypeName | undefined {
  const found: TypeName[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) {
      x.forEach(visit);
    } else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.kind === 'cast' && (o.arg as { kind?: string } | undefined)?.kind === 'const') found.push(o.type as TypeName);
      else Object.values(o).forEach(visit);
    }
  };
  visit(node);
  return found.length === 1 ? found[0] : undefined;
}

export function regtypeOut(ctx: SystemViewContext, oid: Oid): string {
  if (oid === 0) return '-';
  if (!ctx.catalog.type(oid)) return String(oid);
  return formatType(ctx.catalog, oid, null, { registry: ctx.registry, searchPath: pathContext(ctx.session) });
}

export function regprocIn(ctx: SystemViewContext, text: string): Oid {
  const n = numericOid(text);
  if (n !== undefined) return n;
  const parts = splitQualifiedName(text);
  if (parts.length > 2) throw invalidName(`improper qualified name (too many dotted names): ${parts.join('.')}`);
  const name = parts[parts.length - 1];
  const candidates = visibleProcs(ctx.catalog, pathContext(ctx.session), name, parts.length > 1 ? parts[0] : undefined);
  if (candidates.length === 0) throw undefinedFunction(`function "${parts.join('.')}" does not exist`);
  if (candidates.length > 1) throw new SqlError(SQLSTATE.AMBIGUOUS_FUNCTION, `more than one function named "${parts.join('.')}"`);
  return candidates[0].proc.oid;
}

export function regprocOut(ctx: SystemViewContext, oid: Oid): string {
  if (oid === 0) return '-';
  const p = ctx.catalog.proc(oid);
  if (!p) return String(oid);
  // Unqualified only when the bare name finds exactly this function.
  const visible = isProcVisible(ctx.catalog, pathContext(ctx.session), oid)
    && visibleProcs(ctx.catalog, pathContext(ctx.session), p.name).length === 1;
  if (visible) return quoteIdentifier(p.name);
  return `${quoteIdentifier(ctx.catalog.namespace(p.namespace)?.name ?? '???')}.${quoteIdentifier(p.name)}`;
}

export function regnamespaceIn(ctx: SystemViewContext, text: string): Oid {
  const n = numericOid(text);
  if (n !== undefined) return n;
  const parts = splitQualifiedName(text);
  if (parts.length !== 1) throw invalidName('invalid name syntax');
  const ns = ctx.catalog.namespaceByName(parts[0]);
  if (!ns) throw undefinedSchema(parts[0]);
  return ns.oid;
}

export function regnamespaceOut(ctx: SystemViewContext, oid: Oid): string {
  if (oid === 0) return '-';
  const ns = ctx.catalog.namespace(oid);
  return ns ? quoteIdentifier(ns.name) : String(oid);
}

export function regroleIn(ctx: SystemViewContext, text: string): Oid {
  const n = numericOid(text);
  if (n !== undefined) return n;
  const parts = splitQualifiedName(text);
  if (parts.length !== 1) throw invalidName('invalid name syntax');
  const role = sessionRoles(ctx.session).find((r) => r.name === parts[0]);
  if (!role) throw undefinedObject(`role "${parts[0]}" does not exist`);
  return role.oid;
}

export function regroleOut(ctx: SystemViewContext, oid: Oid): string {
  if (oid === 0) return '-';
  const name = roleName(ctx.session, oid);
  return name !== undefined ? quoteIdentifier(name) : String(oid);
}

/** SQLSTATEs that mean "no such object" (to_regclass & co. answer NULL for these). */
const NOT_FOUND = new Set<string>([
  SQLSTATE.UNDEFINED_TABLE, SQLSTATE.UNDEFINED_OBJECT, SQLSTATE.UNDEFINED_FUNCTION, SQLSTATE.INVALID_SCHEMA_NAME,
  SQLSTATE.AMBIGUOUS_FUNCTION,
]);

/** to_regclass & co.: the input function, with "does not exist" turned into NULL. */
export function orNull(fn: (ctx: SystemViewContext, text: string) => Oid) {
  return (ctx: SystemViewContext, text: string): Oid | null => {
    try {
      return fn(ctx, text);
    } catch (e) {
      if (e instanceof SqlError && NOT_FOUND.has(e.sqlstate)) return null;
      throw e;
    }
  };
}
