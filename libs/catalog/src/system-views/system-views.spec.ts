// The virtual pg_catalog tables: PostgreSQL 15's column lists, well-typed rows, and row
// contents equal to what PostgreSQL 15.18 showed for the same DDL (testing/oracle-schema.ts;
// user OIDs normalised). The psql queries (\d, \dt, \di, \dn, \d+ t) are replayed over the
// rows to check that what psql would print matches.
import { CATALOG_FUNCTIONS } from '../functions/catalog-functions';
import { createCatalogRegistry } from '../registry/registry';
import { setupParser, testContext, TestDb } from '../testing/ddl-helpers';
import { fakeVectorExtension, registerFakeVector } from '../testing/fake-vector-extension';
import type { SystemViewContext, ViewRecord } from './system-view';
import { SYSTEM_VIEWS, findSystemView, systemViewByOid } from './system-view-registry';
import { PG15_RELATIONS } from './testing/pg15-relations';
import { ORACLE_DDL, normalizeOid, oracleDb, project, records } from './testing/oracle-schema';

beforeAll(setupParser);

const fn = (ctx: SystemViewContext, impl: string, ...args: unknown[]) => CATALOG_FUNCTIONS[impl](ctx, args);

/** Does `v` fit the column type (pg-types value model, plain arrays from the default factory)? */
function fitsType(ctx: SystemViewContext, typeOid: number, v: unknown): boolean {
  if (v === null) return true;
  const t = ctx.catalog.type(typeOid);
  if (typeOid === 22 || typeOid === 30 || typeOid === 2277 || (t && t.elem !== 0 && t.len === -1)) return Array.isArray(v);
  switch (typeOid) {
    case 16: return typeof v === 'boolean';
    case 18: return typeof v === 'string' && v.length <= 1;
    case 19: case 25: case 194: case 1043: case 869: return typeof v === 'string';
    case 20: case 1184: return typeof v === 'bigint';
    case 21: case 23: case 24: case 26: case 28: case 2205: case 2206: return Number.isInteger(v);
    case 700: return typeof v === 'number';
    default: return false;
  }
}

describe('system view definitions', () => {
  it('match PostgreSQL 15: every recorded relation, its OID, relkind and columns', () => {
    for (const rec of PG15_RELATIONS) {
      const v = findSystemView(rec.schema, rec.name);
      expect(v && { oid: v.oid, kind: v.kind, columns: v.columns.map((c) => [c.name, c.typeOid, c.typmod]) })
        .toEqual({ oid: rec.oid, kind: rec.kind, columns: rec.columns });
      expect(systemViewByOid(rec.oid)).toBe(v);
    }
    // Plus vecgres's own views (vecgres_memory), which PostgreSQL does not have.
    expect(SYSTEM_VIEWS.filter((v) => !v.name.startsWith('vecgres_')).length).toBe(PG15_RELATIONS.length);
  });

  it('yield rows of the declared width whose values fit the column types', () => {
    const registry = registerFakeVector(createCatalogRegistry());
    const db = new TestDb(testContext({}, registry)).run(`CREATE EXTENSION vector; ${ORACLE_DDL}
      CREATE TABLE v (id int, emb vector(3)); CREATE INDEX ON v USING hnsw (emb vector_l2_ops) WITH (m = 8)`);
    const ctx: SystemViewContext = {
      catalog: db.catalog, registry, session: {
        user: 'postgres', database: 'postgres', searchPath: ['$user', 'public'],
        settings: () => [{ name: 'search_path', setting: '"$user", public', category: 'Client', shortDesc: 'x', context: 'user', vartype: 'string', source: 'default', enumVals: null }],
        activity: () => [{ pid: 7, database: 'postgres', user: 'postgres', state: 'active', query: 'SELECT 1', backendStart: 0n }],
        memory: () => db.catalog.relations().map((r) => ({
          relid: r.oid, vectorFileBytes: 4096, mappedBytes: 4096, otherFileBytes: 100, heapBytes: 2048, sealedSegments: 1, rowVersions: 3,
        })),
      },
    };
    expect([...findSystemView('pg_catalog', 'vecgres_memory')!.records(ctx)].find((r) => r.relname === 'v')).toMatchObject({
      schemaname: 'public', vector_file_bytes: 4096n, heap_bytes: 2048n, sealed_segments: 1, row_versions: 3n,
    });
    for (const view of SYSTEM_VIEWS) {
      const names = new Set(view.columns.map((c) => c.name));
      for (const rec of view.records(ctx)) {
        const unknown = Object.keys(rec).filter((k) => !names.has(k));
        expect({ view: view.name, unknown }).toEqual({ view: view.name, unknown: [] });
      }
      for (const row of view.rows(ctx)) {
        expect(row.length).toBe(view.columns.length);
        const bad = view.columns.filter((c, i) => !fitsType(ctx, c.typeOid, row[i])).map((c, i) => `${c.name}=${String(row[i])}`);
        expect({ view: view.name, bad }).toEqual({ view: view.name, bad: [] });
      }
    }
  });
});

