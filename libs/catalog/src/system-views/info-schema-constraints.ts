// information_schema.table_constraints, key_column_usage, referential_constraints and
// check_constraints for the user's tables, as PostgreSQL 15 defines them: NOT NULL columns
// appear as CHECK constraints named `<nspoid>_<reloid>_<attnum>_not_null` (PostgreSQL 15
// keeps NOT NULL in pg_attribute, and the SQL standard wants them listed).
// Deliberate difference: the unique constraints PostgreSQL 15 puts on its own catalogs are
// not listed (vecgres' system tables are virtual).
import { pgGetConstraintdef } from '../functions/ruleutils';
import type { ConstraintRow, ForeignKeyAction, TableRelation } from '../model/relations';
import type { SystemViewContext, ViewRecord } from './system-view';

const CONSTRAINT_TYPES = { p: 'PRIMARY KEY', u: 'UNIQUE', f: 'FOREIGN KEY', c: 'CHECK' } as const;
const RULES: Readonly<Record<ForeignKeyAction, string>> = {
  a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT',
};
const MATCH = { s: 'NONE', f: 'FULL', p: 'PARTIAL' } as const;

const yesNo = (b: boolean) => (b ? 'YES' : 'NO');

function tables(ctx: SystemViewContext): TableRelation[] {
  return ctx.catalog.relations().filter((r): r is TableRelation => r.kind === 'r');
}

function schemaOf(ctx: SystemViewContext, ns: number): string {
  return ctx.catalog.namespace(ns)?.name ?? '';
}

function notNullName(t: TableRelation, attnum: number): string {
  return `${t.namespace}_${t.oid}_${attnum}_not_null`;
}

function constraintIdentity(ctx: SystemViewContext, c: ConstraintRow) {
  return { constraint_catalog: ctx.session.database, constraint_schema: schemaOf(ctx, c.namespace), constraint_name: c.name };
}

export function* tableConstraintsRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const db = ctx.session.database;
  for (const t of tables(ctx)) {
    const schema = schemaOf(ctx, t.namespace);
    const table = { table_catalog: db, table_schema: schema, table_name: t.name };
    for (const c of ctx.catalog.constraintsOf(t.oid)) {
      const index = ctx.catalog.relation(c.index);
      yield {
        ...constraintIdentity(ctx, c), ...table, constraint_type: CONSTRAINT_TYPES[c.type],
        is_deferrable: yesNo(c.deferrable), initially_deferred: yesNo(c.deferred), enforced: 'YES',
        nulls_distinct: c.type === 'u' ? yesNo(!(index?.kind === 'i' && index.nullsNotDistinct)) : null,
      };
    }
    for (const col of t.columns) {
      if (!col.notNull || col.dropped) continue;
      yield {
        constraint_catalog: db, constraint_schema: schema, constraint_name: notNullName(t, col.attnum), ...table,
        constraint_type: 'CHECK', is_deferrable: 'NO', initially_deferred: 'NO', enforced: 'YES', nulls_distinct: null,
      };
    }
  }
}

export function* keyColumnUsageRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const { catalog } = ctx;
  for (const c of catalog.constraints()) {
    if (c.type === 'c') continue;
    const t = catalog.table(c.table);
    if (!t) continue;
    for (let i = 0; i < c.columns.length; i++) {
      const col = t.columns.find((x) => x.attnum === c.columns[i]);
      // For a foreign key: where the referenced column sits in the referenced unique key.
      let position: number | null = null;
      if (c.fk) {
        const refKey = catalog.constraints().find((k) => (k.type === 'p' || k.type === 'u') && k.index === c.index);
        const at = (refKey?.columns ?? c.fk.refColumns).indexOf(c.fk.refColumns[i]);
        position = at >= 0 ? at + 1 : null;
      }
      yield {
        ...constraintIdentity(ctx, c), table_catalog: ctx.session.database, table_schema: schemaOf(ctx, t.namespace),
        table_name: t.name, column_name: col?.name ?? null, ordinal_position: i + 1, position_in_unique_constraint: position,
      };
    }
  }
}

export function* referentialConstraintsRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const { catalog } = ctx;
  for (const c of catalog.constraints()) {
    if (!c.fk) continue;
    const unique = catalog.constraints().find((k) => (k.type === 'p' || k.type === 'u') && k.index === c.index);
    yield {
      ...constraintIdentity(ctx, c),
      unique_constraint_catalog: unique ? ctx.session.database : null,
      unique_constraint_schema: unique ? schemaOf(ctx, unique.namespace) : null,
      unique_constraint_name: unique?.name ?? null,
      match_option: MATCH[c.fk.match], update_rule: RULES[c.fk.onUpdate], delete_rule: RULES[c.fk.onDelete],
    };
  }
}

export function* checkConstraintsRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const db = ctx.session.database;
  for (const t of tables(ctx)) {
    const schema = schemaOf(ctx, t.namespace);
    for (const c of ctx.catalog.constraintsOf(t.oid)) {
      if (c.type !== 'c') continue;
      // substring(pg_get_constraintdef(oid) from 7): the text after `CHECK `.
      yield { ...constraintIdentity(ctx, c), check_clause: (pgGetConstraintdef(ctx, c.oid) ?? '').slice(6) };
    }
    for (const col of t.columns) {
      if (!col.notNull || col.dropped) continue;
      yield {
        constraint_catalog: db, constraint_schema: schema, constraint_name: notNullName(t, col.attnum),
        check_clause: `${col.name} IS NOT NULL`,
      };
    }
  }
}
