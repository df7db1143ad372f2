// Streaming frame splitter: bytes in, whole protocol frames out. Chunks are accumulated as they
// arrive and only concatenated once a frame is complete, so a 1 GB length word costs nothing
// until 1 GB has actually been received. The type byte is validated (and the length checked
// against that type's cap) as soon as the header is in, before any body is buffered, like
// postgres.c's SocketBackend + pq_getmessage.
import { protocolViolation } from '@vecgres/errors';

/** One frame. code is the type byte, or STARTUP_FRAME for startup-phase packets (which have none). */
export interface Frame {
  code: number;
  /** The body after the length word. */
  body: Buffer;
}

export const STARTUP_FRAME = -1;

/**
 * Decides, from the type byte alone, the largest total length (the length word's value,
 * which counts itself) a message of that type may have; throws a FATAL SqlError for a type
 * byte that is not acceptable in the current state.
 */
export type FramePolicy = (code: number) => number;

export class FrameSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Bytes received and not yet returned as frames. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /** The first n buffered bytes (n <= bufferedBytes), copying only when they span chunks. */
  private peek(n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= n) return first;
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    for (const chunk of this.chunks) {
      filled += chunk.copy(out, filled, 0, Math.min(chunk.length, n - filled));
      if (filled === n) break;
    }
    return out;
  }

  /** Removes and returns the first n buffered bytes (n <= bufferedBytes), outside any framing. */
  takeRaw(n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length === n) {
      this.chunks.shift();
      this.buffered -= n;
      return first;
    }
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return first.subarray(0, n);
    }
    // One allocation of exactly the frame size, filled from the chunks; consumed chunks are
    // dropped with one splice (not a shift per chunk: a 1 GB frame is ~16k chunks).
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    let used = 0;
    while (filled < n) {
      const chunk = this.chunks[used]!;
      const part = Math.min(chunk.length, n - filled);
      chunk.copy(out, filled, 0, part);
      filled += part;
      if (part === chunk.length) used++;
      else this.chunks[used] = chunk.subarray(part);
    }
    this.chunks.splice(0, used);
    this.buffered -= n;
    return out;
  }

  /**
   * A startup-phase packet (Int32 length, then body), or null when more bytes are needed.
   * maxLength caps the length word (PostgreSQL: MAX_STARTUP_PACKET_LENGTH).
   */
  nextStartup(maxLength: number): Frame | null {
    if (this.buffered < 4) return null;
    const len = this.peek(4).readInt32BE(0);
    // 8 = length word + protocol code, the shortest meaningful packet.
    if (len < 8 || len > maxLength) {
      throw protocolViolation('invalid length of startup packet', { severity: 'FATAL' });
    }
    if (this.buffered < len) return null;
    return { code: STARTUP_FRAME, body: this.takeRaw(len).subarray(4) };
  }

  /** A typed message, or null when more bytes are needed. */
  next(policy: FramePolicy): Frame | null {
    if (this.buffered < 1) return null;
    const code = this.peek(1)[0]!;
    const maxLength = policy(code);
    if (this.buffered < 5) return null;
    const len = this.peek(5).readInt32BE(1);
    if (len < 4 || len > maxLength) {
      throw protocolViolation('invalid message length', { severity: 'FATAL' });
    }
    if (this.buffered < len + 1) return null;
    return { code, body: this.takeRaw(len + 1).subarray(5) };
  }
}