describe('pg_class, pg_namespace', () => {
  it('list user relations with PostgreSQL 15 values', () => {
    const { ctx } = oracleDb();
    const rows = records(ctx, 'pg_catalog', 'pg_class').filter((r) => (r.oid as number) >= 16384);
    const cols = ['oid', 'relam', 'reltablespace', 'relpages', 'reltuples', 'relhasindex', 'relisshared', 'relpersistence',
      'relkind', 'relnatts', 'relchecks', 'relhasrules', 'relhastriggers', 'relhassubclass', 'relispopulated', 'relreplident',
      'relminmxid', 'relacl', 'reloptions'];
    // PostgreSQL 15.18, same DDL (pg_class rows with oid >= 16384 outside pg_toast, in OID order).
    expect(project(ctx, rows, cols)).toEqual([
      ['rel:u', 2, 0, 0, -1, true, false, 'p', 'r', 3, 0, false, true, false, true, 'd', 1, null, null],
      ['rel:u_id_seq', 0, 0, 1, 1, false, false, 'p', 'S', 3, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:u_pkey', 403, 0, 1, 0, false, false, 'p', 'i', 1, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:u_email_key', 403, 0, 1, 0, false, false, 'p', 'i', 1, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:t', 2, 0, 0, -1, true, false, 'p', 'r', 6, 1, false, true, false, true, 'd', 1, null, null],
      ['rel:t_id_seq', 0, 0, 1, 1, false, false, 'p', 'S', 3, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:t_pkey', 403, 0, 1, 0, false, false, 'p', 'i', 1, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:t_ab_uniq', 403, 0, 1, 0, false, false, 'p', 'i', 2, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:t_a_idx', 403, 0, 1, 0, false, false, 'p', 'i', 1, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:t_lower_idx', 403, 0, 1, 0, false, false, 'p', 'i', 1, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:t_multi', 403, 0, 1, 0, false, false, 'p', 'i', 3, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:items', 2, 0, 0, -1, true, false, 'p', 'r', 2, 0, false, false, false, true, 'd', 1, null, null],
      ['rel:items_k_seq', 0, 0, 1, 1, false, false, 'p', 'S', 3, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:items_pkey', 403, 0, 1, 0, false, false, 'p', 'i', 1, 0, false, false, false, true, 'n', 0, null, null],
      ['rel:s', 0, 0, 1, 1, false, false, 'p', 'S', 3, 0, false, false, false, true, 'n', 0, null, null],
    ]);
  });

  it('list the system relations themselves, so they resolve like tables', () => {
    const { ctx } = oracleDb('');
    const byName = new Map(records(ctx, 'pg_catalog', 'pg_class').map((r) => [r.relname, r]));
    expect(project(ctx, ['pg_class', 'pg_roles', 'pg_database', 'columns'].map((n) => byName.get(n)!),
      ['oid', 'relnamespace', 'relkind', 'relam', 'relnatts', 'relisshared', 'relhasindex'])).toEqual([
      [1259, 11, 'r', 2, 33, false, true], [12000, 11, 'v', 0, 13, false, false], [1262, 11, 'r', 2, 16, true, true],
      [13295, 13000, 'v', 0, 44, false, false],
    ]);
  });

  it('replays psql \\d, \\dt, \\di and \\dn as PostgreSQL 15 printed them', () => {
    const { ctx } = oracleDb();
    const ns = new Map(records(ctx, 'pg_catalog', 'pg_namespace').map((n) => [n.oid, n]));
    const classes = records(ctx, 'pg_catalog', 'pg_class');
    const kindWord: Record<string, string> = { r: 'table', i: 'index', S: 'sequence', v: 'view' };
    const list = (kinds: string[]) => classes
      .filter((c) => kinds.includes(c.relkind as string))
      .map((c) => ({ c, n: ns.get(c.relnamespace)! }))
      .filter(({ c, n }) => n.nspname !== 'pg_catalog' && n.nspname !== 'information_schema' && fn(ctx, 'pg_table_is_visible', c.oid))
      .map(({ c, n }) => [n.nspname, c.relname, kindWord[c.relkind as string], fn(ctx, 'pg_get_userbyid', c.relowner)])
      .sort((a, b) => `${a[0]}.${a[1]}`.localeCompare(`${b[0]}.${b[1]}`));
    expect(list(['r', 'p', 'v', 'm', 'S', 'f'])).toEqual([
      ['public', 't', 'table', 'postgres'], ['public', 't_id_seq', 'sequence', 'postgres'],
      ['public', 'u', 'table', 'postgres'], ['public', 'u_id_seq', 'sequence', 'postgres'],
    ]);
    expect(list(['r', 'p']).map((r) => r[1])).toEqual(['t', 'u']);
    const indexTable = new Map(records(ctx, 'pg_catalog', 'pg_index').map((i) => [i.indexrelid, i.indrelid]));
    const relname = new Map(classes.map((c) => [c.oid, c.relname]));
    expect(list(['i', 'I']).map((r) => [r[1], relname.get(indexTable.get(classes.find((c) => c.relname === r[1])!.oid))])).toEqual([
      ['t_a_idx', 't'], ['t_ab_uniq', 't'], ['t_lower_idx', 't'], ['t_multi', 't'], ['t_pkey', 't'], ['u_email_key', 'u'], ['u_pkey', 'u'],
    ]);
    // \dn: PostgreSQL 15 gives `public` to pg_database_owner.
    const dn = [...ns.values()].filter((n) => !(n.nspname as string).startsWith('pg_') && n.nspname !== 'information_schema')
      .map((n) => [n.nspname, fn(ctx, 'pg_get_userbyid', n.nspowner)]).sort();
    expect(dn).toEqual([['app', 'postgres'], ['public', 'pg_database_owner']]);
  });

  it('replays psql \\d+ t: columns, indexes and constraints sections', () => {
    const { ctx } = oracleDb();
    const t = ctx.catalog.relationByName(2200, 't')!.oid;
    const defaults = records(ctx, 'pg_catalog', 'pg_attrdef');
    const storage: Record<string, string> = { p: 'plain', m: 'main', x: 'extended', e: 'external' };
    const columns = records(ctx, 'pg_catalog', 'pg_attribute')
      .filter((a) => a.attrelid === t && (a.attnum as number) > 0 && !a.attisdropped)
      .map((a) => {
        const d = defaults.find((x) => x.adrelid === a.attrelid && x.adnum === a.attnum && a.atthasdef);
        return [a.attname, fn(ctx, 'format_type', a.atttypid, a.atttypmod), a.attnotnull ? 'not null' : '',
          d ? fn(ctx, 'pg_get_expr_ext', d.adbin, d.adrelid, true) : '', storage[a.attstorage as string]];
      });
    expect(columns).toEqual([
      ['id', 'bigint', 'not null', `nextval('t_id_seq'::regclass)`, 'plain'],
      ['a', 'integer', '', '', 'plain'],
      ['b', 'integer', '', '', 'plain'],
      ['c', 'numeric(10,2)', '', '0', 'main'],
      ['d', 'timestamp with time zone', '', 'now()', 'plain'],
      ['tags', 'text[]', '', '', 'extended'],
    ]);
    const classes = new Map(records(ctx, 'pg_catalog', 'pg_class').map((c) => [c.oid, c]));
    const cons = records(ctx, 'pg_catalog', 'pg_constraint');
    const indexLines = records(ctx, 'pg_catalog', 'pg_index').filter((i) => i.indrelid === t)
      .map((i) => ({ i, name: classes.get(i.indexrelid)!.relname as string,
        con: cons.find((c) => c.conrelid === i.indrelid && c.conindid === i.indexrelid && ['p', 'u', 'x'].includes(c.contype as string)) }))
      .sort((a, b) => Number(b.i.indisprimary) - Number(a.i.indisprimary) || a.name.localeCompare(b.name))
      .map(({ i, name, con }) => {
        const def = fn(ctx, 'pg_get_indexdef_ext', i.indexrelid, 0, true) as string;
        const kind = i.indisprimary ? ' PRIMARY KEY,' : i.indisunique ? (con?.contype === 'u' ? ' UNIQUE CONSTRAINT,' : ' UNIQUE,') : '';
        return `"${name}"${kind} ${def.slice(def.indexOf(' USING ') + 7)}`;
      });
    expect(indexLines).toEqual([
      '"t_pkey" PRIMARY KEY, btree (id)', '"t_a_idx" btree (a)', '"t_ab_uniq" UNIQUE CONSTRAINT, btree (a, b)',
      '"t_lower_idx" UNIQUE, btree (lower(tags[1])) WHERE a > 10', '"t_multi" btree (a DESC NULLS LAST, c) INCLUDE (d)',
    ]);
    const conLines = (type: string) => cons.filter((c) => c.conrelid === t && c.contype === type)
      .map((c) => `"${c.conname}" ${fn(ctx, 'pg_get_constraintdef_ext', c.oid, true)}`);
    expect(conLines('c')).toEqual(['"t_a_check" CHECK (a > 0)']);
    expect(conLines('f')).toEqual(['"t_b_fkey" FOREIGN KEY (b) REFERENCES u(id) ON DELETE CASCADE']);
    expect(records(ctx, 'pg_catalog', 'pg_am').find((a) => a.oid === classes.get(t)!.relam)!.amname).toBe('heap');
  });
});

describe('pg_attribute, pg_index, pg_constraint, pg_depend', () => {
  const attrCols = ['attrelid', 'attname', 'atttypid', 'attlen', 'attnum', 'attndims', 'atttypmod', 'attbyval', 'attalign',
    'attstorage', 'attnotnull', 'atthasdef', 'attidentity', 'attgenerated', 'attcollation'];

  it('describe columns of tables and indexes as PostgreSQL 15', () => {
    const { ctx } = oracleDb();
    const of = (...names: string[]) => records(ctx, 'pg_catalog', 'pg_attribute')
      .filter((a) => names.includes(normalizeOid(ctx, a.attrelid) as string));
    expect(project(ctx, of('rel:t', 'rel:t_multi', 'rel:items'), attrCols)).toEqual([
      ['rel:t', 'id', 20, 8, 1, 0, -1, true, 'd', 'p', true, true, '', '', 0],
      ['rel:t', 'a', 23, 4, 2, 0, -1, true, 'i', 'p', false, false, '', '', 0],
      ['rel:t', 'b', 23, 4, 3, 0, -1, true, 'i', 'p', false, false, '', '', 0],
      ['rel:t', 'c', 1700, -1, 4, 0, 655366, false, 'i', 'm', false, true, '', '', 0],
      ['rel:t', 'd', 1184, 8, 5, 0, -1, true, 'd', 'p', false, true, '', '', 0],
      ['rel:t', 'tags', 1009, -1, 6, 1, -1, false, 'i', 'x', false, false, '', '', 100],
      ['rel:t_multi', 'a', 23, 4, 1, 0, -1, true, 'i', 'p', false, false, '', '', 0],
      ['rel:t_multi', 'c', 1700, -1, 2, 0, 655366, false, 'i', 'm', false, false, '', '', 0],
      ['rel:t_multi', 'd', 1184, 8, 3, 0, -1, true, 'd', 'p', false, false, '', '', 0],
      ['rel:items', 'k', 23, 4, 1, 0, -1, true, 'i', 'p', true, false, 'a', '', 0],
      ['rel:items', 'v', 25, -1, 2, 0, -1, false, 'i', 'x', true, false, '', '', 100],
    ]);
    expect(project(ctx, of('rel:u_id_seq'), ['attname', 'atttypid', 'attnum', 'attnotnull'])).toEqual([
      ['last_value', 20, 1, true], ['log_cnt', 20, 2, true], ['is_called', 16, 3, true],
    ]);
  });

  it('describe indexes as PostgreSQL 15 (int2vector/oidvector as arrays)', () => {
    const { ctx } = oracleDb();
    const cols = ['indexrelid', 'indnatts', 'indnkeyatts', 'indisunique', 'indisprimary', 'indimmediate', 'indisvalid',
      'indkey', 'indcollation', 'indclass', 'indoption'];
    const rows = project(ctx, records(ctx, 'pg_catalog', 'pg_index'), cols);
    expect(rows.filter((r) => r[0] !== 'rel:t_lower_idx')).toEqual([
      ['rel:u_pkey', 1, 1, true, true, true, true, [1], [0], [1978], [0]],
      ['rel:u_email_key', 1, 1, true, false, true, true, [2], [100], [3126], [0]],
      ['rel:t_pkey', 1, 1, true, true, true, true, [1], [0], [3124], [0]],
      ['rel:t_ab_uniq', 2, 2, true, false, true, true, [2, 3], [0, 0], [1978, 1978], [0, 0]],
      ['rel:t_a_idx', 1, 1, false, false, true, true, [2], [0], [1978], [0]],
      ['rel:t_multi', 3, 2, false, false, true, true, [2, 4, 5], [0, 0], [1978, 3125], [1, 0]],
      ['rel:items_pkey', 1, 1, true, true, true, true, [1], [0], [1978], [0]],
    ]);
    const lower = records(ctx, 'pg_catalog', 'pg_index').find((i) => normalizeOid(ctx, i.indexrelid) === 'rel:t_lower_idx')!;
    expect([lower.indkey, fn(ctx, 'pg_get_expr', lower.indexprs, lower.indrelid), fn(ctx, 'pg_get_expr', lower.indpred, lower.indrelid)])
      .toEqual([[0], 'lower(tags[1])', '(a > 10)']);
  });

  it('describe constraints as PostgreSQL 15', () => {
    const { ctx } = oracleDb();
    const cols = ['conname', 'contype', 'condeferrable', 'convalidated', 'conrelid', 'conindid', 'confrelid', 'confupdtype',
      'confdeltype', 'confmatchtype', 'connoinherit', 'conkey', 'confkey', 'conpfeqop'];
    const rows = project(ctx, records(ctx, 'pg_catalog', 'pg_constraint'), cols)
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual([
      ['items_pkey', 'p', false, true, 'rel:items', 'rel:items_pkey', 0, ' ', ' ', ' ', true, [1], null, null],
      ['t_a_check', 'c', false, true, 'rel:t', 0, 0, ' ', ' ', ' ', false, [2], null, null],
      ['t_ab_uniq', 'u', false, true, 'rel:t', 'rel:t_ab_uniq', 0, ' ', ' ', ' ', true, [2, 3], null, null],
      ['t_b_fkey', 'f', false, true, 'rel:t', 'rel:u_pkey', 'rel:u', 'a', 'c', 's', true, [3], [1], [96]],
      ['t_pkey', 'p', false, true, 'rel:t', 'rel:t_pkey', 0, ' ', ' ', ' ', true, [1], null, null],
      ['u_email_key', 'u', false, true, 'rel:u', 'rel:u_email_key', 0, ' ', ' ', ' ', true, [2], null, null],
      ['u_pkey', 'p', false, true, 'rel:u', 'rel:u_pkey', 0, ' ', ' ', ' ', true, [1], null, null],
    ]);
  });

  it('record sequence ownership in pg_depend as PostgreSQL does', () => {
    const { ctx } = oracleDb();
    const seqDeps = records(ctx, 'pg_catalog', 'pg_depend')
      .filter((d) => ['rel:t_id_seq', 'rel:items_k_seq'].includes(normalizeOid(ctx, d.objid) as string));
    expect(project(ctx, seqDeps, ['classid', 'objid', 'objsubid', 'refclassid', 'refobjid', 'refobjsubid', 'deptype'])).toEqual([
      [1259, 'rel:t_id_seq', 0, 1259, 'rel:t', 1, 'a'], [1259, 'rel:items_k_seq', 0, 1259, 'rel:items', 1, 'i'],
    ]);
  });
});

describe('convenience views', () => {
  it('pg_tables, pg_indexes and pg_sequences match PostgreSQL 15', () => {
    const { ctx } = oracleDb();
    const user = (r: ViewRecord) => r.schemaname === 'public' || r.schemaname === 'app';
    expect(records(ctx, 'pg_catalog', 'pg_tables').filter(user).map((r) => [r.schemaname, r.tablename, r.tableowner, r.hasindexes, r.hastriggers]))
      .toEqual([['public', 'u', 'postgres', true, true], ['public', 't', 'postgres', true, true], ['app', 'items', 'postgres', true, false]]);
    expect(records(ctx, 'pg_catalog', 'pg_indexes').filter(user).map((r) => r.indexdef).sort()).toEqual([
      'CREATE INDEX t_a_idx ON public.t USING btree (a)',
      'CREATE INDEX t_multi ON public.t USING btree (a DESC NULLS LAST, c) INCLUDE (d)',
      'CREATE UNIQUE INDEX items_pkey ON app.items USING btree (k)',
      'CREATE UNIQUE INDEX t_ab_uniq ON public.t USING btree (a, b)',
      'CREATE UNIQUE INDEX t_lower_idx ON public.t USING btree (lower(tags[1])) WHERE (a > 10)',
      'CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)',
      'CREATE UNIQUE INDEX u_email_key ON public.u USING btree (email)',
      'CREATE UNIQUE INDEX u_pkey ON public.u USING btree (id)',
    ]);
    expect(records(ctx, 'pg_catalog', 'pg_sequences').map((r) => [r.sequencename, r.data_type, r.start_value, r.max_value]).sort()).toEqual([
      ['items_k_seq', 23, 1n, 2147483647n], ['s', 20, 5n, 9223372036854775807n],
      ['t_id_seq', 20, 1n, 9223372036854775807n], ['u_id_seq', 23, 1n, 2147483647n],
    ]);
  });
});

describe('server-wide views', () => {
  it('pg_roles / pg_user / pg_database reflect the configured users and databases', () => {
    const { ctx } = oracleDb('', {
      user: 'alice',
      roles: [{ oid: 10, name: 'postgres', superuser: true, canLogin: true }, { oid: 16390, name: 'alice', superuser: false, canLogin: true }],
      databases: [{ oid: 5, name: 'postgres', owner: 'postgres' }, { oid: 16400, name: 'app', owner: 'alice' }],
    });
    const roles = records(ctx, 'pg_catalog', 'pg_roles');
    expect(roles.slice(0, 3).map((r) => [r.rolname, r.oid, r.rolsuper, r.rolcanlogin, r.rolpassword])).toEqual([
      ['postgres', 10, true, true, '********'], ['alice', 16390, false, true, '********'], ['pg_monitor', 3373, false, false, '********'],
    ]);
    expect(roles.map((r) => r.rolname)).toContain('pg_database_owner');
    expect(records(ctx, 'pg_catalog', 'pg_user').map((u) => [u.usename, u.usesysid, u.usesuper])).toEqual([['postgres', 10, true], ['alice', 16390, false]]);
    expect(records(ctx, 'pg_catalog', 'pg_database').map((d) => [d.datname, d.datdba, fn(ctx, 'PG_encoding_to_char', d.encoding), d.datlocprovider]))
      .toEqual([['postgres', 10, 'UTF8', 'c'], ['app', 16390, 'UTF8', 'c']]);
    expect(records(ctx, 'pg_catalog', 'pg_authid').every((r) => r.rolpassword === null)).toBe(true);
  });

  it('pg_settings and pg_stat_activity come from the session callbacks', () => {
    const { ctx } = oracleDb('', {
      settings: () => [
        { name: 'work_mem', setting: '4096', unit: 'kB', category: 'Resource Usage / Memory', shortDesc: 'w', context: 'user', vartype: 'integer', source: 'default', minVal: '64', maxVal: '2147483647' },
        { name: 'DateStyle', setting: 'ISO, MDY', category: 'Client', shortDesc: 'd', context: 'user', vartype: 'string', source: 'session' },
      ],
      activity: () => [{ pid: 42, database: 'postgres', user: 'postgres', applicationName: 'psql', state: 'active', query: 'SELECT 1' }],
    });
    expect(records(ctx, 'pg_catalog', 'pg_settings').map((s) => [s.name, s.setting, s.unit, s.source, s.pending_restart]))
      .toEqual([['DateStyle', 'ISO, MDY', null, 'session', false], ['work_mem', '4096', 'kB', 'default', false]]);
    expect(records(ctx, 'pg_catalog', 'pg_stat_activity').map((a) => [a.datid, a.datname, a.pid, a.usesysid, a.application_name, a.state, a.query, a.backend_type]))
      .toEqual([[5, 'postgres', 42, 10, 'psql', 'active', 'SELECT 1', 'client backend']]);
  });
});

describe('extensions', () => {
  it('pg_extension, pg_description (\\dx) and extension types, procs, AMs and opclasses', () => {
    const registry = registerFakeVector(createCatalogRegistry());
    registry.registerExtension({ ...fakeVectorExtension, comment: 'vector data type and ivfflat and hnsw access methods' });
    const db = new TestDb(testContext({}, registry)).run(`CREATE EXTENSION vector;
      CREATE TABLE items (id int, emb vector(3)); CREATE INDEX items_emb_idx ON items USING hnsw (emb vector_l2_ops) WITH (m = 16)`);
    const ctx: SystemViewContext = { catalog: db.catalog, registry, session: { user: 'postgres', database: 'postgres', searchPath: ['public'] } };
    const ext = records(ctx, 'pg_catalog', 'pg_extension')[0];
    const desc = records(ctx, 'pg_catalog', 'pg_description').find((d) => d.objoid === ext.oid && d.classoid === 3079);
    expect([ext.extname, ext.extversion, fn(ctx, 'regnamespaceout', ext.extnamespace), desc?.description])
      .toEqual(['vector', '0.8.0', 'public', 'vector data type and ivfflat and hnsw access methods']);
    expect(fn(ctx, 'obj_description', ext.oid, 'pg_extension')).toBe('vector data type and ivfflat and hnsw access methods');
    expect(records(ctx, 'pg_catalog', 'pg_type').some((t) => t.typname === 'vector' && t.typnamespace === 2200)).toBe(true);
    expect(records(ctx, 'pg_catalog', 'pg_am').map((a) => a.amname)).toContain('hnsw');
    expect(records(ctx, 'pg_catalog', 'pg_opclass').some((o) => o.opcname === 'vector_l2_ops' && o.opcdefault === false)).toBe(true);
    const idx = db.catalog.relationByName(2200, 'items_emb_idx')!.oid;
    expect(fn(ctx, 'pg_get_indexdef', idx)).toBe(`CREATE INDEX items_emb_idx ON public.items USING hnsw (emb vector_l2_ops) WITH (m='16')`);
    const emb = records(ctx, 'pg_catalog', 'pg_attribute').find((a) => a.attname === 'emb')!;
    expect(fn(ctx, 'format_type', emb.atttypid, emb.atttypmod)).toBe('vector(3)');
  });
});
