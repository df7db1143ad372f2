// Views in the catalog: the stored form and pg_get_viewdef text of the deparser (expected
// strings from PostgreSQL 15's pg_get_viewdef for the same DDL), OR REPLACE's column rules,
// dependencies and renames. The engine supplies the query's output columns (here by hand).
import { isSqlError } from '@vecgres/errors';
import { parse, type CreateViewStmt } from '@vecgres/sql';
import { applyDdl } from '../ddl/apply-ddl';
import { Catalog } from '../lookup/catalog';
import type { ViewRelation } from '../model/relations';
import { TestDb, setupParser } from '../testing/ddl-helpers';
import { TEST_SESSION } from '../system-views/testing/oracle-schema';
import type { SystemViewContext } from '../system-views/system-view';
import type { ViewColumn } from './create-view';
import { pgGetViewdef } from './view-functions';

beforeAll(setupParser);

const INT = 23;
const TEXT = 25;
const INT8 = 20;

function createView(db: TestDb, sql: string, columns: Array<[string, number]>): void {
  const stmt = parse(sql)[0].stmt as CreateViewStmt;
  const viewColumns: ViewColumn[] = columns.map(([name, type]) => ({ name, type, typmod: -1 }));
  const r = applyDdl(db.state, stmt, db.ctx, { viewColumns });
  db.state = r.state;
  db.notices.push(...r.notices.map((n) => `${n.severity}: ${n.message}`));
}

