// The catalog functions keyed by PostgreSQL's C function name (the `impl` of our pg_proc rows,
// or the input/output function of an OID alias type), so the executor registers them all at
// once: `CATALOG_FUNCTIONS[proc.impl]?.(ctx, args)`.
//
// Arguments arrive in pg-types' value model (oid/int4 as number, name/text as string, bool)
// and have passed the pg_proc strictness check: a strict function never sees NULL. Overloads
// sharing one impl (obj_description with 1 or 2 arguments) tell them apart by args.length.
import { BUILTINS } from '../builtins/builtin-rows';
import type { Oid } from '../model/rows';
import type { SystemViewContext } from '../system-views/system-view';
import {
  colDescription, currentSchemaFn, currentSchemasFn, formatTypeFn, hasTablePrivilege, objDescription,
  pgCharToEncoding, pgEncodingToChar, pgFunctionIsVisible, pgGetFunctionArguments, pgGetFunctionIdentityArguments,
  pgGetFunctionResult, pgGetSerialSequence, pgGetUserbyid, pgPartitionAncestors, pgRelationIsPublishable,
  pgTableIsVisible, pgTablespaceLocation, pgTypeIsVisible, shobjDescription,
} from './info-functions';
import {
  orNull, regclassIn, regclassOut, regnamespaceIn, regnamespaceOut, regprocIn, regprocOut, regroleIn, regroleOut,
  regtypeIn, regtypeOut,
} from './reg-types';
import { pgGetConstraintdef, pgGetExpr, pgGetIndexdef } from './ruleutils';
import { pgGetViewdef } from '../views/view-functions';

/** A catalog function: the session's catalog view and the SQL arguments in, a value out. */
export type CatalogFunction = (ctx: SystemViewContext, args: readonly unknown[]) => unknown;

const oid = (v: unknown) => v as Oid;
const str = (v: unknown) => v as string;
const int = (v: unknown) => v as number;
const bool = (v: unknown) => v as boolean;
const always = () => true;

/** has_*_privilege variants whose object is given by `objectArg` (name as text, or OID). */
const TABLE_PRIVILEGE: Record<string, number> = {
  has_table_privilege_name_name: 1, has_table_privilege_name_id: 1, has_table_privilege_id_name: 1,
  has_table_privilege_id_id: 1, has_table_privilege_name: 0, has_table_privilege_id: 0,
};

/** Privilege checks on other object kinds (every has_*_privilege / pg_has_role overload of
 * our pg_proc): always granted, there is no GRANT system yet. */
const OTHER_PRIVILEGES = BUILTINS.procs
  .map((p) => p.impl)
  .filter((impl) => (/^has_\w+_privilege/.test(impl) || impl.startsWith('pg_has_role')) && !(impl in TABLE_PRIVILEGE));

