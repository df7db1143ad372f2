// Which index a Vector Top-K Scan searches (strategy hnsw / ivfflat) and when it stays exact.
import { Catalog, applyDdl, createCatalogRegistry, createCatalogState, formatType, isDdlStmt, registerVectorExtension, type CatalogState } from '@vecgres/catalog';
import { loadParser, parse } from '@vecgres/sql';
import { explain } from '../explain/explain';
import { planStatement } from './plan-statement';
import type { PhysicalNode } from './physical-node';
import type { PhysicalVectorTopK } from './physical-vector-top-k';

const registry = registerVectorExtension(createCatalogRegistry());
const resolve = { path: ['$user', 'public'], user: 'postgres', database: 'postgres' };

function catalogWith(...ddl: string[]): Catalog {
  let state: CatalogState = createCatalogState();
  for (const sql of [
    'CREATE EXTENSION vector',
    'CREATE TABLE items (id int PRIMARY KEY, category int, emb vector(3), emb2 vector(3), h halfvec(3))',
    ...ddl,
  ]) {
    for (const { stmt } of parse(sql)) {
      if (!isDdlStmt(stmt)) throw new Error(sql);
      state = applyDdl(state, stmt, { ...resolve, registry }).state;
    }
  }
  return new Catalog(state);
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

function topK(catalog: Catalog, sql: string): PhysicalVectorTopK | undefined {
  const [{ stmt }] = parse(sql);
  const p = planStatement(stmt, { catalog, registry, resolve });
  return p.kind === 'plan' ? findTopK(p.root) : undefined;
}

/** "strategy index" of the query's Vector Top-K ("exact -" without an index). */
function choice(catalog: Catalog, sql: string): string {
  const t = topK(catalog, sql);
  return `${t?.strategy} ${t?.index?.name ?? '-'}`;
}

beforeAll(async () => {
  await loadParser();
});

describe('Vector Top-K index choice', () => {
  it('uses an index whose opclass orders by the query operator, on the same column', () => {
    const cat = catalogWith(
      'CREATE INDEX l2 ON items USING hnsw (emb vector_l2_ops) WITH (m = 8, ef_construction = 32)',
      'CREATE INDEX cos ON items USING ivfflat (emb vector_cosine_ops) WITH (lists = 10)',
      'CREATE INDEX ip2 ON items USING hnsw (emb2 vector_ip_ops)',
    );
    expect(choice(cat, "SELECT id FROM items ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('hnsw l2');
    expect(choice(cat, "SELECT id FROM items ORDER BY '[1,2,3]' <-> emb LIMIT 5")).toBe('hnsw l2');
    expect(choice(cat, "SELECT id FROM items ORDER BY emb <=> '[1,2,3]' LIMIT 5")).toBe('ivfflat cos');
    expect(choice(cat, "SELECT id FROM items ORDER BY emb2 <#> '[1,2,3]' LIMIT 5")).toBe('hnsw ip2');
    // No index for these operator / column pairs.
    expect(choice(cat, "SELECT id FROM items ORDER BY emb <#> '[1,2,3]' LIMIT 5")).toBe('exact -');
    expect(choice(cat, "SELECT id FROM items ORDER BY emb2 <-> '[1,2,3]' LIMIT 5")).toBe('exact -');
    expect(topK(cat, "SELECT id FROM items ORDER BY emb <-> '[1,2,3]' LIMIT 5")?.index).toEqual({
      oid: expect.any(Number), name: 'l2', am: 'hnsw', opclass: 'vector_l2_ops', options: ['m=8', 'ef_construction=32'],
    });
  });

  it('EXPLAIN names the index (pgvector: Index Scan using <index> on <table>)', () => {
    const cat = catalogWith('CREATE INDEX items_emb_idx ON items USING hnsw (emb vector_l2_ops)');
    const [{ stmt }] = parse("SELECT id FROM items WHERE category = 1 ORDER BY emb <-> '[1,2,3]' LIMIT 5");
    const text = explain(planStatement(stmt, { catalog: cat, registry, resolve }), { typeName: (oid, typmod) => formatType(cat, oid, typmod) });
    expect(text).toBe([
      'Limit',
      '  ->  Vector Top-K Scan using items_emb_idx on items',
      "        Order By: (emb <-> '[1,2,3]'::vector)",
      '        Strategy: hnsw',
      '        Filter: (category = 1)',
    ].join('\n'));
  });

  it('a partial index needs its predicate among the WHERE conjuncts', () => {
    const cat = catalogWith('CREATE INDEX c1 ON items USING hnsw (emb vector_l2_ops) WHERE (category = 1)');
    expect(choice(cat, "SELECT id FROM items WHERE category = 1 ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('hnsw c1');
    expect(choice(cat, "SELECT id FROM items WHERE id > 3 AND category = 1 ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('hnsw c1');
    expect(choice(cat, "SELECT id FROM items WHERE category = 2 ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('exact -');
    expect(choice(cat, "SELECT id FROM items WHERE category = 1 OR id = 2 ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('exact -');
    expect(choice(cat, "SELECT id FROM items ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('exact -');
  });

  it('prefers a matching partial index, then hnsw over ivfflat', () => {
    const cat = catalogWith(
      'CREATE INDEX a_ivf ON items USING ivfflat (emb vector_l2_ops)',
      'CREATE INDEX b_hnsw ON items USING hnsw (emb vector_l2_ops)',
      'CREATE INDEX c_part ON items USING ivfflat (emb vector_l2_ops) WHERE category = 3',
    );
    expect(choice(cat, "SELECT id FROM items ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('hnsw b_hnsw');
    expect(choice(cat, "SELECT id FROM items WHERE category = 3 ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('ivfflat c_part');
  });

  it('an hnsw index over a halfvec column owns its vectors (key = the column, elem f16); ivfflat stays exact', () => {
    const cat = catalogWith('CREATE INDEX hh ON items USING hnsw (h halfvec_l2_ops)', 'CREATE INDEX hc ON items USING ivfflat (h halfvec_cosine_ops)');
    expect(choice(cat, "SELECT id FROM items ORDER BY h <-> '[1,2,3]' LIMIT 5")).toBe('hnsw hh');
    const t = topK(cat, "SELECT id FROM items ORDER BY h <-> '[1,2,3]' LIMIT 5");
    expect(t?.index).toMatchObject({ elem: 'f16', dim: 3, key: { kind: 'column' } });
    expect(choice(cat, "SELECT id FROM items ORDER BY h <=> '[1,2,3]' LIMIT 5")).toBe('exact -');
    expect(choice(cat, "SELECT id FROM items ORDER BY emb <-> '[1,2,3]' LIMIT 5")).toBe('exact -');
  });
});
