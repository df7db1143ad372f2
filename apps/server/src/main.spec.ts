// The CLI as the e2e tests and operators use it: a child process running main.ts with tsx.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, 'main.ts');
const ROOT = join(__dirname, '..', '..', '..');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'vecgres-cli-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function start(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0', '--log-level', 'warn', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /vecgres listening on (\S+:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  listening.catch(() => undefined);
  return { child, listening, exited, stderr: () => err };
}

describe('vecgres CLI', () => {
  it('an invalid flag exits 1 with one line and no stack', () => {
    const r = run(['serve', '--port', 'abc', '--data-dir', join(tmp, 'd')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('vecgres: invalid port "abc" (from --port): expected an integer from 0 to 65535\n');
    expect(r.stdout).toBe('');
  });

  it('an unknown command prints help and exits 1', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    expect(r.stderr).toContain('Usage: vecgres');
    const none = run([]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('serve');
  });

  it('serves, locks its data dir, and exits 0 on SIGTERM', async () => {
    const dataDir = join(tmp, 'data');
    const server = start(['--data-dir', dataDir]);
    const address = await server.listening;
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(existsSync(join(dataDir, 'vecgres.pid'))).toBe(true);

    const second = run(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/^vecgres: lock file "vecgres\.pid" already exists\nHINT: Is another vecgres server \(PID \d+\) running in data directory ".*"\?\n$/);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dataDir, 'vecgres.pid'))).toBe(false);
  }, 60_000);

  it('takes its settings from the environment', () => {
    const bad = run(['serve', '--data-dir', join(tmp, 'x')], { VECGRES_MAX_CONNECTIONS: 'many' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('vecgres: invalid max connections "many" (from VECGRES_MAX_CONNECTIONS): expected an integer from 1 to 100000\n');
  });
});

describe('thread pool size', () => {
  it('is set before anything else when not given', () => {
    const saved = process.env.UV_THREADPOOL_SIZE;
    delete process.env.UV_THREADPOOL_SIZE;
    jest.isolateModules(() => {
      require('./thread-pool-size');
    });
    expect(Number(process.env.UV_THREADPOOL_SIZE)).toBeGreaterThanOrEqual(4);
    process.env.UV_THREADPOOL_SIZE = '7';
    jest.isolateModules(() => {
      require('./thread-pool-size');
    });
    expect(process.env.UV_THREADPOOL_SIZE).toBe('7');
    if (saved === undefined) delete process.env.UV_THREADPOOL_SIZE;
    else process.env.UV_THREADPOOL_SIZE = saved;
  });
});
