// The in-repo fixtures as filtered-search tables, loaded the way issue #7's acceptance needs:
//
//   CREATE TABLE t (id int, label int, bucket int, tag text, meta jsonb, emb vector(d))
//   INSERT base rows ─▶ VACUUM t (seals them into a segment) ─▶ CREATE INDEX: btree label,
//   bucket, tag; gin (meta jsonb_path_ops); hnsw (emb) ─▶ INSERT tail rows (mutable segment)
//   ─▶ UPDATE some labels / metas and some vectors ─▶ DELETE some rows
//
// Column values: label = the fixture's class, bucket = id % 100, tag = 't' || (id % 1000),
// meta = {label, group: 'g' || (id % 10), parity: 'even'|'odd'} (+ fiori's category name).
// The tail rows carry the first TAIL query vectors, the updated vectors the next few, so the
// test queries' nearest rows live in the mutable segment and in updated versions.
import { FIXTURES, fixtureDir, readAttribute, readFvecs, readJsonl } from '@vecgres/datasets';
import { join } from 'node:path';
import type { Client } from 'pg';
import { operatorOf, TableModel, type Metric, type ModelRow } from './oracle';

export interface FixtureData {
  metric: Metric;
  dim: number;
  /** Float32Array, n * dim, row-major (row i = id i). */
  base: Float32Array;
  n: number;
  labels: Int32Array;
  /** Float32Array, nq * dim, row-major. */
  queries: Float32Array;
  nq: number;
  queryLabels: Int32Array;
  labelCount: number;
  /** Extra meta keys per base row (fiori: the category name). */
  metaOf?: (id: number) => Record<string, unknown>;
  dir: string;
}

function requireFixture(name: string): string {
  const dir = fixtureDir(name);
  if (!dir) throw new Error(`fixture ${name} is missing from tools/datasets/fixtures (it is part of the repository)`);
  return dir;
}

export function loadFixture(which: 'fiori' | 'fashionSlice'): FixtureData {
  const dir = requireFixture(FIXTURES[which]);
  const base = readFvecs(join(dir, 'base.fvecs.gz'));
  const q = readFvecs(join(dir, 'query.fvecs.gz'));
  const data: FixtureData = {
    metric: which === 'fiori' ? 'cosine' : 'l2',
    dim: base.d,
    base: base.data,
    n: base.n,
    labels: readAttribute(join(dir, 'base.label.ivecs.gz')),
    queries: q.data,
    nq: q.n,
    queryLabels: readAttribute(join(dir, 'query.label.ivecs.gz')),
    labelCount: which === 'fiori' ? 13 : 10,
    dir,
  };
  if (which === 'fiori') {
    const meta = readJsonl<{ category: string }>(join(dir, 'base.meta.jsonl.gz'));
    data.metaOf = (id) => (id < meta.length ? { category: meta[id]!.category } : {});
  }
  return data;
}

export function vectorLiteral(v: Float32Array): string {
  let s = '[';
  for (let j = 0; j < v.length; j++) s += (j ? ',' : '') + String(v[j]);
  return `${s}]`;
}

export const TAIL = 20;
const VECTOR_UPDATES = 5;
const INSERT_BATCH = 100;

export interface LoadedTable {
  table: string;
  model: TableModel;
  data: FixtureData;
  op: '<->' | '<=>';
}

function baseRow(data: FixtureData, id: number, label: number, vec: Float32Array): ModelRow {
  return {
    id,
    label,
    bucket: id % 100,
    tag: `t${id % 1000}`,
    meta: { label, group: `g${id % 10}`, parity: id % 2 === 0 ? 'even' : 'odd', ...(data.metaOf?.(id) ?? {}) },
    vec,
  };
}

async function insertRows(client: Client, table: string, rows: readonly ModelRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const chunk = rows.slice(i, i + INSERT_BATCH);
    const params: unknown[] = [];
    const values = chunk.map((r) => {
      const at = params.length;
      params.push(r.id, r.label, r.bucket, r.tag, JSON.stringify(r.meta), vectorLiteral(r.vec));
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
    });
    await client.query(`INSERT INTO ${table} (id, label, bucket, tag, meta, emb) VALUES ${values.join(', ')}`, params);
  }
}

/** Creates, loads, seals, indexes and mutates `table`; returns the model of its final rows. */
export async function loadFixtureTable(client: Client, table: string, data: FixtureData, opts: { payloadM?: number } = {}): Promise<LoadedTable> {
  const model = new TableModel(data.metric, data.dim);
  const row = (i: number) => data.base.subarray(i * data.dim, (i + 1) * data.dim);
  const qrow = (i: number) => data.queries.subarray(i * data.dim, (i + 1) * data.dim);
  await client.query('CREATE EXTENSION IF NOT EXISTS vector');
  await client.query(`CREATE TABLE ${table} (id int, label int, bucket int, tag text, meta jsonb, emb vector(${data.dim}))`);
  const base = Array.from({ length: data.n }, (_, i) => baseRow(data, i, data.labels[i]!, row(i)));
  await insertRows(client, table, base);
  for (const r of base) model.put(r);
  await client.query(`VACUUM ${table}`);

  const opclass = data.metric === 'cosine' ? 'vector_cosine_ops' : 'vector_l2_ops';
  await client.query(`CREATE INDEX ${table}_label_idx ON ${table} (label)`);
  await client.query(`CREATE INDEX ${table}_bucket_idx ON ${table} (bucket)`);
  await client.query(`CREATE INDEX ${table}_tag_idx ON ${table} (tag)`);
  await client.query(`CREATE INDEX ${table}_meta_idx ON ${table} USING gin (meta jsonb_path_ops)`);
  await client.query(`CREATE INDEX ${table}_emb_idx ON ${table} USING hnsw (emb ${opclass}) WITH (m = 16, ef_construction = 64${opts.payloadM ? `, payload_m = ${opts.payloadM}` : ''})`);

  // The mutable tail: the first TAIL query vectors as new rows.
  const tail = Array.from({ length: TAIL }, (_, q) => baseRow(data, data.n + q, data.queryLabels[q]!, qrow(q)));
  await insertRows(client, table, tail);
  for (const r of tail) model.put(r);

  // Attribute updates of sealed rows: the payload indexes must see the new values.
  for (const r of [...model.rows.values()].filter((x) => x.id % 41 === 1 && x.id < data.n)) {
    const label = (r.label + 1) % data.labelCount;
    const meta = { ...r.meta, label, updated: true };
    await client.query(`UPDATE ${table} SET label = $2, meta = $3 WHERE id = $1`, [r.id, label, JSON.stringify(meta)]);
    model.put({ ...r, label, meta });
  }
  // Vector updates of sealed rows: the old vector must not be found any more.
  for (let j = 0; j < VECTOR_UPDATES; j++) {
    const id = 3 + 97 * j;
    const vec = qrow(TAIL + j);
    await client.query(`UPDATE ${table} SET emb = $2 WHERE id = $1`, [id, vectorLiteral(vec)]);
    model.put({ ...model.rows.get(id)!, vec });
  }
  await client.query(`DELETE FROM ${table} WHERE id % 37 = 0`);
  for (const id of [...model.rows.keys()]) if (id % 37 === 0) model.rows.delete(id);
  return { table, model, data, op: operatorOf(data.metric) };
}
