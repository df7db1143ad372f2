// Test-side parsing of what the server wrote: the single-byte SSL/GSSENC answers and typed
// backend messages, decoded with pg-wire's own backend decoders.
import { FrameSplitter } from '../framing/frame-splitter';
import { decodeBackendMessage, type BackendMessage } from '../messages/backend';

/** Splits a byte string of backend messages into decoded messages (throws on leftovers). */
export function decodeAll(bytes: Buffer): BackendMessage[] {
  const splitter = new FrameSplitter();
  splitter.push(bytes);
  const out: BackendMessage[] = [];
  for (let f = splitter.next(() => 0x7fffffff); f; f = splitter.next(() => 0x7fffffff)) {
    const msg = decodeBackendMessage(f.code, f.body);
    if (!msg) throw new Error(`unknown backend message type ${f.code}`);
    out.push(msg);
  }
  if (splitter.bufferedBytes !== 0) throw new Error(`${splitter.bufferedBytes} trailing bytes`);
  return out;
}
