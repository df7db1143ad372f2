// A throwaway real PostgreSQL (the oracle the expected results come from): initdb into a temp
// dir, start it on a free loopback port with fsync off and trust auth, hand back a URL, stop it
// and delete everything on teardown. E2E_REAL_PG_URL uses an existing server instead.
//
// initdb and postgres refuse to run as root, and these tests usually run as root in containers,
// so as root every PostgreSQL command runs as the `postgres` OS user through runuser.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const INSTALL_HINT =
  'install PostgreSQL with `bash tools/scripts/install-system-deps.sh` (Debian: apt-get install postgresql), ' +
  'or point E2E_REAL_PG_URL at a server whose user may CREATE DATABASE';

export interface PostgresOracle {
  /** `postgres://user@host:port/postgres` — a superuser (or CREATEDB) connection. */
  readonly url: string;
  /** True when this process started the server (false with E2E_REAL_PG_URL). */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export function externalOracleUrl(): string | undefined {
  const url = process.env.E2E_REAL_PG_URL;
  return url && url.trim() !== '' ? url.trim() : undefined;
}

/** The newest `/usr/lib/postgresql/<ver>/bin` holding initdb and pg_ctl (or SQLLOGIC_PG_BIN). */
export function findPostgresBin(root = '/usr/lib/postgresql'): string {
  const override = process.env.SQLLOGIC_PG_BIN;
  const candidates = override
    ? [override]
    : existsSync(root)
      ? readdirSync(root)
          .filter((v) => /^\d+(\.\d+)?$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => join(root, v, 'bin'))
      : [];
  const bin = candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!bin) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) not found in ${override ?? `${root}/<version>/bin`}: ${INSTALL_HINT}`,
    );
  }
  return bin;
}

export async function startPostgresOracle(): Promise<PostgresOracle> {
  const external = externalOracleUrl();
  if (external) return { url: external, owned: false, stop: async () => undefined };

  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : { uid: userInfo().uid, gid: userInfo().gid };
  const dir = mkdtempSync(join(tmpdir(), 'vecgres-sqllogic-pg-'));
  chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const pg = (tool: string, args: string[]) => {
    const cmd = join(bin, tool);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  };

  // If the test process dies before teardown, do not leave a postmaster behind.
  const killOnExit = (): void => killPostmaster(data);
  process.once('exit', killOnExit);
  const cleanup = (): void => {
    process.removeListener('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // C locale: byte-order text sorting and untranslated messages, like the engine under test.
    await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await startOnFreePort(pg, data, dir);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      owned: true,
      async stop() {
        await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => killPostmaster(data));
        cleanup();
      },
    };
  } catch (err) {
    killPostmaster(data);
    cleanup();
    throw new Error(`could not start the PostgreSQL oracle from ${bin}: ${errorText(err)}`);
  }
}

type PgTool = (tool: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;

/** A free port can be taken between probing and binding; retry a few times then. */
async function startOnFreePort(pg: PgTool, data: string, dir: string): Promise<number> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-F', // fsync off: a throwaway cluster
      '-c TimeZone=UTC',
      "-c 'DateStyle=ISO, MDY'",
      '-c IntervalStyle=postgres',
      '-c max_connections=30',
      '-c shared_buffers=32MB',
    ].join(' ');
    try {
      await pg('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o', options, 'start']);
      return port;
    } catch (err) {
      last = new Error(`${errorText(err)}\n${tail(join(dir, 'postgres.log'))}`);
    }
  }
  throw last;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) {
    throw new Error(`running as root needs the "postgres" OS user (created by the Debian package): ${INSTALL_HINT}`);
  }
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** SIGQUIT is PostgreSQL's immediate shutdown; synchronous so it works in an exit handler. */
function killPostmaster(data: string): void {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // not started, or already gone
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

function errorText(err: unknown): string {
  const e = err as { message?: string; stderr?: string };
  return [e.message, e.stderr].filter(Boolean).join('\n');
}
