// The SQL types the bootstrap handler understands: name resolution for casts and column
// definitions (`integer`, `int`, `pg_catalog.int4`, ... -> int4) and their codecs.
import { SqlError, SQLSTATE, notSupported } from '@vecgres/errors';
import { TYPE_OID, sqlTypeName } from '@vecgres/pg-types';
import { type AstBody, stringList } from './ast';

/** Type names (as the parser leaves them, lower case) -> OID. */
const TYPE_NAMES: ReadonlyMap<string, number> = new Map([
  ['int2', TYPE_OID.int2], ['smallint', TYPE_OID.int2],
  ['int4', TYPE_OID.int4], ['int', TYPE_OID.int4], ['integer', TYPE_OID.int4],
  ['int8', TYPE_OID.int8], ['bigint', TYPE_OID.int8],
  ['float4', TYPE_OID.float4], ['real', TYPE_OID.float4],
  ['float8', TYPE_OID.float8], ['float', TYPE_OID.float8],
  ['numeric', TYPE_OID.numeric], ['decimal', TYPE_OID.numeric],
  ['text', TYPE_OID.text], ['varchar', TYPE_OID.varchar],
  ['bool', TYPE_OID.bool], ['boolean', TYPE_OID.bool],
  ['bytea', TYPE_OID.bytea],
]);

/** The types a scratch-table column may have. */
export const COLUMN_TYPES: ReadonlySet<number> = new Set([
  TYPE_OID.int2, TYPE_OID.int4, TYPE_OID.int8, TYPE_OID.float4, TYPE_OID.float8,
  TYPE_OID.numeric, TYPE_OID.text, TYPE_OID.varchar, TYPE_OID.bool, TYPE_OID.bytea,
]);

/** The integer/float/numeric family, between which assignment casts exist. */
export const NUMERIC_TYPES: ReadonlySet<number> = new Set([
  TYPE_OID.int2, TYPE_OID.int4, TYPE_OID.int8, TYPE_OID.float4, TYPE_OID.float8, TYPE_OID.numeric,
]);

/** text-like types: anything can be assigned to them via its output function. */
export const STRING_TYPES: ReadonlySet<number> = new Set([TYPE_OID.text, TYPE_OID.varchar, TYPE_OID.bpchar, TYPE_OID.name]);

/** Resolves a TypeName node to an OID, or throws 42704 / 0A000 like PostgreSQL would. */
export function resolveTypeName(typeName: AstBody, position?: number): number {
  const names = stringList(typeName.names as never);
  const last = names[names.length - 1] ?? '';
  const schema = names.length > 1 ? names[0] : undefined;
  const oid = schema === undefined || schema === 'pg_catalog' ? TYPE_NAMES.get(last) : undefined;
  if (typeName.arrayBounds) throw notSupported('vecgres: array types are not supported yet');
  if (oid === undefined) {
    const shown = names.join('.');
    throw new SqlError(SQLSTATE.UNDEFINED_OBJECT, `type "${shown}" does not exist`, position === undefined ? {} : { position });
  }
  return oid;
}

/** The name PostgreSQL uses in messages for a type (`integer`, `text`, `unknown`). */
export function typeDisplayName(oid: number): string {
  return sqlTypeName(oid);
}
