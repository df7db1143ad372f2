// CHECKPOINT, VACUUM, synchronous_commit and the size functions through SQL. Error texts and
// pg_size_pretty strings are PostgreSQL 15's for the same statements.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { failure, openHarness, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';
import { vecgresMemoryRows } from './size-functions';

let h: Harness;
let s: Session;
beforeEach(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE TABLE t (a int, b text)');
  await run(s, "INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 1000) g");
});
afterEach(async () => { await h.close(); });

function storageId(): number {
  const ids = [...h.db.storageIds.values()];
  expect(ids).toHaveLength(1);
  return ids[0];
}

it('VACUUM seals and merges, dropping deleted rows; the data survives a restart', async () => {
  await run(s, 'DELETE FROM t WHERE a > 100');
  expect(h.engine.tableSize(storageId()).rowVersions).toBe(1000);
  expect((await run(s, 'VACUUM t')).tags).toEqual(['VACUUM']);
  const z = h.engine.tableSize(storageId());
  expect(z).toMatchObject({ rowVersions: 100, sealedSegments: 1, mutableMemoryBytes: expect.any(Number) });
  expect(await rows(s, 'SELECT count(*), sum(a) FROM t')).toEqual([[100n, 5050n]]);
  await run(s, 'INSERT INTO t VALUES (2000, null)');
  expect((await run(s, 'VACUUM')).tags).toEqual(['VACUUM']);
  expect(h.engine.tableSize(storageId())).toMatchObject({ rowVersions: 101, sealedSegments: 1 });
  await h.reopen();
  expect(await rows(h.session(), 'SELECT count(*), max(a) FROM t')).toEqual([[101n, 2000]]);
});

it('VACUUM refuses a transaction block and a missing table; ANALYZE is accepted', async () => {
  await run(s, 'BEGIN');
  expect(await failure(s, 'VACUUM t')).toEqual({ sqlstate: '25001', message: 'VACUUM cannot run inside a transaction block' });
  await run(s, 'ROLLBACK');
  expect(await failure(s, 'VACUUM nope')).toEqual({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
  expect((await run(s, 'ANALYZE t')).tags).toEqual(['ANALYZE']);
});

it('CHECKPOINT writes the manifest and truncates the WAL it covers', async () => {
  expect((await run(s, 'CHECKPOINT')).tags).toEqual(['CHECKPOINT']);
  const manifest = JSON.parse(fs.readFileSync(path.join(h.dir, 'manifest.json'), 'utf8')) as { checkpointLsn: number };
  expect(manifest.checkpointLsn).toBeGreaterThan(0);
  await h.reopen();
  expect(await rows(h.session(), 'SELECT count(*) FROM t')).toEqual([[1000n]]);
});

it('synchronous_commit = off acknowledges before the fsync; on waits for it', async () => {
  expect(await failure(s, 'SET synchronous_commit = foo')).toMatchObject({
    sqlstate: '22023', message: 'invalid value for parameter "synchronous_commit": "foo"',
    hint: 'Available values: local, remote_write, remote_apply, on, off.',
  });
  await run(s, 'SET synchronous_commit = false');
  expect(await rows(s, 'SHOW synchronous_commit')).toEqual([['off']]);
  const before = h.engine.walStats();
  await run(s, 'INSERT INTO t VALUES (1001)');
  const after = h.engine.walStats();
  expect(after.lastWrittenLsn).toBe(before.lastWrittenLsn + 1);
  expect(after.lastSyncedLsn).toBe(before.lastSyncedLsn);
  await run(s, 'SET synchronous_commit = remote_apply');
  await run(s, 'BEGIN; INSERT INTO t VALUES (1002); COMMIT');
  const synced = h.engine.walStats();
  expect(synced.lastSyncedLsn).toBe(synced.lastWrittenLsn);
});

it('size functions report storage bytes with PostgreSQL signatures and errors', async () => {
  const [[main, fsm, total, table, indexes]] = await rows(s,
    "SELECT pg_relation_size('t'), pg_relation_size('t', 'fsm'), pg_total_relation_size('t'), pg_table_size('t'), pg_indexes_size('t')");
  expect(typeof main).toBe('bigint');
  expect(main).toBeGreaterThan(0n);
  expect([fsm, total, table, indexes]).toEqual([0n, main, main, 0n]);
  await run(s, 'VACUUM t');
  const sealed = h.engine.tableSize(storageId());
  expect(sealed.vectorFileBytes + sealed.otherFileBytes).toBeGreaterThan(0);
  const [[afterSeal, db]] = await rows(s, "SELECT pg_relation_size('t'), pg_database_size('postgres')");
  expect(afterSeal).toBe(BigInt(sealed.vectorFileBytes + sealed.otherFileBytes + sealed.mutableMemoryBytes));
  expect(db).toBe(afterSeal);
  expect(await rows(s, 'SELECT pg_size_pretty(10752::bigint), pg_size_pretty(1.5::numeric), pg_relation_size(123456789)')).toEqual([['11 kB', '1.5 bytes', null]]);
  expect(await failure(s, "SELECT pg_relation_size('t', 'foo')")).toMatchObject({
    sqlstate: '22023', message: 'invalid fork name', hint: 'Valid fork names are "main", "fsm", "vm", and "init".',
  });
  expect(await failure(s, "SELECT pg_database_size('nope')")).toMatchObject({ sqlstate: '3D000', message: 'database "nope" does not exist' });
  const [[relid]] = await rows(s, "SELECT 't'::regclass::oid");
  expect(vecgresMemoryRows(h.db)).toEqual([{
    relid, vectorFileBytes: 0, mappedBytes: 0, otherFileBytes: sealed.otherFileBytes,
    heapBytes: sealed.sealedMemoryBytes + sealed.mutableMemoryBytes, sealedSegments: 1, rowVersions: 1000,
  }]);
});
