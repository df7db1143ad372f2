// Durability through the server: what a client saw committed survives a restart of the server
// process on the same data directory, after a clean shutdown (SIGTERM: sessions end, then a
// checkpoint) and after a crash (SIGKILL: recovery replays the WAL). A COPY of 200k rows is
// counted again after a restart.
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { startServer, type ServerHandle } from '@vecgres/server-process';
import { makeTempDir, type TempDir } from '@vecgres/server-process';

let dataRoot: TempDir;
beforeAll(() => {
  dataRoot = makeTempDir('vecgres-durability-');
});
afterAll(() => dataRoot.remove());

/** A server over `<dataRoot>/<name>` (the later --data-dir flag wins over the helper's own). */
function serve(name: string): Promise<ServerHandle> {
  return startServer({ args: ['--data-dir', dataRoot.file(name)] });
}

async function withClient<T>(server: ServerHandle, f: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client(server.pgConfig());
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  test(`rows committed through pg survive a ${signal} restart; uncommitted ones do not`, async () => {
    const first = await serve(`restart-${signal}`);
    try {
      await withClient(first, async (c) => {
        await c.query('CREATE TABLE kept (id int PRIMARY KEY, name text, score float8)');
        await c.query('INSERT INTO kept VALUES ($1, $2, $3), (2, NULL, 0.5)', [1, 'one', 1.25]);
        await c.query('BEGIN');
        await c.query("INSERT INTO kept VALUES (3, 'three', 3)");
        await c.query('COMMIT');
        await c.query('UPDATE kept SET name = $1 WHERE id = 2', ['two']);
        await c.query('DELETE FROM kept WHERE id = 3');
        await c.query('BEGIN');
        await c.query("INSERT INTO kept VALUES (4, 'never', 4)");
        // Left open: the restart must not keep it.
      });
    } finally {
      const exit = await first.stop(signal, 10_000);
      expect(exit).toEqual(signal === 'SIGTERM' ? { code: 0, signal: null } : { code: null, signal: 'SIGKILL' });
    }
    const second = await serve(`restart-${signal}`);
    try {
      const rows = await withClient(second, (c) => c.query('SELECT id, name, score FROM kept ORDER BY id'));
      expect(rows.rows).toEqual([
        { id: 1, name: 'one', score: 1.25 },
        { id: 2, name: 'two', score: 0.5 },
      ]);
      // The catalog came back too: the primary key still holds.
      const dup = await withClient(second, (c) => c.query('INSERT INTO kept VALUES (1, $1, 0)', ['dup']).catch((e: unknown) => e));
      expect(dup).toMatchObject({ code: '23505' });
    } finally {
      await second.stop('SIGTERM', 10_000);
    }
  }, 120_000);
}

test('COPY of 200k rows, restart, count', async () => {
  const n = 200_000;
  const first = await serve('copy');
  try {
    await withClient(first, async (c) => {
      await c.query('CREATE TABLE bulk (id int8, label text, v float8)');
      function* lines(): Generator<Buffer> {
        for (let i = 0; i < n; i += 5000) {
          let chunk = '';
          for (let j = i; j < Math.min(n, i + 5000); j++) chunk += `${j}\tlabel-${j}\t${j / 2}\n`;
          yield Buffer.from(chunk);
        }
      }
      const stream = c.query(copyFrom('COPY bulk FROM STDIN'));
      await pipeline(Readable.from(lines()), stream);
      expect(stream.rowCount).toBe(n);
    });
  } finally {
    await first.stop('SIGKILL', 10_000);
  }
  const second = await serve('copy');
  try {
    const r = await withClient(second, (c) => c.query('SELECT count(*)::int AS n, sum(id)::int8 AS s, max(label) AS m FROM bulk'));
    expect(r.rows).toEqual([{ n, s: String((n * (n - 1)) / 2), m: 'label-99999' }]);
  } finally {
    await second.stop('SIGTERM', 10_000);
  }
}, 300_000);
