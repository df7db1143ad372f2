// Everything the translator does not model must fail with 0A000 and a position, never crash
// or silently drop a clause.
import { parseError, setupParser } from './testing/parse-helpers';

beforeAll(setupParser);

/** 1-based position of the first occurrence of `needle` in `sql`, in characters. */
const at = (sql: string, needle: string) => [...sql.slice(0, sql.indexOf(needle))].length + 1;

describe('unsupported constructs -> 0A000 "<construct> is not supported" with a position', () => {
  const cases: Array<[string, string, string]> = [
    // [sql, message, token the position must point at]
    ['CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql', 'CREATE FUNCTION is not supported', 'CREATE'],
    ['SELECT 1; CREATE VIEW v AS SELECT 1 WITH CHECK OPTION', 'WITH CHECK OPTION is not supported', 'v AS'],
    ['SELECT 1;\n  MERGE INTO t USING u ON true WHEN MATCHED THEN DELETE', 'MERGE is not supported', 'MERGE'],
    ['DO $$ BEGIN END $$', 'DO is not supported', 'DO'],
    ['GRANT SELECT ON t TO bob', 'GRANT/REVOKE is not supported', 'GRANT'],
    ['CREATE ROLE bob', 'CREATE ROLE is not supported', 'CREATE'],
    ['SELECT a FROM t TABLESAMPLE SYSTEM (10)', 'TABLESAMPLE is not supported', 'SYSTEM'],
    ["SELECT 'x' IS JSON", 'IS JSON is not supported', "'x'"],
    ['SELECT XMLELEMENT(NAME foo)', 'XML expression is not supported', 'XMLELEMENT'],
    ['CREATE TABLE t (a int) INHERITS (u)', 'INHERITS is not supported', 't ('],
    ['CREATE TABLE t (a int) PARTITION BY RANGE (a)', 'PARTITION BY is not supported', 'PARTITION'],
    ['CREATE TABLE t (LIKE u INCLUDING DEFAULTS)', 'LIKE ... INCLUDING in CREATE TABLE is not supported', 'u INCLUDING DEFAULTS)'],
    ['CREATE TABLE t (a int, EXCLUDE USING gist (a WITH =))', 'EXCLUDE constraint is not supported', 'EXCLUDE'],
    ['ALTER TABLE t ALTER COLUMN a SET STATISTICS 100', 'ALTER TABLE SET STATISTICS is not supported', 'ALTER'],
    ['ALTER MATERIALIZED VIEW v RENAME COLUMN a TO b', 'ALTER MATVIEW RENAME COLUMN is not supported', 'v RENAME'],
    ['CREATE TABLE t PARTITION OF p FOR VALUES IN (1)', 'PARTITION OF is not supported', 't PARTITION'],
    ['CREATE TABLE t (a int, CONSTRAINT c CHECK (a > 0) NOT ENFORCED)', 'NOT ENFORCED is not supported', 'CONSTRAINT'],
    ['CREATE TABLE t (a int REFERENCES u NOT ENFORCED)', 'NOT ENFORCED is not supported', 'NOT ENFORCED'],
    ['CREATE TABLE t (a int STORAGE PLAIN)', 'STORAGE is not supported', 'a int'],
    ['ALTER INDEX i RENAME TO j', 'ALTER INDEX RENAME is not supported', 'i RENAME'],
    ['DROP FUNCTION f()', 'DROP FUNCTION is not supported', 'DROP'],
    ['SELECT 1;  DELETE FROM t WHERE CURRENT OF c', 'WHERE CURRENT OF is not supported', 'DELETE'],
    ['SELECT 1 FROM t WHERE CURRENT OF c', 'syntax', ''],
    ["CREATE INDEX ON t (a) WITH (toast.x = 1)", 'option namespace "toast" is not supported', 'toast'],
    ['WITH RECURSIVE r AS (SELECT 1) SEARCH DEPTH FIRST BY a SET o SELECT 1', 'SEARCH clause is not supported', 'SEARCH'],
  ];

  it.each(cases)('%s', (sql, message, token) => {
    const e = parseError(sql);
    if (message === 'syntax') {
      // Not every construct reaches us: the grammar rejects some first (42601).
      expect(e.sqlstate).toBe('42601');
      return;
    }
    expect(e).toMatchObject({ sqlstate: '0A000', message });
    if (token) expect(e.position).toBe(at(sql, token));
  });

  it('positions count characters after non-ASCII text', () => {
    const sql = "SELECT 'ñandú', x FROM t TABLESAMPLE SYSTEM (10)";
    expect(parseError(sql)).toMatchObject({ sqlstate: '0A000', position: at(sql, 'SYSTEM') });
  });
});
