import { TestDb, setupParser } from '../testing/ddl-helpers';

beforeAll(setupParser);

describe('CREATE TABLE', () => {
  it('creates columns with resolved types, typmods and NOT NULL', () => {
    const db = new TestDb().run('CREATE TABLE t (id int NOT NULL, name varchar(20), price numeric(10,2), at timestamptz, tags text[])');
    const cols = db.table('t').columns.map((c) => [c.attnum, c.name, c.type, c.typmod, c.notNull]);
    expect(cols).toEqual([
      [1, 'id', 23, -1, true],
      [2, 'name', 1043, 24, false],
      [3, 'price', 1700, (10 << 16 | 2) + 4, false],
      [4, 'at', 1184, -1, false],
      [5, 'tags', 1009, -1, false],
    ]);
    expect(db.table('t').oid).toBeGreaterThanOrEqual(16384);
  });

  it('reports an existing relation, or skips it with a NOTICE under IF NOT EXISTS', () => {
    const db = new TestDb().run('CREATE TABLE t (x int)');
    expect(db.fail('CREATE TABLE t (x int)')).toEqual({ sqlstate: '42P07', message: 'relation "t" already exists' });
    const before = db.state;
    db.run('CREATE TABLE IF NOT EXISTS t (y int)');
    expect(db.takeNotices()).toEqual(['NOTICE: relation "t" already exists, skipping']);
    expect(db.state).toBe(before);
  });

  it('rejects duplicate columns, unknown types and schemas like PostgreSQL', () => {
    const db = new TestDb();
    expect(db.fail('CREATE TABLE u (a int, a int)')).toEqual({ sqlstate: '42701', message: 'column "a" specified more than once' });
    expect(db.fail('CREATE TABLE u (a foo)')).toEqual({ sqlstate: '42704', message: 'type "foo" does not exist' });
    expect(db.fail('CREATE TABLE s.t (x int)')).toEqual({ sqlstate: '3F000', message: 'schema "s" does not exist' });
    expect(db.fail('CREATE TABLE u (a text(3))')).toEqual({ sqlstate: '42601', message: 'type modifier is not allowed for type "text"' });
    expect(db.fail('CREATE TABLE u (a void)')).toEqual({ sqlstate: '42P16', message: 'column "a" has pseudo-type void' });
    expect(db.fail('CREATE TABLE u (a int NULL NOT NULL)')).toEqual({
      sqlstate: '42601', message: 'conflicting NULL/NOT NULL declarations for column "a" of table "u"',
    });
    expect(db.fail('CREATE TABLE u (a int DEFAULT 1 DEFAULT 2)')).toEqual({
      sqlstate: '42601', message: 'multiple default values specified for column "a" of table "u"',
    });
    expect(db.fail('CREATE TABLE u (a int DEFAULT b)')).toEqual({ sqlstate: '42P10', message: 'cannot use column reference in DEFAULT expression' });
    expect(db.fail('CREATE TABLE u (a int DEFAULT (SELECT 1))')).toEqual({ sqlstate: '0A000', message: 'cannot use subquery in DEFAULT expression' });
    expect(db.catalog.relations()).toEqual([]);
  });

  it('names constraints and their indexes as PostgreSQL 15 does', () => {
    const db = new TestDb().run(`CREATE TABLE t (id serial PRIMARY KEY, a int UNIQUE, b text CHECK (length(b) > 1),
      c int REFERENCES t(id), CHECK (a > id))`);
    expect(db.relationNames()).toEqual(['t', 't_a_key', 't_id_seq', 't_pkey']);
    expect(db.constraintNames('t')).toEqual(['t_a_key', 't_b_check', 't_c_fkey', 't_check', 't_pkey']);
    const check = db.catalog.constraintsOf(db.table('t').oid).find((c) => c.name === 't_b_check')!;
    expect(check.check!.text).toBe('length(b) > 1');
    const fk = db.catalog.constraintsOf(db.table('t').oid).find((c) => c.type === 'f')!;
    expect(fk.fk).toEqual({ refTable: db.table('t').oid, refColumns: [1], onUpdate: 'a', onDelete: 'a', match: 's' });
    expect(fk.index).toBe(db.rel('t_pkey')!.oid);
  });

  it('appends 1, 2, ... when a chosen name is taken (ChooseRelationName)', () => {
    const db = new TestDb().run(`CREATE TABLE k_pkey (x int); CREATE TABLE k_id_seq (x int); CREATE TABLE k_a_key (x int);
      CREATE TABLE k (id serial PRIMARY KEY, a int UNIQUE)`);
    expect(db.relationNames().filter((n) => n.startsWith('k_'))).toEqual(['k_a_key', 'k_a_key1', 'k_id_seq', 'k_id_seq1', 'k_pkey', 'k_pkey1']);
    db.run('CREATE TABLE ch (a int, CONSTRAINT ch_a_check CHECK (a > 0), CHECK (a > 1))');
    expect(db.constraintNames('ch')).toEqual(['ch_a_check', 'ch_a_check1']);
  });

  it('makes serial columns NOT NULL with a nextval default on an owned sequence', () => {
    const db = new TestDb().run('CREATE TABLE t (id bigserial, n smallserial)');
    const [id, n] = db.table('t').columns;
    expect([id.type, id.notNull, id.default!.text]).toEqual([20, true, "nextval('t_id_seq'::regclass)"]);
    expect(n.type).toBe(21);
    const seq = db.rel('t_id_seq')!;
    expect(seq.kind === 'S' && [seq.params.type, seq.params.max, seq.ownedBy]).toEqual([20, '9223372036854775807', { table: db.table('t').oid, attnum: 1 }]);
    const small = db.rel('t_n_seq')!;
    expect(small.kind === 'S' && small.params.max).toBe('32767');
    expect(db.fail('CREATE TABLE u (id serial[])')).toEqual({ sqlstate: '0A000', message: 'array of serial is not implemented' });
  });

  it('creates identity columns with an internal sequence and identity options', () => {
    const db = new TestDb().run('CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY (START WITH 5 INCREMENT BY 2), v int)');
    const id = db.table('t').columns[0];
    expect([id.identity, id.notNull, id.default]).toEqual(['d', true, undefined]);
    const seq = db.rel('t_id_seq')!;
    expect(seq.kind === 'S' && [seq.identity, seq.params.start, seq.params.increment, seq.params.max]).toEqual([true, '5', '2', '2147483647']);
    expect(db.fail('CREATE TABLE u (a text GENERATED ALWAYS AS IDENTITY)')).toEqual({
      sqlstate: '22023', message: 'identity column type must be smallint, integer, or bigint',
    });
    expect(db.fail('CREATE TABLE u (a int DEFAULT 1 GENERATED ALWAYS AS IDENTITY)')).toEqual({
      sqlstate: '42601', message: 'both default and identity specified for column "a" of table "u"',
    });
  });

  it('checks key and foreign key definitions', () => {
    const db = new TestDb().run('CREATE TABLE t (id int PRIMARY KEY, x int)');
    expect(db.fail('CREATE TABLE u (a int PRIMARY KEY, b int PRIMARY KEY)')).toEqual({
      sqlstate: '42P16', message: 'multiple primary keys for table "u" are not allowed',
    });
    expect(db.fail('CREATE TABLE u (a int, UNIQUE (z))')).toEqual({ sqlstate: '42703', message: 'column "z" named in key does not exist' });
    expect(db.fail('CREATE TABLE u (a int REFERENCES nope)')).toEqual({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
    expect(db.fail('CREATE TABLE u (a int REFERENCES t(z))')).toEqual({
      sqlstate: '42703', message: 'column "z" referenced in foreign key constraint does not exist',
    });
    expect(db.fail('CREATE TABLE u (a int REFERENCES t(x))')).toEqual({
      sqlstate: '42830', message: 'there is no unique constraint matching given keys for referenced table "t"',
    });
    db.run('CREATE TABLE nopk (a int)');
    expect(db.fail('CREATE TABLE u (a int REFERENCES nopk)')).toEqual({ sqlstate: '42704', message: 'there is no primary key for referenced table "nopk"' });
    const e = db.error('CREATE TABLE u (a text REFERENCES t)');
    expect([e.sqlstate, e.message, e.detail]).toEqual(['42804', 'foreign key constraint "u_a_fkey" cannot be implemented',
      'Key columns "a" and "id" are of incompatible types: text and integer.']);
    db.run('CREATE TABLE u (a bigint REFERENCES t ON DELETE CASCADE ON UPDATE SET NULL)');
    const fk = db.catalog.constraintsOf(db.table('u').oid)[0];
    expect([fk.name, fk.fk!.onDelete, fk.fk!.onUpdate]).toEqual(['u_a_fkey', 'c', 'n']);
  });

  it('makes primary key columns NOT NULL and collapses identical UNIQUE specs', () => {
    const db = new TestDb().run('CREATE TABLE u (a int UNIQUE UNIQUE, b int, PRIMARY KEY (b))');
    expect(db.table('u').columns.map((c) => c.notNull)).toEqual([false, true]);
    expect(db.constraintNames('u')).toEqual(['u_a_key', 'u_pkey']);
  });

  it('places TEMPORARY tables in the session temp schema', () => {
    const db = new TestDb().run('CREATE TEMP TABLE tt (x int)');
    const t = db.table('tt', 'pg_temp_3');
    expect(t.persistence).toBe('t');
    expect(db.fail('CREATE TEMP TABLE public.t2 (x int)')).toEqual({
      sqlstate: '42P16', message: 'cannot create temporary relation in non-temporary schema',
    });
  });
});
