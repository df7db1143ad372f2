// A bare TCP client for the robustness tests: it sends arbitrary bytes (valid frames from
// pg-protocol's serializer, or garbage) and decodes what the server answers itself, so it
// keeps working when the server's replies are unusual, and it never crashes on them.
// @see https://www.postgresql.org/docs/current/protocol-message-formats.html
import { connect, Socket } from 'node:net';
import { serialize } from 'pg-protocol';
import { BackendMessage, BackendReader, ErrorFields, parseErrorFields } from './backend-messages';
import { withTimeout } from './wait';

export class RawConnection {
  readonly messages: BackendMessage[] = [];
  /** Bytes received in total (including any not decodable as messages). */
  received = 0;
  readonly closed: Promise<void>;
  private readonly reader = new BackendReader();
  private waiters: Array<() => void> = [];
  /** Set by requestSsl: the next byte is the unframed SSLRequest answer ('S' or 'N'). */
  private sslAnswer: ((byte: string) => void) | undefined;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.sslAnswer && chunk.length > 0) {
        this.sslAnswer(chunk.toString('latin1', 0, 1));
        this.sslAnswer = undefined;
        chunk = chunk.subarray(1);
      }
      this.messages.push(...this.reader.push(chunk));
      this.notify();
    });
    // ECONNRESET and EPIPE are expected when the server drops a misbehaving client.
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.once('close', () => {
      this.notify();
      resolve();
    }));
  }

  static connect(host: string, port: number, timeoutMs = 10_000): Promise<RawConnection> {
    return withTimeout(
      new Promise<RawConnection>((resolve, reject) => {
        const socket = connect({ host, port });
        socket.once('connect', () => resolve(new RawConnection(socket)));
        socket.once('error', reject);
      }),
      timeoutMs,
      `raw connect to ${host}:${port}`,
    );
  }

  isClosed(): boolean {
    return this.socket.destroyed || this.socket.readyState === 'closed';
  }

  send(bytes: Buffer): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(bytes);
  }

  /** Sends SSLRequest and resolves with the server's one-byte answer. */
  requestSsl(timeoutMs = 10_000): Promise<string> {
    const answer = new Promise<string>((resolve) => {
      this.sslAnswer = resolve;
    });
    this.send(serialize.requestSsl());
    return withTimeout(answer, timeoutMs, 'the SSLRequest answer');
  }

  /** Startup as `user` (trust) and wait for the first ReadyForQuery. */
  async startup(user = 'postgres', database = 'postgres'): Promise<void> {
    this.send(serialize.startup({ user, database, client_encoding: 'UTF8' }));
    const msg = await this.waitFor((m) => m.type === 'Z' || m.type === 'E', 15_000, 'startup ReadyForQuery');
    if (msg.type === 'E') {
      const e = parseErrorFields(msg.payload);
      throw new Error(`startup failed: ${e.code} ${e.message}`);
    }
  }

  /** The first message at index >= `from` (already received or future) matching `predicate`. */
  waitFor(predicate: (m: BackendMessage) => boolean, timeoutMs: number, what: string, from = 0): Promise<BackendMessage> {
    return withTimeout(
      new Promise<BackendMessage>((resolve, reject) => {
        const check = (): boolean => {
          const found = this.messages.slice(from).find(predicate);
          if (found) {
            resolve(found);
            return true;
          }
          if (this.isClosed()) {
            reject(new Error(`connection closed while waiting for ${what}; got ${this.describeMessages()}`));
            return true;
          }
          return false;
        };
        if (check()) return;
        const waiter = (): void => {
          if (check()) this.waiters = this.waiters.filter((w) => w !== waiter);
        };
        this.waiters.push(waiter);
      }),
      timeoutMs,
      what,
    );
  }

  /** Sends `bytes` and returns the messages received from then until the next ReadyForQuery. */
  async exchange(bytes: Buffer, timeoutMs = 10_000): Promise<BackendMessage[]> {
    const from = this.messages.length;
    this.send(bytes);
    const z = await this.waitFor((m) => m.type === 'Z', timeoutMs, 'ReadyForQuery', from);
    return this.messages.slice(from, this.messages.indexOf(z, from) + 1);
  }

  /** The first ErrorResponse received, if any. */
  firstError(): ErrorFields | undefined {
    const e = this.messages.find((m) => m.type === 'E');
    return e ? parseErrorFields(e.payload) : undefined;
  }

  /** Half-closes our side and waits for the server to close (destroys after timeoutMs). */
  async endAndWaitClosed(timeoutMs: number): Promise<'closed' | 'timeout'> {
    this.socket.end();
    return this.waitClosed(timeoutMs);
  }

  async waitClosed(timeoutMs: number): Promise<'closed' | 'timeout'> {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      this.closed.then(() => 'closed' as const),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.socket.destroy();
    return outcome;
  }

  destroy(): void {
    this.socket.destroy();
  }

  describeMessages(): string {
    return this.messages
      .map((m) => (m.type === 'E' || m.type === 'N' ? `${m.type}(${JSON.stringify(parseErrorFields(m.payload).raw)})` : m.type))
      .join(' ') || '(nothing)';
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }
}
