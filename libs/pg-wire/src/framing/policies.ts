// Which type bytes are acceptable in which connection state, and each one's length cap
// [postgres.c SocketBackend: PQ_LARGE_MESSAGE_LIMIT for messages that carry user data,
// PQ_SMALL_MESSAGE_LIMIT for control messages].
import { protocolViolation } from '@vecgres/errors';
import { PQ_SMALL_MESSAGE_LIMIT } from '../connection/options';
import { FrontendCode } from '../messages/codes';
import type { FramePolicy } from './frame-splitter';

/** PostgreSQL's PG_MAX_AUTH_TOKEN_LENGTH: the cap for password / SASL messages. */
export const PG_MAX_AUTH_TOKEN_LENGTH = 65535;

/** Query-phase policy; `large` is the cap for Query, Parse, Bind, CopyData and FunctionCall. */
export function queryPhasePolicy(large: number): FramePolicy {
  return (code) => {
    switch (code) {
      case FrontendCode.Query:
      case FrontendCode.Parse:
      case FrontendCode.Bind:
      case FrontendCode.CopyData:
      case FrontendCode.FunctionCall:
        return large;
      case FrontendCode.Close:
      case FrontendCode.Describe:
      case FrontendCode.Execute:
      case FrontendCode.Flush:
      case FrontendCode.Sync:
      case FrontendCode.Terminate:
      case FrontendCode.CopyDone:
      case FrontendCode.CopyFail:
        return Math.min(large, PQ_SMALL_MESSAGE_LIMIT);
      default:
        throw protocolViolation(`invalid frontend message type ${code}`, { severity: 'FATAL' });
    }
  };
}

/** During authentication only a 'p' message may come [auth.c recv_password_packet]. */
export function authPhasePolicy(): FramePolicy {
  return (code) => {
    if (code !== FrontendCode.Password) {
      throw protocolViolation(`expected password response, got message type ${code}`, { severity: 'FATAL' });
    }
    return PG_MAX_AUTH_TOKEN_LENGTH;
  };
}
