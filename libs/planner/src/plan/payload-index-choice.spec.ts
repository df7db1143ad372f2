// Which indexes are payload indexes (issue #7), and what a filtered Vector Top-K / Seq Scan
// carries of them.
import { Catalog, applyDdl, createCatalogRegistry, createCatalogState, isDdlStmt, registerVectorExtension, type CatalogState } from '@vecgres/catalog';
import { loadParser, parse } from '@vecgres/sql';
import { explain } from '../explain/explain';
import { planStatement } from './plan-statement';
import { payloadIndexesOf, payloadKindsOf } from './payload-index-choice';

const registry = registerVectorExtension(createCatalogRegistry());
const resolve = { path: ['$user', 'public'], user: 'postgres', database: 'postgres' };

function catalogWith(...ddl: string[]): Catalog {
  let state: CatalogState = createCatalogState();
  for (const sql of [
    'CREATE EXTENSION vector',
    'CREATE TABLE items (id int PRIMARY KEY, tag text, price numeric, at timestamptz, meta jsonb, flag bool, u uuid, f float4, emb vector(3))',
    ...ddl,
  ]) {
    for (const { stmt } of parse(sql)) {
      if (!isDdlStmt(stmt)) throw new Error(sql);
      state = applyDdl(state, stmt, { ...resolve, registry }).state;
    }
  }
  return new Catalog(state);
}

beforeAll(async () => {
  await loadParser();
});

describe('payload indexes', () => {
  it('kinds by access method and type', () => {
    expect(payloadKindsOf('btree', 23, 'int4_ops')).toEqual(['keyword', 'range']);
    expect(payloadKindsOf('hash', 20, 'int8_ops')).toEqual(['keyword']);
    expect(payloadKindsOf('btree', 25, 'text_ops')).toEqual(['keyword']);
    expect(payloadKindsOf('btree', 1184, 'timestamptz_ops')).toEqual(['range']);
    expect(payloadKindsOf('gin', 3802, 'jsonb_path_ops')).toEqual(['jsonb_path_ops']);
    expect(payloadKindsOf('gin', 3802, 'jsonb_ops')).toEqual(['jsonb_ops']);
    expect(payloadKindsOf('btree', 3802, 'jsonb_ops')).toEqual([]);
    expect(payloadKindsOf('hnsw', 23, undefined)).toEqual([]);
  });

  it('plain-column keys only: expression and partial indexes are not payload indexes', () => {
    const cat = catalogWith(
      'CREATE INDEX i_tag ON items (tag)',
      'CREATE INDEX i_expr ON items ((lower(tag)))',
      'CREATE INDEX i_part ON items (price) WHERE price > 0',
      'CREATE INDEX i_meta ON items USING gin (meta)',
      'CREATE INDEX i_multi ON items (at, tag)',
      'CREATE INDEX i_emb ON items USING hnsw (emb vector_l2_ops)',
    );
    const rel = cat.relations().find((r) => r.name === 'items')!;
    const cols = cat.table(rel.oid)!.columns.map((c) => ({ attnum: c.attnum, name: c.name, type: { oid: c.type, typmod: c.typmod } }));
    expect(payloadIndexesOf(cat, rel.oid, cols).map((r) => `${r.name}:${r.kinds.join('+')}`)).toEqual([
      'items_pkey:keyword+range', 'i_tag:keyword', 'i_meta:jsonb_ops', 'i_multi:range',
    ]);
  });

  it('EXPLAIN lists the payload indexes on columns the filter reads', () => {
    const cat = catalogWith('CREATE INDEX i_tag ON items (tag)', 'CREATE INDEX i_emb ON items USING hnsw (emb vector_l2_ops)');
    const [{ stmt }] = parse("SELECT id FROM items WHERE tag = 'a' AND price > 1 ORDER BY emb <-> '[1,2,3]' LIMIT 5");
    expect(explain(planStatement(stmt, { catalog: cat, registry, resolve }))).toMatch(/Payload Indexes: i_tag$/);
    const [{ stmt: other }] = parse("SELECT id FROM items WHERE price > 1 ORDER BY emb <-> '[1,2,3]' LIMIT 5");
    expect(explain(planStatement(other, { catalog: cat, registry, resolve }))).not.toContain('Payload Indexes');
  });
});
