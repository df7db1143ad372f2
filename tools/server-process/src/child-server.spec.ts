// The child-process harness against stand-in servers (small node scripts): the ready line,
// output capture, stop with SIGTERM and the SIGKILL fallback, failed starts with diagnostics,
// and cleanup once the process is gone.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from './child-server';
import { pgConninfo } from './vecgres-server';

const LISTENING = /stand-in listening on (\S+):(\d+)/;

/** `node -e <script>` as a server. */
function script(code: string): string[] {
  return ['-e', code];
}

describe('startChildServer', () => {
  it('waits for the ready line, keeps the output, stops with SIGTERM and runs cleanup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'server-process-spec-'));
    const s = await startChildServer({
      args: script(`console.error('warming up'); setTimeout(() => console.log('stand-in listening on 127.0.0.1:5999'), 50); setInterval(() => {}, 1000);`),
      listening: LISTENING, cwd: process.cwd(), cleanup: () => rmSync(dir, { recursive: true, force: true }),
    });
    expect([s.host, s.port]).toEqual(['127.0.0.1', 5999]);
    expect(s.isRunning()).toBe(true);
    expect(() => s.assertAlive()).not.toThrow();
    expect(s.stderr()).toContain('warming up');
    expect(await s.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(s.isRunning()).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(() => s.assertAlive()).toThrow(/server exited/);
  });

  it('SIGKILLs a server that ignores SIGTERM past the grace period', async () => {
    const s = await startChildServer({
      args: script(`process.on('SIGTERM', () => {}); console.log('stand-in listening on 127.0.0.1:1'); setInterval(() => {}, 1000);`),
      listening: LISTENING, cwd: process.cwd(),
    });
    expect(await s.stop('SIGTERM', 200)).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('a server exiting before it listens rejects with its stderr; cleanup still runs', async () => {
    let cleaned = 0;
    await expect(startChildServer({
      args: script(`console.error('FATAL: data directory is locked'); process.exit(3);`),
      listening: LISTENING, cwd: process.cwd(), cleanup: () => cleaned++,
    })).rejects.toThrow(/exited before listening \(code 3[\s\S]*data directory is locked/);
    expect(cleaned).toBe(1);
  });

  it('a server that never prints the line times out and is killed', async () => {
    await expect(startChildServer({
      args: script(`setInterval(() => {}, 1000);`), listening: LISTENING, cwd: process.cwd(), startTimeoutMs: 300,
    })).rejects.toThrow(/did not print/);
  });

  it('removes VECGRES_* variables from the child environment and adds the caller\'s', async () => {
    process.env.VECGRES_PORT = '1234';
    try {
      const s = await startChildServer({
        args: script(`console.log('stand-in listening on ' + (process.env.VECGRES_PORT ?? 'none') + ':' + process.env.EXTRA); setInterval(() => {}, 1000);`),
        listening: LISTENING, cwd: process.cwd(), env: { EXTRA: '7' },
      });
      expect([s.host, s.port]).toEqual(['none', 7]);
      await s.stop();
    } finally {
      delete process.env.VECGRES_PORT;
    }
  });
});

describe('pgConninfo', () => {
  it('quotes every value for libpq and lets params override the defaults', () => {
    expect(pgConninfo('127.0.0.1', 5433)).toBe("host='127.0.0.1' port='5433' user='postgres' dbname='postgres' sslmode='disable'");
    expect(pgConninfo('h', 1, { user: "o'neil\\x", sslmode: 'require' })).toBe("host='h' port='1' user='o\\'neil\\\\x' dbname='postgres' sslmode='require'");
  });
});