function failCreate(db: TestDb, sql: string, columns: Array<[string, number]>) {
  try {
    createView(db, sql, columns);
  } catch (e) {
    if (isSqlError(e)) return { sqlstate: e.sqlstate, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

function view(db: TestDb, name: string): ViewRelation {
  return new Catalog(db.state).relations().find((r) => r.name === name) as ViewRelation;
}

function viewdef(db: TestDb, name: string, pretty = false, searchPath = TEST_SESSION.searchPath): string | null {
  const ctx: SystemViewContext = { catalog: new Catalog(db.state), session: { ...TEST_SESSION, searchPath } } as SystemViewContext;
  return pgGetViewdef(ctx, view(db, name).oid, pretty);
}

describe('view definitions', () => {
  const db = () => new TestDb().run('CREATE TABLE t (a int, b text, c float8); CREATE TABLE u (a int, d text)');

  it('stores a resolved query: schema-qualified relations, qualified columns, * expanded', () => {
    const d = db();
    createView(d, 'CREATE VIEW v AS SELECT * FROM t WHERE a > 1', [['a', INT], ['b', TEXT], ['c', 701]]);
    expect(view(d, 'v').query).toBe(' SELECT t.a,\n    t.b,\n    t.c\n   FROM public.t\n  WHERE (t.a > 1)');
    expect(view(d, 'v').columns.map((c) => [c.attnum, c.name, c.type])).toEqual([[1, 'a', INT], [2, 'b', TEXT], [3, 'c', 701]]);
    const t = new Catalog(d.state).relations().find((r) => r.name === 't')!;
    expect(view(d, 'v').refs).toEqual([{ oid: t.oid, attnums: [1, 2, 3] }]);
  });

  it('prints PostgreSQL 15\'s text: labels, joins, grouping, set operations, CTEs, sublinks', () => {
    const d = db();
    createView(d, 'CREATE VIEW v2 (x) AS SELECT a * 10, b FROM t', [['x', INT], ['b', TEXT]]);
    expect(viewdef(d, 'v2')).toBe(' SELECT (t.a * 10) AS x,\n    t.b\n   FROM t;');
    createView(d, 'CREATE VIEW v3 AS SELECT t.a, u.d FROM t JOIN u ON t.a = u.a', [['a', INT], ['d', TEXT]]);
    expect(viewdef(d, 'v3')).toBe(' SELECT t.a,\n    u.d\n   FROM (t\n     JOIN u ON ((t.a = u.a)));');
    expect(viewdef(d, 'v3', true)).toBe(' SELECT t.a,\n    u.d\n   FROM t\n     JOIN u ON t.a = u.a;');
    createView(d, 'CREATE VIEW v4 (x, y) AS SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1', [['a', INT], ['count', INT8]]);
    expect(viewdef(d, 'v4')).toBe(' SELECT t.a AS x,\n    count(*) AS y\n   FROM t\n  GROUP BY t.a\n HAVING (count(*) > 1);');
    createView(d, "CREATE VIEW v6 AS SELECT 1 AS one, 'x' AS s", [['one', INT], ['s', TEXT]]);
    expect(viewdef(d, 'v6')).toBe(" SELECT 1 AS one,\n    'x'::text AS s;");
    createView(d, 'CREATE VIEW w2 AS SELECT a, b FROM t UNION ALL SELECT a, d FROM u ORDER BY 1', [['a', INT], ['b', TEXT]]);
    expect(viewdef(d, 'w2')).toBe(' SELECT t.a,\n    t.b\n   FROM t\nUNION ALL\n SELECT u.a,\n    u.d AS b\n   FROM u\n  ORDER BY 1;');
    createView(d, 'CREATE VIEW w4 AS WITH c AS (SELECT a FROM t) SELECT * FROM c', [['a', INT]]);
    expect(viewdef(d, 'w4')).toBe(' WITH c AS (\n         SELECT t.a\n           FROM t\n        )\n SELECT c.a\n   FROM c;');
    createView(d, 'CREATE VIEW w3 AS SELECT DISTINCT a, length(b) FROM t x WHERE a IN (1, 2) AND EXISTS (SELECT 1 FROM u WHERE u.a = x.a) ORDER BY a DESC NULLS LAST, 2 OFFSET 3', [['a', INT], ['length', INT]]);
    expect(viewdef(d, 'w3')).toBe(
      ' SELECT DISTINCT x.a,\n    length(x.b) AS length\n   FROM t x\n  WHERE ((x.a = ANY (ARRAY[1, 2])) AND (EXISTS ( SELECT 1\n           FROM u\n          WHERE (u.a = x.a))))\n  ORDER BY x.a DESC NULLS LAST, (length(x.b))\n OFFSET 3;',
    );
  });

  it('qualifies relations the search path does not show; null for a non-view', () => {
    const d = db();
    createView(d, 'CREATE VIEW v AS SELECT a FROM t', [['a', INT]]);
    expect(viewdef(d, 'v', false, ['pg_catalog'])).toBe(' SELECT t.a\n   FROM public.t;');
    const t = new Catalog(d.state).relations().find((r) => r.name === 't')!;
    expect(pgGetViewdef({ catalog: new Catalog(d.state), session: TEST_SESSION } as SystemViewContext, t.oid)).toBeNull();
  });
});

describe('OR REPLACE, dependencies, renames', () => {
  it('OR REPLACE keeps the OID and may only add columns at the end', () => {
    const d = new TestDb().run('CREATE TABLE t (a int, b text)');
    createView(d, 'CREATE VIEW v AS SELECT a FROM t', [['a', INT]]);
    const oid = view(d, 'v').oid;
    createView(d, 'CREATE OR REPLACE VIEW v AS SELECT a, b FROM t', [['a', INT], ['b', TEXT]]);
    expect(view(d, 'v').oid).toBe(oid);
    expect(failCreate(d, 'CREATE OR REPLACE VIEW v AS SELECT a FROM t', [['a', INT]])).toEqual({ sqlstate: '42P16', message: 'cannot drop columns from view' });
    expect(failCreate(d, 'CREATE OR REPLACE VIEW v AS SELECT b, a FROM t', [['b', TEXT], ['a', INT]]))
      .toEqual({ sqlstate: '42P16', message: 'cannot change name of view column "a" to "b"' });
    expect(failCreate(d, 'CREATE OR REPLACE VIEW v AS SELECT a::int8 AS a, b FROM t', [['a', INT8], ['b', TEXT]]))
      .toEqual({ sqlstate: '42P16', message: 'cannot change data type of view column "a" from integer to bigint' });
    expect(failCreate(d, 'CREATE VIEW v AS SELECT 1', [['?column?', INT]])).toEqual({ sqlstate: '42P07', message: 'relation "v" already exists' });
  });

  it('DROP TABLE needs CASCADE; the cascade reaches views over views', () => {
    const d = new TestDb().run('CREATE TABLE t (a int, b text)');
    createView(d, 'CREATE VIEW v AS SELECT a FROM t', [['a', INT]]);
    createView(d, 'CREATE VIEW w AS SELECT a FROM v', [['a', INT]]);
    const e = d.error('DROP TABLE t');
    expect([e.sqlstate, e.message, e.detail]).toEqual(['2BP01', 'cannot drop table t because other objects depend on it', 'view v depends on table t\nview w depends on view v']);
    expect(d.fail('ALTER TABLE t DROP COLUMN a')).toEqual({ sqlstate: '2BP01', message: 'cannot drop column a of table t because other objects depend on it' });
    d.run('ALTER TABLE t DROP COLUMN b');
    d.run('DROP TABLE t CASCADE');
    expect(d.relationNames()).toEqual([]);
  });

  it('renaming a table or column re-prints the stored query; ALTER VIEW renames the view and its columns', () => {
    const d = new TestDb().run('CREATE TABLE t (a int, b text)');
    createView(d, 'CREATE VIEW v AS SELECT a, b FROM t', [['a', INT], ['b', TEXT]]);
    d.run('ALTER TABLE t RENAME COLUMN a TO aa; ALTER TABLE t RENAME TO t2');
    expect(view(d, 'v').query).toBe(' SELECT t2.aa AS a,\n    t2.b\n   FROM public.t2');
    d.run('ALTER VIEW v RENAME COLUMN b TO bb; ALTER VIEW v RENAME TO v2');
    expect(view(d, 'v2').query).toBe(' SELECT t2.aa AS a,\n    t2.b AS bb\n   FROM public.t2');
    expect(d.fail('ALTER VIEW t2 RENAME TO x')).toEqual({ sqlstate: '42809', message: '"t2" is not a view' });
  });
});
