// Building one index (pg_class + pg_index rows) for CREATE INDEX and for PRIMARY KEY / UNIQUE
// constraints: key columns or expressions, operator classes (default per type, or named),
// access-method capability checks, WITH options through the AM's validator, naming.
import { SQLSTATE, SqlError, notSupported, undefinedColumn, undefinedObject } from '@vecgres/errors';
import type { DefOption, Expr, IndexElem } from '@vecgres/sql';
import type { Catalog } from '../lookup/catalog';
import type { IndexKey, IndexRelation, TableRelation } from '../model/relations';
import type { AccessMethodRow, Oid, OpclassRow } from '../model/rows';
import { formatType } from '../types/format-type';
import type { DdlBuilder } from './ddl-builder';
import { referencedColumns, rejectSubqueries, toStored } from './expr-checks';
import { chooseIndexColumnNames, chooseRelationName, figureIndexColname, nameAddition } from './naming';

export interface IndexSpec {
  /** Explicit name; chosen by PostgreSQL's rules when absent. */
  name?: string;
  method: string;
  unique: boolean;
  primary: boolean;
  nullsNotDistinct: boolean;
  elems: IndexElem[];
  include: string[];
  options: DefOption[];
  where?: Expr;
  /** A PRIMARY KEY / UNIQUE constraint's index (named `_pkey` / `_key`, checked against constraints). */
  isConstraint: boolean;
}

/** The access method row for `name`, 42704 `access method "x" does not exist` if none. */
export function lookupAccessMethod(cat: Catalog, name: string): AccessMethodRow {
  const am = cat.accessMethodByName(name);
  if (!am || am.type !== 'i') throw undefinedObject(`access method "${name}" does not exist`);
  return am;
}

/**
 * GetDefaultOpClass: the AM's default opclass for `type`, preferring an exact type match,
 * then a binary-coercible one (varchar uses text_ops), then the polymorphic array opclass.
 */
export function defaultOpclass(cat: Catalog, am: Oid, type: Oid): OpclassRow | undefined {
  const candidates = cat.opclassesOf(am).filter((c) => c.isDefault);
  const exact = candidates.find((c) => c.type === type);
  if (exact) return exact;
  const coercible = candidates.find((c) => cat.cast(type, c.type)?.method === 'b');
  if (coercible) return coercible;
  const t = cat.type(type);
  if (t && t.elem && t.subscript === 'array_subscript_handler') return candidates.find((c) => c.type === 2277);
  return undefined;
}

function resolveOpclass(cat: Catalog, am: AccessMethodRow, type: Oid, names: string[] | undefined): Oid {
  if (names && names.length) {
    const name = names[names.length - 1];
    const schema = names.length > 1 ? names[names.length - 2] : undefined;
    const oc = cat.opclassesOf(am.oid).find((c) => c.name === name && (schema === undefined || cat.namespace(c.namespace)?.name === schema));
    if (!oc) throw undefinedObject(`operator class "${names.join('.')}" does not exist for access method "${am.name}"`);
    if (oc.type !== type && cat.cast(type, oc.type)?.method !== 'b' && !(oc.type === 2277 && cat.type(type)?.elem)) {
      throw new SqlError(SQLSTATE.DATATYPE_MISMATCH,
        `operator class "${oc.name}" does not accept data type ${formatType(cat, type, null)}`);
    }
    return oc.oid;
  }
  const oc = defaultOpclass(cat, am.oid, type);
  if (!oc) {
    throw undefinedObject(`data type ${formatType(cat, type, null)} has no default operator class for access method "${am.name}"`, {
      hint: 'You must specify an operator class for the index or define a default operator class for the data type.',
    });
  }
  return oc.oid;
}

/** Column names a key list would give the index (ChooseIndexColumnNames over keys + INCLUDE). */
function indexColumnNames(spec: IndexSpec): string[] {
  return chooseIndexColumnNames([...spec.elems.map((e) => e.column ?? figureIndexColname(e.expr!)), ...spec.include]);
}

