// Output side of a connection: messages are encoded into one BufferWriter and written to the
// socket in batches (one write per ~64 KB, or when the protocol is about to wait for input),
// so a 10-row result is one syscall, not 13. When socket.write() reports a full buffer the
// caller gets a promise that resolves on 'drain' — that is how ResultSink.row applies
// backpressure to the handler.
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { BufferWriter } from '../buffer/buffer-writer';

/** Batch size: past this many pending bytes, row()/copy writes hand them to the socket. */
export const BATCH_BYTES = 64 * 1024;

export class Outbox {
  readonly writer = new BufferWriter(BATCH_BYTES + 1024);
  private drainWait: Promise<void> | null = null;
  private closed = false;
  /**
   * A net.Socket (or TLSSocket): a write that completes synchronously has been copied (into
   * the kernel, or into OpenSSL), so its bytes may be overwritten at once. Other duplexes (an
   * in-memory pair in tests) may keep the chunk they were given after calling back.
   */
  private copiesOnWrite: boolean;

  constructor(private socket: Duplex) {
    this.copiesOnWrite = socket instanceof Socket;
  }

  /** After a TLS upgrade, writes go to the TLSSocket. */
  setSocket(socket: Duplex): void {
    this.socket = socket;
    this.copiesOnWrite = socket instanceof Socket;
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
    const writer = this.writer;
    if (writer.length === 0) return this.drainWait ?? undefined;
    const socket = this.socket;
    if (this.closed || socket.destroyed) {
      writer.release(true);
      return undefined;
    }
    let ok: boolean;
    if (this.copiesOnWrite && socket.writableLength === 0) {
      // The usual case (a statement's replies, an idle socket): the writer's own bytes go to
      // the socket, and when the write completed synchronously (nothing left queued, so the
      // kernel has copied them and neither the stream nor libuv refers to them) the same
      // buffer takes the next batch. Otherwise the socket keeps it and the writer moves on to
      // a new one. Saves a copy and an allocation per flush.
      ok = socket.write(writer.pending());
      writer.release(socket.writableLength === 0);
    } else {
      ok = socket.write(writer.flush());
    }
    return ok ? (this.drainWait ?? undefined) : this.waitDrain();
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
