import { exprEquals } from './equals';
import { normalizeIdent, quoteIdent } from './ident';
import type { Expr } from './types';
import { exprOf, parseSelect, setupParser } from './testing/parse-helpers';
import { exprChildren, queryParts, walkExpr } from './walk';

beforeAll(setupParser);

const kinds = (e: Expr, options = {}) => {
  const out: string[] = [];
  walkExpr(e, (n) => {
    out.push(n.kind === 'columnRef' ? n.names.join('.') : n.kind);
  }, options);
  return out;
};

describe('walkExpr', () => {
  it('visits in pre-order, source order', () => {
    expect(kinds(exprOf('a + f(b, c) * 2'))).toEqual(['op', 'a', 'op', 'func', 'b', 'c', 'const']);
  });

  it('reaches into CASE, window specs, filters, subscripts, IN lists and casts', () => {
    const e = exprOf('CASE WHEN a IN (b, c) THEN d[e:f]::int ELSE sum(g) FILTER (WHERE h) OVER (PARTITION BY i ORDER BY j ROWS k PRECEDING) END');
    const cols = kinds(e).filter((k) => /^[a-k]$/.test(k));
    expect(cols).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
  });

  it('does not enter subqueries unless asked', () => {
    const e = exprOf('x = 1 OR EXISTS (SELECT y FROM t WHERE z > 0)');
    expect(kinds(e)).toEqual(['bool', 'op', 'x', 'const', 'exists']);
    expect(kinds(e, { intoSubqueries: true })).toEqual(['bool', 'op', 'x', 'const', 'exists', 'y', 'op', 'z', 'const']);
  });

  it('returning false skips a subtree', () => {
    const seen: string[] = [];
    walkExpr(exprOf('f(a) + g(b)'), (n) => {
      if (n.kind === 'func') {
        seen.push(n.name);
        return n.name !== 'f';
      }
      if (n.kind === 'columnRef') seen.push(n.names[0]);
      return true;
    });
    expect(seen).toEqual(['f', 'g', 'b']);
  });

  it('finds aggregates for the binder (a typical use)', () => {
    const q = parseSelect('SELECT count(*), max(a) + 1, b FROM t');
    const aggregates = q.targets.flatMap((t) => {
      const found: string[] = [];
      walkExpr(t.expr, (n) => { if (n.kind === 'func') found.push(n.name); });
      return found;
    });
    expect(aggregates).toEqual(['count', 'max']);
  });

  it('exprChildren and queryParts expose one level', () => {
    expect(exprChildren(exprOf('a BETWEEN b AND c')).map((c) => c.kind)).toEqual(['columnRef', 'columnRef', 'columnRef']);
    const parts = queryParts(parseSelect('SELECT a FROM t, (SELECT 1) s WHERE b GROUP BY c HAVING d ORDER BY e LIMIT 1'));
    // e, 1 (tail), a (target), b (where), c (group by), d (having); the subquery is separate.
    expect(parts.exprs.map((e) => (e.kind === 'columnRef' ? e.names[0] : e.kind))).toEqual(['e', 'const', 'a', 'b', 'c', 'd']);
    expect(parts.queries).toHaveLength(1);
  });
});

describe('exprEquals', () => {
  it('ignores locations and whitespace', () => {
    expect(exprEquals(exprOf('t.a + 1'), parseSelect('SELECT    t.a+1').targets[0].expr)).toBe(true);
    expect(exprEquals(parseSelect('SELECT lower(x)').targets[0].expr, parseSelect('SELECT 1, lower( x )').targets[1].expr)).toBe(true);
  });

  it('is structural: operand order, literal type, qualification and case matter', () => {
    expect(exprEquals(exprOf('a + 1'), exprOf('1 + a'))).toBe(false);
    expect(exprEquals(exprOf('1'), exprOf('1.0'))).toBe(false);
    expect(exprEquals(exprOf('t.a'), exprOf('a'))).toBe(false);
    expect(exprEquals(exprOf('"A"'), exprOf('a'))).toBe(false);
    expect(exprEquals(exprOf('A'), exprOf('a'))).toBe(true);
    expect(exprEquals(exprOf('a::int'), exprOf('a::int8'))).toBe(false);
  });
});

describe('normalizeIdent / quoteIdent', () => {
  it('folds unquoted identifiers to lower case (ASCII only) and unquotes quoted ones', () => {
    expect(normalizeIdent('MyTable')).toBe('mytable');
    expect(normalizeIdent('"MyTable"')).toBe('MyTable');
    expect(normalizeIdent('"a""b"')).toBe('a"b');
    // downcase_identifier folds only A-Z in a multi-byte encoding.
    expect(normalizeIdent('ÉTÉ')).toBe('ÉtÉ');
  });

  it('truncates to 63 bytes at a character boundary', () => {
    expect(normalizeIdent('a'.repeat(70))).toBe('a'.repeat(63));
    const multi = normalizeIdent('é'.repeat(40));
    expect(Buffer.byteLength(multi)).toBe(62);
  });

  it('quotes only when needed', () => {
    expect(quoteIdent('items')).toBe('items');
    expect(quoteIdent('MyTable')).toBe('"MyTable"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteIdent('1abc')).toBe('"1abc"');
  });
});
