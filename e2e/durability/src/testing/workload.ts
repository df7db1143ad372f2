// A checkable crash workload. Each writer owns the rows tagged with its number `w` and keeps a
// model of them as of its last ACKNOWLEDGED commit. A transaction is 1-3 random operations
// (multi-row INSERT, COPY, UPDATE, DELETE) between BEGIN and COMMIT; the model after it is
// computed up front, so when the server dies the writer knows both candidate states:
//
//   died before COMMIT was sent     -> the table must hold `acked`
//   died after COMMIT was sent,     -> `acked` or `acked + this transaction`, never a mix
//     before its acknowledgement
//   COMMIT acknowledged              -> `acked` moves forward; must survive any later crash
//
// Vectors are 4-d with coordinates that are multiples of 1/4 (exact in float8), stored as
// float8 columns x0..x3 so SQL can compute distances, plus an 8-d `v vector(8)` (pgvector; a
// storage vector column, memory-mapped once sealed) with coordinates that are multiples of 1/4
// (exact in float32), searched by the VectorTopK plan (ORDER BY v <-> q LIMIT k).
import { Writable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Rng } from './rng';

export const ITEMS_DDL = [
  'CREATE EXTENSION IF NOT EXISTS vector',
  'CREATE TABLE items (w int NOT NULL, id int NOT NULL, val int NOT NULL, note text, x0 float8, x1 float8, x2 float8, x3 float8, v vector(8))',
];

export const VECTOR_DIM = 8;

export interface ItemRow { id: number; val: number; note: string | null; x: [number, number, number, number]; v: number[] }
export type Model = Map<number, ItemRow>;

interface Op {
  /** Runs the operation on the client inside the open transaction. */
  run(c: Client): Promise<void>;
  /** Its effect on the model. */
  apply(m: Model): void;
}

/** What a writer knows after its connection died. */
export interface WriterOutcome {
  w: number;
  acked: Model;
  /** Set when COMMIT was sent but its acknowledgement never arrived. */
  inDoubt?: Model;
  committed: number;
  /** The error that stopped the writer (expected: a connection error from the kill). */
  error?: unknown;
}

const quarter = (rng: Rng): number => (rng.int(81) - 40) / 4;

function vector(rng: Rng): ItemRow['x'] {
  return [quarter(rng), quarter(rng), quarter(rng), quarter(rng)];
}

export function vector8(rng: Rng): number[] {
  return Array.from({ length: VECTOR_DIM }, () => quarter(rng));
}

/** pgvector text form. */
export const vecText = (v: readonly number[]): string => `[${v.join(',')}]`;

function copyText(w: number, rows: ItemRow[]): string {
  return rows.map((r) => `${w}\t${r.id}\t${r.val}\t${r.note ?? '\\N'}\t${r.x.join('\t')}\t${vecText(r.v)}\n`).join('');
}

async function copyIn(c: Client, text: string): Promise<void> {
  const stream = c.query(copyFrom('COPY items (w, id, val, note, x0, x1, x2, x3, v) FROM STDIN')) as Writable;
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.once('finish', resolve);
    stream.end(text);
  });
}

export class Writer {
  committed = 0;
  private nextId: number;

  constructor(readonly w: number, public acked: Model, private readonly rng: Rng) {
    this.nextId = Math.max(0, ...acked.keys()) + 1;
  }

  private newRows(n: number, seq: number): ItemRow[] {
    return Array.from({ length: n }, () => ({ id: this.nextId++, val: this.rng.int(1000), note: this.rng.int(5) === 0 ? null : `w${this.w}t${seq}`, x: vector(this.rng), v: vector8(this.rng) }));
  }

  private pick(m: Model, max: number): number[] {
    const ids = [...m.keys()];
    const out = new Set<number>();
    for (let i = 0; i < max && ids.length > 0; i++) out.add(ids[this.rng.int(ids.length)]);
    return [...out].sort((a, b) => a - b);
  }

