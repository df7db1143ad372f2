// Output side of a connection: messages are encoded into one BufferWriter and written to the
// socket in batches (one write per ~64 KB, or when the protocol is about to wait for input),
// so a 10-row result is one syscall, not 13. When socket.write() reports a full buffer the
// caller gets a promise that resolves on 'drain' — that is how ResultSink.row applies
// backpressure to the handler.
import type { Duplex } from 'node:stream';
import { BufferWriter } from '../buffer/buffer-writer';

/** Batch size: past this many pending bytes, row()/copy writes hand them to the socket. */
export const BATCH_BYTES = 64 * 1024;

export class Outbox {
  readonly writer = new BufferWriter(BATCH_BYTES + 1024);
  private drainWait: Promise<void> | null = null;
  private closed = false;

  constructor(private socket: Duplex) {}

  /** After a TLS upgrade, writes go to the TLSSocket. */
  setSocket(socket: Duplex): void {
    this.socket = socket;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The socket closed: pending and future output is dropped, drain waiters are released. */
  markClosed(): void {
    this.closed = true;
  }

  /** Writes pending bytes now. Returns a promise when the socket buffer is full. */
  flush(): void | Promise<void> {
    if (this.writer.length === 0) return this.drainWait ?? undefined;
    const bytes = this.writer.flush();
    if (this.closed || this.socket.destroyed) return undefined;
    if (this.socket.write(bytes)) return this.drainWait ?? undefined;
    return this.waitDrain();
  }

  /** Flushes only when a batch is full (called after each row / CopyData). */
  maybeFlush(): void | Promise<void> {
    if (this.writer.length >= BATCH_BYTES) return this.flush();
    return this.drainWait ?? undefined;
  }

  private waitDrain(): Promise<void> {
    if (this.drainWait) return this.drainWait;
    const socket = this.socket;
    this.drainWait = new Promise<void>((resolve) => {
      // Resolve (never reject) on close too: a handler that does not await row() must not
      // cause an unhandled rejection; the next row() call throws instead.
      const done = (): void => {
        socket.off('drain', done);
        socket.off('close', done);
        this.drainWait = null;
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
    return this.drainWait;
  }

  /** Flushes, then ends the socket (FIN after the pending bytes). */
  end(): void {
    void this.flush();
    if (!this.socket.destroyed) this.socket.end();
  }
}
