// pgvector 0.8.x README: Half-Precision Vectors/Indexing, Binary Vectors/Quantization (with the
// re-ranking query), Sparse Vectors, Hybrid Search, Indexing Subvectors, Performance.
import { randomVectors } from './seed';
import { step, Step } from './step';

/** A seeded multi-row INSERT of `(embedding)` literals. */
function seedVectors(table: string, n: number, dim: number, seed: number): string {
  return `INSERT INTO ${table} (embedding) VALUES\n${randomVectors(n, dim, seed).map((v) => `('${v}')`).join(',\n')}`;
}

export const halfPrecision: Step[] = [
  step('setup', 'DROP TABLE items'),
  step('Half-Precision Vectors', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding halfvec(3))'),
  step('Half-Precision Vectors', `INSERT INTO items (embedding) VALUES ('[1,2,3]'), ('[4,5,6]'), ('[0.1,0.2,0.3]')`),
  step('Half-Precision Vectors', `SELECT * FROM items ORDER BY embedding <-> '[3,1,2]' LIMIT 5`),
  step('setup', 'DROP TABLE items'),
  step('setup', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3))'),
  step('seed', seedVectors('items', 1000, 3, 7)),
  step('Half-Precision Indexing', 'CREATE INDEX ON items USING hnsw ((embedding::halfvec(3)) halfvec_l2_ops)'),
  step('Half-Precision Indexing', 'SET hnsw.ef_search = 100'),
  step('Half-Precision Indexing', `SELECT * FROM items ORDER BY embedding::halfvec(3) <-> '[1,2,3]' LIMIT 5`),
];

export const binary: Step[] = [
  step('setup', 'DROP TABLE items'),
  step('Binary Vectors', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding bit(3))'),
  step('Binary Vectors', `INSERT INTO items (embedding) VALUES ('000'), ('111')`),
  step('Binary Vectors', `SELECT * FROM items ORDER BY embedding <~> '101' LIMIT 5`),
  step('Binary Vectors', `SELECT * FROM items ORDER BY embedding <%> '101' LIMIT 5`),
  step('Binary Vectors', 'CREATE INDEX ON items USING hnsw (embedding bit_hamming_ops)'),
  step('Binary Vectors', 'CREATE INDEX ON items USING hnsw (embedding bit_jaccard_ops)'),
  step('Binary Vectors', 'CREATE INDEX ON items USING ivfflat (embedding bit_hamming_ops) WITH (lists = 1)'),
  step('Binary Vectors', `SELECT * FROM items ORDER BY embedding <~> '101' LIMIT 5`),
  step('setup', 'DROP TABLE items'),
  step('setup', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3))'),
  step('seed', seedVectors('items', 1000, 3, 11)),
  step('Binary Quantization', 'CREATE INDEX ON items USING hnsw ((binary_quantize(embedding)::bit(3)) bit_hamming_ops)'),
  step('Binary Quantization', 'SET hnsw.ef_search = 100'),
  // The README's literal query: binary_quantize('[1,-2,3]') is ambiguous (vector or halfvec),
  // 42725 on pgvector too; the typed versions below are what works.
  step('Binary Quantization', `SELECT * FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]') LIMIT 5`),
  step('Binary Quantization', `SELECT binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]'::vector) AS d FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]'::vector) LIMIT 5`),
  step('Binary Quantization', `SELECT * FROM (
    SELECT * FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]') LIMIT 20
) ORDER BY embedding <=> '[1,-2,3]' LIMIT 5`),
  step('Binary Quantization', `SELECT * FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]'::vector), id LIMIT 5`),
  step('Binary Quantization', `SELECT * FROM (
    SELECT * FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]'::vector) LIMIT 20
) ORDER BY embedding <=> '[1,-2,3]' LIMIT 5`, 'status', 'the 20 candidates are an arbitrary pick among the ~125 rows at Hamming distance 0 (3-bit codes tie massively), so the re-ranked rows legitimately differ'),
  step('Binary Quantization', `SELECT * FROM (
    SELECT * FROM items ORDER BY binary_quantize(embedding)::bit(3) <~> binary_quantize('[1,-2,3]'::vector), id LIMIT 20
) ORDER BY embedding <=> '[1,-2,3]' LIMIT 5`),
];

export const sparse: Step[] = [
  step('setup', 'DROP TABLE items'),
  step('Sparse Vectors', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding sparsevec(5))'),
  step('Sparse Vectors', `INSERT INTO items (embedding) VALUES ('{1:1,3:2,5:3}/5'), ('{1:4,3:5,5:6}/5')`),
  step('Sparse Vectors', `SELECT * FROM items ORDER BY embedding <-> '{1:3,3:1,5:2}/5' LIMIT 5`),
  step('Sparse Vectors', 'CREATE INDEX ON items USING hnsw (embedding sparsevec_l2_ops)'),
  step('Sparse Vectors', `SELECT * FROM items ORDER BY embedding <-> '{1:3,3:1,5:2}/5' LIMIT 5`),
  step('Sparse Vectors', `SELECT * FROM items ORDER BY embedding <#> '{1:3,3:1,5:2}/5' LIMIT 5`),
  step('Sparse Vectors', `SELECT * FROM items ORDER BY embedding <=> '{1:3,3:1,5:2}/5' LIMIT 5`),
  step('Sparse Vectors', `SELECT * FROM items ORDER BY embedding <+> '{1:3,3:1,5:2}/5' LIMIT 5`),
  step('Sparse Vectors', `SELECT '{5:1,1:2}/5'::sparsevec, '{1:0,2:3}/5'::sparsevec`),
];