/** Creates the index relation in the builder's state and returns it. */
export function buildIndex(b: DdlBuilder, table: TableRelation, spec: IndexSpec): IndexRelation {
  const cat = b.catalog;
  const am = lookupAccessMethod(cat, spec.method);
  const amSpec = b.ctx.registry.accessMethodSpec(am.name);
  if (!amSpec) throw notSupported(`access method "${am.name}" is not supported`);
  if (spec.unique && !amSpec.canUnique) throw notSupported(`access method "${am.name}" does not support unique indexes`);
  if (spec.elems.length + spec.include.length > 1 && !amSpec.canMultiColumn && spec.elems.length > 1) {
    throw notSupported(`access method "${am.name}" does not support multicolumn indexes`);
  }
  if (spec.include.length && !amSpec.canInclude) throw notSupported(`access method "${am.name}" does not support included columns`);
  if (spec.elems.length > 32) throw new SqlError(SQLSTATE.TOO_MANY_COLUMNS, 'cannot use more than 32 columns in an index');
  const live = table.columns.filter((c) => !c.dropped);
  const keys: IndexKey[] = spec.elems.map((e) => {
    let type: Oid;
    let attnum = 0;
    let expr;
    if (e.column !== undefined) {
      const col = live.find((c) => c.name === e.column);
      if (!col) {
        throw spec.isConstraint
          ? undefinedColumn(`column "${e.column}" named in key does not exist`)
          : undefinedColumn(`column "${e.column}" does not exist`);
      }
      attnum = col.attnum;
      type = col.type;
    } else {
      rejectSubqueries(e.expr!, 'index expression');
      const cols = referencedColumns(e.expr!, live, table.name);
      expr = toStored(e.expr!);
      // The binder knows the expression's type; without one, a single-column expression is
      // guessed to keep its column's type (lower(b), a + 1), anything else to be text.
      type = b.ctx.typeOfExpr?.(e.expr!, table) ?? (cols.length === 1 ? live.find((c) => c.attnum === cols[0])!.type : 25);
    }
    if ((e.direction !== 'default' || e.nulls !== 'default') && !amSpec.canOrder) {
      throw notSupported(`access method "${am.name}" does not support ASC/DESC options`);
    }
    const opclass = resolveOpclass(cat, am, type, e.opclass);
    const desc = e.direction === 'desc';
    const key: IndexKey = { attnum, opclass, desc, nullsFirst: e.nulls === 'default' ? desc : e.nulls === 'first' };
    if (expr) key.expr = expr;
    return key;
  });
  const include = spec.include.map((name) => {
    const col = live.find((c) => c.name === name);
    if (!col) throw undefinedColumn(`column "${name}" named in key does not exist`);
    return col.attnum;
  });
  const { reloptions } = amSpec.validateOptions(spec.options);
  let predicate;
  if (spec.where) {
    rejectSubqueries(spec.where, 'index predicate');
    referencedColumns(spec.where, live, table.name);
    predicate = toStored(spec.where);
  }
  const columnNames = indexColumnNames(spec);
  const name = spec.name ?? (spec.primary
    ? chooseRelationName(cat, table.name, undefined, 'pkey', table.namespace, true)
    : chooseRelationName(cat, table.name, nameAddition(columnNames), spec.isConstraint ? 'key' : 'idx', table.namespace, spec.isConstraint));
  if (spec.name !== undefined && cat.relationByName(table.namespace, spec.name)) {
    throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${spec.name}" already exists`);
  }
  const index: IndexRelation = {
    oid: b.oid(),
    name,
    namespace: table.namespace,
    persistence: table.persistence,
    owner: table.owner,
    options: reloptions,
    kind: 'i',
    table: table.oid,
    am: am.oid,
    unique: spec.unique || spec.primary,
    primary: spec.primary,
    nullsNotDistinct: spec.nullsNotDistinct,
    keys,
    include,
    columnNames,
  };
  if (predicate) index.predicate = predicate;
  b.put('relations', index);
  b.effect({ type: 'createRelation', oid: index.oid, kind: 'i' });
  b.effect({ type: 'buildIndex', index: index.oid });
  return index;
}
