// Views in FROM: the stored query planned as a subquery under the view's column names;
// writes to a view are 0A000.
import { applyDdl, formatType, type Catalog } from '@vecgres/catalog';
import { isSqlError } from '@vecgres/errors';
import { parse, type CreateViewStmt } from '@vecgres/sql';
import { explain } from '../explain/explain';
import { catalogWith, plan, registry, resolve } from '../testing/planner-fixtures';
import { Catalog as CatalogClass } from '../catalog-api';

let catalog: Catalog;

function withView(cat: Catalog, sql: string): Catalog {
  const stmt = parse(sql)[0].stmt as CreateViewStmt;
  const q = plan(cat, sql.replace(/^.*? AS (SELECT.*)$/s, '$1'));
  const cols = q.columns.map((c) => ({ name: c.name, type: c.type.oid, typmod: c.type.typmod }));
  return new CatalogClass(applyDdl(cat.state, stmt, { ...resolve, registry }, { viewColumns: cols }).state);
}

function errorOf(f: () => unknown): { sqlstate: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isSqlError(e)) return { sqlstate: e.sqlstate, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

beforeAll(async () => {
  catalog = await catalogWith('CREATE TABLE pt (a int, b text)');
  catalog = withView(catalog, 'CREATE VIEW pv (x) AS SELECT a, b FROM pt WHERE a > 1');
});

describe('views in FROM', () => {
  it('expand to their query, with the view\'s column names and types', () => {
    const p = plan(catalog, 'SELECT * FROM pv');
    expect(p.columns.map((c) => [c.name, formatType(catalog, c.type.oid, c.type.typmod)])).toEqual([['x', 'integer'], ['b', 'text']]);
    // The same plan as the stored query written inline as a FROM subquery.
    const inline = 'SELECT b FROM (SELECT pt.a AS x, pt.b FROM public.pt WHERE (pt.a > 1)) pv WHERE x < 5';
    expect(explain(plan(catalog, 'SELECT b FROM pv WHERE x < 5'))).toBe(explain(plan(catalog, inline)));
    // PostgreSQL 15 prints the same for this view (the subquery is pulled up).
    expect(explain(plan(catalog, 'SELECT b FROM pv WHERE x < 5'))).toBe('Seq Scan on pt\n  Filter: ((a > 1) AND (a < 5))');
    expect(plan(catalog, 'SELECT q.p FROM pv AS q (p) JOIN pt ON pt.a = q.p').columns.map((c) => c.name)).toEqual(['p']);
  });

  it('INSERT / UPDATE / DELETE on a view are 0A000', () => {
    expect(errorOf(() => plan(catalog, 'INSERT INTO pv VALUES (1)'))).toEqual({ sqlstate: '0A000', message: 'cannot insert into view "pv"' });
    expect(errorOf(() => plan(catalog, 'UPDATE pv SET b = 1'))).toEqual({ sqlstate: '0A000', message: 'cannot update view "pv"' });
    expect(errorOf(() => plan(catalog, 'DELETE FROM pv'))).toEqual({ sqlstate: '0A000', message: 'cannot delete from view "pv"' });
  });
});
