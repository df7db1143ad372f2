import type { SequenceRelation } from '../model/relations';
import { InMemorySequenceValues, SequenceSession, nextval, resetSequence, setval } from '../sequences/sequence-values';
import { TestDb, setupParser } from '../testing/ddl-helpers';
import { alterSequence } from './sequence';

beforeAll(setupParser);

function seq(db: TestDb, name: string): SequenceRelation {
  const r = db.rel(name);
  if (r?.kind !== 'S') throw new Error('no sequence');
  return r;
}

describe('sequences', () => {
  it('uses PostgreSQL defaults per data type and direction', () => {
    const db = new TestDb().run('CREATE SEQUENCE a; CREATE SEQUENCE b AS integer INCREMENT BY -2; CREATE SEQUENCE c AS smallint MINVALUE 5 CYCLE CACHE 10');
    expect(seq(db, 'a').params).toEqual({ type: 20, start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false });
    expect(seq(db, 'b').params).toMatchObject({ type: 23, start: '-1', increment: '-2', min: '-2147483648', max: '-1' });
    expect(seq(db, 'c').params).toMatchObject({ type: 21, start: '5', min: '5', max: '32767', cache: '10', cycle: true });
  });

  it('rejects bad parameters with sequence.c\'s messages', () => {
    const db = new TestDb();
    expect(db.fail('CREATE SEQUENCE s INCREMENT 0')).toEqual({ sqlstate: '22023', message: 'INCREMENT must not be zero' });
    expect(db.fail('CREATE SEQUENCE s AS smallint MAXVALUE 40000')).toEqual({ sqlstate: '22023', message: 'MAXVALUE (40000) is out of range for sequence data type smallint' });
    expect(db.fail('CREATE SEQUENCE s MINVALUE 10 MAXVALUE 5')).toEqual({ sqlstate: '22023', message: 'MINVALUE (10) must be less than MAXVALUE (5)' });
    expect(db.fail('CREATE SEQUENCE s START 0')).toEqual({ sqlstate: '22023', message: 'START value (0) cannot be less than MINVALUE (1)' });
    expect(db.fail('CREATE SEQUENCE s CACHE 0')).toEqual({ sqlstate: '22023', message: 'CACHE (0) must be greater than zero' });
    expect(db.fail('CREATE SEQUENCE s AS text')).toEqual({ sqlstate: '22023', message: 'sequence type must be smallint, integer, or bigint' });
    expect(db.fail('CREATE SEQUENCE s INCREMENT 1 INCREMENT 2')).toEqual({ sqlstate: '42601', message: 'conflicting or redundant options' });
    db.run('CREATE SEQUENCE s; CREATE SEQUENCE IF NOT EXISTS s');
    expect(db.takeNotices()).toEqual(['NOTICE: relation "s" already exists, skipping']);
    expect(db.fail('CREATE SEQUENCE s')).toEqual({ sqlstate: '42P07', message: 'relation "s" already exists' });
  });

  it('links OWNED BY to a column and alters parameters', () => {
    const db = new TestDb().run('CREATE TABLE t (id int); CREATE SEQUENCE s OWNED BY t.id');
    expect(seq(db, 's').ownedBy).toEqual({ table: db.table('t').oid, attnum: 1 });
    expect(db.fail('CREATE SEQUENCE s2 OWNED BY t.nope')).toEqual({ sqlstate: '42703', message: 'column "nope" of relation "t" does not exist' });
    db.run('DROP TABLE t');
    expect(db.rel('s')).toBeUndefined();
    db.run('CREATE SEQUENCE q');
    const r = alterSequence(db.state, { sequence: { name: 'q', location: -1 }, ifExists: false, options: [
      { name: 'increment', value: { type: 'int', value: 5 }, location: -1 },
      { name: 'restart', value: { type: 'int', value: 100 }, location: -1 },
    ] }, db.ctx);
    const q = new TestDb(db.ctx);
    q.state = r.state;
    expect(seq(q, 'q').params.increment).toBe('5');
    expect(r.effects).toEqual([{ type: 'resetSequence', sequence: seq(q, 'q').oid, value: '100' }]);
  });

  it('hands out values with nextval/setval/currval semantics', () => {
    const db = new TestDb().run('CREATE SEQUENCE s AS smallint MAXVALUE 3; CREATE SEQUENCE c MINVALUE 1 MAXVALUE 2 CYCLE');
    const store = new InMemorySequenceValues();
    const session = new SequenceSession();
    const s = seq(db, 's');
    resetSequence(store, s);
    expect(() => session.currval(s)).toThrow('currval of sequence "s" is not yet defined in this session');
    const got = [nextval(store, s), nextval(store, s), nextval(store, s)];
    expect(got).toEqual([1n, 2n, 3n]);
    session.record(s, got[2]);
    expect(session.currval(s)).toBe(3n);
    expect(() => nextval(store, s)).toThrow('nextval: reached maximum value of sequence "s" (3)');
    expect(() => setval(store, s, 9n)).toThrow('setval: value 9 is out of bounds for sequence "s" (1..3)');
    setval(store, s, 1n, false);
    expect(nextval(store, s)).toBe(1n);
    const c = seq(db, 'c');
    expect([nextval(store, c), nextval(store, c), nextval(store, c)]).toEqual([1n, 2n, 1n]);
  });
});
