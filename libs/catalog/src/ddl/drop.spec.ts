import { TestDb, setupParser } from '../testing/ddl-helpers';

beforeAll(setupParser);

describe('DROP', () => {
  it('reports missing relations by kind, or skips them with IF EXISTS', () => {
    const db = new TestDb();
    expect(db.fail('DROP TABLE nope')).toEqual({ sqlstate: '42P01', message: 'table "nope" does not exist' });
    expect(db.fail('DROP SEQUENCE nope')).toEqual({ sqlstate: '42P01', message: 'sequence "nope" does not exist' });
    expect(db.fail('DROP INDEX nope')).toEqual({ sqlstate: '42704', message: 'index "nope" does not exist' });
    expect(db.fail('DROP TABLE s.t')).toEqual({ sqlstate: '3F000', message: 'schema "s" does not exist' });
    db.run('DROP TABLE IF EXISTS nope, nope2; DROP TABLE IF EXISTS s.t');
    expect(db.takeNotices()).toEqual([
      'NOTICE: table "nope" does not exist, skipping',
      'NOTICE: table "nope2" does not exist, skipping',
      'NOTICE: schema "s" does not exist, skipping',
    ]);
  });

  it('refuses the wrong kind with the hint PostgreSQL gives', () => {
    const db = new TestDb().run('CREATE TABLE t (id int PRIMARY KEY)');
    const e = db.error('DROP TABLE t_pkey');
    expect([e.sqlstate, e.message, e.hint]).toEqual(['42809', '"t_pkey" is not a table', 'Use DROP INDEX to remove an index.']);
    expect(db.fail('DROP INDEX t')).toEqual({ sqlstate: '42809', message: '"t" is not an index' });
  });

  it('drops a table with its indexes, constraints and owned sequences', () => {
    const db = new TestDb().run('CREATE TABLE t (id serial PRIMARY KEY, a int UNIQUE, CHECK (a > 0)); CREATE INDEX ON t (a)');
    expect(db.relationNames()).toHaveLength(5);
    db.run('DROP TABLE t');
    expect(db.relationNames()).toEqual([]);
    expect(db.catalog.constraints()).toEqual([]);
    expect(db.takeNotices()).toEqual([]);
    expect(db.last!.effects.filter((e) => e.type === 'dropRelation')).toHaveLength(5);
  });

  it('refuses to drop a referenced table without CASCADE, and cascades to the foreign key', () => {
    const db = new TestDb().run('CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int REFERENCES p, x int)');
    const e = db.error('DROP TABLE p');
    expect([e.sqlstate, e.message, e.detail, e.hint]).toEqual([
      '2BP01', 'cannot drop table p because other objects depend on it',
      'constraint c_pid_fkey on table c depends on table p', 'Use DROP ... CASCADE to drop the dependent objects too.',
    ]);
    db.run('DROP TABLE p CASCADE');
    expect(db.takeNotices()).toEqual(['NOTICE: drop cascades to constraint c_pid_fkey on table c']);
    expect(db.relationNames()).toEqual(['c']);
    expect(db.constraintNames('c')).toEqual([]);
  });

  it('drops referencing and referenced tables together in one statement', () => {
    const db = new TestDb().run('CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int REFERENCES p)');
    db.run('DROP TABLE p, c');
    expect(db.relationNames()).toEqual([]);
  });

  it('protects a sequence used by a default and an index owned by a constraint', () => {
    const db = new TestDb().run("CREATE SEQUENCE sq; CREATE TABLE w (a int DEFAULT nextval('sq'::regclass)); CREATE TABLE w2 (id serial PRIMARY KEY)");
    const e = db.error('DROP SEQUENCE sq');
    expect([e.message, e.detail]).toEqual(['cannot drop sequence sq because other objects depend on it',
      'default value for column a of table w depends on sequence sq']);
    expect(db.error('DROP SEQUENCE w2_id_seq').detail).toBe('default value for column id of table w2 depends on sequence w2_id_seq');
    const ix = db.error('DROP INDEX w2_pkey');
    expect([ix.sqlstate, ix.message, ix.hint]).toEqual(['2BP01',
      'cannot drop index w2_pkey because constraint w2_pkey on table w2 requires it', 'You can drop constraint w2_pkey on table w2 instead.']);
    db.run('DROP SEQUENCE sq CASCADE');
    expect(db.takeNotices()).toEqual(['NOTICE: drop cascades to default value for column a of table w']);
    expect(db.table('w').columns[0].default).toBeUndefined();
  });

  it('drops a schema only when empty, or with CASCADE listing its objects', () => {
    const db = new TestDb().run('CREATE SCHEMA s; CREATE TABLE s.a (id serial PRIMARY KEY); CREATE TABLE s.b (x int); CREATE INDEX ON s.b (x)');
    const e = db.error('DROP SCHEMA s');
    expect([e.message, e.detail]).toEqual(['cannot drop schema s because other objects depend on it',
      'table s.a depends on schema s\ntable s.b depends on schema s']);
    db.run('DROP SCHEMA s CASCADE');
    expect(db.takeNotices()).toEqual(['NOTICE: drop cascades to 2 other objects\ndrop cascades to table s.a\ndrop cascades to table s.b']);
    expect(db.catalog.relations()).toEqual([]);
    expect(db.catalog.namespaceByName('s')).toBeUndefined();
    expect(db.fail('DROP SCHEMA s')).toEqual({ sqlstate: '3F000', message: 'schema "s" does not exist' });
    db.run('DROP SCHEMA IF EXISTS s');
    expect(db.takeNotices()).toEqual(['NOTICE: schema "s" does not exist, skipping']);
    expect(db.fail('DROP SCHEMA pg_catalog')).toEqual({
      sqlstate: '2BP01', message: 'cannot drop schema pg_catalog because it is required by the database system',
    });
  });

  it('refuses to drop an identity sequence on its own', () => {
    const db = new TestDb().run('CREATE TABLE i2 (id int GENERATED ALWAYS AS IDENTITY)');
    const e = db.error('DROP SEQUENCE i2_id_seq');
    expect([e.message, e.hint]).toEqual(['cannot drop sequence i2_id_seq because column id of table i2 requires it',
      'You can drop column id of table i2 instead.']);
  });
});
