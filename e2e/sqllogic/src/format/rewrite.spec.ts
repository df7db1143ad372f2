import { parseSqlLogic } from './parse';
import { applyUpdates, queryHeader, statementErrorHeader } from './rewrite';
import type { QueryRecord, StatementRecord } from './types';

const TEXT = [
  '# targets: postgres',
  '# keep me',
  'query I rowsort lbl',
  'SELECT a',
  '  FROM t',
  '',
  'statement error',
  'SELECT x',
  '----',
  'message stays',
  '',
  'query T',
  'SELECT 1',
  '----',
  'old',
  'older',
  '',
].join('\n');

describe('applyUpdates', () => {
  const file = parseSqlLogic(TEXT, 'r.test', { drafts: true });
  const [q1, stmt, q2] = file.records as [QueryRecord, StatementRecord, QueryRecord];

  it('fills results and headers and leaves every other line alone', () => {
    const out = applyUpdates(TEXT, [
      { record: q1, header: queryHeader(q1, 'T'), results: ['1', '2'] },
      { record: stmt, header: statementErrorHeader('42703') },
      { record: q2, results: ['1'] },
    ]);
    expect(out.split('\n')).toEqual([
      '# targets: postgres',
      '# keep me',
      'query T rowsort lbl',
      'SELECT a',
      '  FROM t',
      '----',
      '1',
      '2',
      '',
      'statement error 42703',
      'SELECT x',
      '----',
      'message stays',
      '',
      'query T',
      'SELECT 1',
      '----',
      '1',
      '',
    ]);
    // The result parses back to what was written.
    const again = parseSqlLogic(out, 'r.test').records as [QueryRecord, StatementRecord, QueryRecord];
    expect(again[0]).toMatchObject({ types: 'T', sort: 'rowsort', label: 'lbl', expected: ['1', '2'] });
    expect(again[1].error).toEqual({ sqlstate: '42703', messages: ['message stays'] });
    expect(again[2].expected).toEqual(['1']);
  });

  it('writes an empty result as a bare ---- line', () => {
    const out = applyUpdates(TEXT, [{ record: q2, results: [] }]);
    expect(out).toContain('query T\nSELECT 1\n----\n');
    expect((parseSqlLogic(out, 'r.test', { drafts: true }).records[2] as QueryRecord).expected).toEqual([]);
  });
});
