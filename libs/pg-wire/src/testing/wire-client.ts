// A minimal protocol client for state tests: sends raw frontend bytes over a real loopback
// socket and reads backend messages one by one (decoded with pg-wire's backend decoders).
import { connect, type Socket } from 'node:net';
import { BufferWriter } from '../buffer/buffer-writer';
import { FrameSplitter } from '../framing/frame-splitter';
import { decodeBackendMessage, type BackendMessage } from '../messages/backend';

export type Encoder = (w: BufferWriter) => void;

export class WireClient {
  private readonly splitter = new FrameSplitter();
  private ended = false;
  private waiter: (() => void) | null = null;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.splitter.push(chunk);
      this.wake();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static connect(port: number): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new WireClient(socket)));
      socket.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  private async waitForData(): Promise<void> {
    if (this.ended) throw new Error('connection closed by server');
    await new Promise<void>((resolve) => (this.waiter = resolve));
  }

  /** Sends the messages written by the encoders as one write (pipelined). */
  send(...encoders: Encoder[]): void {
    const w = new BufferWriter();
    for (const e of encoders) e(w);
    this.socket.write(w.flush());
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** One raw byte (the answer to SSLRequest / GSSENCRequest). */
  async readByte(): Promise<string> {
    while (this.splitter.bufferedBytes < 1) await this.waitForData();
    return String.fromCharCode(this.splitter.takeRaw(1)[0]!);
  }

  /** The next backend message. */
  async next(): Promise<BackendMessage> {
    for (;;) {
      const f = this.splitter.next(() => 0x7fffffff);
      if (f) {
        const msg = decodeBackendMessage(f.code, f.body);
        if (!msg) throw new Error(`unknown backend message type ${String.fromCharCode(f.code)}`);
        return msg;
      }
      await this.waitForData();
    }
  }

  /** Messages up to and including the first of the given type. */
  async until(type: BackendMessage['type']): Promise<BackendMessage[]> {
    const out: BackendMessage[] = [];
    for (;;) {
      const msg = await this.next();
      out.push(msg);
      if (msg.type === type) return out;
    }
  }

  /** Resolves when the server has closed the connection; returns the messages it sent before. */
  async closedAfter(): Promise<BackendMessage[]> {
    const out: BackendMessage[] = [];
    for (;;) {
      const f = this.splitter.next(() => 0x7fffffff);
      if (f) {
        const msg = decodeBackendMessage(f.code, f.body);
        if (msg) out.push(msg);
        continue;
      }
      if (this.ended) return out;
      await this.waitForData();
    }
  }

  get isClosed(): boolean {
    return this.ended;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Message type names of a list, for compact assertions. */
export function types(messages: BackendMessage[]): string[] {
  return messages.map((m) => m.type);
}