function buildFunctions(): Record<string, CatalogFunction> {
  const fns: Record<string, CatalogFunction> = {
    format_type: (ctx, a) => formatTypeFn(ctx, a[0] as Oid | null, a[1] as number | null),
    pg_get_indexdef: (ctx, a) => pgGetIndexdef(ctx, oid(a[0])),
    pg_get_indexdef_ext: (ctx, a) => pgGetIndexdef(ctx, oid(a[0]), int(a[1]), bool(a[2])),
    pg_get_constraintdef: (ctx, a) => pgGetConstraintdef(ctx, oid(a[0])),
    pg_get_constraintdef_ext: (ctx, a) => pgGetConstraintdef(ctx, oid(a[0]), bool(a[1])),
    pg_get_expr: (ctx, a) => pgGetExpr(ctx, str(a[0]), oid(a[1])),
    pg_get_viewdef: (ctx, a) => pgGetViewdef(ctx, oid(a[0])),
    pg_get_viewdef_ext: (ctx, a) => pgGetViewdef(ctx, oid(a[0]), bool(a[1])),
    pg_get_viewdef_wrap: (ctx, a) => pgGetViewdef(ctx, oid(a[0]), true),
    pg_get_viewdef_name: (ctx, a) => pgGetViewdef(ctx, regclassIn(ctx, str(a[0]))),
    pg_get_viewdef_name_ext: (ctx, a) => pgGetViewdef(ctx, regclassIn(ctx, str(a[0])), bool(a[1])),
    // vecgres has no pg_rewrite rows (a view's query is not a rule here): no rule OID exists.
    pg_get_ruledef: () => null,
    pg_get_ruledef_ext: () => null,
    pg_get_expr_ext: (ctx, a) => pgGetExpr(ctx, str(a[0]), oid(a[1]), bool(a[2])),
    pg_get_userbyid: (ctx, a) => pgGetUserbyid(ctx, oid(a[0])),
    pg_table_is_visible: (ctx, a) => pgTableIsVisible(ctx, oid(a[0])),
    pg_type_is_visible: (ctx, a) => pgTypeIsVisible(ctx, oid(a[0])),
    pg_function_is_visible: (ctx, a) => pgFunctionIsVisible(ctx, oid(a[0])),
    obj_description: (ctx, a) => objDescription(ctx, oid(a[0]), a.length > 1 ? str(a[1]) : undefined),
    col_description: (ctx, a) => colDescription(ctx, oid(a[0]), int(a[1])),
    shobj_description: () => shobjDescription(),
    pg_get_serial_sequence: (ctx, a) => pgGetSerialSequence(ctx, str(a[0]), str(a[1])),
    current_schema: (ctx) => currentSchemaFn(ctx),
    pg_my_temp_schema: (ctx) => (ctx.session.tempSchema ? ctx.catalog.namespaceByName(ctx.session.tempSchema)?.oid ?? 0 : 0),
    current_schemas: (ctx, a) => currentSchemasFn(ctx, bool(a[0])),
    current_database: (ctx) => ctx.session.database,
    current_user: (ctx) => ctx.session.user,
    session_user: (ctx) => ctx.session.sessionUser ?? ctx.session.user,
    PG_encoding_to_char: (_ctx, a) => pgEncodingToChar(int(a[0])),
    PG_char_to_encoding: (_ctx, a) => pgCharToEncoding(str(a[0])),
    pg_tablespace_location: (_ctx, a) => pgTablespaceLocation(oid(a[0])),
    pg_relation_is_publishable: (ctx, a) => pgRelationIsPublishable(ctx, oid(a[0])),
    pg_partition_ancestors: () => pgPartitionAncestors(),
    pg_get_function_arguments: (ctx, a) => pgGetFunctionArguments(ctx, oid(a[0])),
    pg_get_function_identity_arguments: (ctx, a) => pgGetFunctionIdentityArguments(ctx, oid(a[0])),
    pg_get_function_result: (ctx, a) => pgGetFunctionResult(ctx, oid(a[0])),
    pg_get_statisticsobjdef_columns: () => null,
    pg_get_triggerdef: () => null,
    pg_get_triggerdef_ext: () => null,
    // OID alias types: input (text -> oid), output (oid -> text), and the NULL-on-missing forms.
    regclassin: (ctx, a) => regclassIn(ctx, str(a[0])),
    text_regclass: (ctx, a) => regclassIn(ctx, str(a[0])),
    regclassout: (ctx, a) => regclassOut(ctx, oid(a[0])),
    regtypein: (ctx, a) => regtypeIn(ctx, str(a[0])),
    regtypeout: (ctx, a) => regtypeOut(ctx, oid(a[0])),
    regprocin: (ctx, a) => regprocIn(ctx, str(a[0])),
    regprocout: (ctx, a) => regprocOut(ctx, oid(a[0])),
    regnamespacein: (ctx, a) => regnamespaceIn(ctx, str(a[0])),
    regnamespaceout: (ctx, a) => regnamespaceOut(ctx, oid(a[0])),
    regrolein: (ctx, a) => regroleIn(ctx, str(a[0])),
    regroleout: (ctx, a) => regroleOut(ctx, oid(a[0])),
    to_regclass: (ctx, a) => orNull(regclassIn)(ctx, str(a[0])),
    to_regtype: (ctx, a) => orNull(regtypeIn)(ctx, str(a[0])),
    to_regproc: (ctx, a) => orNull(regprocIn)(ctx, str(a[0])),
    to_regnamespace: (ctx, a) => orNull(regnamespaceIn)(ctx, str(a[0])),
    to_regrole: (ctx, a) => orNull(regroleIn)(ctx, str(a[0])),
  };
  for (const [impl, objectArg] of Object.entries(TABLE_PRIVILEGE)) {
    fns[impl] = (ctx, a) => hasTablePrivilege(ctx, a[objectArg] as Oid | string);
  }
  for (const impl of OTHER_PRIVILEGES) fns[impl] = always;
  return fns;
}

/** Every catalog function by impl name. Frozen shared data (the functions are pure). */
export const CATALOG_FUNCTIONS: Readonly<Record<string, CatalogFunction>> = Object.freeze(buildFunctions());
