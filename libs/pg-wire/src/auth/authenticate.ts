// The authentication exchange after the StartupMessage, for each AuthMethod. Ends with
// AuthenticationOk sent, or throws a FATAL SqlError (28P01 for a wrong password, 08P01 for a
// malformed exchange). A client that hangs up mid-exchange (psql does, to prompt for the
// password and reconnect) yields 'eof'.
// @see https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-START-UP
import { createHash, randomBytes } from 'node:crypto';
import { invalidPassword, protocolViolation, type SqlError } from '@vecgres/errors';
import { BufferReader } from '../buffer/buffer-reader';
import type { AuthMethod } from '../connection/options';
import type { AuthenticationMessage } from '../messages/backend/authentication';
import { decodePassword } from '../messages/frontend/password';
import { decodeSASLInitialResponse } from '../messages/frontend/sasl-initial-response';
import { decodeSASLResponse } from '../messages/frontend/sasl-response';
import { md5Salt, safeEqual, verifyMd5Response } from './md5';
import {
  SCRAM_ITERATIONS,
  SCRAM_MECHANISM,
  ScramExchange,
  scramCredentials,
  type ScramCache,
  type ScramCredentials,
} from './scram';

/** The two things the exchange needs from the connection. */
export interface AuthIo {
  /** Encodes and flushes one Authentication message. */
  send(msg: AuthenticationMessage): void;
  /** The body of the next 'p' message, or null at end of stream. */
  receive(): Promise<Buffer | null>;
}

export interface AuthRequest {
  method: AuthMethod;
  user: string;
  /** The configured password, undefined when the user has none. */
  password: string | undefined;
  /** Per-process SCRAM credentials cache; see ConnectionOptions.scramCache. */
  scramCache?: ScramCache;
}

function failed(user: string): SqlError {
  return invalidPassword(`password authentication failed for user "${user}"`, { severity: 'FATAL' });
}

export async function authenticate(io: AuthIo, req: AuthRequest): Promise<'ok' | 'eof'> {
  switch (req.method) {
    case 'trust':
      break;
    case 'password': {
      io.send({ type: 'AuthenticationCleartextPassword' });
      const body = await io.receive();
      if (body === null) return 'eof';
      const { password } = decodePassword(new BufferReader(body));
      // Like auth.c: an empty password never matches, even a configured empty one.
      if (password === '' || req.password === undefined || !safeEqual(password, req.password)) throw failed(req.user);
      break;
    }
    case 'md5': {
      const salt = md5Salt();
      io.send({ type: 'AuthenticationMD5Password', salt });
      const body = await io.receive();
      if (body === null) return 'eof';
      const { password } = decodePassword(new BufferReader(body));
      if (req.password === undefined || !verifyMd5Response(password, req.user, req.password, salt)) throw failed(req.user);
      break;
    }
    case 'scram-sha-256': {
      const outcome = await scramExchange(io, req);
      if (outcome !== 'ok') return outcome;
      break;
    }
  }
  io.send({ type: 'AuthenticationOk' });
  return 'ok';
}

function credentialsFor(req: AuthRequest): ScramCredentials {
  if (req.password === undefined) {
    // Mock credentials nobody can match (the password is random), so an unknown user goes
    // through the same exchange and fails at the proof, like PostgreSQL's mock_scram_secret.
    return scramCredentials(randomBytes(32).toString('base64'), randomBytes(16), SCRAM_ITERATIONS);
  }
  const passwordHash = createHash('sha256').update(req.password).digest('hex');
  const cached = req.scramCache?.get(req.user);
  if (cached && cached.passwordHash === passwordHash) return cached.credentials;
  const credentials = scramCredentials(req.password, randomBytes(16), SCRAM_ITERATIONS);
  req.scramCache?.set(req.user, { passwordHash, credentials });
  return credentials;
}

async function scramExchange(io: AuthIo, req: AuthRequest): Promise<'ok' | 'eof'> {
  io.send({ type: 'AuthenticationSASL', mechanisms: [SCRAM_MECHANISM] });
  const initialBody = await io.receive();
  if (initialBody === null) return 'eof';
  const initial = decodeSASLInitialResponse(new BufferReader(initialBody));
  if (initial.mechanism !== SCRAM_MECHANISM) {
    throw protocolViolation('client selected an invalid SASL authentication mechanism', { severity: 'FATAL' });
  }
  if (initial.data === null) throw protocolViolation('malformed SCRAM message', { severity: 'FATAL', detail: 'The message is empty.' });
  const exchange = new ScramExchange(credentialsFor(req));
  const serverFirst = exchange.clientFirst(initial.data.toString('utf8'));
  io.send({ type: 'AuthenticationSASLContinue', data: Buffer.from(serverFirst, 'utf8') });

  const finalBody = await io.receive();
  if (finalBody === null) return 'eof';
  const { data } = decodeSASLResponse(new BufferReader(finalBody));
  const { ok, serverFinal } = exchange.clientFinal(data.toString('utf8'));
  if (!ok || req.password === undefined) throw failed(req.user);
  io.send({ type: 'AuthenticationSASLFinal', data: Buffer.from(serverFinal, 'utf8') });
  return 'ok';
}
