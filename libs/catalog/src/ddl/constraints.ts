// Table constraints shared by CREATE TABLE and ALTER TABLE ADD CONSTRAINT: CHECK, PRIMARY KEY
// and UNIQUE (with their backing index), FOREIGN KEY (referenced table, key match, type
// compatibility). Names and errors follow PostgreSQL 15 (heap.c AddRelationNewConstraints,
// parse_utilcmd.c transformIndexConstraint, tablecmds.c ATAddForeignKeyConstraint).
import { SQLSTATE, SqlError, undefinedColumn, undefinedObject } from '@vecgres/errors';
import type { Constraint, ReferentialAction } from '@vecgres/sql';
import { lookupRelation, qualifiedNameText } from '../lookup/resolve';
import type { ConstraintRow, ForeignKeyAction, IndexRelation, TableRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import { formatType } from '../types/format-type';
import type { DdlBuilder } from './ddl-builder';
import { referencedColumns, rejectSubqueries, toStored } from './expr-checks';
import { buildIndex } from './index-build';
import { chooseConstraintName, constraintNameExists, nameAddition } from './naming';

type CheckConstraint = Extract<Constraint, { type: 'check' }>;
type KeyConstraint = Extract<Constraint, { type: 'primaryKey' | 'unique' }>;
type ForeignKeyConstraint = Extract<Constraint, { type: 'foreignKey' }>;

function freshTable(b: DdlBuilder, oid: Oid): TableRelation {
  return b.catalog.table(oid)!;
}

function baseRow(c: Constraint): Pick<ConstraintRow, 'deferrable' | 'deferred' | 'validated' | 'noInherit'> {
  return { deferrable: c.deferrable, deferred: c.initiallyDeferred, validated: true, noInherit: false };
}

/** CHECK: named, or `t_col_check` (single column) / `t_check`. `taken` collects this statement's names. */
export function addCheckConstraint(b: DdlBuilder, tableOid: Oid, c: CheckConstraint, taken: Set<string>, validate: boolean): ConstraintRow {
  const table = freshTable(b, tableOid);
  rejectSubqueries(c.expr, 'check constraint');
  const cols = referencedColumns(c.expr, table.columns, table.name);
  const own = b.catalog.constraintsOf(table.oid);
  let name = c.name;
  if (name !== undefined) {
    if (taken.has(name)) throw new SqlError(SQLSTATE.DUPLICATE_OBJECT, `check constraint "${name}" already exists`);
    if (own.some((x) => x.name === name)) {
      throw new SqlError(SQLSTATE.DUPLICATE_OBJECT, `constraint "${name}" for relation "${table.name}" already exists`);
    }
  } else {
    const colName = cols.length === 1 ? table.columns.find((x) => x.attnum === cols[0])!.name : undefined;
    name = chooseConstraintName(b.catalog, table.name, colName, 'check', table.namespace, taken);
  }
  taken.add(name);
  const row: ConstraintRow = {
    oid: b.oid(), name, namespace: table.namespace, type: 'c', table: table.oid, columns: cols, index: 0,
    check: toStored(c.expr), ...baseRow(c), noInherit: c.noInherit, validated: !c.notValid || !validate,
  };
  b.put('constraints', row);
  if (validate && !c.notValid) b.effect({ type: 'validateConstraint', constraint: row.oid });
  return row;
}

/** PRIMARY KEY / UNIQUE: the backing index (`t_pkey`, `t_a_b_key`) and the constraint row. */
export function addKeyConstraint(b: DdlBuilder, tableOid: Oid, c: KeyConstraint, columnName?: string): ConstraintRow {
  let table = freshTable(b, tableOid);
  const columns = c.columns.length ? c.columns : columnName !== undefined ? [columnName] : [];
  const primary = c.type === 'primaryKey';
  if (primary) {
    const existing = b.catalog.constraintsOf(table.oid).find((x) => x.type === 'p');
    if (existing) {
      throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, `multiple primary keys for table "${table.name}" are not allowed`,
        c.location >= 0 ? { position: c.location + 1 } : {});
    }
  }
  if (c.name !== undefined && b.catalog.constraintsOf(table.oid).some((x) => x.name === c.name)) {
    throw new SqlError(SQLSTATE.DUPLICATE_OBJECT, `constraint "${c.name}" for relation "${table.name}" already exists`);
  }
  const seen = new Set<string>();
  for (const col of columns) {
    if (seen.has(col)) {
      throw new SqlError(SQLSTATE.DUPLICATE_COLUMN, `column "${col}" appears twice in ${primary ? 'primary key' : 'unique'} constraint`);
    }
    seen.add(col);
    if (!table.columns.some((x) => !x.dropped && x.name === col)) throw undefinedColumn(`column "${col}" named in key does not exist`);
  }
  if (primary) {
    // A primary key makes its columns NOT NULL (existing rows must be checked by the engine).
    table = { ...table, columns: table.columns.map((x) => (columns.includes(x.name) && !x.dropped ? { ...x, notNull: true } : x)) };
    b.put('relations', table);
  }
  const index = buildIndex(b, table, {
    name: c.name,
    method: 'btree',
    unique: true,
    primary,
    nullsNotDistinct: c.type === 'unique' && c.nullsNotDistinct,
    elems: columns.map((column) => ({ column, opclassOptions: [], direction: 'default', nulls: 'default' })),
    include: c.include,
    options: c.options,
    isConstraint: true,
  });
  const row: ConstraintRow = {
    oid: b.oid(), name: index.name, namespace: table.namespace, type: primary ? 'p' : 'u', table: table.oid,
    columns: index.keys.map((k) => k.attnum), index: index.oid, ...baseRow(c),
  };
  b.put('constraints', row);
  b.put('relations', { ...b.catalog.relation(index.oid)!, constraint: row.oid } as IndexRelation);
  return row;
}

