// CREATE INDEX build polish: DEBUG1 phase messages under client_min_messages, cancellation of
// the native build (57014, no index, no files), removal of the files of rolled-back builds and
// the orphan `ann.<oid>` collection at CHECKPOINT and startup.
import { CollectingSink } from '../session/result-sink';
import type { Session } from '../session/session';
import { failure, rows } from '../testing/engine-harness';
import { lcg, openVectorHarness, randomVectorText, type VectorHarness } from '../testing/vector-harness';
import { annFileName } from './ann-index';
import { clientReceives } from './ann-build-context';
import { annFileOid } from './ann-orphans';

const DIM = 16;

async function insertRows(s: Session, table: string, from: number, to: number, rand: () => number, dim = DIM): Promise<void> {
  for (let start = from; start < to; start += 500) {
    const values: string[] = [];
    for (let id = start; id < Math.min(to, start + 500); id++) values.push(`(${id}, '${randomVectorText(rand, dim)}')`);
    await rows(s, `INSERT INTO ${table} VALUES ${values.join(',')}`);
  }
}

/** Every `ann.*` file of table `name`'s sealed segments. */
function annFiles(h: VectorHarness, name: string): string[] {
  const id = h.storageId(name);
  const view = h.engine.snapshot();
  try {
    return view.table(id).segments.filter((x) => x.sealed).flatMap((x) => (h.engine.segmentFiles(id, x.id) ?? []).filter((f) => f.startsWith('ann.')));
  } finally {
    view.release();
  }
}

async function notices(s: Session, sql: string): Promise<Array<{ severity: string; message: string }>> {
  const sink = new CollectingSink();
  await s.query(sql, sink, []);
  return sink.notices.map((n) => ({ severity: n.severity, message: n.message }));
}

async function indexOid(s: Session, name: string): Promise<number | undefined> {
  const r = await rows(s, `SELECT oid FROM pg_class WHERE relname = '${name}'`);
  return r.length > 0 ? Number(r[0][0]) : undefined;
}

describe('client_min_messages levels', () => {
  it('DEBUG1 reaches the client at debug1..debug5 only; INFO always', () => {
    expect(clientReceives('notice', 'debug1')).toBe(false);
    expect(clientReceives('log', 'debug1')).toBe(false);
    expect(clientReceives('debug1', 'debug1')).toBe(true);
    expect(clientReceives('debug5', 'debug1')).toBe(true);
    expect(clientReceives('debug1', 'debug2')).toBe(false);
    expect(clientReceives('warning', 'notice')).toBe(false);
    expect(clientReceives('error', 'info')).toBe(true);
    expect(clientReceives(null, 'notice')).toBe(true);
  });

  it('annFileOid reads only ann.<digits>', () => {
    expect(annFileOid('ann.16400')).toBe(16400);
    expect(annFileOid('ann.x')).toBeUndefined();
    expect(annFileOid('pq.16400')).toBeUndefined();
  });
});

