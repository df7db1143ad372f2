import { parseSqlLogic } from '../format/parse';
import type { QueryRecord, StatementRecord } from '../format/types';
import { checkRecord, CheckContext, recordTitle } from './check';
import type { Outcome } from './execute';

const FILE = [
  '# targets: postgres',
  'statement ok',
  'CREATE TABLE t (a int)',
  '',
  'statement error 23505',
  'INSERT INTO t VALUES (1)',
  '----',
  'duplicate key',
  'DETAIL: Key (a)=(1) already exists.',
  '',
  'query IT rowsort same',
  'SELECT a, b FROM t',
  '----',
  '1\tx',
  '2\tNULL',
  '',
  'query IT rowsort same',
  'SELECT a, b FROM t ORDER BY a',
  '',
].join('\n');

const [ok, dup, query, again] = parseSqlLogic(FILE, 'test/c.test').records as [StatementRecord, StatementRecord, QueryRecord, QueryRecord];
const ctx = (): CheckContext => ({ file: 'test/c.test', target: 'vecgres', labels: new Map() });
const rows = (...r: Array<Array<string | null>>): Outcome => ({ kind: 'ok', command: 'SELECT', typeOids: [23, 25], rows: r });
const error = (sqlstate: string, message: string, detail?: string): Outcome => ({ kind: 'error', error: { sqlstate, message, detail } });

describe('checkRecord', () => {
  it('passes matching outcomes', () => {
    const c = ctx();
    expect(() => checkRecord(ok, { kind: 'ok', command: 'CREATE TABLE', typeOids: [], rows: [] }, c)).not.toThrow();
    expect(() => checkRecord(dup, error('23505', 'duplicate key value violates unique constraint "t_pkey"', 'Key (a)=(1) already exists.'), c)).not.toThrow();
    expect(() => checkRecord(query, rows(['2', null], ['1', 'x']), c)).not.toThrow();
    // Same label, no written result: compared with the first query of that label.
    expect(() => checkRecord(again, rows(['1', 'x'], ['2', null]), c)).not.toThrow();
    expect(() => checkRecord(again, rows(['1', 'x']), c)).toThrow(/expected 2 lines, got 1/);
  });

  it('reports a failed statement with file:line, target, SQL and the server error', () => {
    expect(() => checkRecord(ok, error('0A000', 'not supported yet'), ctx())).toThrow(
      'test/c.test:2 [vecgres] statement failed\n  statement ok\n  CREATE TABLE t (a int)\n  expected: ok\n  got: 0A000: not supported yet',
    );
  });

  it('reports wrong SQLSTATE, message and DETAIL, and unexpected success', () => {
    expect(() => checkRecord(dup, error('23514', 'duplicate key'), ctx())).toThrow(/SQLSTATE 23514 instead of 23505; DETAIL lacks/);
    expect(() => checkRecord(dup, error('23505', 'duplicate key', 'Key (a)=(2) already exists.'), ctx())).toThrow(/DETAIL lacks "Key \(a\)=\(1\) already exists."/);
    expect(() => checkRecord(dup, error('23505', 'unique violation', 'Key (a)=(1) already exists.'), ctx())).toThrow(/message lacks "duplicate key"/);
    expect(() => checkRecord(dup, rows(), ctx())).toThrow(/statement succeeded but an error was expected/);
  });

  it('reports differing rows with both sides', () => {
    expect(() => checkRecord(query, rows(['1', 'x'], ['2', '']), ctx())).toThrow(
      /test\/c.test:11 \[vecgres\] first difference at line 2[\s\S]*expected \(2\):\n {6}1\tx\n {6}2\tNULL\n {2}got \(2\):\n {6}1\tx\n {6}2\t\(empty\)/,
    );
    expect(() => checkRecord(query, error('42P01', 'relation "t" does not exist'), ctx())).toThrow(/query failed\n[\s\S]*got: 42P01/);
  });

  it('names tests by line, kind and SQL', () => {
    expect([ok, dup, query].map(recordTitle)).toEqual(['L2 ok: CREATE TABLE t (a int)', 'L5 error 23505: INSERT INTO t VALUES (1)', 'L11 query: SELECT a, b FROM t']);
  });
});
