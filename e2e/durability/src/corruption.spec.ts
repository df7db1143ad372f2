// Corruption acceptance test (issue 4): damage a stopped server's files, restart, and require
// a clean recovery or a clear error, never wrong answers.
//
//   WAL tail truncated / a WAL byte flipped -> the server starts; the table holds the sealed
//                                              rows plus exactly the first k WAL commits
//                                              (a prefix: nothing half-applied, nothing invented)
//   a sealed segment file flipped/truncated -> the server refuses to start, naming the file
//                                              (or, if it starts, every read of the table fails
//                                              naming it)
//
// The prepared directory has sealed rows (VACUUM seals and merges the first commits into a
// segment) followed by COMMITS commits that exist only in the WAL.
import { cpSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Client } from 'pg';
import { listFiles, makeCluster, type Cluster } from './testing/cluster';
import { ITEMS_DDL } from './testing/workload';

const SEALED_ROWS = 500;
const COMMITS = 12;
const ROWS_PER_COMMIT = 7;

/** Rows of commit `k` (1-based) in the WAL part: ids above the sealed ones, val = k. */
function commitRows(k: number): number[] {
  return Array.from({ length: ROWS_PER_COMMIT }, (_, i) => SEALED_ROWS + (k - 1) * ROWS_PER_COMMIT + i + 1);
}

async function prepare(cluster: Cluster): Promise<void> {
  await cluster.start();
  const c = await cluster.connect();
  for (const sql of ITEMS_DDL) await c.query(sql);
  await c.query(`INSERT INTO items (w, id, val, note) SELECT 0, g, 0, 'sealed ' || g FROM generate_series(1, ${SEALED_ROWS}) g`);
  await c.query('VACUUM items');
  await c.query('CHECKPOINT');
  for (let k = 1; k <= COMMITS; k++) {
    const values = commitRows(k).map((id) => `(0, ${id}, ${k}, 'wal ${id}')`);
    await c.query(`INSERT INTO items (w, id, val, note) VALUES ${values.join(', ')}`);
  }
  await c.end();
  await cluster.stop();
}

/** The number of WAL commits present; throws unless the table is sealed rows + a commit prefix. */
async function committedPrefix(c: Client): Promise<number> {
  const r = await c.query<{ id: number; val: number; note: string }>('SELECT id, val, note FROM items ORDER BY id');
  const sealed = r.rows.filter((x) => x.id <= SEALED_ROWS);
  expect(sealed.map((x) => x.id)).toEqual(Array.from({ length: SEALED_ROWS }, (_, i) => i + 1));
  expect(sealed.every((x) => x.val === 0 && x.note === `sealed ${x.id}`)).toBe(true);
  const wal = r.rows.filter((x) => x.id > SEALED_ROWS);
  const k = Math.floor(wal.length / ROWS_PER_COMMIT);
  const expected = Array.from({ length: k }, (_, i) => commitRows(i + 1).map((id) => ({ id, val: i + 1, note: `wal ${id}` }))).flat();
  expect(wal).toEqual(expected);
  return k;
}

describe('corruption: damaged WAL and segment files', () => {
  let base: Cluster;
  const cases: Cluster[] = [];
  beforeAll(async () => {
    base = makeCluster('vecgres-corrupt-base-');
    await prepare(base);
  });
  afterAll(async () => {
    for (const c of cases) await c.remove();
    await base?.remove();
  });

  /** A fresh copy of the prepared data directory. */
  function copy(): Cluster {
    const c = makeCluster('vecgres-corrupt-');
    cases.push(c);
    cpSync(base.dataDir, c.dataDir, { recursive: true });
    return c;
  }

  function walFiles(cluster: Cluster): string[] {
    return listFiles(join(cluster.dataDir, 'wal')).filter((f) => f.endsWith('.wal'));
  }

  it('an intact copy recovers every commit', async () => {
    const cluster = copy();
    await cluster.start();
    const c = await cluster.connect();
    expect(await committedPrefix(c)).toBe(COMMITS);
    await c.end();
    await cluster.stop();
  });

  it('a truncated WAL tail loses only the torn commit(s) at the end', async () => {
    const cluster = copy();
    const files = walFiles(cluster);
    const last = join(cluster.dataDir, 'wal', files[files.length - 1]);
    truncateSync(last, statSync(last).size - 5);
    await cluster.start();
    // The server logs where recovery stopped (file and offset) at start.
    const log = cluster.server().stdout() + cluster.server().stderr();
    expect(log).toContain('walStop');
    expect(log).toContain(files[files.length - 1]);
    const c = await cluster.connect();
    const k = await committedPrefix(c);
    expect(k).toBeLessThan(COMMITS);
    expect(k).toBeGreaterThanOrEqual(COMMITS - 1);
    await c.end();
    await cluster.stop();
  });

  it('a flipped byte inside the WAL stops replay at that record: a prefix, never garbage', async () => {
    const cluster = copy();
    const files = walFiles(cluster);
    const last = join(cluster.dataDir, 'wal', files[files.length - 1]);
    const bytes = readFileSync(last);
    // Inside the last few commit records (each ~0.5 kB), past the file header.
    const at = Math.max(40, bytes.length - 1500);
    bytes[at] ^= 0x5a;
    writeFileSync(last, bytes);
    await cluster.start();
    const c = await cluster.connect();
    const k = await committedPrefix(c);
    expect(k).toBeLessThan(COMMITS);
    await c.end();
    await cluster.stop();
  });

  // payload.bin (mapped, rows read lazily) and the vector(8) column's vectors.<attnum>.f32
  // (mapped): both verified at open.
  const payloadFile = { label: 'payload.bin', re: /payload\.bin$/ };
  const vectorFile = { label: 'vectors.<col>.f32', re: /vectors\.\d+\.f32$/ };
  for (const [damage, file] of [['flip', payloadFile], ['truncate', payloadFile], ['flip', vectorFile], ['truncate', vectorFile]] as const) {
    it(`a ${damage === 'flip' ? 'flipped byte in' : 'truncated'} sealed segment file (${file.label}) is reported by name, never read`, async () => {
      const cluster = copy();
      const segFiles = listFiles(join(cluster.dataDir, 'segments')).filter((f) => file.re.test(f));
      expect(segFiles.length).toBeGreaterThan(0);
      const target = join(cluster.dataDir, 'segments', segFiles[0]);
      if (damage === 'flip') {
        const bytes = readFileSync(target);
        bytes[Math.floor(bytes.length / 2)] ^= 0x01;
        writeFileSync(target, bytes);
      } else {
        truncateSync(target, Math.floor(statSync(target).size / 2));
      }
      const name = basename(target);
      let started = false;
      try {
        await cluster.start();
        started = true;
      } catch (e) {
        // Refused at start: the message (stderr of the server) names the file.
        expect(String((e as Error).message)).toContain(name);
        if (process.env.E2E_VERBOSE === '1') process.stdout.write(`${(e as Error).message}\n`);
      }
      if (!started) return;
      const c = await cluster.connect();
      await expect(c.query('SELECT id, val, note FROM items ORDER BY id')).rejects.toThrow(name);
      await c.end();
      await cluster.stop();
    });
  }
});
