// Protocol fuzzing: 10,000 random and mutated frontend messages over many short loopback
// connections (valid frames from pg-protocol's serializer, bit-flipped, re-lengthed,
// truncated, retyped, or pure garbage; some connections with broken startup packets). After
// it the server must still be running and serving, no connection may hang after we close our
// side, and its memory must stay bounded. Deterministic: E2E_FUZZ_SEED replays a run.
import { Client } from 'pg';
import { mutate, Rng, seededRandom, startupFrame, validFrame } from './testing/fuzz-frames';
import { rssMiB } from '@vecgres/server-process';
import { RawConnection } from './testing/raw-connection';
import { ServerHandle, startServer } from '@vecgres/server-process';

const SEED = Number(process.env.E2E_FUZZ_SEED ?? 20261121);
const TOTAL_MESSAGES = 10_000;
const MESSAGES_PER_CONNECTION = 40;
const CONCURRENCY = 4;
/** Bound on the whole run; the suite's own timeout is above it. */
const DEADLINE_MS = 100_000;

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

interface Stats {
  connections: number;
  messages: number;
  hung: number;
  fatal: number;
  startupFailures: number;
}

async function fuzzConnection(rng: Rng, stats: Stats): Promise<void> {
  const raw = await RawConnection.connect(server.host, server.port);
  stats.connections++;
  try {
    if (rng() < 0.1) {
      // A broken or odd start: bad startup packet, SSLRequest, CancelRequest, garbage.
      const parts = [startupFrame(rng, false)];
      for (let i = Math.floor(rng() * 4); i > 0; i--) parts.push(mutate(rng, validFrame(rng)));
      stats.messages += parts.length;
      raw.send(Buffer.concat(parts));
    } else {
      raw.send(startupFrame(rng, true));
      stats.messages++;
      try {
        await raw.waitFor((m) => m.type === 'Z', 10_000, 'ReadyForQuery');
      } catch {
        stats.startupFailures++;
        return;
      }
      let left = MESSAGES_PER_CONNECTION;
      while (left > 0 && !raw.isClosed()) {
        const batch: Buffer[] = [];
        for (let n = 1 + Math.floor(rng() * 8); n > 0 && left > 0; n--, left--) {
          const frame = validFrame(rng);
          batch.push(rng() < 0.7 ? frame : mutate(rng, frame));
        }
        stats.messages += batch.length;
        raw.send(Buffer.concat(batch));
        // Let the server answer part of the time, so it sees messages in many states.
        if (rng() < 0.5) await new Promise((r) => setImmediate(r));
      }
    }
  } finally {
    if ((await raw.endAndWaitClosed(5000)) === 'timeout') stats.hung++;
    if (raw.firstError()?.severity === 'FATAL') stats.fatal++;
  }
}

test(`10,000 fuzzed messages (seed ${SEED}) leave the server running and serving`, async () => {
  const witness = new Client(server.pgConfig());
  await witness.connect();
  witness.on('error', () => undefined);
  const rssBefore = rssMiB(server.pid);
  const stats: Stats = { connections: 0, messages: 0, hung: 0, fatal: 0, startupFailures: 0 };
  const started = Date.now();

  // CONCURRENCY lanes, each with its own PRNG stream so a run replays identically.
  const lane = async (id: number): Promise<void> => {
    const rng = seededRandom(SEED * 31 + id);
    while (stats.messages < TOTAL_MESSAGES && Date.now() - started < DEADLINE_MS) {
      await fuzzConnection(rng, stats);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => lane(id)));

  const summary = `seed ${SEED}: ${JSON.stringify(stats)} in ${Date.now() - started} ms`;
  if (process.env.E2E_VERBOSE === '1') console.log(summary);
  server.assertAlive();
  expect({ summary, reachedCount: stats.messages >= TOTAL_MESSAGES }).toEqual({ summary, reachedCount: true });
  expect({ summary, hung: stats.hung, startupFailures: stats.startupFailures }).toEqual({ summary, hung: 0, startupFailures: 0 });

  // Still serving: the witness session (open throughout) and a brand-new one.
  expect((await witness.query('SELECT $1::int4 AS n', [7])).rows).toEqual([{ n: 7 }]);
  await witness.end();
  const fresh = new Client(server.pgConfig());
  await fresh.connect();
  expect((await fresh.query("SELECT 'still here' AS s")).rows).toEqual([{ s: 'still here' }]);
  await fresh.end();

  // ~250 short sessions should not leave state behind; 150 MiB is far above what a few
  // hundred closed sessions need and far below what leaking their buffers would cost.
  const rssAfter = rssMiB(server.pid);
  if (process.env.E2E_VERBOSE === '1') console.log(`fuzz: RSS ${rssBefore.toFixed(1)} -> ${rssAfter.toFixed(1)} MiB`);
  expect(rssAfter - rssBefore).toBeLessThan(150);
}, 150_000);
