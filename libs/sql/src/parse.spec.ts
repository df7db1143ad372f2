import { TranslateContext } from './context';
import { loadParser, parse, translateRawStmt } from './parse';
import { createSourceMap } from './source-map';
import { parseError, setupParser, sqlErrorOf } from './testing/parse-helpers';

beforeAll(setupParser);

describe('parse: statement splitting', () => {
  it('splits on semicolons with PostgreSQL 18 RawStmt slices and character locations', () => {
    // PostgreSQL 18's RawStmt starts at the statement's first token (leading blanks excluded).
    const sql = 'SELECT 1; SELECT 2;\nINSERT INTO t VALUES (3)';
    const stmts = parse(sql);
    expect(stmts.map((s) => s.stmt.kind)).toEqual(['select', 'select', 'insert']);
    expect(stmts.map((s) => s.text)).toEqual(['SELECT 1', 'SELECT 2', 'INSERT INTO t VALUES (3)']);
    expect(stmts.map((s) => s.location)).toEqual([0, 10, 20]);
    for (const s of stmts) expect(sql.slice(s.location, s.location + s.text.length)).toBe(s.text);
  });

  it('drops empty statements and comment-only pieces like PostgreSQL', () => {
    const stmts = parse(';; SELECT 1 /* a; b */ ;; -- only a comment;\n ; SELECT 2;;');
    expect(stmts).toHaveLength(2);
    expect(stmts[0].text).toBe('SELECT 1 /* a; b */ ');
    expect(stmts[1].text).toBe('SELECT 2');
  });

  it('returns no statements for empty, blank and comment-only strings', () => {
    expect(parse('')).toEqual([]);
    expect(parse('   \n\t')).toEqual([]);
    expect(parse('-- nothing here')).toEqual([]);
    expect(parse('/* nothing */ ;')).toEqual([]);
  });

  it('keeps semicolons inside strings, quoted identifiers and dollar quotes', () => {
    const stmts = parse(`SELECT 'a;b', "c;d", $$e;f$$; SELECT 1`);
    expect(stmts).toHaveLength(2);
    expect(stmts[0].text).toBe(`SELECT 'a;b', "c;d", $$e;f$$`);
  });

  it('slices and locates by characters when the text has multi-byte characters', () => {
    const sql = "SELECT 'héllo 😀'; SELECT x FROM t";
    const [a, b] = parse(sql);
    expect(a.text).toBe("SELECT 'héllo 😀'");
    // 'é' is 2 bytes and '😀' 4 bytes; locations count characters (code points).
    expect(b.location).toBe(18);
    expect(b.text).toBe('SELECT x FROM t');
    if (b.stmt.kind !== 'select') throw new Error('select expected');
    expect(b.stmt.targets[0].location).toBe(25);
    expect(b.stmt.from[0].location).toBe(32);
    expect([...sql][32]).toBe('t');
  });

  it('is repeatable and loadParser is idempotent', async () => {
    await loadParser();
    expect(parse('SELECT 1')).toEqual(parse('SELECT 1'));
  });
});

describe('parse: syntax errors (42601, PostgreSQL message, 1-based character position)', () => {
  it('reports "syntax error at or near" with the token position', () => {
    expect(parseError('SELECT * FROM FROM t')).toEqual({ sqlstate: '42601', message: 'syntax error at or near "FROM"', position: 15 });
    expect(parseError('SELEC 1')).toEqual({ sqlstate: '42601', message: 'syntax error at or near "SELEC"', position: 1 });
  });

  it('reports "syntax error at end of input" one past the last character', () => {
    expect(parseError('SELECT 1 +')).toEqual({ sqlstate: '42601', message: 'syntax error at end of input', position: 11 });
  });

  it('counts characters, not bytes, before the error (non-ASCII text)', () => {
    // é is 2 bytes, 😀 is 4 bytes (and 2 UTF-16 units), but one character each.
    expect(parseError("SELECT 'é', x FROM FROM")).toMatchObject({ message: 'syntax error at or near "FROM"', position: 20 });
    expect(parseError("SELECT '😀', x FROM FROM")).toMatchObject({ position: 20 });
    expect(parseError("SELECT 'ü' ü ü")).toMatchObject({ message: 'syntax error at or near "ü"', position: 14 });
  });

  it('keeps the lexer\'s own messages', () => {
    expect(parseError("SELECT 'abc")).toEqual({ sqlstate: '42601', message: 'unterminated quoted string at or near "\'abc"', position: 8 });
    expect(parseError('SELECT "abc')).toMatchObject({ message: 'unterminated quoted identifier at or near ""abc"', position: 8 });
    expect(parseError('SELECT /* never closed')).toMatchObject({ message: 'unterminated /* comment at or near "/* never closed"', position: 8 });
    expect(parseError('SELECT $$x')).toMatchObject({ message: 'unterminated dollar-quoted string at or near "$$x"' });
  });

  it('keeps grammar-level messages with their positions', () => {
    expect(parseError('SELECT 1 FETCH FIRST 2 ROWS WITH TIES')).toMatchObject({
      sqlstate: '42601',
      message: 'WITH TIES cannot be specified without ORDER BY clause',
    });
  });

  it('positions errors in later statements against the whole string', () => {
    expect(parseError('SELECT 1; SELECT 2; SELECT * FROM WHERE')).toMatchObject({ message: 'syntax error at or near "WHERE"', position: 35 });
  });
});

describe('translation safety net', () => {
  it('an unexpected AST shape becomes 0A000 at the statement start, with the cause kept', () => {
    const ctx = new TranslateContext(createSourceMap('  SELECT x'));
    // A ResTarget without its value: libpg-query never emits this, our code must not crash.
    const malformed = { SelectStmt: { targetList: [{ ResTarget: {} }], op: 'SETOP_NONE' } };
    const e = sqlErrorOf(() => translateRawStmt(ctx, malformed, 0));
    expect(e).toMatchObject({ sqlstate: '0A000', message: 'this form of SELECT is not supported', position: 3 });
    expect(e.cause).toBeInstanceOf(Error);
  });
});
