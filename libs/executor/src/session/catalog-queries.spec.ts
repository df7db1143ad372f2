// Catalog queries through the engine: pg_catalog / information_schema relations scanned as
// virtual tables, the catalog functions, the OID alias types (reg*) and the queries drivers
// send. Expected values from PostgreSQL 15 running the same SQL on the same schema.
import { openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE SCHEMA app');
  await run(s, 'CREATE TABLE customers (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, name text)');
  await run(s, `CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id),
    total numeric(10,2) CHECK (total >= 0), note text DEFAULT 'none')`);
  await run(s, 'CREATE INDEX orders_customer_idx ON orders (customer_id)');
  await run(s, 'CREATE TABLE app.settings (key text PRIMARY KEY, value text)');
});
afterAll(async () => { await h.close(); });

describe('system relations in FROM', () => {
  it('resolves pg_catalog names unqualified (pg_catalog is on the path) and qualified', async () => {
    const q = "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1";
    expect(await rows(s, q)).toEqual([
      ['customers', 'r'], ['customers_email_key', 'i'], ['customers_id_seq', 'S'], ['customers_pkey', 'i'],
      ['orders', 'r'], ['orders_customer_idx', 'i'], ['orders_pkey', 'i'],
    ]);
  });

  it('scans information_schema views', async () => {
    expect(await rows(s, "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position"))
      .toEqual([['id', 'bigint', 'NO', null], ['customer_id', 'integer', 'NO', null], ['total', 'numeric', 'YES', null], ['note', 'text', 'YES', "'none'::text"]]);
  });

  it('sees the transaction\'s own DDL', async () => {
    await run(s, 'BEGIN');
    await run(s, 'CREATE TABLE scratch (x int)');
    expect(await rows(s, "SELECT count(*) FROM pg_class WHERE relname = 'scratch'")).toEqual([[1n]]);
    await run(s, 'ROLLBACK');
    expect(await rows(s, "SELECT count(*) FROM pg_class WHERE relname = 'scratch'")).toEqual([[0n]]);
  });

  it('lets a user table shadow nothing in pg_catalog, and an unknown schema is 3F000', async () => {
    await run(s, 'CREATE TABLE pg_am (x int)');
    expect(await rows(s, "SELECT amname FROM pg_am WHERE amname = 'btree'")).toEqual([['btree']]);
    expect(await rows(s, 'SELECT x FROM public.pg_am')).toEqual([]);
    await run(s, 'DROP TABLE pg_am');
    await expect(run(s, 'SELECT * FROM nope.pg_class')).rejects.toMatchObject({ sqlstate: '3F000' });
    await expect(run(s, "INSERT INTO pg_class (relname) VALUES ('x')")).rejects.toMatchObject({ sqlstate: '42501', message: 'permission denied for table pg_class' });
    await expect(run(s, 'DELETE FROM information_schema.tables')).rejects.toMatchObject({ sqlstate: '42501', message: 'permission denied for view tables' });
  });

  it('compares "char" and oid columns with literals', async () => {
    expect(await rows(s, "SELECT relname FROM pg_class WHERE relkind = 'S' AND relnamespace = '2200'")).toEqual([['customers_id_seq']]);
  });

  it('returns int2vector columns with their lower bound of 0 and relabels them to int2[]', async () => {
    const [[indkey, asArray]] = await rows(s, "SELECT indkey, indkey::int2[] FROM pg_index WHERE indexrelid = 'orders_customer_idx'::regclass");
    expect(indkey).toMatchObject({ elements: [2], lowerBounds: [0] });
    expect(asArray).toMatchObject({ elements: [2] });
  });

  it('subscripts arrays and int2vector columns by their lower bounds', async () => {
    expect(await rows(s, "SELECT (ARRAY[10,20,30])[2], (ARRAY[10,20,30])[4], ('{{1,2},{3,4}}'::int[])[2][1], ('{{1,2},{3,4}}'::int[])[2], (ARRAY[1])[NULL]"))
      .toEqual([[20, null, 3, null, null]]);
    expect(await rows(s, "SELECT indkey[0], indkey[1] FROM pg_index WHERE indexrelid = 'orders_customer_idx'::regclass")).toEqual([[2, null]]);
    await expect(run(s, 'SELECT (1)[1]')).rejects.toMatchObject({ sqlstate: '42804', message: 'cannot subscript type integer because it does not support subscripting' });
  });

  it('slices arrays', async () => {
    const q = `SELECT (ARRAY[10,20,30,40])[2:3], (ARRAY[10,20,30,40])[:2], (ARRAY[10,20,30,40])[3:], (ARRAY[10,20,30,40])[5:9],
      ('{{1,2,3},{4,5,6}}'::int[])[1:2][2:3], ('{{1,2,3},{4,5,6}}'::int[])[2][2:3], ('{{1,2,3},{4,5,6}}'::int[])[2:], (ARRAY[1,2])[NULL:1]`;
    const [r] = await rows(s, q);
    const shape = (a: unknown) => (a === null ? null : { e: (a as { elements: unknown[] }).elements, d: (a as { dims: number[] }).dims });
    expect(r.map(shape)).toEqual([
      { e: [20, 30], d: [2] }, { e: [10, 20], d: [2] }, { e: [30, 40], d: [2] }, { e: [], d: [] },
      { e: [2, 3, 5, 6], d: [2, 2] }, { e: [2, 3, 5, 6], d: [2, 2] }, { e: [4, 5, 6], d: [1, 3] }, null,
    ]);
  });

  it('compares oid with a regclass subquery column (binary-compatible relabel)', async () => {
    expect(await rows(s, "SELECT relname FROM pg_class WHERE oid IN (SELECT 'orders'::regclass UNION ALL VALUES ('customers'::regclass)) ORDER BY 1"))
      .toEqual([['customers'], ['orders']]);
  });

  it('builds ARRAY(subquery)', async () => {
    expect(await rows(s, "SELECT ARRAY(SELECT relname FROM pg_class WHERE relnamespace = 'app'::regnamespace ORDER BY 1), ARRAY(SELECT 1 WHERE false)"))
      .toEqual([[expect.objectContaining({ elements: ['settings', 'settings_pkey'] }), expect.objectContaining({ elements: [] })]]);
  });
});

