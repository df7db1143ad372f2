// Catalog functions against the outputs PostgreSQL 15.18 printed for the same DDL
// (testing/oracle-schema.ts), called through CATALOG_FUNCTIONS as the executor will.
import { isSqlError } from '@vecgres/errors';
import { setupParser } from '../testing/ddl-helpers';
import { ORACLE_DDL, ORACLE_DDL_EXPRESSIONS, oracleDb, records } from '../system-views/testing/oracle-schema';
import type { SystemViewContext } from '../system-views/system-view';
import { CATALOG_FUNCTIONS } from './catalog-functions';

beforeAll(setupParser);

function call(ctx: SystemViewContext, impl: string, ...args: unknown[]): unknown {
  const fn = CATALOG_FUNCTIONS[impl];
  if (!fn) throw new Error(`no catalog function ${impl}`);
  return fn(ctx, args);
}

function fails(ctx: SystemViewContext, impl: string, ...args: unknown[]): { sqlstate: string; message: string } {
  try {
    call(ctx, impl, ...args);
  } catch (e) {
    if (isSqlError(e)) return { sqlstate: e.sqlstate, message: e.message };
    throw e;
  }
  throw new Error(`${impl} did not fail`);
}

function oidOf(ctx: SystemViewContext, name: string, schema = 'public'): number {
  const r = ctx.catalog.relationByName(ctx.catalog.namespaceByName(schema)!.oid, name);
  if (!r) throw new Error(`no relation ${name}`);
  return r.oid;
}

function conOid(ctx: SystemViewContext, name: string, schema = 'public'): number {
  const ns = ctx.catalog.namespaceByName(schema)!.oid;
  const c = ctx.catalog.constraints().find((x) => x.name === name && x.namespace === ns);
  if (!c) throw new Error(`no constraint ${name}`);
  return c.oid;
}

describe('pg_get_indexdef', () => {
  it('prints CREATE INDEX as PostgreSQL 15 does, qualified unless pretty and visible', () => {
    const { ctx } = oracleDb(ORACLE_DDL);
    const def = (name: string, schema?: string) => {
      const oid = oidOf(ctx, name, schema);
      return [call(ctx, 'pg_get_indexdef', oid), call(ctx, 'pg_get_indexdef_ext', oid, 0, true),
        call(ctx, 'pg_get_indexdef_ext', oid, 1, false), call(ctx, 'pg_get_indexdef_ext', oid, 2, true)];
    };
    expect(def('items_pkey', 'app')).toEqual([
      'CREATE UNIQUE INDEX items_pkey ON app.items USING btree (k)', 'CREATE UNIQUE INDEX items_pkey ON app.items USING btree (k)', 'k', '']);
    expect(def('t_a_idx')).toEqual(['CREATE INDEX t_a_idx ON public.t USING btree (a)', 'CREATE INDEX t_a_idx ON t USING btree (a)', 'a', '']);
    expect(def('t_ab_uniq')).toEqual([
      'CREATE UNIQUE INDEX t_ab_uniq ON public.t USING btree (a, b)', 'CREATE UNIQUE INDEX t_ab_uniq ON t USING btree (a, b)', 'a', 'b']);
    expect(def('t_lower_idx')).toEqual([
      'CREATE UNIQUE INDEX t_lower_idx ON public.t USING btree (lower(tags[1])) WHERE (a > 10)',
      'CREATE UNIQUE INDEX t_lower_idx ON t USING btree (lower(tags[1])) WHERE a > 10', 'lower(tags[1])', '']);
    expect(def('t_multi')).toEqual([
      'CREATE INDEX t_multi ON public.t USING btree (a DESC NULLS LAST, c) INCLUDE (d)',
      'CREATE INDEX t_multi ON t USING btree (a DESC NULLS LAST, c) INCLUDE (d)', 'a', 'c']);
    expect(def('u_pkey')).toEqual(['CREATE UNIQUE INDEX u_pkey ON public.u USING btree (id)', 'CREATE UNIQUE INDEX u_pkey ON u USING btree (id)', 'id', '']);
    expect(call(ctx, 'pg_get_indexdef', 999999)).toBeNull();
  });

  it('parenthesises expression keys, prints non-default opclasses and NULLS order', () => {
    const { ctx } = oracleDb(ORACLE_DDL_EXPRESSIONS);
    const both = (name: string) => [call(ctx, 'pg_get_indexdef', oidOf(ctx, name)), call(ctx, 'pg_get_indexdef_ext', oidOf(ctx, name), 0, true)];
    expect(both('x_expr')).toEqual(['CREATE INDEX x_expr ON public.x USING btree (((a + 1)))', 'CREATE INDEX x_expr ON x USING btree ((a + 1))']);
    expect(call(ctx, 'pg_get_indexdef_ext', oidOf(ctx, 'x_expr'), 1, true)).toBe('(a + 1)');
    expect(both('x_lower')).toEqual([
      'CREATE INDEX x_lower ON public.x USING btree (lower(c) text_pattern_ops)', 'CREATE INDEX x_lower ON x USING btree (lower(c) text_pattern_ops)']);
    expect(both('x_nf')).toEqual(['CREATE INDEX x_nf ON public.x USING btree (a NULLS FIRST, c DESC)', 'CREATE INDEX x_nf ON x USING btree (a NULLS FIRST, c DESC)']);
  });

  it('quotes names and prints WITH options as flatten_reloptions does', () => {
    const { ctx } = oracleDb('CREATE TABLE "Odd T" ("Col" int); CREATE INDEX "Odd I" ON "Odd T" ("Col") WITH (fillfactor = 70)');
    expect(call(ctx, 'pg_get_indexdef', oidOf(ctx, 'Odd I')))
      .toBe(`CREATE INDEX "Odd I" ON public."Odd T" USING btree ("Col") WITH (fillfactor='70')`);
  });
});