export const hybrid: Step[] = [
  step('setup', 'DROP TABLE items'),
  step('setup', `CREATE TABLE items (id bigserial PRIMARY KEY, content text, embedding vector(3))`),
  step('setup', `INSERT INTO items (content, embedding) VALUES ('hello search world', '[1,2,3]'), ('goodbye', '[4,5,6]')`),
  step('Hybrid Search', 'ALTER TABLE items ADD COLUMN textsearch tsvector', 'known', 'full-text search (tsvector/tsquery) is not implemented'),
  step('Hybrid Search', `UPDATE items SET textsearch = to_tsvector('english', content)`, 'known', 'full-text search (tsvector/tsquery) is not implemented'),
  step('Hybrid Search', `SELECT id, content FROM items, plainto_tsquery('hello search') query
    WHERE textsearch @@ query ORDER BY ts_rank_cd(textsearch, query) DESC LIMIT 5`, 'known', 'full-text search (tsvector/tsquery) is not implemented'),
];

export const subvectors: Step[] = [
  step('setup', 'DROP TABLE items'),
  step('setup', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(5))'),
  step('seed', seedVectors('items', 1000, 5, 13)),
  step('Indexing Subvectors', 'CREATE INDEX ON items USING hnsw ((subvector(embedding, 1, 3)::vector(3)) vector_cosine_ops)'),
  step('Indexing Subvectors', 'SET hnsw.ef_search = 100'),
  step('Indexing Subvectors', `SELECT * FROM items ORDER BY subvector(embedding, 1, 3)::vector(3) <=> subvector('[1,2,3,4,5]'::vector, 1, 3) LIMIT 5`),
  step('Indexing Subvectors', `SELECT * FROM (
    SELECT * FROM items ORDER BY subvector(embedding, 1, 3)::vector(3) <=> subvector('[1,2,3,4,5]'::vector, 1, 3) LIMIT 20
) ORDER BY embedding <=> '[1,2,3,4,5]' LIMIT 5`),
];

export const faq: Step[] = [
  step('setup', 'DROP TABLE items'),
  step('FAQ', 'CREATE TABLE embeddings (model_id bigint, item_id bigint, embedding vector, PRIMARY KEY (model_id, item_id))'),
  step('FAQ', `INSERT INTO embeddings VALUES (123, 1, '[1,2,3]'), (123, 2, '[4,5,6]'), (456, 1, '[1,2,3,4]'), (123, 3, '[3,1,1]')`),
  step('FAQ', 'CREATE INDEX ON embeddings USING hnsw ((embedding::vector(3)) vector_l2_ops) WHERE (model_id = 123)'),
  step('FAQ', `SELECT * FROM embeddings WHERE model_id = 123 ORDER BY embedding::vector(3) <-> '[3,1,2]' LIMIT 5`),
  step('FAQ', `SELECT * FROM embeddings ORDER BY embedding::vector(3) <-> '[3,1,2]' LIMIT 5`),
  step('FAQ', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding double precision[])'),
  step('FAQ', `INSERT INTO items (embedding) VALUES ('{1,2,3}'), ('{4.000000001,5,6}'), ('{0.1,0.2,0.3}')`),
  step('FAQ', 'CREATE INDEX ON items USING hnsw ((embedding::vector(3)) vector_l2_ops)'),
  step('FAQ', `SELECT * FROM items ORDER BY embedding::vector(3) <-> '[3,1,2]' LIMIT 5`),
  step('setup', 'DROP TABLE items'),
  step('setup', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(5))'),
  step('seed', seedVectors('items', 1000, 5, 13)),
];

export const performance: Step[] = [
  step('Performance', 'SET max_parallel_workers_per_gather = 4'),
  step('Performance', `EXPLAIN ANALYZE SELECT * FROM items ORDER BY embedding <-> '[3,1,2,4,5]' LIMIT 5`, 'status', 'EXPLAIN text is engine specific'),
  step('Performance', `EXPLAIN SELECT * FROM items ORDER BY embedding <-> '[3,1,2,4,5]' LIMIT 5`, 'status', 'EXPLAIN text is engine specific'),
  step('Performance', `BEGIN;\nSET LOCAL enable_indexscan = off;\nSELECT * FROM items ORDER BY embedding <-> '[3,1,2,4,5]' LIMIT 5;\nCOMMIT`),
  step('Performance', 'VACUUM items'),
  step('Performance', 'ANALYZE items'),
  step('Performance', `BEGIN;\nSET LOCAL enable_seqscan = off;\nSELECT id FROM items ORDER BY embedding <-> '[3,1,2,4,5]' LIMIT 3;\nCOMMIT`),
  step('Performance', 'CREATE INDEX items_embedding_idx ON items USING hnsw (embedding vector_l2_ops)'),
  step('Performance', 'REINDEX INDEX CONCURRENTLY items_embedding_idx', 'known', 'REINDEX is not implemented yet (0A000)'),
  step('Performance', 'REINDEX INDEX items_embedding_idx', 'known', 'REINDEX is not implemented yet (0A000)'),
  step('Performance', `SELECT pg_size_pretty(pg_relation_size('items_embedding_idx')) IS NOT NULL AS has_size`),
  step('Performance', 'DROP INDEX items_embedding_idx'),
  step('Performance', 'CREATE INDEX CONCURRENTLY ON items USING hnsw (embedding vector_l2_ops)'),
];
