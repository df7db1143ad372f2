// Where things live, resolved from this file so the suite works from any cwd.
import { existsSync } from 'node:fs';

export const PSQL_PATH = process.env.E2E_PSQL ?? '/usr/bin/psql';
export const OPENSSL_PATH = process.env.E2E_OPENSSL ?? 'openssl';

/** Fails loudly (never skips) when a tool a test needs is missing. */
export function requireFile(path: string, what: string, hint: string): void {
  if (!existsSync(path)) {
    throw new Error(`${what} not found at ${path}: ${hint}`);
  }
}