describe('pg_get_constraintdef', () => {
  it('prints keys, foreign keys and checks as PostgreSQL 15 does', () => {
    const { ctx } = oracleDb(ORACLE_DDL);
    const def = (name: string, schema?: string) => [call(ctx, 'pg_get_constraintdef', conOid(ctx, name, schema)),
      call(ctx, 'pg_get_constraintdef_ext', conOid(ctx, name, schema), true)];
    expect(def('items_pkey', 'app')).toEqual(['PRIMARY KEY (k)', 'PRIMARY KEY (k)']);
    expect(def('t_a_check')).toEqual(['CHECK ((a > 0))', 'CHECK (a > 0)']);
    expect(def('t_ab_uniq')).toEqual(['UNIQUE (a, b)', 'UNIQUE (a, b)']);
    expect(def('t_b_fkey')).toEqual(['FOREIGN KEY (b) REFERENCES u(id) ON DELETE CASCADE', 'FOREIGN KEY (b) REFERENCES u(id) ON DELETE CASCADE']);
    expect(def('u_email_key')).toEqual(['UNIQUE (email)', 'UNIQUE (email)']);
    expect(call(ctx, 'pg_get_constraintdef', 999999)).toBeNull();
  });

  it('parenthesises and types check expressions like ruleutils in both modes', () => {
    const { ctx } = oracleDb(ORACLE_DDL_EXPRESSIONS);
    const expected: Record<string, [string, string]> = {
      c1: ['CHECK (((a > 0) AND (a < 100)))', 'CHECK (a > 0 AND a < 100)'],
      c2: [`CHECK (((b)::text <> ''::text))`, `CHECK (b::text <> ''::text)`],
      c3: [`CHECK ((c = ANY (ARRAY['p'::text, 'q'::text])))`, `CHECK (c = ANY (ARRAY['p'::text, 'q'::text]))`],
      c4: [`CHECK (((b)::text = ANY ((ARRAY['r'::character varying, 's'::character varying])::text[])))`,
        `CHECK (b::text = ANY (ARRAY['r'::character varying, 's'::character varying]::text[]))`],
      c5: ['CHECK (((a >= 1) AND (a <= 5)))', 'CHECK (a >= 1 AND a <= 5)'],
      c6: ['CHECK ((NOT e))', 'CHECK (NOT e)'],
      c7: ['CHECK (((c IS NOT NULL) OR (a IS NULL)))', 'CHECK (c IS NOT NULL OR a IS NULL)'],
      c8: ['CHECK ((((a + 1) * 2) > (a - 1)))', 'CHECK (((a + 1) * 2) > (a - 1))'],
      c9: ['CHECK ((lower(c) = c))', 'CHECK (lower(c) = c)'],
      c10: [`CHECK ((c ~~ 'a%'::text))`, `CHECK (c ~~ 'a%'::text)`],
      c11: ['CHECK ((d > 1.5))', 'CHECK (d > 1.5)'],
      c12: [`CHECK ((((a > 1) OR (a < '-1'::integer)) AND e))`, `CHECK ((a > 1 OR a < '-1'::integer) AND e)`],
      y_fk: ['FOREIGN KEY (xr) REFERENCES y(id) MATCH FULL ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED',
        'FOREIGN KEY (xr) REFERENCES y(id) MATCH FULL ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED'],
    };
    const actual = Object.fromEntries(Object.keys(expected).map((name) => [name,
      [call(ctx, 'pg_get_constraintdef', conOid(ctx, name)), call(ctx, 'pg_get_constraintdef_ext', conOid(ctx, name), true)]]));
    expect(actual).toEqual(expected);
  });

  it('qualifies a referenced table that is not on the search path', () => {
    const { ctx } = oracleDb('CREATE SCHEMA s; CREATE TABLE s.p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES s.p(id))');
    expect(call(ctx, 'pg_get_constraintdef', conOid(ctx, 'c_p_fkey'))).toBe('FOREIGN KEY (p) REFERENCES s.p(id)');
  });
});