describe('hnsw / ivfflat build polish', () => {
  let h: VectorHarness;
  let s: Session;
  const rand = lcg(7);

  beforeAll(async () => {
    h = await openVectorHarness();
    s = h.session();
    await rows(s, `CREATE TABLE items (id int, emb vector(${DIM}))`);
    await insertRows(s, 'items', 0, 1200, rand);
    await h.seal('items');
    await insertRows(s, 'items', 1200, 2000, rand);
  }, 120000);

  afterAll(async () => {
    await h.db.annIndexes.idle();
    await h.close();
  });

  it('phases are DEBUG1 messages: silent at the default client_min_messages', async () => {
    expect(await notices(s, 'CREATE INDEX quiet_idx ON items USING hnsw (emb vector_l2_ops)')).toEqual([]);
    await rows(s, 'SET client_min_messages = debug1');
    try {
      const got = await notices(s, 'CREATE INDEX loud_idx ON items USING hnsw (emb vector_cosine_ops)');
      expect(got.every((n) => n.severity === 'DEBUG')).toBe(true);
      // One build per sealed segment (2 here), each through pgvector's phase names.
      expect(got.map((n) => n.message)).toEqual(['hnsw: initializing', 'hnsw: loading tuples', 'hnsw: initializing', 'hnsw: loading tuples']);
      const ivf = await notices(s, 'CREATE INDEX ivf_idx ON items USING ivfflat (emb vector_l2_ops) WITH (lists = 4)');
      expect(ivf.map((n) => n.message)).toEqual([
        'ivfflat: initializing', 'ivfflat: performing k-means', 'ivfflat: loading tuples',
        'ivfflat: initializing', 'ivfflat: performing k-means', 'ivfflat: loading tuples',
      ]);
      expect((await notices(s, 'REINDEX INDEX loud_idx')).map((n) => n.message)).toContain('hnsw: loading tuples');
    } finally {
      await rows(s, 'RESET client_min_messages');
    }
    for (const name of ['quiet_idx', 'loud_idx', 'ivf_idx']) await rows(s, `DROP INDEX ${name}`);
    expect(annFiles(h, 'items')).toEqual([]);
  }, 120000);

  it('ROLLBACK of a CREATE INDEX block removes its files', async () => {
    await rows(s, 'BEGIN');
    await rows(s, 'CREATE INDEX tx_idx ON items USING hnsw (emb vector_l2_ops)');
    const oid = await indexOid(s, 'tx_idx');
    expect(annFiles(h, 'items')).toEqual([annFileName(oid!), annFileName(oid!)]);
    await rows(s, 'ROLLBACK');
    await h.db.annIndexes.idle();
    expect(annFiles(h, 'items')).toEqual([]);
    expect(await indexOid(s, 'tx_idx')).toBeUndefined();
  }, 60000);

  it('an OID handed out again after a ROLLBACK gets its own files (not the rolled-back graph)', async () => {
    await rows(s, 'BEGIN');
    await rows(s, 'CREATE INDEX first_idx ON items USING hnsw (emb vector_ip_ops)');
    const first = await indexOid(s, 'first_idx');
    await rows(s, 'ROLLBACK');
    await rows(s, 'CREATE INDEX second_idx ON items USING ivfflat (emb vector_l2_ops) WITH (lists = 4)');
    const second = (await indexOid(s, 'second_idx'))!;
    expect(second).toBe(first);
    await rows(s, 'SET ivfflat.probes = 4');
    const q = randomVectorText(lcg(99), DIM);
    // probes = lists: the ivfflat answer is exact, which a stale hnsw (ip) graph would not give.
    const got = await rows(s, `SELECT id FROM items ORDER BY emb <-> '${q}' LIMIT 5`);
    const want = await rows(s, `SELECT id FROM items ORDER BY (emb <-> '${q}') + 0 LIMIT 5`);
    expect(got).toEqual(want);
    await rows(s, 'RESET ivfflat.probes');
    await rows(s, 'DROP INDEX second_idx');
  }, 60000);

  it('ROLLBACK TO a savepoint before CREATE INDEX removes its files; a committed one stays', async () => {
    await rows(s, 'BEGIN');
    await rows(s, 'CREATE INDEX kept_idx ON items USING hnsw (emb vector_l2_ops)');
    await rows(s, 'SAVEPOINT a');
    await rows(s, 'CREATE INDEX gone_idx ON items USING ivfflat (emb vector_l2_ops) WITH (lists = 4)');
    const gone = (await indexOid(s, 'gone_idx'))!;
    await rows(s, 'ROLLBACK TO a');
    await rows(s, 'COMMIT');
    await h.db.annIndexes.idle();
    const kept = (await indexOid(s, 'kept_idx'))!;
    expect(annFiles(h, 'items').sort()).toEqual([annFileName(kept), annFileName(kept)]);
    expect(annFiles(h, 'items')).not.toContain(annFileName(gone));
    await rows(s, 'DROP INDEX kept_idx');
  }, 60000);

  it('a failed CREATE INDEX in a block leaves no files after ROLLBACK', async () => {
    await rows(s, 'BEGIN');
    await rows(s, 'CREATE INDEX f_idx ON items USING hnsw (emb vector_l2_ops)');
    expect((await failure(s, 'SELECT 1/0')).sqlstate).toBe('22012');
    await rows(s, 'ROLLBACK');
    await h.db.annIndexes.idle();
    expect(annFiles(h, 'items')).toEqual([]);
  }, 60000);

  it('CHECKPOINT and a restart collect orphan ann.<oid> files; committed indexes keep theirs', async () => {
    await rows(s, 'CREATE INDEX live_idx ON items USING hnsw (emb vector_l2_ops)');
    const live = (await indexOid(s, 'live_idx'))!;
    const id = h.storageId('items');
    const seg = h.engine.state.table(id).sealed[0].id;
    // What a crash between the file write and the commit leaves behind.
    await h.engine.addSegmentFiles(id, seg, { 'ann.987654': new Uint8Array([1, 2, 3]) });
    expect(annFiles(h, 'items')).toContain('ann.987654');
    await rows(s, 'CHECKPOINT');
    expect(annFiles(h, 'items')).not.toContain('ann.987654');
    expect(annFiles(h, 'items')).toEqual([annFileName(live), annFileName(live)]);

    await h.engine.addSegmentFiles(id, seg, { 'ann.987655': new Uint8Array([4]) });
    await h.reopen();
    s = h.session();
    await h.db.annIndexes.idle();
    expect(annFiles(h, 'items')).toEqual([annFileName(live), annFileName(live)]);
    await rows(s, 'DROP INDEX live_idx');
  }, 60000);

  it('ALTER DATABASE / ROLE ... SET hnsw.ef_search: 0A000 (per-database / per-role defaults are not kept)', async () => {
    for (const sql of ['ALTER DATABASE postgres SET hnsw.ef_search = 100', 'ALTER ROLE postgres SET hnsw.ef_search = 100']) {
      expect((await failure(s, sql)).sqlstate).toBe('0A000');
    }
  });

  it('a CancelRequest stops the native build: 57014, no index, no files', async () => {
    await rows(s, `CREATE TABLE big (id int, emb vector(64))`);
    await insertRows(s, 'big', 0, 12000, lcg(3), 64);
    await h.seal('big');
    const pending = failure(s, 'CREATE INDEX big_idx ON big USING hnsw (emb vector_l2_ops) WITH (m = 32, ef_construction = 400)');
    // Cancel once the native build runs (pg_stat_progress_create_index has its row).
    while (h.db.annIndexes.progress().length === 0) await new Promise((r) => setTimeout(r, 5));
    s.cancel();
    expect(await pending).toMatchObject({ sqlstate: '57014', message: 'canceling statement due to user request' });
    await h.db.annIndexes.idle();
    expect(await indexOid(s, 'big_idx')).toBeUndefined();
    expect(annFiles(h, 'big')).toEqual([]);
    // The table is usable and the same index builds afterwards.
    await rows(s, 'CREATE INDEX big_idx ON big USING hnsw (emb vector_l2_ops) WITH (m = 4, ef_construction = 8)');
    expect(annFiles(h, 'big')).toHaveLength(1);
  }, 180000);
});
