// Runs /usr/bin/psql non-interactively: `-X` (no ~/.psqlrc), ON_ERROR_STOP, unaligned
// tuples-only output (`-A -t`), password from PGPASSWORD, never prompting (`-w`).
import { execFile } from 'node:child_process';
import { PSQL_PATH, requireFile } from './repo-paths';

export interface PsqlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PsqlOptions {
  password?: string;
  cwd?: string;
  /** Extra psql arguments before the scripted ones. */
  extraArgs?: string[];
  timeoutMs?: number;
}

/**
 * `script` items are `{c: sql}` (one `-c`) or `{f: path}` (one `-f`), run in order in one
 * session (psql 15 shows the results of every statement of a multi-statement `-c`).
 */
export function runPsql(
  conninfo: string,
  script: Array<{ c: string } | { f: string }>,
  options: PsqlOptions = {},
): Promise<PsqlResult> {
  requireFile(PSQL_PATH, 'psql', 'install postgresql-client (tools/scripts/install-system-deps.sh) or set E2E_PSQL');
  const args = ['-X', '-w', '-v', 'ON_ERROR_STOP=1', '-A', '-t', ...(options.extraArgs ?? []), '-d', conninfo];
  for (const step of script) {
    if ('c' in step) args.push('-c', step.c);
    else args.push('-f', step.f);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: '20' };
  // Variables the developer may have set must not change which server or user psql uses.
  for (const k of ['PGHOST', 'PGPORT', 'PGUSER', 'PGDATABASE', 'PGSSLMODE', 'PGSERVICE', 'PGPASSWORD', 'PGOPTIONS']) delete env[k];
  if (options.password !== undefined) env.PGPASSWORD = options.password;
  return new Promise((resolve) => {
    execFile(
      PSQL_PATH,
      args,
      { env, cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as any).code === 'number' ? (err as any).code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