describe('pg_get_expr', () => {
  it('prints column defaults with their implicit types', () => {
    const { ctx } = oracleDb(ORACLE_DDL + ORACLE_DDL_EXPRESSIONS);
    const defaults = records(ctx, 'pg_catalog', 'pg_attrdef').map((d) => [
      ctx.catalog.relation(d.adrelid as number)!.name, d.adnum,
      call(ctx, 'pg_get_expr', d.adbin, d.adrelid), call(ctx, 'pg_get_expr_ext', d.adbin, d.adrelid, true)]);
    expect(defaults).toEqual([
      ['u', 1, `nextval('u_id_seq'::regclass)`, `nextval('u_id_seq'::regclass)`],
      ['u', 3, `'anon'::text`, `'anon'::text`],
      ['t', 1, `nextval('t_id_seq'::regclass)`, `nextval('t_id_seq'::regclass)`],
      ['t', 4, '0', '0'],
      ['t', 5, 'now()', 'now()'],
      ['x', 6, `'-1'::integer`, `'-1'::integer`],
      ['x', 7, `'x'::text`, `'x'::text`],
      ['x', 8, `'hi'::character varying`, `'hi'::character varying`],
    ]);
  });
});

describe('OID alias types', () => {
  it('reads names through the search path and prints them qualified when not visible', () => {
    const { ctx } = oracleDb(ORACLE_DDL);
    const rc = (text: string) => call(ctx, 'regclassout', call(ctx, 'regclassin', text));
    expect([rc('app.items'), rc('t'), rc('PUBLIC.T'), rc('  t '), rc('pg_catalog.pg_class'), rc('app.s')])
      .toEqual(['app.items', 't', 't', 't', 'pg_class', 'app.s']);
    expect(call(ctx, 'regclassin', 'pg_class')).toBe(1259);
    expect(call(ctx, 'regclassin', 'information_schema.columns')).toBe(13295);
    expect([call(ctx, 'regclassin', '99999'), call(ctx, 'regclassout', 99999), call(ctx, 'regclassin', '-'), call(ctx, 'regclassout', 0)])
      .toEqual([99999, '99999', 0, '-']);
    const rt = (text: string) => call(ctx, 'regtypeout', call(ctx, 'regtypein', text));
    expect([rt('int4'), rt('varchar'), rt('text[]'), rt('pg_catalog.int4'), rt('int4[]'), rt('numeric(10,2)'), rt('double precision')])
      .toEqual(['integer', 'character varying', 'text[]', 'integer', 'integer[]', 'numeric', 'double precision']);
    expect(call(ctx, 'regtypein', 'character varying(10)')).toBe(1043);
    expect([call(ctx, 'regprocin', 'now'), call(ctx, 'regprocout', 1299), call(ctx, 'regprocout', 0)]).toEqual([1299, 'now', '-']);
    expect([call(ctx, 'regnamespaceout', 11), call(ctx, 'regnamespaceout', 2200), call(ctx, 'regnamespaceout', 0)])
      .toEqual(['pg_catalog', 'public', '-']);
    expect(call(ctx, 'regnamespacein', 'app')).toBe(ctx.catalog.namespaceByName('app')!.oid);
    expect([call(ctx, 'regrolein', 'postgres'), call(ctx, 'regroleout', 10), call(ctx, 'regroleout', 6171)])
      .toEqual([10, 'postgres', 'pg_database_owner']);
  });

  it('keeps the case of quoted names', () => {
    const { ctx } = oracleDb('CREATE TABLE "Mixed Case" (x int)');
    const oid = call(ctx, 'regclassin', '"Mixed Case"');
    expect(call(ctx, 'regclassout', oid)).toBe('"Mixed Case"');
    expect(fails(ctx, 'regclassin', 'Mixed Case')).toEqual({ sqlstate: '42602', message: 'invalid name syntax' });
  });

  it('raises PostgreSQL errors for missing and malformed names; to_reg* answer NULL', () => {
    const { ctx } = oracleDb(ORACLE_DDL);
    expect(fails(ctx, 'regclassin', 'nope')).toEqual({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
    expect(fails(ctx, 'regclassin', 'nos.t')).toEqual({ sqlstate: '3F000', message: 'schema "nos" does not exist' });
    expect(fails(ctx, 'regclassin', 'a.b.c.d')).toEqual({ sqlstate: '42602', message: 'improper relation name (too many dotted names): a.b.c.d' });
    expect(fails(ctx, 'regclassin', 'otherdb.public.t')).toEqual({ sqlstate: '0A000', message: 'cross-database references are not implemented: otherdb.public.t' });
    expect(fails(ctx, 'regtypein', 'nope')).toEqual({ sqlstate: '42704', message: 'type "nope" does not exist' });
    expect(fails(ctx, 'regtypein', 'nope.int4')).toEqual({ sqlstate: '3F000', message: 'schema "nope" does not exist' });
    expect(fails(ctx, 'regprocin', 'nope')).toEqual({ sqlstate: '42883', message: 'function "nope" does not exist' });
    expect(fails(ctx, 'regprocin', 'abs')).toEqual({ sqlstate: '42725', message: 'more than one function named "abs"' });
    expect(fails(ctx, 'regnamespacein', 'nope')).toEqual({ sqlstate: '3F000', message: 'schema "nope" does not exist' });
    expect(fails(ctx, 'regrolein', 'nobody')).toEqual({ sqlstate: '42704', message: 'role "nobody" does not exist' });
    expect([call(ctx, 'to_regclass', 'nope'), call(ctx, 'to_regtype', 'nope'), call(ctx, 'to_regproc', 'abs'), call(ctx, 'to_regnamespace', 'x')])
      .toEqual([null, null, null, null]);
    expect(call(ctx, 'to_regclass', 't')).toBe(oidOf(ctx, 't'));
  });
});

describe('information functions', () => {
  it('answers as PostgreSQL 15 for the oracle schema', () => {
    const { ctx } = oracleDb(ORACLE_DDL);
    expect([call(ctx, 'pg_get_serial_sequence', 't', 'id'), call(ctx, 'pg_get_serial_sequence', 'app.items', 'k'),
      call(ctx, 'pg_get_serial_sequence', 'APP.items', 'k'), call(ctx, 'pg_get_serial_sequence', 'u', 'email')])
      .toEqual(['public.t_id_seq', 'app.items_k_seq', 'app.items_k_seq', null]);
    expect(fails(ctx, 'pg_get_serial_sequence', 'nope', 'id')).toEqual({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
    expect(fails(ctx, 'pg_get_serial_sequence', '"u"', 'ID')).toEqual({ sqlstate: '42703', message: 'column "ID" of relation "u" does not exist' });
    expect([call(ctx, 'current_schemas', true), call(ctx, 'current_schemas', false), call(ctx, 'current_schema')])
      .toEqual([['pg_catalog', 'public'], ['public'], 'public']);
    expect([call(ctx, 'pg_table_is_visible', oidOf(ctx, 'items', 'app')), call(ctx, 'pg_table_is_visible', oidOf(ctx, 't')),
      call(ctx, 'pg_table_is_visible', 1259), call(ctx, 'pg_table_is_visible', 999999),
      call(ctx, 'pg_type_is_visible', 23), call(ctx, 'pg_function_is_visible', 1299)]).toEqual([false, true, true, null, true, true]);
    expect([call(ctx, 'pg_get_userbyid', 10), call(ctx, 'pg_get_userbyid', 999)]).toEqual(['postgres', 'unknown (OID=999)']);
    expect([call(ctx, 'PG_encoding_to_char', 6), call(ctx, 'PG_encoding_to_char', 0), call(ctx, 'PG_encoding_to_char', 999),
      call(ctx, 'PG_char_to_encoding', 'utf8')]).toEqual(['UTF8', 'SQL_ASCII', '', 6]);
    expect([call(ctx, 'pg_tablespace_location', 1663), call(ctx, 'obj_description', oidOf(ctx, 't'), 'pg_class'),
      call(ctx, 'col_description', oidOf(ctx, 't'), 1)]).toEqual(['', null, null]);
  });

  it('formats types as format_type does', () => {
    const { ctx } = oracleDb('');
    const f = (oid: number | null, typmod: number | null) => call(ctx, 'format_type', oid, typmod);
    expect([f(1043, 104), f(1043, -1), f(1700, 655366), f(1009, -1), f(1184, -1), f(0, -1), f(99999, -1), f(23, null),
      f(1042, 5), f(18, -1), f(19, -1), f(1083, 7), f(null, 1)]).toEqual([
      'character varying(100)', 'character varying', 'numeric(10,2)', 'text[]', 'timestamp with time zone', '-', '???',
      'integer', 'character(1)', '"char"', 'name', 'time(7) without time zone', null]);
  });

  it('grants every privilege on existing objects and rejects unknown relation names', () => {
    const { ctx } = oracleDb(ORACLE_DDL);
    expect(call(ctx, 'has_table_privilege_name', 't', 'SELECT')).toBe(true);
    expect(call(ctx, 'has_table_privilege_name_name', 'postgres', 'app.items', 'INSERT')).toBe(true);
    expect(call(ctx, 'has_table_privilege_id', 999999, 'SELECT')).toBeNull();
    expect(fails(ctx, 'has_table_privilege_name', 'nope', 'SELECT')).toEqual({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
    expect(call(ctx, 'has_schema_privilege_name', 'app', 'USAGE')).toBe(true);
  });

  it('describes function signatures', () => {
    const { ctx } = oracleDb('');
    expect(call(ctx, 'pg_get_function_arguments', 1081)).toBe('oid, integer');
    expect(call(ctx, 'pg_get_function_result', 1081)).toBe('text');
    expect(call(ctx, 'pg_get_function_arguments', 1686)).toBe('OUT word text, OUT catcode "char", OUT barelabel boolean, OUT catdesc text, OUT baredesc text');
    expect(call(ctx, 'pg_get_function_identity_arguments', 1686)).toBe('OUT word text, OUT catcode "char", OUT barelabel boolean, OUT catdesc text, OUT baredesc text');
    expect(call(ctx, 'pg_get_function_result', 1686)).toBe('SETOF record');
  });

  it('keys every function by an impl name our pg_proc rows or pg_type I/O functions use', () => {
    const { ctx } = oracleDb('');
    const impls = new Set([...ctx.catalog.procs().map((p) => p.impl), ...ctx.catalog.types().flatMap((t) => [t.input, t.output])]);
    const unknown = Object.keys(CATALOG_FUNCTIONS).filter((k) => !impls.has(k));
    expect(unknown).toEqual([]);
  });
});
