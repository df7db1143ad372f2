// The per-query fast path of an indexed top-k whose select list does not read the vector
// (vector-top-k-columns.ts): the same rows in the same order as when the vector is selected,
// other columns intact, the distance still exact when it is selected, and the columns helper.
import type { BoundExpr, PhysicalNode } from '@vecgres/planner';
import { rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import type { Session } from '../session/session';
import { columnsNeeded, rootVectorTopKNeeds } from './vector-top-k-columns';

const DIM = 8;

describe('Vector Top-K fetching only the selected columns', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(5);
  const queries = Array.from({ length: 5 }, () => randomVectorText(rand, DIM));

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    await rows(s, `CREATE TABLE lean (id int, label text, emb vector(${DIM}), other vector(2))`);
    const values: string[] = [];
    for (let id = 0; id < 600; id++) values.push(`(${id}, 'r${id}', '${randomVectorText(rand, DIM)}', '[${id},1]')`);
    await rows(s, `INSERT INTO lean VALUES ${values.join(',')}`);
    await rows(s, 'CREATE INDEX lean_emb_idx ON lean USING hnsw (emb vector_l2_ops)');
    // Some rows in the mutable segment too, and a deleted one.
    await rows(s, `INSERT INTO lean VALUES (1000, 'r1000', '${queries[0]}', '[1000,1]')`);
    await rows(s, 'DELETE FROM lean WHERE id = 7');
  }, 120000);

  afterAll(async () => {
    await h.db.annIndexes.idle();
    await h.close();
  });

  it('returns the rows (and order) of the full fetch, without the vector', async () => {
    for (const q of queries) {
      const full = await rows(s, `SELECT id, label, emb <-> '${q}' AS d, other FROM lean ORDER BY emb <-> '${q}' LIMIT 10`);
      const lean = await rows(s, `SELECT id, label, other FROM lean ORDER BY emb <-> '${q}' LIMIT 10`);
      expect(lean).toHaveLength(10);
      expect(lean.map((r) => r[0])).toEqual(full.map((r) => r[0]));
      expect(lean.map((r) => r[1])).toEqual(full.map((r) => r[1]));
      expect(lean.map((r) => String(r[2]))).toEqual(full.map((r) => String(r[3])));
      // The selected distance is the scalar operator's, ascending.
      const d = full.map((r) => Number(r[2]));
      for (let i = 1; i < d.length; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i - 1]);
      expect(lean.map((r) => r[0])).not.toContain(7);
    }
    // The mutable-segment row equal to the query comes first.
    expect((await rows(s, `SELECT id FROM lean ORDER BY emb <-> '${queries[0]}' LIMIT 1`))[0][0]).toBe(1000);
  });

  it('selecting the vector column returns it intact', async () => {
    const got = await rows(s, `SELECT id, emb FROM lean ORDER BY emb <-> '${queries[1]}' LIMIT 3`);
    const want = await rows(s, `SELECT id, emb FROM lean WHERE id = ${Number(got[0][0])}`);
    expect(String(got[0][1])).toBe(String(want[0][1]));
    expect(got[0][1]).not.toBeNull();
  });
});

describe('columnsNeeded / rootVectorTopKNeeds', () => {
  const col = (index: number): BoundExpr => ({ kind: 'column', index, type: { oid: 23, typmod: -1 }, name: `c${index}` });
  const call = (args: BoundExpr[]): BoundExpr => ({ kind: 'call', form: 'op', name: '<->', impl: 'l2_distance', args, type: { oid: 701, typmod: -1 } } as unknown as BoundExpr);

  it('collects column positions, and gives up on a subquery', () => {
    expect([...columnsNeeded([col(0), call([col(2), col(1)])])!].sort()).toEqual([0, 1, 2]);
    expect(columnsNeeded([col(0), { kind: 'subquery' } as unknown as BoundExpr])).toBeUndefined();
  });

  it('reads only the visible expressions of a root Limit -> Project -> VectorTopK', () => {
    const topK = { kind: 'vectorTopK' } as unknown as PhysicalNode;
    const root = { kind: 'limit', input: { kind: 'project', input: topK, exprs: [col(0), call([col(2), col(3)])] } } as unknown as PhysicalNode;
    const needs = rootVectorTopKNeeds(root, 1);
    expect([...needs!.get(topK as never)!]).toEqual([0]);
    expect([...rootVectorTopKNeeds(root, 2)!.get(topK as never)!].sort()).toEqual([0, 2, 3]);
    expect(rootVectorTopKNeeds({ kind: 'limit', input: topK } as unknown as PhysicalNode, 1)).toBeUndefined();
  });
});
