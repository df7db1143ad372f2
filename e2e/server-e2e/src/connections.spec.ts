// Many connections: a pg.Pool of 50 concurrent connections each running 20 queries, and the
// --max-connections limit (the 11th connection of 10 gets 53300, a freed slot is reusable).
// Always runs against vecgres (it needs server flags).
import { Client, Pool } from 'pg';
import { ServerHandle, startServer } from '@vecgres/server-process';
import { delay, rejectionOf } from './testing/wait';

describe('a pool of 50 connections', () => {
  let server: ServerHandle;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  test('50 concurrent connections x 20 queries all succeed', async () => {
    const pool = new Pool(server.pgConfig({ max: 50, connectionTimeoutMillis: 30_000 }));
    try {
      let peak = 0;
      const worker = async (w: number): Promise<number> => {
        // Hold one connection for all 20 queries, so 50 really are open at once.
        const client = await pool.connect();
        try {
          peak = Math.max(peak, pool.totalCount);
          let ok = 0;
          for (let q = 0; q < 20; q++) {
            const n = w * 100 + q;
            const r = await client.query('SELECT $1::int4 AS n, $2::text AS s', [n, `w${w}`]);
            if (r.rows[0].n === n && r.rows[0].s === `w${w}`) ok++;
          }
          return ok;
        } finally {
          client.release();
        }
      };
      const results = await Promise.all(Array.from({ length: 50 }, (_, w) => worker(w)));
      expect(results).toEqual(Array(50).fill(20));
      expect(peak).toBe(50);
      expect(pool.totalCount).toBe(50);
    } finally {
      await pool.end();
    }
    server.assertAlive();
  });
});

describe('--max-connections 10', () => {
  let server: ServerHandle;

  beforeAll(async () => {
    server = await startServer({ args: ['--max-connections', '10'] });
  });

  afterAll(async () => {
    await server?.stop();
  });

  test('the 11th connection gets FATAL 53300; closing one frees a slot', async () => {
    const clients: Client[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const c = new Client(server.pgConfig());
        c.on('error', () => undefined); // server-side closes are reported by the assertions
        await c.connect();
        clients.push(c);
      }
      // All ten are real sessions.
      const rows = await Promise.all(clients.map((c, i) => c.query('SELECT $1::int4 AS i', [i]).then((r) => r.rows[0].i)));
      expect(rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

      const eleventh = new Client(server.pgConfig());
      eleventh.on('error', () => undefined);
      clients.push(eleventh); // ended in finally if it (wrongly) connects
      const err = await rejectionOf(eleventh.connect());
      clients.pop();
      expect(err).toMatchObject({ code: '53300', severity: 'FATAL', message: 'sorry, too many clients already' });

      await clients.pop()!.end();
      // The server notices the close asynchronously: retry for a few seconds.
      let connected: Client | undefined;
      for (let attempt = 0; attempt < 50 && !connected; attempt++) {
        const c = new Client(server.pgConfig());
        c.on('error', () => undefined);
        try {
          await c.connect();
          connected = c;
        } catch (e) {
          if ((e as any).code !== '53300') throw e;
          await delay(100);
        }
      }
      expect(connected).toBeDefined();
      clients.push(connected!);
      expect((await connected!.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    }
  });
});
