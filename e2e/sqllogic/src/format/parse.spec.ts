import { parseSqlLogic, recordsFor } from './parse';
import { QueryRecord, SqlLogicParseError, StatementRecord } from './types';

const HEADER = '# targets: postgres vecgres\n';

function parse(body: string, drafts = false) {
  return parseSqlLogic(HEADER + body, 'x.test', { drafts });
}

function parseError(text: string, drafts = false): SqlLogicParseError {
  try {
    parseSqlLogic(text, 'bad.test', { drafts });
  } catch (err) {
    expect(err).toBeInstanceOf(SqlLogicParseError);
    return err as SqlLogicParseError;
  }
  throw new Error('expected a parse error');
}

describe('parseSqlLogic', () => {
  it('reads the targets header and the records with their line numbers', () => {
    const file = parse('# a comment\nstatement ok\nCREATE TABLE t (a int)\n\nquery IT rowsort\nSELECT a,\n  b FROM t\n----\n1\tx\n2\t(empty)\n');
    expect(file.targets).toEqual(['postgres', 'vecgres']);
    expect(file.records).toHaveLength(2);
    const [stmt, query] = file.records as [StatementRecord, QueryRecord];
    expect(stmt).toMatchObject({ kind: 'statement', line: 3, endLine: 4, sql: 'CREATE TABLE t (a int)', error: undefined });
    expect(query).toMatchObject({
      kind: 'query',
      line: 6,
      endLine: 11,
      sql: 'SELECT a,\n  b FROM t',
      types: 'IT',
      sort: 'rowsort',
      expected: ['1\tx', '2\t(empty)'],
    });
  });

  it('parses statement error with SQLSTATE, message substrings, DETAIL and HINT', () => {
    const file = parse('statement error 23505\nINSERT INTO t VALUES (1)\n----\nduplicate key\n"t_pkey"\nDETAIL: Key (a)=(1) already exists.\nHINT: try again\n');
    expect((file.records[0] as StatementRecord).error).toEqual({
      sqlstate: '23505',
      messages: ['duplicate key', '"t_pkey"'],
      detail: 'Key (a)=(1) already exists.',
      hint: 'try again',
    });
  });

  it('keeps blank-looking result lines that hold spaces (char(n) padding) as data', () => {
    const file = parse('query T\nSELECT c\n----\n  \nx\n\nstatement ok\nSELECT 1\n');
    expect((file.records[0] as QueryRecord).expected).toEqual(['  ', 'x']);
    expect(file.records).toHaveLength(2);
  });

  it('an empty ---- section is an expected empty result', () => {
    const file = parse('query I\nSELECT 1 WHERE false\n----\n\nquery I nosort lbl\nSELECT 2\n');
    expect((file.records[0] as QueryRecord).expected).toEqual([]);
    expect(file.records[1]).toMatchObject({ sort: 'nosort', label: 'lbl', expected: undefined });
  });

  it('applies onlyif/skipif and cuts at a halt for that target only', () => {
    const file = parse('onlyif postgres\nstatement ok\nSELECT 1\n\nskipif postgres\nstatement ok\nSELECT 2\n\nonlyif vecgres\nhalt\n\nstatement ok\nSELECT 3\n');
    expect(recordsFor(file, 'postgres').map((r) => r.sql)).toEqual(['SELECT 1', 'SELECT 3']);
    expect(recordsFor(file, 'vecgres').map((r) => r.sql)).toEqual(['SELECT 2']);
  });

  it('collects require features', () => {
    expect(parse('require vector\n\nstatement ok\nSELECT 1\n').requires).toEqual(['vector']);
  });

  it('accepts drafts only when asked', () => {
    expect(parseError(`${HEADER}query I\nSELECT 1\n`).message).toBe('bad.test:2: query has no ---- results (run the record mode to fill them in)');
    expect(parseError(`${HEADER}statement error\nSELECT x\n`).message).toMatch(/^bad.test:2: `statement error` needs a SQLSTATE/);
    const draft = parse('query I\nSELECT 1\n\nstatement error\nSELECT x\n', true);
    expect(draft.records.map((r) => r.kind)).toEqual(['query', 'statement']);
  });

  it.each([
    ['statement ok\nSELECT 1\n', 1, /missing header/],
    ['# targets: vecgres\n', 1, /must include postgres/],
    ['# targets: postgres mysql\n', 1, /unknown target "mysql"/],
    [`${HEADER}statement maybe\nSELECT 1\n`, 2, /expected `statement ok`/],
    [`${HEADER}statement error 123\nSELECT 1\n`, 2, /not a SQLSTATE/],
    [`${HEADER}statement ok\nSELECT 1\n----\nx\n`, 2, /cannot have a ---- section/],
    [`${HEADER}query X\nSELECT 1\n----\n1\n`, 2, /type letters/],
    [`${HEADER}query I rowsort a b\nSELECT 1\n----\n1\n`, 2, /unexpected "b"/],
    [`${HEADER}query I\n----\n1\n`, 2, /has no SQL/],
    [`${HEADER}onlyif postgres\n\nstatement ok\nSELECT 1\n`, 3, /directly followed/],
    [`${HEADER}onlyif oracle\nstatement ok\nSELECT 1\n`, 2, /unknown target "oracle"/],
    [`${HEADER}require json\n`, 2, /known feature/],
    [`${HEADER}loop i 1 3\n`, 2, /not supported/],
    [`${HEADER}selec 1\n`, 2, /unknown directive "selec"/],
  ])('rejects %j at its line', (text, line, message) => {
    const err = parseError(text);
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
  });
});
