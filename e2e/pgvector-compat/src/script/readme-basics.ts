// pgvector 0.8.x README: Getting Started, Storing, Querying (distances, aggregates). The README
// reuses the table name `items` in every section; `setup` steps drop and recreate it so each
// section starts from the state the README assumes.
import { step, Step } from './step';

const Q = `'[3,1,2]'`;
const unordered = 'no ORDER BY: rows come in storage order, a heap and our segments differ';

export const gettingStarted: Step[] = [
  step('Getting Started', 'CREATE EXTENSION vector'),
  step('Getting Started', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3))'),
  step('Getting Started', `INSERT INTO items (embedding) VALUES ('[1,2,3]'), ('[4,5,6]')`),
  step('Getting Started', `SELECT * FROM items ORDER BY embedding <-> ${Q} LIMIT 5`),
  step('Getting Started', 'CREATE EXTENSION IF NOT EXISTS vector'),
  step('Getting Started', `SELECT extname, extversion >= '0.8.0' AS at_least_080 FROM pg_extension WHERE extname = 'vector'`),
];

export const storing: Step[] = [
  step('setup', 'DROP TABLE items'),
  step('Storing', 'CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3))'),
  step('setup', 'DROP TABLE items'),
  step('setup', 'CREATE TABLE items (id bigserial PRIMARY KEY)'),
  step('Storing', 'ALTER TABLE items ADD COLUMN embedding vector(3)'),
  step('Storing', `INSERT INTO items (embedding) VALUES ('[1,2,3]'), ('[4,5,6]')`),
  step('Storing', `INSERT INTO items (id, embedding) VALUES (1, '[1,2,3]'), (2, '[4,5,6]')
    ON CONFLICT (id) DO UPDATE SET embedding = EXCLUDED.embedding`),
  step('Storing', `UPDATE items SET embedding = '[1,2,3]' WHERE id = 1`),
  step('Storing', 'SELECT * FROM items ORDER BY id'),
  step('Storing', 'DELETE FROM items WHERE id = 1'),
  step('Storing', 'SELECT * FROM items ORDER BY id'),
];

export const querying: Step[] = [
  step('setup', 'DROP TABLE items'),
  step('setup', 'CREATE TABLE items (id bigserial PRIMARY KEY, category_id int, embedding vector(3))'),
  step('setup', `INSERT INTO items (category_id, embedding) VALUES (1, '[1,2,3]'), (1, '[4,5,6]'), (2, '[1,1,1]'), (2, '[0,-1,2]'), (3, '[7,8,9]')`),
  step('Querying', `SELECT * FROM items ORDER BY embedding <-> ${Q} LIMIT 5`),
  step('Querying', `SELECT * FROM items WHERE id != 1 ORDER BY embedding <-> (SELECT embedding FROM items WHERE id = 1) LIMIT 5`),
  step('Querying', `SELECT * FROM items WHERE embedding <-> ${Q} < 5`, 'unordered', unordered),
  step('Querying', `SELECT embedding <-> ${Q} AS distance FROM items`, 'unordered', unordered),
  step('Querying', `SELECT (embedding <#> ${Q}) * -1 AS inner_product FROM items`, 'unordered', unordered),
  step('Querying', `SELECT 1 - (embedding <=> ${Q}) AS cosine_similarity FROM items`, 'unordered', unordered),
  step('Querying', `SELECT * FROM items ORDER BY embedding <#> ${Q} LIMIT 5`),
  step('Querying', `SELECT * FROM items ORDER BY embedding <=> ${Q} LIMIT 5`),
  step('Querying', `SELECT * FROM items ORDER BY embedding <+> ${Q} LIMIT 5`),
  step('Querying', 'SELECT AVG(embedding) FROM items'),
  step('Querying', 'SELECT category_id, AVG(embedding) FROM items GROUP BY category_id ORDER BY category_id'),
  step('Querying', 'SELECT category_id, AVG(embedding) FROM items GROUP BY category_id', 'unordered', 'GROUP BY output order depends on the hash table'),
  step('Querying', 'SELECT SUM(embedding) FROM items'),
  step('Querying', 'SELECT AVG(embedding) FROM items WHERE id < 0'),
];
