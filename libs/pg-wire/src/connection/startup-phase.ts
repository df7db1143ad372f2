// The startup phase, before authentication: SSLRequest / GSSENCRequest negotiation (one of
// each at most), CancelRequest dispatch, and the StartupMessage with protocol-version
// negotiation [postmaster's ProcessStartupPacket].
// @see https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-START-UP
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { SqlError, SQLSTATE, invalidAuthorization, notSupported, protocolViolation } from '@vecgres/errors';
import { BufferReader } from '../buffer/buffer-reader';
import { encodeNegotiateProtocolVersion } from '../messages/backend/negotiate-protocol-version';
import { StartupCode, protocolMajor, protocolMinor } from '../messages/codes';
import { decodeCancelRequest } from '../messages/frontend/cancel-request';
import { decodeStartup, type StartupMessage } from '../messages/frontend/startup';
import type { WireContext } from './context';

/** Newest protocol minor version for major 3 that vecgres speaks. */
export const NEWEST_MINOR = 0;

const fatal = { severity: 'FATAL' } as const;

/** A StartupMessage with user and database resolved, or null when the connection should just close. */
export interface Startup {
  user: string;
  database: string;
  params: Record<string, string>;
}

/** The single-byte answer to SSLRequest / GSSENCRequest ('S' or 'N'), flushed at once. */
function answer(ctx: WireContext, byte: 'S' | 'N'): void {
  ctx.outbox.writer.uint8(byte.charCodeAt(0));
  void ctx.outbox.flush();
}

function upgradeToTls(ctx: WireContext): void {
  // Pause first: bytes arriving between here and the TLSSocket's creation stay in the raw
  // socket's buffer, and TLSSocket feeds buffered bytes into the handshake.
  ctx.socket.pause();
  ctx.reader.detach();
  answer(ctx, 'S');
  const tlsSocket = new TLSSocket(ctx.socket as Socket, { isServer: true, secureContext: ctx.options.tls! });
  ctx.socket = tlsSocket;
  ctx.outbox.setSocket(tlsSocket);
  ctx.reader.attach(tlsSocket);
  ctx.tls = true;
}

function unsupportedProtocol(version: number): SqlError {
  return notSupported(
    `unsupported frontend protocol ${protocolMajor(version)}.${protocolMinor(version)}: server supports 3.0 to 3.${NEWEST_MINOR}`,
    fatal,
  );
}

/** Runs the startup phase; null = end of stream or a CancelRequest (close without a word). */
export async function negotiateStartup(ctx: WireContext): Promise<Startup | null> {
  let sslDone = false;
  let gssDone = false;
  for (;;) {
    const frame = await ctx.reader.nextStartup(ctx.limits.startupMessage, () => ctx.outbox.flush());
    if (frame === null) return null;
    const code = frame.body.readUInt32BE(0);
    if (code === StartupCode.SSLRequest && !sslDone) {
      sslDone = true;
      if (frame.body.length !== 4) throw protocolViolation('invalid length of startup packet', fatal);
      if (ctx.options.tls && !ctx.tls) {
        // CVE-2021-23214: bytes sent before the handshake must not be taken as encrypted input.
        if (ctx.reader.bufferedBytes > 0) throw protocolViolation('received unencrypted data after SSL request', fatal);
        upgradeToTls(ctx);
      } else {
        answer(ctx, 'N');
      }
      continue;
    }
    if (code === StartupCode.GSSENCRequest && !gssDone) {
      gssDone = true;
      if (frame.body.length !== 4) throw protocolViolation('invalid length of startup packet', fatal);
      answer(ctx, 'N');
      continue;
    }
    if (code === StartupCode.CancelRequest) {
      const { processId, secretKey } = decodeCancelRequest(new BufferReader(frame.body));
      ctx.options.cancel(processId, secretKey);
      return null;
    }
    if (protocolMajor(code) !== 3) throw unsupportedProtocol(code);
    return acceptStartup(ctx, decodeStartup(new BufferReader(frame.body)));
  }
}

function acceptStartup(ctx: WireContext, msg: StartupMessage): Startup {
  const params: Record<string, string> = {};
  const unrecognized: string[] = [];
  for (const [name, value] of Object.entries(msg.params)) {
    // Protocol options are reserved for protocol extensions; we implement none.
    if (name.startsWith('_pq_.')) unrecognized.push(name);
    else params[name] = value;
  }
  if (protocolMinor(msg.protocolVersion) > NEWEST_MINOR || unrecognized.length > 0) {
    encodeNegotiateProtocolVersion(ctx.outbox.writer, { newestMinor: NEWEST_MINOR, unrecognizedOptions: unrecognized });
  }
  const user = params['user'];
  if (!user) throw invalidAuthorization('no PostgreSQL user name specified in startup packet', fatal);
  const replication = params['replication']?.toLowerCase();
  if (replication !== undefined && ['true', 'on', 'yes', '1', 'database'].includes(replication)) {
    throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'replication connections are not supported', fatal);
  }
  const database = params['database'] || user;
  return { user, database, params };
}
