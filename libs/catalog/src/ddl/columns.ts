// Column definitions -> pg_attribute rows (parse_utilcmd.c transformColumnDefinition):
// type and typmod, NULL / NOT NULL, DEFAULT, identity, generated columns, serial types and the
// sequence they imply, and the column-level constraints handed on to table constraints.
import { SQLSTATE, SqlError, syntaxError, notSupported } from '@vecgres/errors';
import type { ColumnDef, Constraint, DefOption, Expr } from '@vecgres/sql';
import { lookupRelation } from '../lookup/resolve';
import type { ColumnRow, SequenceRelation, StoredExpr, TableRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import { TYPE_OID } from '../builtins/type-oids';
import { formatType } from '../types/format-type';
import { resolveTypeName, serialTypeOf } from '../types/resolve-type';
import { quoteIdentifier } from '../types/quote';
import type { DdlBuilder } from './ddl-builder';
import { nextvalDefault, regclassNames, rejectColumnRefs, rejectSubqueries, toStored } from './expr-checks';
import { chooseRelationName } from './naming';
import { assertIntegerType, parseSequenceOptions, sequenceParams } from './sequence-params';

/** A column ready to add, with what it implies for the table. */
export interface ColumnPlan {
  row: ColumnRow;
  serial?: Oid;
  identity?: { options: DefOption[] };
  /** PRIMARY KEY / UNIQUE / CHECK / FOREIGN KEY written on the column. */
  constraints: Constraint[];
}

/** PostgreSQL's limit on columns per table (MaxHeapAttributeNumber). */
export const MAX_COLUMNS = 1600;

const INT_OID = { int2: TYPE_OID.int2, int4: TYPE_OID.int4, int8: TYPE_OID.int8 } as const;

export function planColumn(b: DdlBuilder, def: ColumnDef, attnum: number, tableName: string): ColumnPlan {
  const where = `column "${def.name}" of table "${tableName}"`;
  const serial = serialTypeOf(def.type);
  let type: Oid;
  let typmod = -1;
  if (serial) {
    if (def.type.arrayBounds.length) throw notSupported('array of serial is not implemented');
    type = INT_OID[serial];
  } else {
    const t = resolveTypeName(b.catalog, b.ctx.registry, b.ctx, def.type, b.notices);
    if (t.type.type === 'p') {
      throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, `column "${def.name}" has pseudo-type ${formatType(b.catalog, t.oid, null)}`);
    }
    type = t.oid;
    typmod = t.typmod;
  }
  const row: ColumnRow = {
    attnum, name: def.name, type, typmod, ndims: def.type.arrayBounds.length, notNull: !!serial,
    identity: '', generated: '', dropped: false,
  };
  const plan: ColumnPlan = { row, constraints: [] };
  if (serial) plan.serial = type;
  let sawNull = false;
  let sawNotNull = false;
  let sawDefault = !!serial;
  for (const c of def.constraints) {
    const pos = c.location >= 0 ? c.location + 1 : undefined;
    switch (c.type) {
      case 'null':
        if (sawNotNull) throw syntaxError(`conflicting NULL/NOT NULL declarations for ${where}`, pos);
        sawNull = true;
        row.notNull = false;
        break;
      case 'notNull':
        if (sawNull) throw syntaxError(`conflicting NULL/NOT NULL declarations for ${where}`, pos);
        sawNotNull = true;
        row.notNull = true;
        break;
      case 'default':
        if (sawDefault) throw syntaxError(`multiple default values specified for ${where}`, pos);
        if (row.identity) throw syntaxError(`both default and identity specified for ${where}`, pos);
        sawDefault = true;
        rejectSubqueries(c.expr, 'DEFAULT expression');
        rejectColumnRefs(c.expr, 'DEFAULT expression');
        row.default = storedDefault(b, c.expr);
        break;
      case 'identity':
        if (row.identity) throw syntaxError(`multiple identity specifications for ${where}`, pos);
        if (sawDefault) throw syntaxError(`both default and identity specified for ${where}`, pos);
        assertIntegerType(type);
        row.identity = c.generated === 'always' ? 'a' : 'd';
        row.notNull = true;
        plan.identity = { options: c.options };
        break;
      case 'generated':
        if (sawDefault) throw syntaxError(`both default and generation expression specified for ${where}`, pos);
        if (row.identity) throw syntaxError(`both identity and generation expression specified for ${where}`, pos);
        rejectSubqueries(c.expr, 'column generation expression');
        sawDefault = true;
        row.generated = 's';
        row.default = toStored(c.expr);
        break;
      default:
        plan.constraints.push(c);
    }
  }
  if (sawNull && row.identity) {
    throw syntaxError(`conflicting NULL/NOT NULL declarations for ${where}`);
  }
  return plan;
}

/** A default with the relations its regclass constants name (nextval('s') depends on s). */
export function storedDefault(b: DdlBuilder, expr: Expr): StoredExpr {
  const stored = toStored(expr);
  const refs: Oid[] = [];
  for (const name of regclassNames(expr)) {
    const parts = name.split('.');
    const rel = lookupRelation(b.catalog, b.ctx, parts.length > 1 ? { schema: parts[0], name: parts[1], location: -1 } : { name, location: -1 });
    if (!rel) throw new SqlError(SQLSTATE.UNDEFINED_TABLE, `relation "${name}" does not exist`);
    refs.push(rel.oid);
  }
  if (refs.length) stored.refs = refs;
  return stored;
}

/**
 * The sequence behind a serial or identity column: `t_c_seq` (ChooseRelationName), OWNED BY
 * the column. Serial columns get `nextval('t_c_seq'::regclass)` as their default; identity
 * columns reference their sequence through the ownership only, as in PostgreSQL.
 */
export function createColumnSequence(
  b: DdlBuilder,
  table: TableRelation,
  column: ColumnRow,
  identityOptions: DefOption[] | undefined,
): { table: TableRelation; sequence: SequenceRelation } {
  const opts = parseSequenceOptions(identityOptions ?? [], () => {
    throw syntaxError('identity column sequence cannot change its type');
  });
  const name = opts.sequenceName?.length
    ? opts.sequenceName[opts.sequenceName.length - 1]
    : chooseRelationName(b.catalog, table.name, column.name, 'seq', table.namespace, false);
  if (b.catalog.relationByName(table.namespace, name)) {
    throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${name}" already exists`);
  }
  const sequence: SequenceRelation = {
    oid: b.oid(), name, namespace: table.namespace, persistence: table.persistence, owner: table.owner,
    options: [], kind: 'S', params: sequenceParams(b.catalog, opts, undefined, column.type),
    ownedBy: { table: table.oid, attnum: column.attnum },
  };
  if (identityOptions) sequence.identity = true;
  b.put('relations', sequence);
  b.effect({ type: 'createRelation', oid: sequence.oid, kind: 'S' });
  b.effect({ type: 'resetSequence', sequence: sequence.oid });
  if (identityOptions) return { table, sequence };
  // regclass text is schema-qualified only when the schema is not the creation schema.
  const nsName = b.catalog.namespace(table.namespace)!.name;
  const visible = lookupRelation(b.catalog, b.ctx, { name, location: -1 })?.oid === sequence.oid;
  const seqText = visible ? quoteIdentifier(name) : `${quoteIdentifier(nsName)}.${quoteIdentifier(name)}`;
  const def = toStored(nextvalDefault(seqText));
  def.refs = [sequence.oid];
  const updated: TableRelation = {
    ...table,
    columns: table.columns.map((c) => (c.attnum === column.attnum ? { ...c, default: def } : c)),
  };
  b.put('relations', updated);
  return { table: updated, sequence };
}
