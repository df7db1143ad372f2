// A throw-away self-signed certificate for the TLS scenarios, made with the openssl CLI at
// test time (nothing secret is checked in).
import { execFileSync } from 'node:child_process';
import { OPENSSL_PATH } from './repo-paths';
import type { TempDir } from '@vecgres/server-process';

export function makeSelfSignedCert(dir: TempDir): { cert: string; key: string } {
  const cert = dir.file('server.crt');
  const key = dir.file('server.key');
  try {
    execFileSync(
      OPENSSL_PATH,
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', key, '-out', cert],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (err) {
    throw new Error(`openssl could not make a self-signed certificate (is openssl installed? set E2E_OPENSSL): ${(err as Error).message}`);
  }
  return { cert, key };
}
