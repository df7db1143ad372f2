// Runs a psql script file non-interactively: no ~/.psqlrc (-X), never prompting (-w),
// unaligned output with `|` separators (-A), so the output is compared text for text.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PSQL_PATH = process.env.E2E_PSQL ?? '/usr/bin/psql';

export function runPsqlFile(conninfo: string, file: string, timeoutMs = 120_000): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(PSQL_PATH)) {
    throw new Error(`psql not found at ${PSQL_PATH}: run tools/scripts/install-system-deps.sh or set E2E_PSQL`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: '20' };
  // The developer's libpq settings must not change which server, user or options psql uses.
  for (const k of ['PGHOST', 'PGPORT', 'PGUSER', 'PGDATABASE', 'PGSSLMODE', 'PGSERVICE', 'PGPASSWORD', 'PGOPTIONS', 'PGTZ', 'PGDATESTYLE']) delete env[k];
  const args = ['-X', '-w', '-A', '-F', '|', '-d', conninfo, '-f', file];
  return new Promise((resolve) => {
    execFile(PSQL_PATH, args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
