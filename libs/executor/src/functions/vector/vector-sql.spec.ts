// pgvector's functions through SQL (CREATE EXTENSION vector, then the statements of pgvector's
// regression files), checked as psql shows them (::text casts through the type's output).
import { failure, openHarness, rows, run, type Harness } from '../../testing/engine-harness';
import type { Session } from '../../session/session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE EXTENSION vector');
});
afterAll(async () => {
  await h.close();
});

const one = async (sql: string) => (await rows(s, sql))[0][0];

describe('vector functions through SQL', () => {
  it.each<[string, unknown]>([
    ["SELECT ('[1,2,3]'::vector + '[4,5,6]')::text", '[5,7,9]'],
    ["SELECT ('[1,2,3]'::vector - '[4,5,6]')::text", '[-3,-3,-3]'],
    ["SELECT ('[1,2,3]'::vector * '[4,5,6]')::text", '[4,10,18]'],
    ["SELECT ('[1,2,3]'::vector || '[4,5]')::text", '[1,2,3,4,5]'],
    ["SELECT '[0,0]'::vector <-> '[3,4]'", 5],
    ["SELECT '[1,2]'::vector <#> '[3,4]'", -11],
    ["SELECT '[1,2]'::vector <=> '[2,4]'", 0],
    ["SELECT '[0,0]'::vector <+> '[3,4]'", 7],
    ["SELECT l2_distance('[0,0]'::vector, '[3,4]')", 5],
    ["SELECT inner_product('[1,2]'::vector, '[3,4]')", 11],
    ["SELECT cosine_distance('[1,2]'::vector, '[0,0]')", NaN],
    ["SELECT vector_dims('[1,2,3]'::vector)", 3],
    ["SELECT vector_norm('[3,4]')", 5],
    ["SELECT l2_normalize('[3,4]'::vector)::text", '[0.6,0.8]'],
    ["SELECT binary_quantize('[1,0,-1]'::vector)::text", '100'],
    ["SELECT subvector('[1,2,3,4,5]'::vector, 3, 2)::text", '[3,4]'],
    ["SELECT '[1,2,3]'::vector < '[1,2]'", false],
    ["SELECT '[1,2,3]'::vector = '[1,2,3]'", true],
    ["SELECT vector_cmp('[1,2]', '[2,3,4]')", -1],
    ["SELECT ('[1,2,3]'::halfvec + '[4,5,6]')::text", '[5,7,9]'],
    ["SELECT '[0,0]'::halfvec <-> '[3,4]'", 5],
    ["SELECT l2_norm('[3,4]'::halfvec)", 5],
    ["SELECT l2_normalize('[3,4]'::halfvec)::text", '[0.60009766,0.7998047]'],
    ["SELECT '{}/2'::sparsevec <-> '{1:3,2:4}/2'", 5],
    ["SELECT l2_normalize('{1:3,2:4}/2'::sparsevec)::text", '{1:0.6,2:0.8}/2'],
    ["SELECT hamming_distance('111', '100')", 2],
    ["SELECT '1111'::bit(4) <%> '1100'", 0.5],
    ["SELECT ARRAY[1,2,3]::vector::text", '[1,2,3]'],
    ["SELECT ARRAY[1.0,0,2.0]::numeric[]::sparsevec::text", '{1:1,3:2}/3'],
    ["SELECT '[1,2,3]'::vector::real[]::text", '{1,2,3}'],
    ["SELECT '[1,2,3]'::vector::halfvec::text", '[1,2,3]'],
    ["SELECT '[0,1.5,0,3.5,0]'::vector::sparsevec::text", '{2:1.5,4:3.5}/5'],
    ["SELECT '{2:1.5,4:3.5}/5'::sparsevec::vector::text", '[0,1.5,0,3.5,0]'],
    ["SELECT avg(v)::text FROM unnest(ARRAY['[1,2,3]'::vector, '[3,5,7]', NULL]) v", '[2,3.5,5]'],
    ["SELECT sum(v)::text FROM unnest(ARRAY['[1,2,3]'::vector, '[3,5,7]']) v", '[4,7,10]'],
    ["SELECT avg(v) FROM unnest(ARRAY[]::vector[]) v", null],
    ["SELECT avg(v)::text FROM unnest(ARRAY['[1,2,3]'::halfvec, '[3,5,7]']) v", '[2,3.5,5]'],
  ])('%s', async (sql, expected) => {
    expect(await one(sql)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ["SELECT '[3e38]'::vector + '[3e38]'", '22003', 'value out of range: overflow'],
    ["SELECT '[1,2]'::vector <-> '[3]'", '22000', 'different vector dimensions 2 and 1'],
    ["SELECT '[65519]'::halfvec * '[65519]'", '22003', 'value out of range: overflow'],
    ["SELECT '{1,2,3}'::real[]::vector(2)", '22000', 'expected 2 dimensions, not 3'],
    ["SELECT '[1,2,3]'::vector::halfvec(2)", '22000', 'expected 2 dimensions, not 3'],
    ["SELECT sum(v) FROM unnest(ARRAY['[1,2]'::vector, '[3]']) v", '22000', 'different vector dimensions 2 and 1'],
    ["SELECT hamming_distance('111', '00')", '22000', 'different bit lengths 3 and 2'],
    ["SELECT '[1,2,3]'::vector(2)", '22000', 'expected 2 dimensions, not 3'],
    ["SELECT '{}/3'::sparsevec(2)", '22000', 'expected 2 dimensions, not 3'],
    ["SELECT ('[1,2,3]'::halfvec + '[1,1,1]')::halfvec(2)", '22000', 'expected 2 dimensions, not 3'],
    ["SELECT '[1,2]'::vector(2)::sparsevec(3)", '22000', 'expected 3 dimensions, not 2'],
  ])('%s fails', async (sql, sqlstate, message) => {
    expect(await failure(s, sql)).toMatchObject({ sqlstate, message });
  });

  it('orders by a vector column and checks the column typmod', async () => {
    await run(s, 'CREATE TABLE vs (id int, v vector(2))');
    await run(s, "INSERT INTO vs VALUES (1, '[2,0]'), (2, '[1,5]'), (3, '[1,1]')");
    expect(await rows(s, 'SELECT id FROM vs ORDER BY v')).toEqual([[3], [2], [1]]);
    expect(await rows(s, "SELECT id FROM vs ORDER BY v <-> '[1,1]' LIMIT 2")).toEqual([[3], [1]]);
    expect(await failure(s, "INSERT INTO vs VALUES (4, '[1,2,3]'::vector)")).toMatchObject({ sqlstate: '22000', message: 'expected 2 dimensions, not 3' });
    expect(await failure(s, "INSERT INTO vs VALUES (4, '[1,2,3]')")).toMatchObject({ sqlstate: '22000', message: 'expected 2 dimensions, not 3' });
    expect(await rows(s, "SELECT avg(v)::text, sum(v)::text FROM vs")).toEqual([['[1.3333334,2]', '[4,6]']]);
  });

  it("runs the README's query examples", async () => {
    await run(s, 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3), category_id int)');
    await run(s, "INSERT INTO items (embedding, category_id) VALUES ('[1,2,3]', 1), ('[4,5,6]', 2), ('[1,1,1]', 1)");
    expect(await rows(s, "SELECT id, embedding <-> '[3,1,2]' AS distance FROM items ORDER BY id")).toEqual([[1n, Math.sqrt(6)], [2n, Math.sqrt(33)], [3n, Math.sqrt(5)]]);
    expect(await rows(s, "SELECT (embedding <#> '[3,1,2]') * -1 AS inner_product FROM items ORDER BY id")).toEqual([[11], [29], [6]]);
    expect(await rows(s, "SELECT round((1 - (embedding <=> '[1,2,3]'))::numeric, 4) FROM items ORDER BY id")).toEqual([['1.0000'], ['0.9746'], ['0.9258']]);
    expect(await rows(s, 'SELECT AVG(embedding)::text FROM items')).toEqual([['[2,2.6666667,3.3333333]']]);
    expect(await rows(s, 'SELECT category_id, AVG(embedding)::text FROM items GROUP BY category_id ORDER BY category_id')).toEqual([[1, '[1,1.5,2]'], [2, '[4,5,6]']]);
    expect(await rows(s, 'SELECT id FROM items WHERE id != 1 ORDER BY embedding <-> (SELECT embedding FROM items WHERE id = 1) LIMIT 5')).toEqual([[3n], [2n]]);
    expect(await rows(s, "SELECT id FROM items WHERE embedding <-> '[3,1,2]' < 5 ORDER BY id")).toEqual([[1n], [3n]]);
    expect(await rows(s, "SELECT id FROM items ORDER BY embedding::halfvec(3) <-> '[1,2,3]' LIMIT 2")).toEqual([[1n], [3n]]);
    expect(await rows(s, "SELECT id FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]'::vector), id LIMIT 1")).toEqual([[1n]]);
    expect(await rows(s, 'SELECT subvector(embedding, 1, 2)::vector(2)::text FROM items ORDER BY id LIMIT 1')).toEqual([['[1,2]']]);
    await run(s, 'CREATE TABLE sitems (id int, embedding sparsevec(5))');
    await run(s, "INSERT INTO sitems VALUES (1, '{1:1,3:2,5:3}/5'), (2, '{1:4,3:5,5:6}/5')");
    expect(await rows(s, "SELECT id FROM sitems ORDER BY embedding <-> '{1:3,3:1,5:2}/5' LIMIT 5")).toEqual([[1], [2]]);
  });
});