const ACTIONS: Record<ReferentialAction, ForeignKeyAction> = {
  noAction: 'a', restrict: 'r', cascade: 'c', setNull: 'n', setDefault: 'd',
};

/** Types a foreign key can compare: equal, same category, or implicitly castable. */
function fkTypesCompatible(b: DdlBuilder, a: Oid, r: Oid): boolean {
  if (a === r) return true;
  const cat = b.catalog;
  const ta = cat.type(a);
  const tr = cat.type(r);
  if (ta && tr && ta.category === tr.category && ['N', 'S', 'D'].includes(ta.category)) return true;
  return cat.cast(a, r)?.context === 'i' || cat.cast(r, a)?.context === 'i';
}

/** FOREIGN KEY: resolves the referenced key (its primary key when no columns are given). */
export function addForeignKey(b: DdlBuilder, tableOid: Oid, c: ForeignKeyConstraint, columnName: string | undefined, taken: Set<string>, validate: boolean): ConstraintRow {
  const table = freshTable(b, tableOid);
  const cat = b.catalog;
  const ref = lookupRelation(cat, b.ctx, c.table);
  if (!ref) throw new SqlError(SQLSTATE.UNDEFINED_TABLE, `relation "${qualifiedNameText(c.table)}" does not exist`);
  if (ref.kind !== 'r') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `referenced relation "${ref.name}" is not a table`);
  // ATAddForeignKeyConstraint: temp and permanent tables never reference each other.
  if (table.persistence === 't' ? ref.persistence !== 't' : ref.persistence === 't') {
    const which = table.persistence === 't' ? 'temporary' : 'permanent';
    throw new SqlError(SQLSTATE.INVALID_TABLE_DEFINITION, `constraints on ${which} tables may reference only ${which} tables`);
  }
  const localNames = c.columns.length ? c.columns : columnName !== undefined ? [columnName] : [];
  const local = localNames.map((n) => {
    const col = table.columns.find((x) => !x.dropped && x.name === n);
    if (!col) throw undefinedColumn(`column "${n}" referenced in foreign key constraint does not exist`);
    return col;
  });
  let refAttnums: number[];
  let refIndex: Oid;
  const refConstraints = cat.constraintsOf(ref.oid);
  if (c.refColumns.length === 0) {
    const pk = refConstraints.find((x) => x.type === 'p');
    if (!pk) throw undefinedObject(`there is no primary key for referenced table "${ref.name}"`);
    refAttnums = pk.columns;
    refIndex = pk.index;
  } else {
    refAttnums = c.refColumns.map((n) => {
      const col = ref.columns.find((x) => !x.dropped && x.name === n);
      if (!col) throw undefinedColumn(`column "${n}" referenced in foreign key constraint does not exist`);
      return col.attnum;
    });
    const sorted = [...refAttnums].sort().join(',');
    const match = refConstraints.find((x) => (x.type === 'p' || x.type === 'u') && [...x.columns].sort().join(',') === sorted);
    if (!match) {
      throw new SqlError(SQLSTATE.INVALID_FOREIGN_KEY, `there is no unique constraint matching given keys for referenced table "${ref.name}"`);
    }
    refIndex = match.index;
  }
  if (refAttnums.length !== local.length) {
    throw new SqlError(SQLSTATE.INVALID_FOREIGN_KEY, 'number of referencing and referenced columns for foreign key disagree');
  }
  const name = c.name ?? chooseConstraintName(cat, table.name, nameAddition(localNames), 'fkey', table.namespace, taken);
  if (c.name !== undefined && (taken.has(c.name) || cat.constraintsOf(table.oid).some((x) => x.name === c.name))) {
    throw new SqlError(SQLSTATE.DUPLICATE_OBJECT, `constraint "${c.name}" for relation "${table.name}" already exists`);
  }
  local.forEach((col, i) => {
    const refCol = ref.columns.find((x) => x.attnum === refAttnums[i])!;
    if (!fkTypesCompatible(b, col.type, refCol.type)) {
      throw new SqlError(SQLSTATE.DATATYPE_MISMATCH, `foreign key constraint "${name}" cannot be implemented`, {
        detail: `Key columns "${col.name}" and "${refCol.name}" are of incompatible types: ${formatType(cat, col.type, null)} and ${formatType(cat, refCol.type, null)}.`,
      });
    }
  });
  taken.add(name);
  const row: ConstraintRow = {
    oid: b.oid(), name, namespace: table.namespace, type: 'f', table: table.oid, columns: local.map((x) => x.attnum),
    index: refIndex,
    fk: {
      refTable: ref.oid, refColumns: refAttnums, onUpdate: ACTIONS[c.onUpdate], onDelete: ACTIONS[c.onDelete],
      match: c.match === 'full' ? 'f' : c.match === 'partial' ? 'p' : 's',
    },
    ...baseRow(c),
    validated: !c.notValid || !validate,
  };
  b.put('constraints', row);
  if (validate && !c.notValid) b.effect({ type: 'validateConstraint', constraint: row.oid });
  return row;
}

/** Whether a constraint name is free in the namespace (for explicit names checked early). */
export function constraintNameFree(b: DdlBuilder, name: string, namespace: Oid): boolean {
  return !constraintNameExists(b.catalog, name, namespace);
}