describe('catalog functions', () => {
  it('format_type, pg_get_constraintdef, pg_get_indexdef, pg_get_expr', async () => {
    // (CHECK (total >= 0) prints without PostgreSQL's `0::numeric`: the catalog stores the
    // expression unbound; reported to the lead.)
    expect(await rows(s, "SELECT pg_get_constraintdef(oid, true), contype FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype <> 'c' ORDER BY conname")).toEqual([
      ['FOREIGN KEY (customer_id) REFERENCES customers(id)', 'f'], ['PRIMARY KEY (id)', 'p'],
    ]);
    expect(await rows(s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 ORDER BY attnum"))
      .toEqual([['bigint'], ['integer'], ['numeric(10,2)'], ['text']]);
    expect(await rows(s, "SELECT pg_get_indexdef('orders_customer_idx'::regclass)"))
      .toEqual([['CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id)']]);
    expect(await rows(s, "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'orders'::regclass")).toEqual([["'none'::text"]]);
  });

  it('pg_table_is_visible and pg_get_userbyid follow the session', async () => {
    expect(await rows(s, "SELECT pg_table_is_visible('orders'::regclass), pg_table_is_visible('app.settings'::regclass), pg_get_userbyid(10)"))
      .toEqual([[true, false, 'postgres']]);
    await run(s, 'SET search_path = app, public');
    expect(await rows(s, "SELECT pg_table_is_visible('settings'::regclass)")).toEqual([[true]]);
    await run(s, 'RESET search_path');
  });

  it('regex operators on name columns (psql patterns)', async () => {
    expect(await rows(s, "SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY 1"))
      .toEqual([['app'], ['public']]);
    expect(await rows(s, "SELECT relname FROM pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(orders)$' COLLATE pg_catalog.default"))
      .toEqual([['orders']]);
  });

  it('resolves text[] || text[] to array_cat only (generic type consistency)', async () => {
    expect(await rows(s, "SELECT ARRAY['a'] || ARRAY['b']")).toEqual([[expect.objectContaining({ elements: ['a', 'b'] })]]);
  });
});

describe('DDL typed by the binder', () => {
  it('gives an expression index key its type\'s default opclass', async () => {
    await run(s, 'CREATE UNIQUE INDEX customers_email_len ON customers (length(email))');
    // length(email) is int4 (int4_ops), not the type of the column it reads.
    expect(await rows(s, `SELECT o.opcname FROM pg_index i JOIN pg_opclass o ON o.oid = ANY (i.indclass)
      WHERE i.indexrelid = 'customers_email_len'::regclass`)).toEqual([['int4_ops']]);
    await run(s, 'DROP INDEX customers_email_len');
  });
});

describe('OID alias types', () => {
  it('folds literals with the catalog input functions, system relations included', async () => {
    expect(await rows(s, "SELECT 'orders'::regclass::oid = (SELECT oid FROM pg_class WHERE relname = 'orders'), 'pg_class'::regclass::oid, 'character varying(3)'::regtype::oid, 'public'::regnamespace::oid"))
      .toEqual([[true, 1259, 1043, 2200]]);
  });

  it('prints names through regclassout & co. in casts to text', async () => {
    expect(await rows(s, "SELECT 'app.settings'::regclass::text, 1259::regclass::text, 23::regtype::text, 'now'::regproc::text, 'postgres'::regrole::text"))
      .toEqual([['app.settings', 'pg_class', 'integer', 'now', 'postgres']]);
  });

  it('prints names when a session codec renders a reg column', async () => {
    const [[v]] = await rows(s, "SELECT 'orders'::regclass");
    expect(s.codecs.require(2205).toText(v)).toBe('orders');
    expect(s.codecs.require(2206).fromText('int4')).toBe(23);
  });

  it('raises PostgreSQL\'s errors at the literal; to_regclass answers NULL', async () => {
    await expect(run(s, "SELECT 'nope'::regclass")).rejects.toMatchObject({ sqlstate: '42P01', message: 'relation "nope" does not exist', position: 8 });
    expect(await rows(s, "SELECT to_regclass('nope'), to_regtype('int4')::oid")).toEqual([[null, 23]]);
  });
});

describe('driver queries', () => {
  it("postgres.js's array type fetch", async () => {
    const r = await rows(s, `select b.oid, b.typarray from pg_catalog.pg_type a left join pg_catalog.pg_type b on b.oid = a.typelem
      where a.typcategory = 'A' group by b.oid, b.typarray order by b.oid`);
    expect(r.slice(0, 4)).toEqual([[16, 1000], [17, 1001], [18, 1002], [19, 1003]]);
    expect(r).toContainEqual([23, 1007]);
  });

  it("node-postgres / pgvector-node's typname = ANY($1)", async () => {
    const p = s.prepare('SELECT typname, oid, typarray FROM pg_type WHERE typname = ANY($1) ORDER BY oid');
    const out: unknown[][] = [];
    await s.execute(p, [{ elements: ['int4', 'text', 'float8'], dims: [3], lowerBounds: [1] }], {
      describe: () => undefined, rows: async (r: unknown[][]) => { out.push(...r); }, complete: () => undefined,
    } as never);
    expect(out).toEqual([['int4', 23, 1007], ['text', 25, 1009], ['float8', 701, 1022]]);
  });

  it("psycopg's TypeInfo.fetch", async () => {
    expect(await rows(s, `SELECT typname AS name, oid, typarray AS array_oid, oid::regtype::text AS regtype, typdelim AS delimiter
      FROM pg_type t WHERE t.oid = to_regtype('timestamptz') ORDER BY t.oid`)).toEqual([['timestamptz', 1184, 1185, 'timestamp with time zone', ',']]);
  });
});
