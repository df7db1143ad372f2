// information_schema views against PostgreSQL 15.18's rows for the same DDL
// (testing/oracle-schema.ts). NOT NULL pseudo-constraint names embed the schema and table
// OIDs (`2200_16398_1_not_null`), so expectations build them from our OIDs.
import { setupParser } from '../testing/ddl-helpers';
import type { SystemViewContext, ViewRecord } from './system-view';
import { oracleDb, project, records } from './testing/oracle-schema';

beforeAll(setupParser);

const userSchema = (r: ViewRecord, key = 'table_schema') => r[key] === 'public' || r[key] === 'app';

describe('information_schema', () => {
  let ctx: SystemViewContext;
  beforeAll(() => {
    ctx = oracleDb().ctx;
  });
  const relOid = (name: string, schema = 'public') => ctx.catalog.relationByName(ctx.catalog.namespaceByName(schema)!.oid, name)!.oid;
  const nn = (table: string, attnum: number, schema = 'public') =>
    `${ctx.catalog.namespaceByName(schema)!.oid}_${relOid(table, schema)}_${attnum}_not_null`;

  it('columns: every facet PostgreSQL 15 reports for the user columns', () => {
    const cols = ['table_schema', 'table_name', 'column_name', 'ordinal_position', 'column_default', 'is_nullable', 'data_type',
      'character_maximum_length', 'character_octet_length', 'numeric_precision', 'numeric_precision_radix', 'numeric_scale',
      'datetime_precision', 'udt_catalog', 'udt_schema', 'udt_name', 'dtd_identifier', 'is_self_referencing', 'is_identity',
      'identity_generation', 'identity_start', 'identity_increment', 'identity_maximum', 'identity_minimum', 'identity_cycle',
      'is_generated', 'generation_expression', 'is_updatable'];
    const rows = project(ctx, records(ctx, 'information_schema', 'columns').filter((r) => userSchema(r)), cols)
      .sort((a, b) => `${a[1]}.${String(a[3]).padStart(3)}`.localeCompare(`${b[1]}.${String(b[3]).padStart(3)}`));
    const plain = ['NO', 'NO', null, null, null, null, null, 'NO', 'NEVER', null, 'YES'];
    expect(rows).toEqual([
      ['app', 'items', 'k', 1, null, 'NO', 'integer', null, null, 32, 2, 0, null, 'postgres', 'pg_catalog', 'int4', '1', 'NO', 'YES', 'ALWAYS', '1', '1', '2147483647', '1', 'NO', 'NEVER', null, 'YES'],
      ['app', 'items', 'v', 2, null, 'NO', 'text', null, 1073741824, null, null, null, null, 'postgres', 'pg_catalog', 'text', '2', ...plain],
      ['public', 't', 'id', 1, `nextval('t_id_seq'::regclass)`, 'NO', 'bigint', null, null, 64, 2, 0, null, 'postgres', 'pg_catalog', 'int8', '1', ...plain],
      ['public', 't', 'a', 2, null, 'YES', 'integer', null, null, 32, 2, 0, null, 'postgres', 'pg_catalog', 'int4', '2', ...plain],
      ['public', 't', 'b', 3, null, 'YES', 'integer', null, null, 32, 2, 0, null, 'postgres', 'pg_catalog', 'int4', '3', ...plain],
      ['public', 't', 'c', 4, '0', 'YES', 'numeric', null, null, 10, 10, 2, null, 'postgres', 'pg_catalog', 'numeric', '4', ...plain],
      ['public', 't', 'd', 5, 'now()', 'YES', 'timestamp with time zone', null, null, null, null, null, 6, 'postgres', 'pg_catalog', 'timestamptz', '5', ...plain],
      ['public', 't', 'tags', 6, null, 'YES', 'ARRAY', null, null, null, null, null, null, 'postgres', 'pg_catalog', '_text', '6', ...plain],
      ['public', 'u', 'id', 1, `nextval('u_id_seq'::regclass)`, 'NO', 'integer', null, null, 32, 2, 0, null, 'postgres', 'pg_catalog', 'int4', '1', ...plain],
      ['public', 'u', 'email', 2, null, 'NO', 'character varying', 100, 400, null, null, null, null, 'postgres', 'pg_catalog', 'varchar', '2', ...plain],
      ['public', 'u', 'name', 3, `'anon'::text`, 'YES', 'text', null, 1073741824, null, null, null, null, 'postgres', 'pg_catalog', 'text', '3', ...plain],
    ]);
  });

  it('tables, schemata and sequences', () => {
    expect(project(ctx, records(ctx, 'information_schema', 'tables').filter((r) => userSchema(r)),
      ['table_catalog', 'table_schema', 'table_name', 'table_type', 'is_insertable_into', 'is_typed', 'commit_action'])).toEqual([
      ['postgres', 'public', 'u', 'BASE TABLE', 'YES', 'NO', null], ['postgres', 'public', 't', 'BASE TABLE', 'YES', 'NO', null],
      ['postgres', 'app', 'items', 'BASE TABLE', 'YES', 'NO', null],
    ]);
    const system = records(ctx, 'information_schema', 'tables').filter((r) => !userSchema(r));
    expect(system.find((r) => r.table_name === 'pg_class')).toMatchObject({ table_schema: 'pg_catalog', table_type: 'BASE TABLE' });
    expect(system.find((r) => r.table_name === 'columns')).toMatchObject({ table_schema: 'information_schema', table_type: 'VIEW', is_insertable_into: 'NO' });
    // PostgreSQL also lists pg_toast; owners as in the \dn note of system-views.spec.ts.
    expect(project(ctx, records(ctx, 'information_schema', 'schemata'), ['catalog_name', 'schema_name', 'schema_owner', 'sql_path']).sort())
      .toEqual([['postgres', 'app', 'postgres', null], ['postgres', 'information_schema', 'postgres', null],
        ['postgres', 'pg_catalog', 'postgres', null], ['postgres', 'public', 'pg_database_owner', null]]);
    expect(project(ctx, records(ctx, 'information_schema', 'sequences'), ['sequence_schema', 'sequence_name', 'data_type',
      'numeric_precision', 'numeric_precision_radix', 'numeric_scale', 'start_value', 'minimum_value', 'maximum_value', 'increment', 'cycle_option']))
      .toEqual([
        ['public', 'u_id_seq', 'integer', 32, 2, 0, '1', '1', '2147483647', '1', 'NO'],
        ['public', 't_id_seq', 'bigint', 64, 2, 0, '1', '1', '9223372036854775807', '1', 'NO'],
        ['app', 's', 'bigint', 64, 2, 0, '5', '1', '9223372036854775807', '1', 'NO'],
      ]);
  });

  it('table_constraints, with NOT NULL columns as CHECK constraints', () => {
    const rows = project(ctx, records(ctx, 'information_schema', 'table_constraints'), ['constraint_schema', 'constraint_name',
      'table_schema', 'table_name', 'constraint_type', 'is_deferrable', 'initially_deferred', 'enforced', 'nulls_distinct'])
      .sort((a, b) => `${a[3]} ${a[1]}`.localeCompare(`${b[3]} ${b[1]}`));
    const check = (schema: string, name: string, table: string) => [schema, name, schema, table, 'CHECK', 'NO', 'NO', 'YES', null];
    expect(rows).toEqual([
      check('app', nn('items', 1, 'app'), 'items'), check('app', nn('items', 2, 'app'), 'items'),
      ['app', 'items_pkey', 'app', 'items', 'PRIMARY KEY', 'NO', 'NO', 'YES', null],
      check('public', nn('t', 1), 't'),
      check('public', 't_a_check', 't'),
      ['public', 't_ab_uniq', 'public', 't', 'UNIQUE', 'NO', 'NO', 'YES', 'YES'],
      ['public', 't_b_fkey', 'public', 't', 'FOREIGN KEY', 'NO', 'NO', 'YES', null],
      ['public', 't_pkey', 'public', 't', 'PRIMARY KEY', 'NO', 'NO', 'YES', null],
      check('public', nn('u', 1), 'u'), check('public', nn('u', 2), 'u'),
      ['public', 'u_email_key', 'public', 'u', 'UNIQUE', 'NO', 'NO', 'YES', 'YES'],
      ['public', 'u_pkey', 'public', 'u', 'PRIMARY KEY', 'NO', 'NO', 'YES', null],
    ].sort((a, b) => `${a[3]} ${a[1]}`.localeCompare(`${b[3]} ${b[1]}`)));
  });

  it('key_column_usage, referential_constraints and check_constraints', () => {
    expect(project(ctx, records(ctx, 'information_schema', 'key_column_usage'), ['constraint_schema', 'constraint_name',
      'table_name', 'column_name', 'ordinal_position', 'position_in_unique_constraint'])
      .sort((a, b) => `${a[1]}${a[4]}`.localeCompare(`${b[1]}${b[4]}`))).toEqual([
      ['app', 'items_pkey', 'items', 'k', 1, null],
      ['public', 't_ab_uniq', 't', 'a', 1, null], ['public', 't_ab_uniq', 't', 'b', 2, null],
      ['public', 't_b_fkey', 't', 'b', 1, 1],
      ['public', 't_pkey', 't', 'id', 1, null],
      ['public', 'u_email_key', 'u', 'email', 1, null],
      ['public', 'u_pkey', 'u', 'id', 1, null],
    ]);
    expect(project(ctx, records(ctx, 'information_schema', 'referential_constraints'), ['constraint_catalog', 'constraint_schema',
      'constraint_name', 'unique_constraint_catalog', 'unique_constraint_schema', 'unique_constraint_name', 'match_option',
      'update_rule', 'delete_rule'])).toEqual([['postgres', 'public', 't_b_fkey', 'postgres', 'public', 'u_pkey', 'NONE', 'NO ACTION', 'CASCADE']]);
    expect(project(ctx, records(ctx, 'information_schema', 'check_constraints'), ['constraint_schema', 'constraint_name', 'check_clause'])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      ['public', nn('u', 1), 'id IS NOT NULL'], ['public', nn('u', 2), 'email IS NOT NULL'],
      ['public', nn('t', 1), 'id IS NOT NULL'],
      ['app', nn('items', 1, 'app'), 'k IS NOT NULL'], ['app', nn('items', 2, 'app'), 'v IS NOT NULL'],
      ['public', 't_a_check', '((a > 0))'],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
  });
});
