// Where things live, resolved from this file so the suite works from any cwd.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The monorepo root (e2e/server-e2e/src/testing -> ../../../..). */
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** The server entry point started as `node --import tsx <entry> serve ...`. */
/** Overridable (E2E_SERVER_ENTRY) to check the harness itself against a stand-in server. */
export const SERVER_ENTRY = process.env.E2E_SERVER_ENTRY ?? join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');

export const PSQL_PATH = process.env.E2E_PSQL ?? '/usr/bin/psql';
export const OPENSSL_PATH = process.env.E2E_OPENSSL ?? 'openssl';

/** Fails loudly (never skips) when a tool a test needs is missing. */
export function requireFile(path: string, what: string, hint: string): void {
  if (!existsSync(path)) {
    throw new Error(`${what} not found at ${path}: ${hint}`);
  }
}
