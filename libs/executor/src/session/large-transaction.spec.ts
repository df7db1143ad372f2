// A transaction larger than the storage engine's spill threshold, through SQL: its writes move
// to a temp file (<dataDir>/tmp), and own-writes reads, unique checks, savepoints, UPDATE and
// DELETE of spilled rows, COMMIT (streamed into the WAL) and ROLLBACK keep their meaning.
// Also the vecgres_memory view over the storage engine's size accounting.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadParser } from '@vecgres/sql';
import { StorageEngine } from '@vecgres/storage';
import { failure, rows, run } from '../testing/engine-harness';
import { Database } from './database';
import { Session } from './session';

const OPTS = { autoMaintenance: false, txSpillBytes: 256 * 1024, sealThresholdRows: 3_000 };
let dir: string;
let engine: StorageEngine;
let db: Database;

async function open(): Promise<Session> {
  engine = (await StorageEngine.open(dir, OPTS)).engine;
  db = new Database(engine);
  return new Session(db);
}

beforeEach(async () => {
  await loadParser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vecgres-exec-large-'));
}, 60_000);
afterEach(async () => {
  await engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

const spillFiles = () => (fs.existsSync(path.join(dir, 'tmp')) ? fs.readdirSync(path.join(dir, 'tmp')) : []);

it('a spilled transaction reads its own rows, checks keys, rolls back to savepoints and commits', async () => {
  let s = await open();
  await run(s, 'CREATE TABLE t (id int PRIMARY KEY, v text)');
  await run(s, 'BEGIN');
  await run(s, "INSERT INTO t SELECT g, repeat('x', 200) || g FROM generate_series(1, 20000) g");
  expect(spillFiles()).toHaveLength(1);
  expect(await rows(s, 'SELECT count(*), sum(id) FROM t')).toEqual([[20000n, 200010000n]]);
  expect(await rows(s, 'SELECT v FROM t WHERE id = 3')).toEqual([[`${'x'.repeat(200)}3`]]);
  await run(s, 'SAVEPOINT a');
  expect(await failure(s, "INSERT INTO t VALUES (5, 'dup')")).toMatchObject({ sqlstate: '23505' });
  await run(s, 'ROLLBACK TO SAVEPOINT a');
  await run(s, "INSERT INTO t SELECT g, 'late' FROM generate_series(20001, 25000) g");
  await run(s, 'ROLLBACK TO SAVEPOINT a');
  await run(s, "UPDATE t SET v = 'updated' WHERE id = 7");
  await run(s, 'DELETE FROM t WHERE id <= 5');
  expect(await rows(s, 'SELECT count(*), max(id) FROM t')).toEqual([[19995n, 20000]]);
  await run(s, 'COMMIT');
  expect(spillFiles()).toEqual([]);
  expect(await rows(s, 'SELECT count(*), max(id) FROM t')).toEqual([[19995n, 20000]]);
  expect(await rows(s, 'SELECT v FROM t WHERE id = 7')).toEqual([['updated']]);
  expect(await failure(s, "INSERT INTO t VALUES (20000, 'dup')")).toMatchObject({ sqlstate: '23505' });
  // Applied in several sealed segments (the mutable segment never held the whole commit).
  const mem = await rows(s, 'SELECT relname, sealed_segments >= 3, row_versions FROM vecgres_memory');
  expect(mem).toEqual([['t', true, 19995n]]);

  await engine.close();
  s = await open();
  expect(await rows(s, 'SELECT count(*), sum(id) FROM t')).toEqual([[19995n, 200010000n - 15n]]);
}, 60_000);

it('ROLLBACK of a spilled transaction leaves nothing, and vecgres_memory lists each table', async () => {
  const s = await open();
  await run(s, 'CREATE TABLE a (id int)');
  await run(s, 'CREATE TABLE b (id int, emb real[])');
  await run(s, 'INSERT INTO a VALUES (1), (2)');
  await run(s, 'BEGIN');
  await run(s, "INSERT INTO b SELECT g, ARRAY[g, g, g]::real[] FROM generate_series(1, 30000) g");
  expect(spillFiles()).toHaveLength(1);
  await run(s, 'ROLLBACK');
  expect(spillFiles()).toEqual([]);
  expect(await rows(s, 'SELECT count(*) FROM b')).toEqual([[0n]]);
  const mem = await rows(s, 'SELECT relname, schemaname, row_versions, heap_bytes > 0, vector_file_bytes FROM vecgres_memory ORDER BY relname');
  expect(mem).toEqual([['a', 'public', 2n, true, 0n], ['b', 'public', 0n, false, 0n]]);
  expect((await run(s, 'SELECT * FROM vecgres_memory')).columns).toEqual([
    'relid', 'schemaname', 'relname', 'vector_file_bytes', 'mapped_bytes', 'other_file_bytes', 'heap_bytes', 'sealed_segments', 'row_versions',
  ]);
}, 60_000);
