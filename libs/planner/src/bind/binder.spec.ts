// Binder: type resolution of operators and literals per PostgreSQL's rules.
import type { Catalog } from '@vecgres/catalog';
import { catalogWith, plan } from '../testing/planner-fixtures';
import type { BoundExpr } from '../types/bound-expr';

let cat: Catalog;
beforeAll(async () => {
  cat = await catalogWith('CREATE TABLE t (i2 smallint, i4 int, i8 bigint, f8 float8, n numeric, s text, v varchar(5))');
});

/** Result type OIDs of a select list. */
const types = (sql: string) => plan(cat, sql).columns.map((c) => c.type.oid);

it('resolves arithmetic across integer widths and numeric/float', () => {
  expect(types('SELECT i2 + 1, i4 + i8, i8 * 2, f8 + i4, n + 1, i4 / 2.5, 1 + 1.5 FROM t')).toEqual([23, 20, 20, 701, 1700, 1700, 1700]);
});

it('types unknown literals from the other operand and as text on their own', () => {
  expect(types("SELECT i4 = '5', s || 'x', 'a', v = 'x', i8 > '7' FROM t")).toEqual([16, 25, 25, 16, 16]);
});

it('picks the text operator for varchar (binary coercible) and concatenation', () => {
  const p = plan(cat, "SELECT v FROM t WHERE v = 'a'");
  const scan = p.root.kind === 'project' ? p.root.input : p.root;
  expect(scan.kind).toBe('scan');
  const filter = (scan as { filter?: BoundExpr }).filter as Extract<BoundExpr, { kind: 'call' }>;
  expect(filter.impl).toBe('texteq');
});

it('common types for CASE / COALESCE / VALUES', () => {
  expect(types('SELECT CASE WHEN true THEN 1 ELSE 2.5 END, coalesce(i2, i8), coalesce(NULL, NULL) FROM t')).toEqual([1700, 20, 25]);
  expect(types('VALUES (1, NULL), (2.5, 1)')).toEqual([1700, 23]);
});
