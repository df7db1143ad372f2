import { TestDb, setupParser } from '../testing/ddl-helpers';

beforeAll(setupParser);

describe('ALTER TABLE', () => {
  it('adds columns with PostgreSQL errors and notices', () => {
    const db = new TestDb().run('CREATE TABLE t (x int)');
    expect(db.fail('ALTER TABLE nope ADD COLUMN x int')).toEqual({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
    expect(db.fail('ALTER TABLE t ADD COLUMN x int')).toEqual({ sqlstate: '42701', message: 'column "x" of relation "t" already exists' });
    db.run('ALTER TABLE t ADD COLUMN IF NOT EXISTS x int; ALTER TABLE IF EXISTS nope ADD COLUMN y int');
    expect(db.takeNotices()).toEqual([
      'NOTICE: column "x" of relation "t" already exists, skipping',
      'NOTICE: relation "nope" does not exist, skipping',
    ]);
    db.run('ALTER TABLE t ADD COLUMN id serial PRIMARY KEY, ADD COLUMN d text DEFAULT \'x\'');
    expect(db.table('t').columns.map((c) => [c.attnum, c.name, c.default?.text ?? null])).toEqual([
      [1, 'x', null], [2, 'id', "nextval('t_id_seq'::regclass)"], [3, 'd', "'x'"],
    ]);
    expect(db.constraintNames('t')).toEqual(['t_pkey']);
    expect(db.last!.effects.map((e) => e.type)).toEqual(expect.arrayContaining(['addColumn', 'buildIndex', 'validateNotNull']));
  });

  it('drops columns keeping their attnum, with dependent indexes and constraints', () => {
    const db = new TestDb().run('CREATE TABLE m (a int, b int, UNIQUE (a, b), CHECK (a > b)); CREATE INDEX m_b ON m (b)');
    expect(db.fail('ALTER TABLE m DROP COLUMN y')).toEqual({ sqlstate: '42703', message: 'column "y" of relation "m" does not exist' });
    db.run('ALTER TABLE m DROP COLUMN IF EXISTS y');
    expect(db.takeNotices()).toEqual(['NOTICE: column "y" of relation "m" does not exist, skipping']);
    db.run('ALTER TABLE m DROP COLUMN a');
    expect(db.table('m').columns.map((c) => [c.attnum, c.name, c.dropped])).toEqual([
      [1, '........pg.dropped.1........', true], [2, 'b', false],
    ]);
    expect(db.relationNames()).toEqual(['m', 'm_b']);
    expect(db.constraintNames('m')).toEqual([]);
    db.run('ALTER TABLE m ADD COLUMN c int');
    expect(db.table('m').columns.map((c) => c.attnum)).toEqual([1, 2, 3]);
  });

  it('refuses to drop a referenced column without CASCADE', () => {
    const db = new TestDb().run('CREATE TABLE p2 (id int PRIMARY KEY, x int); CREATE TABLE c2 (pid int REFERENCES p2 (id))');
    const e = db.error('ALTER TABLE p2 DROP COLUMN id');
    expect([e.message, e.detail]).toEqual(['cannot drop column id of table p2 because other objects depend on it',
      'constraint c2_pid_fkey on table c2 depends on column id of table p2']);
    const c = db.error('ALTER TABLE p2 DROP CONSTRAINT p2_pkey');
    expect([c.message, c.detail]).toEqual(['cannot drop constraint p2_pkey on table p2 because other objects depend on it',
      'constraint c2_pid_fkey on table c2 depends on index p2_pkey']);
    db.run('ALTER TABLE p2 DROP COLUMN id CASCADE');
    expect(db.takeNotices()).toEqual(['NOTICE: drop cascades to constraint c2_pid_fkey on table c2']);
    expect(db.relationNames()).toEqual(['c2', 'p2']);
  });

  it('renames columns, constraints and tables', () => {
    const db = new TestDb().run('CREATE TABLE t (x int CHECK (x > 0), y int, CONSTRAINT t_u UNIQUE (y))');
    expect(db.fail('ALTER TABLE t RENAME COLUMN z TO w')).toEqual({ sqlstate: '42703', message: 'column "z" does not exist' });
    expect(db.fail('ALTER TABLE t RENAME COLUMN x TO y')).toEqual({ sqlstate: '42701', message: 'column "y" of relation "t" already exists' });
    db.run('ALTER TABLE t RENAME COLUMN x TO v');
    const check = db.catalog.constraintsOf(db.table('t').oid).find((c) => c.type === 'c')!;
    expect(check.check!.text).toBe('v > 0');
    db.run('ALTER TABLE t RENAME CONSTRAINT t_u TO t_y_uniq');
    expect(db.relationNames()).toEqual(['t', 't_y_uniq']);
    expect(db.fail('ALTER TABLE t RENAME CONSTRAINT nope TO x')).toEqual({ sqlstate: '42704', message: 'constraint "nope" for table "t" does not exist' });
    db.run('ALTER TABLE t RENAME TO t2');
    expect(db.relationNames()).toEqual(['t2', 't_y_uniq']);
  });

  it('sets and drops defaults, NOT NULL, and constraints', () => {
    const db = new TestDb().run('CREATE TABLE t (id int PRIMARY KEY, v int, g int GENERATED ALWAYS AS IDENTITY)');
    db.run('ALTER TABLE t ALTER COLUMN v SET DEFAULT 42, ALTER COLUMN v SET NOT NULL');
    expect(db.table('t').columns[1]).toMatchObject({ notNull: true, default: { text: '42' } });
    expect(db.fail('ALTER TABLE t ALTER COLUMN id DROP NOT NULL')).toEqual({ sqlstate: '42P16', message: 'column "id" is in a primary key' });
    expect(db.fail('ALTER TABLE t ALTER COLUMN g SET DEFAULT 1')).toEqual({ sqlstate: '42601', message: 'column "g" of relation "t" is an identity column' });
    expect(db.fail('ALTER TABLE t ALTER COLUMN nope SET DEFAULT 1')).toEqual({ sqlstate: '42703', message: 'column "nope" of relation "t" does not exist' });
    db.run('ALTER TABLE t ALTER COLUMN v DROP DEFAULT, ADD CONSTRAINT v_pos CHECK (v > 0)');
    expect(db.table('t').columns[1].default).toBeUndefined();
    expect(db.last!.effects).toContainEqual({ type: 'validateConstraint', constraint: expect.any(Number) });
    expect(db.fail('ALTER TABLE t ADD CONSTRAINT v_pos CHECK (v > 1)')).toEqual({ sqlstate: '42710', message: 'constraint "v_pos" for relation "t" already exists' });
    expect(db.fail('ALTER TABLE t ADD PRIMARY KEY (v)')).toEqual({ sqlstate: '42P16', message: 'multiple primary keys for table "t" are not allowed' });
    expect(db.fail('ALTER TABLE t DROP CONSTRAINT nope')).toEqual({ sqlstate: '42704', message: 'constraint "nope" of relation "t" does not exist' });
    db.run('ALTER TABLE t DROP CONSTRAINT IF EXISTS nope, DROP CONSTRAINT v_pos');
    expect(db.takeNotices()).toEqual(['NOTICE: constraint "nope" of relation "t" does not exist, skipping']);
    expect(db.constraintNames('t')).toEqual(['t_pkey']);
  });

  it('changes a column type and moves a table to another schema', () => {
    const db = new TestDb().run('CREATE SCHEMA s; CREATE TABLE t (id serial PRIMARY KEY, v varchar(5))');
    db.run('ALTER TABLE t ALTER COLUMN v TYPE varchar(10)');
    expect(db.table('t').columns[1].typmod).toBe(14);
    db.run('ALTER TABLE t SET SCHEMA s');
    expect(db.relationNames('s')).toEqual(['t', 't_id_seq', 't_pkey']);
    expect(db.relationNames()).toEqual([]);
  });

  it('leaves the state untouched when a later subcommand fails', () => {
    const db = new TestDb().run('CREATE TABLE t (x int)');
    const before = db.state;
    expect(db.fail('ALTER TABLE t ADD COLUMN y int, ADD COLUMN x int').sqlstate).toBe('42701');
    expect(db.state).toBe(before);
  });
});
