// Server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL runs it: mechanism
// SCRAM-SHA-256 only (no channel binding, so no -PLUS), the user name in the SCRAM message is
// ignored (the startup packet's user counts), and an unknown user still gets a full exchange
// with mock credentials so the failure does not reveal whether the user exists.
// @see https://www.postgresql.org/docs/current/sasl-authentication.html
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { SqlError, SQLSTATE, protocolViolation } from '@vecgres/errors';
import { saslprep } from './saslprep';

export const SCRAM_MECHANISM = 'SCRAM-SHA-256';
/** PostgreSQL's default scram_iterations. */
export const SCRAM_ITERATIONS = 4096;

/** What pg_authid stores for a SCRAM password. */
export interface ScramCredentials {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

/**
 * Derived SCRAM credentials per user, kept for the life of the process so a user sees the
 * same salt on every connection (as with a stored pg_authid secret) and PBKDF2 runs once per
 * password, not once per login. `passwordHash` (SHA-256) detects a changed password.
 */
export type ScramCache = Map<string, { passwordHash: string; credentials: ScramCredentials }>;

export function createScramCache(): ScramCache {
  return new Map();
}

const hmac = (key: Buffer, data: string | Buffer): Buffer => createHmac('sha256', key).update(data).digest();
const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** Derives the stored credentials (salt: any length, 16 bytes usual). */
export function scramCredentials(password: string, salt: Buffer, iterations = SCRAM_ITERATIONS): ScramCredentials {
  const salted = pbkdf2Sync(saslprep(password), salt, iterations, 32, 'sha256');
  return { salt, iterations, storedKey: sha256(hmac(salted, 'Client Key')), serverKey: hmac(salted, 'Server Key') };
}

function malformed(detail: string): SqlError {
  return protocolViolation('malformed SCRAM message', { severity: 'FATAL', detail });
}

/** Splits `k=v,k=v` attributes, keeping '=' inside values (base64 padding). */
function attributes(message: string): Array<[string, string]> {
  return message.split(',').map((part) => {
    if (part.length < 2 || part[1] !== '=') throw malformed(`Attribute expected, but found "${part}".`);
    return [part[0]!, part.slice(2)];
  });
}

const PRINTABLE_NONCE = /^[\x21-\x2B\x2D-\x7E]+$/;

/** One SCRAM exchange: client-first -> server-first, client-final -> server-final. */
export class ScramExchange {
  private clientFirstBare = '';
  private serverFirst = '';
  private nonce = '';
  private gs2Header = '';

  /** serverNonce: for tests (RFC 7677 vector); random base64 otherwise. */
  constructor(
    private readonly creds: ScramCredentials,
    private readonly serverNonce: string = randomBytes(18).toString('base64'),
  ) {}

  /** Handles client-first-message; returns server-first-message. */
  clientFirst(message: string): string {
    // gs2-header: cbind-flag "," [authzid] ","
    const first = message.indexOf(',');
    const second = first === -1 ? -1 : message.indexOf(',', first + 1);
    if (second === -1) throw malformed('Comma expected in GS2 header.');
    const flag = message.slice(0, first);
    const authzid = message.slice(first + 1, second);
    if (flag.startsWith('p=')) {
      throw malformed('The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding data.');
    }
    if (flag !== 'n' && flag !== 'y') throw malformed(`Unexpected channel-binding flag "${flag}".`);
    if (authzid !== '') {
      throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'client uses authorization identity, but it is not supported', {
        severity: 'FATAL',
      });
    }
    this.gs2Header = message.slice(0, second + 1);
    this.clientFirstBare = message.slice(second + 1);
    const attrs = attributes(this.clientFirstBare);
    if (attrs[0]?.[0] === 'm') throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'client requires an unsupported SCRAM extension', { severity: 'FATAL' });
    if (attrs[0]?.[0] !== 'n') throw malformed('Expected attribute "n".');
    const clientNonce = attrs[1]?.[0] === 'r' ? attrs[1][1] : undefined;
    if (clientNonce === undefined || !PRINTABLE_NONCE.test(clientNonce)) throw malformed('Expected attribute "r".');
    this.nonce = clientNonce + this.serverNonce;
    this.serverFirst = `r=${this.nonce},s=${this.creds.salt.toString('base64')},i=${this.creds.iterations}`;
    return this.serverFirst;
  }

  /** Handles client-final-message; `ok` false means a wrong password (28P01 for the caller). */
  clientFinal(message: string): { ok: boolean; serverFinal: string } {
    const proofAt = message.lastIndexOf(',p=');
    if (proofAt === -1) throw malformed('Expected attribute "p".');
    const withoutProof = message.slice(0, proofAt);
    const attrs = attributes(withoutProof);
    if (attrs[0]?.[0] !== 'c') throw malformed('Expected attribute "c".');
    if (Buffer.from(attrs[0][1], 'base64').toString('latin1') !== this.gs2Header) {
      throw malformed('SCRAM channel binding check failed.');
    }
    if (attrs[1]?.[0] !== 'r') throw malformed('Expected attribute "r".');
    if (attrs[1][1] !== this.nonce) throw malformed('Nonce does not match.');
    const proof = Buffer.from(message.slice(proofAt + 3), 'base64');
    if (proof.length !== 32) throw malformed('Malformed proof in client-final-message.');

    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const clientSignature = hmac(this.creds.storedKey, authMessage);
    const clientKey = Buffer.alloc(32);
    for (let i = 0; i < 32; i++) clientKey[i] = proof[i]! ^ clientSignature[i]!;
    const ok = timingSafeEqual(sha256(clientKey), this.creds.storedKey);
    const serverSignature = hmac(this.creds.serverKey, authMessage);
    return { ok, serverFinal: `v=${serverSignature.toString('base64')}` };
  }
}
