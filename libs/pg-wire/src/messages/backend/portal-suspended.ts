// PortalSuspended: no body.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html#PROTOCOL-MESSAGE-FORMATS-PORTALSUSPENDED
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import { BackendCode } from '../codes';

export interface PortalSuspended {
  type: 'PortalSuspended';
}

export function encodePortalSuspended(w: BufferWriter): void {
  w.startMessage(BackendCode.PortalSuspended).endMessage();
}

export function decodePortalSuspended(r: BufferReader): PortalSuspended {
  r.end();
  return { type: 'PortalSuspended' };
}
