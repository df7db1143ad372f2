// Constants of the OID alias types ('items'::regclass, 'int4'::regtype, 'now'::regproc,
// 'public'::regnamespace, 'postgres'::regrole) are folded to their OID at bind time, as
// PostgreSQL's parser runs the type's input function on a literal. The input functions are
// libs/catalog's (search path, system relations, PostgreSQL's errors), positioned at the literal.
import { isSqlError } from '@vecgres/errors';
import {
  regclassIn, regnamespaceIn, regprocIn, regroleIn, regtypeIn, type SystemViewContext,
} from '../catalog-api';
import { at, type BindContext } from './bind-context';

type RegInput = (ctx: SystemViewContext, text: string) => number;

/** Input function of each OID alias type the catalog implements, by type OID. */
const REG_INPUT: ReadonlyMap<number, RegInput> = new Map<number, RegInput>([
  [2205, regclassIn], [2206, regtypeIn], [24, regprocIn], [4089, regnamespaceIn], [4096, regroleIn],
]);

export function isFoldableRegType(oid: number): boolean {
  return REG_INPUT.has(oid);
}

/** The binder's catalog and search path as the context the catalog functions take. */
export function bindCatalogContext(ctx: BindContext): SystemViewContext {
  const r = ctx.resolve;
  return {
    catalog: ctx.catalog,
    session: { user: r.user, database: r.database ?? '', searchPath: r.path, ...(r.tempSchema ? { tempSchema: r.tempSchema } : {}) },
  };
}

/** `text` through the input function of reg type `oid`; errors carry the literal's position. */
export function foldRegConst(ctx: BindContext, oid: number, text: string, location: number): number {
  try {
    return REG_INPUT.get(oid)!(bindCatalogContext(ctx), text);
  } catch (e) {
    if (isSqlError(e) && e.position === undefined && location >= 0) throw e.with(at(location));
    throw e;
  }
}
