// An in-memory ResultSink that records what a QueryHandler sends, for driving the bootstrap
// handler without sockets. Rows can be gated to test backpressure; COPY IN data is fed from
// a list of chunks; COPY OUT chunks are collected.
import type { CopyInStart, CopyOutStream, FieldDescription, NoticeFields, ResultSink } from '@vecgres/pg-wire';

export type SinkEvent =
  | { type: 'describe'; fields: FieldDescription[] }
  | { type: 'row'; values: Array<Buffer | null> }
  | { type: 'complete'; tag: string }
  | { type: 'empty' }
  | { type: 'notice'; fields: NoticeFields }
  | { type: 'parameterStatus'; name: string; value: string }
  | { type: 'copyIn'; start: CopyInStart }
  | { type: 'copyOut'; start: CopyInStart }
  | { type: 'copyData'; data: Buffer }
  | { type: 'copyDone' };

export class FakeSink implements ResultSink {
  readonly events: SinkEvent[] = [];
  /** Chunks COPY FROM STDIN will receive. */
  copyInChunks: Buffer[] = [];
  /** When set, row() returns this promise (the socket is "full"). */
  rowGate: Promise<void> | null = null;
  /** When set, copyIn's iterator rejects with this after the chunks (a CopyFail). */
  copyInFailure: Error | null = null;
  /** Number of chunks copyIn handed out before the consumer stopped. */
  copyInConsumed = 0;

  describe(fields: FieldDescription[]): void {
    this.events.push({ type: 'describe', fields });
  }

  row(values: Array<Buffer | null>): void | Promise<void> {
    this.events.push({ type: 'row', values });
    return this.rowGate ?? undefined;
  }

  complete(tag: string): void {
    this.events.push({ type: 'complete', tag });
  }

  empty(): void {
    this.events.push({ type: 'empty' });
  }

  notice(fields: NoticeFields): void {
    this.events.push({ type: 'notice', fields });
  }

  parameterStatus(name: string, value: string): void {
    this.events.push({ type: 'parameterStatus', name, value });
  }

  copyIn(start: CopyInStart): AsyncIterable<Buffer> {
    this.events.push({ type: 'copyIn', start });
    const chunks = this.copyInChunks;
    const failure = this.copyInFailure;
    const sink = this;
    return {
      async *[Symbol.asyncIterator]() {
        for (const c of chunks) {
          sink.copyInConsumed++;
          yield c;
        }
        if (failure) throw failure;
      },
    };
  }

  copyOut(start: CopyInStart): CopyOutStream {
    this.events.push({ type: 'copyOut', start });
    return {
      write: async (chunk: Buffer) => {
        this.events.push({ type: 'copyData', data: Buffer.from(chunk) });
      },
      end: () => {
        this.events.push({ type: 'copyDone' });
      },
    };
  }

  /** Rows as text (null for NULL). */
  textRows(): Array<Array<string | null>> {
    return this.events.flatMap((e) => (e.type === 'row' ? [e.values.map((v) => (v === null ? null : v.toString('utf8')))] : []));
  }

  rawRows(): Array<Array<Buffer | null>> {
    return this.events.flatMap((e) => (e.type === 'row' ? [e.values] : []));
  }

  tags(): string[] {
    return this.events.flatMap((e) => (e.type === 'complete' ? [e.tag] : []));
  }

  fields(): FieldDescription[][] {
    return this.events.flatMap((e) => (e.type === 'describe' ? [e.fields] : []));
  }

  notices(): NoticeFields[] {
    return this.events.flatMap((e) => (e.type === 'notice' ? [e.fields] : []));
  }

  parameterStatuses(): Array<[string, string]> {
    return this.events.flatMap((e) => (e.type === 'parameterStatus' ? [[e.name, e.value] as [string, string]] : []));
  }

  copyOutput(): Buffer {
    return Buffer.concat(this.events.flatMap((e) => (e.type === 'copyData' ? [e.data] : [])));
  }

  /** Event type sequence (`describe`, `row`, `complete`, ...). */
  types(): string[] {
    return this.events.map((e) => e.type);
  }
}
