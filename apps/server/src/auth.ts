// The AuthProvider pg-wire asks during startup, built from the config's `auth` section
// (a pg_hba.conf-like decision, simplified):
//   - a listed user with a method uses it;
//   - a listed user with a password and no method uses scram-sha-256;
//   - anyone else gets auth.defaultMethod, which defaults to trust for loopback connections and
//     scram-sha-256 otherwise (so a remote unknown user fails with 28P01).
import { isIP } from 'node:net';
import type { AuthMethod, AuthProvider } from '@vecgres/pg-wire';
import type { AuthConfig } from './config/config-types';

/** 127.0.0.0/8, ::1, IPv4-mapped loopback, and Unix-domain sockets (no address). */
export function isLoopback(address: string): boolean {
  if (address === '' || address === 'local') return true;
  const a = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  if (isIP(a) === 4) return a.startsWith('127.');
  return a === '::1';
}

export function createAuthProvider(auth: AuthConfig): AuthProvider {
  // A null-prototype copy: user names like "__proto__" or "constructor" must not hit Object.prototype.
  const users = new Map(Object.entries(auth.users));
  return {
    method(user: string, _database: string, remoteAddress: string): AuthMethod {
      const u = users.get(user);
      if (u?.method) return u.method;
      if (u?.password !== undefined) return 'scram-sha-256';
      if (auth.defaultMethod) return auth.defaultMethod;
      return isLoopback(remoteAddress) ? 'trust' : 'scram-sha-256';
    },
    password(user: string): string | undefined {
      return users.get(user)?.password;
    },
  };
}
