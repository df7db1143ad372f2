// TypeName (as parsed) -> {oid, typmod}: PostgreSQL's typenameType + typenameTypeMod
// (parse_type.c). Array bounds select the element's array type; the typmod belongs to the
// element (varchar(10)[] has typmod 14), as in PostgreSQL.
import { SQLSTATE, SqlError, syntaxError, undefinedObject } from '@vecgres/errors';
import type { Expr, TypeName } from '@vecgres/sql';
import type { Catalog } from '../lookup/catalog';
import { lookupTypeByName, type ResolveContext } from '../lookup/resolve';
import type { CatalogNotice } from '../model/notice';
import type { Oid, TypeRow } from '../model/rows';
import type { CatalogRegistry } from '../registry/registry';
import { formatType } from './format-type';

export interface ResolvedType {
  oid: Oid;
  typmod: number;
  /** The pg_type row of `oid`. */
  type: TypeRow;
}

/** Error position for a TypeName: ErrorResponse P is 1-based. */
function at(t: TypeName): { position?: number } {
  return t.location >= 0 ? { position: t.location + 1 } : {};
}

/** The printable name PostgreSQL's TypeNameToString would give (without array bounds). */
function typeNameText(t: TypeName): string {
  return t.schema !== undefined && t.schema !== 'pg_catalog' ? `${t.schema}.${t.name}` : t.name;
}

/** A typmod expression as an integer (PostgreSQL accepts integer and string constants). */
function typmodValue(e: Expr): number {
  if (e.kind === 'const') {
    if (e.value.type === 'int4') return e.value.value;
    if (e.value.type === 'string' && /^[+-]?\d+$/.test(e.value.value.trim())) return Number(e.value.value);
    if (e.value.type === 'string' || e.value.type === 'numeric' || e.value.type === 'int8') {
      throw new SqlError(SQLSTATE.INVALID_TEXT_REPRESENTATION, `invalid input syntax for type integer: "${e.value.value}"`);
    }
  }
  throw syntaxError('type modifiers must be simple constants or identifiers', e.location >= 0 ? e.location + 1 : undefined);
}

/** The pg_type row a TypeName names (its element type if it has array bounds); 42704 if none. */
export function lookupTypeName(catalog: Catalog, ctx: ResolveContext, t: TypeName): TypeRow {
  const row = lookupTypeByName(catalog, ctx, t.name, t.schema);
  if (!row) throw undefinedObject(`type "${t.written.replace(/(\[\d*\])+$/, '') || typeNameText(t)}" does not exist`, at(t));
  return row;
}

/**
 * Resolves a TypeName to its type OID and typmod. Typmod errors are 22023 (from the type's
 * typmodin); a modifier on a type without typmodin is 42601 `type modifier is not allowed for
 * type "text"`; WARNINGs (precision reduced) are pushed onto `notices`.
 */
export function resolveTypeName(
  catalog: Catalog,
  registry: CatalogRegistry,
  ctx: ResolveContext,
  t: TypeName,
  notices: CatalogNotice[] = [],
): ResolvedType {
  if (t.setof) throw syntaxError('SETOF type not allowed for this use', at(t).position);
  const elem = lookupTypeName(catalog, ctx, t);
  let typmod = -1;
  if (t.typmods.length > 0) {
    if (elem.modin === '-') {
      throw syntaxError(`type modifier is not allowed for type "${typeNameText(t)}"`, at(t).position);
    }
    const handler = registry.typmodHandler(elem.modin);
    if (!handler) throw undefinedObject(`typmod input function ${elem.modin} is not registered`, at(t));
    try {
      typmod = handler.in({ mods: t.typmods.map(typmodValue), notices });
    } catch (e) {
      // typmodin errors point at the type name, as PostgreSQL's parser callback does.
      if (e instanceof SqlError && e.position === undefined && t.location >= 0) throw e.with(at(t));
      throw e;
    }
  }
  if (t.arrayBounds.length === 0) return { oid: elem.oid, typmod, type: elem };
  // An array type of an array type is the same array type (int[][] is int[]).
  const arrayOid = elem.elem !== 0 && elem.subscript === 'array_subscript_handler' ? elem.oid : elem.array;
  const arr = arrayOid ? catalog.type(arrayOid) : undefined;
  if (!arr) {
    throw undefinedObject(`could not find array type for data type ${formatType(catalog, elem.oid, null)}`, at(t));
  }
  return { oid: arr.oid, typmod, type: arr };
}

/** SERIAL pseudo-types (transformColumnDefinition): name -> the integer type it stands for. */
export const SERIAL_TYPES: Readonly<Record<string, 'int2' | 'int4' | 'int8'>> = {
  smallserial: 'int2', serial2: 'int2', serial: 'int4', serial4: 'int4', bigserial: 'int8', serial8: 'int8',
};

/** The serial kind of a column type, when it is an unqualified serial name. */
export function serialTypeOf(t: TypeName): 'int2' | 'int4' | 'int8' | undefined {
  return t.schema === undefined && Object.hasOwn(SERIAL_TYPES, t.name) ? SERIAL_TYPES[t.name] : undefined;
}
