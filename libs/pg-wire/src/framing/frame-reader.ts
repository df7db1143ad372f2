// Pull-based frame reader over a socket: the protocol loop awaits one frame at a time, so
// messages are handled strictly in order however they were pipelined. Input backpressure:
// when more than HIGH_WATER bytes wait unread the socket is paused, and resumed once the
// loop catches up or needs more bytes to finish a frame.
import type { Duplex } from 'node:stream';
import { FrameSplitter, type Frame, type FramePolicy } from './frame-splitter';

const HIGH_WATER = 1024 * 1024;

export class FrameReader {
  private readonly splitter = new FrameSplitter();
  private stream: Duplex | null = null;
  private ended = false;
  private paused = false;
  /** Readers waiting for bytes (normally one; a list so an abandoned read can never strand another). */
  private waiters: Array<() => void> = [];

  private readonly onData = (chunk: Buffer): void => {
    this.splitter.push(chunk);
    if (this.waiters.length > 0) this.notify();
    else if (this.splitter.bufferedBytes > HIGH_WATER && this.stream && !this.paused) {
      this.paused = true;
      this.stream.pause();
    }
  };

  private readonly onEnd = (): void => {
    this.ended = true;
    this.notify();
  };

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Starts reading from stream (the raw socket, or the TLS socket after an upgrade). */
  attach(stream: Duplex): void {
    this.stream = stream;
    this.paused = false;
    stream.on('data', this.onData);
    stream.on('end', this.onEnd);
    stream.on('close', this.onEnd);
    stream.on('error', this.onEnd);
    stream.resume();
  }

  /** Stops reading (before a TLS upgrade hands the socket to a TLSSocket). */
  detach(): void {
    const stream = this.stream;
    if (!stream) return;
    stream.off('data', this.onData);
    stream.off('end', this.onEnd);
    stream.off('close', this.onEnd);
    stream.off('error', this.onEnd);
    this.stream = null;
  }

  /** Bytes received but not yet returned as frames. */
  get bufferedBytes(): number {
    return this.splitter.bufferedBytes;
  }

  /** The next startup-phase packet, or null at end of stream. */
  nextStartup(maxLength: number, beforeWait?: () => unknown): Promise<Frame | null> {
    return this.read(() => this.splitter.nextStartup(maxLength), beforeWait);
  }

  /**
   * The next typed message, or null at end of stream. Rejects with a FATAL SqlError on bad
   * framing. beforeWait runs only when the frame is not buffered yet and the reader is about
   * to wait for the client: the place to flush pending output (its result is not awaited, so
   * a client that is busy writing never deadlocks against our full send buffer).
   */
  next(policy: FramePolicy, beforeWait?: () => unknown): Frame | Promise<Frame | null> {
    // A frame already buffered (a pipelined Bind/Describe/Execute/Sync arrives in one read)
    // is returned as is: no async read per message.
    let frame: Frame | null;
    try {
      frame = this.splitter.next(policy);
    } catch (e) {
      return Promise.reject(e);
    }
    if (!frame) return this.read(() => this.splitter.next(policy), beforeWait);
    if (this.paused && this.splitter.bufferedBytes < HIGH_WATER) this.resume();
    return frame;
  }

  /** Ends reading: pending and future next() calls return null (server-side close). */
  close(): void {
    this.onEnd();
  }

  private async read(attempt: () => Frame | null, beforeWait?: () => unknown): Promise<Frame | null> {
    let waited = false;
    for (;;) {
      const frame = attempt();
      if (frame) {
        if (this.paused && this.splitter.bufferedBytes < HIGH_WATER) this.resume();
        return frame;
      }
      // A partial frame at end of stream is dropped, as PostgreSQL treats it as EOF.
      if (this.ended) return null;
      if (this.paused) this.resume();
      if (!waited) {
        waited = true;
        beforeWait?.();
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private resume(): void {
    this.paused = false;
    this.stream?.resume();
  }
}
