// Loading a real vector set into the server through COPY, in batches of `batchRows` rows per
// COPY statement (each its own transaction, so synchronous_commit decides whether every batch
// waits for a WAL fsync). Vectors travel in pgvector's text form '[v1,...,vd]' into a
// `vector(d)` column (CREATE EXTENSION vector), which storage keeps as a float32 vector column
// (memory-mapped once sealed).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { fixtureDir, readAttribute, readFvecs, sharedDatasetDir } from '@vecgres/datasets';

export interface LoadedSet {
  name: string;
  /** 'shared' (../shared/datasets) or 'in-repo slice' (tools/datasets/fixtures). */
  source: string;
  n: number;
  d: number;
  /** n x d float32, row-major. */
  data: Float32Array;
  labels?: Int32Array;
}

/**
 * A shared dataset, else its in-repo fixture (`fallback` names the fixture directory);
 * `fixtureOnly` skips the shared set (the default run of a test uses the in-repo slice).
 */
export function loadSet(name: string, fallback?: string, maxRows = Infinity, fixtureOnly = false): LoadedSet | undefined {
  let dir = fixtureOnly ? undefined : sharedDatasetDir(name);
  let source = `shared (${dir})`;
  if (!dir && fallback) {
    dir = fixtureDir(fallback);
    source = 'in-repo slice';
  }
  if (!dir) return undefined;
  const v = readFvecs(join(dir, 'base.fvecs.gz'));
  const n = Math.min(v.n, maxRows);
  const labelFile = join(dir, 'base.label.ivecs.gz');
  const labels = existsSync(labelFile) ? readAttribute(labelFile).subarray(0, n) : undefined;
  return { name, source, n, d: v.d, data: v.data.subarray(0, n * v.d), ...(labels ? { labels } : {}) };
}

/** pgvector text form; float32 values print in JS shortest form (exact round trip). */
export function vectorText(set: LoadedSet, i: number): string {
  const parts = new Array<string>(set.d);
  for (let j = 0; j < set.d; j++) parts[j] = String(set.data[i * set.d + j]);
  return `[${parts.join(',')}]`;
}

/** The extension and a table with a `vector(d)` column for a set of dimension d. */
export const SET_DDL = (table: string, d: number): string[] => [
  'CREATE EXTENSION IF NOT EXISTS vector',
  `CREATE TABLE ${table} (id int NOT NULL, label int, emb vector(${d}))`,
];

/**
 * `set` repeated `tiles` times (tile t: rows of tile 0 with t/4 added to coordinate t mod d, so
 * every row is distinct and exact in float32): a larger table from the small in-repo slice.
 */
export function tileSet(set: LoadedSet, tiles: number): LoadedSet {
  if (tiles <= 1) return set;
  const data = new Float32Array(set.n * tiles * set.d);
  const labels = set.labels ? new Int32Array(set.n * tiles) : undefined;
  for (let t = 0; t < tiles; t++) {
    data.set(set.data, t * set.n * set.d);
    labels?.set(set.labels as Int32Array, t * set.n);
    for (let i = 0; i < set.n; i++) data[(t * set.n + i) * set.d + (t % set.d)] += t / 4;
  }
  return { ...set, source: `${set.source} x ${tiles} tiles`, n: set.n * tiles, data, ...(labels ? { labels } : {}) };
}

export interface LoadStats { rows: number; seconds: number; copyBytes: number; vectorBytes: number }

async function copyChunk(c: Client, table: string, text: string): Promise<void> {
  const stream = c.query(copyFrom(`COPY ${table} (id, label, emb) FROM STDIN`)) as Writable;
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.once('finish', resolve);
    stream.end(text);
  });
}

export async function copySet(c: Client, table: string, set: LoadedSet, batchRows: number): Promise<LoadStats> {
  const t0 = process.hrtime.bigint();
  let copyBytes = 0;
  for (let start = 0; start < set.n; start += batchRows) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(set.n, start + batchRows); i++) {
      lines.push(`${i}\t${set.labels ? set.labels[i] : '\\N'}\t${vectorText(set, i)}\n`);
    }
    const text = lines.join('');
    copyBytes += Buffer.byteLength(text);
    await copyChunk(c, table, text);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { rows: set.n, seconds, copyBytes, vectorBytes: set.n * set.d * 4 };
}