  /** 1-3 operations against the model as it would be after the earlier ones. */
  private transaction(seq: number): { ops: Op[]; after: Model } {
    const after: Model = new Map([...this.acked].map(([k, v]) => [k, { ...v, x: [...v.x] as ItemRow['x'], v: [...v.v] }]));
    const ops: Op[] = [];
    const n = 1 + this.rng.int(3);
    const w = this.w;
    for (let i = 0; i < n; i++) {
      const kind = after.size < 20 ? this.rng.int(2) : this.rng.int(4);
      let op: Op;
      if (kind === 0) {
        const rows = this.newRows(1 + this.rng.int(20), seq);
        const values = rows.map((r) => `(${w}, ${r.id}, ${r.val}, ${r.note === null ? 'NULL' : `'${r.note}'`}, ${r.x.join(', ')}, '${vecText(r.v)}')`);
        op = {
          run: async (c) => void (await c.query(`INSERT INTO items (w, id, val, note, x0, x1, x2, x3, v) VALUES ${values.join(', ')}`)),
          apply: (m) => rows.forEach((r) => m.set(r.id, r)),
        };
      } else if (kind === 1) {
        const rows = this.newRows(5 + this.rng.int(60), seq);
        op = { run: (c) => copyIn(c, copyText(w, rows)), apply: (m) => rows.forEach((r) => m.set(r.id, r)) };
      } else if (kind === 2) {
        const ids = this.pick(after, 6);
        const note = `u${w}t${seq}`;
        // Half the updates move the vector too (a new row version with a new vector).
        const v = this.rng.int(2) === 0 ? vector8(this.rng) : undefined;
        op = {
          run: async (c) => void (v
            ? await c.query(`UPDATE items SET val = val + 1, note = $1, v = $3::vector WHERE w = ${w} AND id = ANY($2::int[])`, [note, ids, vecText(v)])
            : await c.query(`UPDATE items SET val = val + 1, note = $1 WHERE w = ${w} AND id = ANY($2::int[])`, [note, ids])),
          apply: (m) => ids.forEach((id) => {
            const r = m.get(id);
            if (r) m.set(id, { ...r, val: r.val + 1, note, ...(v ? { v: [...v] } : {}) });
          }),
        };
      } else {
        const ids = this.pick(after, 4);
        op = {
          run: async (c) => void (await c.query(`DELETE FROM items WHERE w = ${w} AND id = ANY($1::int[])`, [ids])),
          apply: (m) => ids.forEach((id) => m.delete(id)),
        };
      }
      op.apply(after);
      ops.push(op);
    }
    return { ops, after };
  }

  /** Runs transactions until the connection fails (the kill) or `stop()` returns true. */
  async run(c: Client, stop: () => boolean): Promise<WriterOutcome> {
    let seq = 0;
    for (;;) {
      if (stop()) return { w: this.w, acked: this.acked, committed: this.committed };
      const { ops, after } = this.transaction(seq++);
      let commitSent = false;
      try {
        await c.query('BEGIN');
        for (const op of ops) await op.run(c);
        commitSent = true;
        await c.query('COMMIT');
      } catch (error) {
        return { w: this.w, acked: this.acked, committed: this.committed, error, ...(commitSent ? { inDoubt: after } : {}) };
      }
      this.acked = after;
      this.committed++;
    }
  }
}

/** The rows of writer `w` as the server has them, in model form. */
export async function readWriter(c: Client, w: number): Promise<Model> {
  const r = await c.query<{ id: number; val: number; note: string | null; x0: number; x1: number; x2: number; x3: number; v: string }>(
    'SELECT id, val, note, x0, x1, x2, x3, v FROM items WHERE w = $1 ORDER BY id', [w]);
  const m: Model = new Map();
  for (const row of r.rows) {
    const x: ItemRow['x'] = [row.x0, row.x1, row.x2, row.x3];
    if (m.has(row.id)) throw new Error(`writer ${w}: row ${row.id} is present twice`);
    m.set(row.id, { id: row.id, val: row.val, note: row.note, x, v: (JSON.parse(row.v) as number[]) });
  }
  return m;
}

export function sameModel(a: Model, b: Model): boolean {
  if (a.size !== b.size) return false;
  for (const [id, r] of a) {
    const o = b.get(id);
    if (!o || o.val !== r.val || o.note !== r.note || o.x.some((v, i) => v !== r.x[i]) || o.v.length !== r.v.length || o.v.some((v, i) => v !== r.v[i])) return false;
  }
  return true;
}

/** A short description of how `actual` differs from `expected` (for failure messages). */
export function describeDiff(expected: Model, actual: Model): string {
  const missing = [...expected.keys()].filter((k) => !actual.has(k));
  const extra = [...actual.keys()].filter((k) => !expected.has(k));
  const changed = [...expected.keys()].filter((k) => actual.has(k) && !sameModel(new Map([[k, expected.get(k)!]]), new Map([[k, actual.get(k)!]])));
  return `missing ${JSON.stringify(missing.slice(0, 10))} (${missing.length}), extra ${JSON.stringify(extra.slice(0, 10))} (${extra.length}), changed ${JSON.stringify(changed.slice(0, 10))} (${changed.length})`;
}

/** Squared L2 distance, summed in the same order as the SQL expression of searchSql. */
export function dist2(x: readonly number[], q: readonly number[]): number {
  const d = x.map((v, i) => (v - q[i]) * (v - q[i]));
  return ((d[0] + d[1]) + d[2]) + d[3];
}

/** Top-k by exact distance through the SQL engine's own plan (scan + sort; no vector index yet). */
export const SEARCH_SQL =
  'SELECT w, id FROM items ORDER BY ((((x0 - $1::float8) * (x0 - $1::float8)) + ((x1 - $2::float8) * (x1 - $2::float8))) + ((x2 - $3::float8) * (x2 - $3::float8))) + ((x3 - $4::float8) * (x3 - $4::float8)), w, id LIMIT $5';

/** Top-k by L2 over the vector(8) column: one VectorTopK node (ORDER BY v <-> q LIMIT k). */
export const VECTOR_SEARCH_SQL = 'SELECT w, id, v <-> $1::vector AS d FROM items ORDER BY v <-> $1::vector LIMIT $2';

/** Euclidean distance in float64 (the brute-force oracle). */
export function l2(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
  return Math.sqrt(s);
}
