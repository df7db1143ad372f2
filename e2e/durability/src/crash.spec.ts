// Crash acceptance test (issue 4): concurrent writers doing INSERT / UPDATE / DELETE / COPY in
// transactions, plus a client issuing CHECKPOINT / VACUUM, while the server is SIGKILLed at a
// random moment; after each restart:
//   - every transaction whose COMMIT was acknowledged is fully present,
//   - a transaction whose COMMIT was in flight is entirely present or entirely absent,
//   - nothing else is present (each writer's rows equal its model exactly),
//   - the same rows come back through a filtered read and a full scan, and a top-k search by
//     exact distance computed in SQL equals a brute-force top-k over the expected rows.
// Vector indexes arrive with the next issue; until then the "index" side of the last check is
// the SQL engine's scan + sort plan, not an ANN index.
//
// 20 rounds by default; VECGRES_SOAK=1 runs 100. DURABILITY_SEED=n replays a run.
import type { Client } from 'pg';
import { makeCluster, type Cluster } from './testing/cluster';
import { Rng } from './testing/rng';
import { ITEMS_DDL, SEARCH_SQL, Writer, describeDiff, dist2, readWriter, sameModel, type Model, type WriterOutcome } from './testing/workload';

const ROUNDS = process.env.VECGRES_SOAK === '1' ? 100 : 20;
const SEED = Number(process.env.DURABILITY_SEED ?? 20261121);
const WRITERS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A SQLSTATE from the server (a killed server sends none: its clients see socket errors). */
function serverError(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? `${code}: ${(e as Error).message}` : undefined;
}

async function verifyRound(c: Client, round: number, writers: Writer[], outcomes: WriterOutcome[], rng: Rng): Promise<{ applied: number; lost: number }> {
  let applied = 0;
  let lost = 0;
  for (const o of outcomes) {
    const bad = serverError(o.error);
    if (bad) throw new Error(`round ${round} writer ${o.w}: the server failed a statement instead of being killed: ${bad}`);
    const actual = await readWriter(c, o.w);
    const writer = writers[o.w - 1];
    if (sameModel(actual, o.acked)) {
      if (o.inDoubt) lost++;
      writer.acked = o.acked;
    } else if (o.inDoubt && sameModel(actual, o.inDoubt)) {
      applied++;
      writer.acked = o.inDoubt;
    } else {
      throw new Error(
        `round ${round} writer ${o.w}: rows match neither the acknowledged state (${describeDiff(o.acked, actual)})` +
          (o.inDoubt ? ` nor the in-doubt transaction's (${describeDiff(o.inDoubt, actual)})` : ' (no commit was in flight)'),
      );
    }
  }
  // The full scan agrees with the per-writer filtered reads.
  const all: Array<{ w: number; id: number; x: number[] }> = [];
  writers.forEach((wr) => wr.acked.forEach((r) => all.push({ w: wr.w, id: r.id, x: r.x })));
  const scan = await c.query<{ w: number; id: number }>('SELECT w, id FROM items ORDER BY w, id');
  expect(scan.rows.map((r) => `${r.w}:${r.id}`)).toEqual(all.map((r) => `${r.w}:${r.id}`));
  // Exact top-k through SQL equals brute force over the expected live rows.
  for (let q = 0; q < 3; q++) {
    const qv = [0, 1, 2, 3].map(() => (rng.int(81) - 40) / 4);
    const k = 10;
    const got = await c.query<{ w: number; id: number }>(SEARCH_SQL, [...qv, k]);
    const want = all
      .map((r) => ({ ...r, d: dist2(r.x, qv) }))
      .sort((a, b) => a.d - b.d || a.w - b.w || a.id - b.id)
      .slice(0, k);
    expect(got.rows.map((r) => `${r.w}:${r.id}`)).toEqual(want.map((r) => `${r.w}:${r.id}`));
  }
  return { applied, lost };
}

describe('crash: SIGKILL during concurrent transactions', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = makeCluster();
    await cluster.start();
    const c = await cluster.connect();
    await c.query(ITEMS_DDL);
    await c.end();
  });
  afterAll(async () => {
    await cluster?.remove();
  });

  it(`keeps every acknowledged commit and no partial one over ${ROUNDS} kill/restart rounds`, async () => {
    const rng = new Rng(SEED);
    const writers = Array.from({ length: WRITERS }, (_, i) => new Writer(i + 1, new Map() as Model, new Rng(SEED * 31 + i)));
    let committed = 0;
    let inDoubtApplied = 0;
    let inDoubtLost = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const clients = await Promise.all(writers.map(() => cluster.connect()));
      const maint = await cluster.connect();
      let stopped = false;
      const runs = writers.map((wr, i) => wr.run(clients[i], () => stopped));
      const maintenance = (async () => {
        while (!stopped) {
          await sleep(50 + rng.int(300));
          try {
            await maint.query(rng.int(3) === 0 ? 'VACUUM items' : 'CHECKPOINT');
          } catch (e) {
            const bad = serverError(e);
            if (bad) throw new Error(`round ${round}: maintenance statement failed: ${bad}`);
            return;
          }
        }
      })();
      await sleep(150 + rng.int(1200));
      await cluster.kill();
      const outcomes = await Promise.all(runs);
      stopped = true;
      await maintenance;
      for (const c of [...clients, maint]) c.end().catch(() => undefined);
      committed += outcomes.reduce((n, o) => n + o.committed, 0);
      for (const w of writers) w.committed = 0;

      await cluster.start();
      const c = await cluster.connect();
      try {
        const r = await verifyRound(c, round, writers, outcomes, rng);
        inDoubtApplied += r.applied;
        inDoubtLost += r.lost;
      } catch (e) {
        const log = (cluster.server().stdout() + cluster.server().stderr()).split('\n').filter((l) => !/"level":(10|20|30),/.test(l));
        throw new Error(`round ${round}: ${(e as Error).message}\nserver log (warnings and errors):\n${log.slice(-20).join('\n')}`);
      } finally {
        await c.end();
      }
    }
    await cluster.stop();
    const rows = writers.reduce((n, w) => n + w.acked.size, 0);
    process.stdout.write(`crash test: ${ROUNDS} rounds, ${committed} acknowledged transactions, ${rows} live rows at the end, ` +
      `in-doubt commits found applied ${inDoubtApplied} / absent ${inDoubtLost}\n`);
    expect(committed).toBeGreaterThan(ROUNDS);
  });
});
