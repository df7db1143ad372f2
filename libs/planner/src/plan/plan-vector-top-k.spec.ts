// Which SELECTs become a Vector Top-K Scan, and which keep the ordinary Sort path.
import { Catalog, applyDdl, createCatalogRegistry, createCatalogState, isDdlStmt, registerVectorExtension, type CatalogState } from '@vecgres/catalog';
import { loadParser, parse } from '@vecgres/sql';
import { explain } from '../explain/explain';
import { planStatement } from './plan-statement';
import type { PhysicalNode } from './physical-node';
import type { PhysicalVectorTopK } from './physical-vector-top-k';
import { formatType } from '@vecgres/catalog';

const registry = registerVectorExtension(createCatalogRegistry());
const resolve = { path: ['$user', 'public'], user: 'postgres', database: 'postgres' };
let catalog: Catalog;

beforeAll(async () => {
  await loadParser();
  let state: CatalogState = createCatalogState();
  for (const sql of [
    'CREATE EXTENSION vector',
    'CREATE TABLE items (id int PRIMARY KEY, category int, emb vector(3), emb2 vector(3), h halfvec(3), s sparsevec(5), anyemb vector)',
    'CREATE TABLE cats (id int, name text)',
  ]) {
    for (const { stmt } of parse(sql)) {
      if (!isDdlStmt(stmt)) throw new Error(sql);
      state = applyDdl(state, stmt, { ...resolve, registry }).state;
    }
  }
  catalog = new Catalog(state);
});

function planOf(sql: string, paramTypes: number[] = []) {
  const [{ stmt }] = parse(sql);
  return planStatement(stmt, { catalog, registry, resolve, paramTypes });
}

function explained(sql: string): string {
  return explain(planOf(sql), { typeName: (oid, typmod) => formatType(catalog, oid, typmod) });
}

function findTopK(n: PhysicalNode): PhysicalVectorTopK | undefined {
  if (n.kind === 'vectorTopK') return n;
  const kids = 'input' in n ? [n.input] : 'left' in n ? [n.left, n.right] : [];
  for (const k of kids) {
    const f = findTopK(k);
    if (f) return f;
  }
  return undefined;
}

function topK(sql: string, paramTypes: number[] = []): PhysicalVectorTopK | undefined {
  const p = planOf(sql, paramTypes);
  return p.kind === 'plan' ? findTopK(p.root) : undefined;
}

describe('Vector Top-K planning', () => {
  it('ORDER BY <col> <-> <const> LIMIT k becomes one Vector Top-K Scan (EXPLAIN)', () => {
    expect(explained("SELECT id FROM items ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe([
      'Limit',
      '  ->  Vector Top-K Scan on items',
      "        Order By: (emb <-> '[1,2,3]'::vector)",
      '        Strategy: exact',
    ].join('\n'));
  });

  it('keeps the WHERE filter on the node', () => {
    expect(explained("SELECT * FROM items i WHERE category = 3 ORDER BY emb <=> '[1,2,3]' LIMIT 5")).toBe([
      'Limit',
      '  ->  Vector Top-K Scan on items i',
      "        Order By: (emb <=> '[1,2,3]'::vector)",
      '        Strategy: exact',
      '        Filter: (category = 3)',
    ].join('\n'));
  });

  it.each([
    ["SELECT id, emb <-> '[1,2,3]' AS d FROM items ORDER BY d LIMIT 3", 'l2_distance'],
    ["SELECT id, emb <#> '[1,2,3]' FROM items ORDER BY 2 LIMIT 3", 'vector_negative_inner_product'],
    ["SELECT id FROM items ORDER BY '[1,2,3]' <=> emb ASC LIMIT 3", 'cosine_distance'],
    ["SELECT id FROM items ORDER BY emb <+> '[1,2,3]' NULLS LAST LIMIT 3 OFFSET 2", 'l1_distance'],
    ["SELECT id FROM items ORDER BY h <-> '[1,2,3]' LIMIT 3", 'halfvec_l2_distance'],
    ["SELECT id FROM items ORDER BY s <=> '{1:1}/5' LIMIT 3", 'sparsevec_cosine_distance'],
    ["SELECT id FROM items ORDER BY anyemb <-> '[1,2]' LIMIT 3", 'l2_distance'],
    ["SELECT id FROM items ORDER BY emb <-> ('[1,2,3]'::vector + '[1,1,1]') LIMIT 3", 'l2_distance'],
  ])('%s -> metric %s', (sql, metric) => {
    const n = topK(sql);
    expect(n?.metric).toBe(metric);
    expect(n?.strategy).toBe('exact');
  });

  it('takes the query and LIMIT / OFFSET from parameters (k evaluated at run time)', () => {
    const n = topK('SELECT id FROM items ORDER BY emb <-> $1 LIMIT $2 OFFSET $3');
    expect(n?.query).toMatchObject({ kind: 'param', index: 0 });
    expect(n?.k).toMatchObject({ kind: 'param', index: 1 });
    expect(n?.offset).toMatchObject({ kind: 'param', index: 2 });
    expect(n?.vectorColumn).toBe(3);
    expect(n?.columns[n.vectorIndex].name).toBe('emb');
  });

  it.each([
    ["SELECT id FROM items ORDER BY emb <-> '[1,2,3]' DESC LIMIT 5", 'DESC'],
    ["SELECT id FROM items ORDER BY emb <-> '[1,2,3]' NULLS FIRST LIMIT 5", 'NULLS FIRST'],
    ["SELECT id FROM items ORDER BY emb <-> '[1,2,3]'", 'no LIMIT'],
    ["SELECT id FROM items ORDER BY 1 - (emb <=> '[1,2,3]') LIMIT 5", 'an expression over the distance'],
    ["SELECT id FROM items ORDER BY (emb <-> '[1,2,3]') + 0 LIMIT 5", 'distance + 0'],
    ["SELECT id FROM items ORDER BY emb <-> '[1,2,3]', id LIMIT 5", 'two sort keys'],
    ["SELECT id FROM items ORDER BY emb <-> emb2 LIMIT 5", 'two columns'],
    ["SELECT id FROM items ORDER BY l2_distance(emb, '[1,2,3]') LIMIT 5", 'a function call, not the operator'],
    ["SELECT i.id FROM items i JOIN cats c ON c.id = i.category ORDER BY i.emb <-> '[1,2,3]' LIMIT 5", 'a join'],
    ["SELECT category FROM items GROUP BY category, emb ORDER BY emb <-> '[1,2,3]' LIMIT 5", 'GROUP BY'],
    ["SELECT DISTINCT id, emb <-> '[1,2,3]' FROM items ORDER BY 2 LIMIT 5", 'DISTINCT'],
    ["SELECT id FROM items ORDER BY emb <-> (SELECT emb2 FROM items LIMIT 1) LIMIT 5", 'a subquery as the query'],
    ["SELECT id FROM items ORDER BY emb::halfvec(3) <-> '[1,2,3]' LIMIT 5", 'a cast column (expression index shape)'],
  ])('%s keeps the Sort (%s)', (sql) => {
    expect(topK(sql)).toBeUndefined();
    expect(explained(sql)).toContain('Sort');
  });

  it('plans a vector query inside a subquery level too', () => {
    const sql = "SELECT * FROM (SELECT id FROM items ORDER BY emb <-> '[1,2,3]' LIMIT 2) s";
    expect(explained(sql)).toContain('Vector Top-K Scan on items');
  });
});
