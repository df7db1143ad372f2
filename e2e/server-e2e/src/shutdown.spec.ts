// Shutdown: SIGTERM (and SIGINT) stop the server cleanly: an idle session receives FATAL 57P01
// `terminating connection due to administrator command`, and the process exits with code 0.
import { Client } from 'pg';
import { startServer } from '@vecgres/server-process';
import { withTimeout } from './testing/wait';

test('SIGTERM with an open idle connection: the client gets 57P01 and the process exits 0', async () => {
  const server = await startServer();
  const client = new Client(server.pgConfig());
  try {
    await client.connect();
    expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    const clientError = new Promise<any>((resolve) => client.on('error', resolve));
    const clientEnded = new Promise<void>((resolve) => client.on('end', () => resolve()));

    const exit = await server.stop('SIGTERM', 10_000);
    expect(exit).toEqual({ code: 0, signal: null });
    const err = await withTimeout(clientError, 5000, 'the 57P01 error event');
    expect(err).toMatchObject({ code: '57P01', severity: 'FATAL', message: 'terminating connection due to administrator command' });
    await withTimeout(clientEnded, 5000, 'the client connection end');
  } finally {
    await client.end().catch(() => undefined);
    await server.stop('SIGKILL', 1000);
  }
});

test('SIGTERM while a transaction block is open and another client is mid-query', async () => {
  const server = await startServer();
  const idle = new Client(server.pgConfig());
  const busy = new Client(server.pgConfig());
  try {
    await idle.connect();
    await busy.connect();
    idle.on('error', () => undefined);
    busy.on('error', () => undefined);
    await idle.query('BEGIN');
    const sleeping = busy.query('SELECT pg_sleep(20)').then(
      () => 'completed',
      (e) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    const exit = await server.stop('SIGTERM', 10_000);
    expect(exit).toEqual({ code: 0, signal: null });
    // PostgreSQL terminates a running statement with the same FATAL 57P01.
    expect(await withTimeout(sleeping, 5000, 'the running query')).toMatchObject({ code: '57P01' });
  } finally {
    await idle.end().catch(() => undefined);
    await busy.end().catch(() => undefined);
    await server.stop('SIGKILL', 1000);
  }
});

test('SIGINT with no connections exits 0', async () => {
  const server = await startServer();
  expect(await server.stop('SIGINT', 10_000)).toEqual({ code: 0, signal: null });
});
