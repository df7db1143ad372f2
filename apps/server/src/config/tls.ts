// Loads the TLS certificate and key into a SecureContext once at start-up (pg-wire upgrades a
// socket after SSLRequest with it). Failures are ConfigErrors: exit 1 with one line.
import { readFileSync } from 'node:fs';
import { createSecureContext, type SecureContext } from 'node:tls';
import { ConfigError, type TlsFiles } from './config-types';

function read(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(`cannot read TLS ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export function loadTlsContext(files: TlsFiles): SecureContext {
  const cert = read(files.cert, 'certificate');
  const key = read(files.key, 'key');
  try {
    return createSecureContext({ cert, key });
  } catch (err) {
    throw new ConfigError(`invalid TLS certificate/key (${files.cert}, ${files.key}): ${(err as Error).message.split('\n')[0]}`);
  }
}
