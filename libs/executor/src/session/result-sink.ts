// Where a statement's results go: the engine's own minimal sink interface (the engine never
// imports pg-wire; the server adapts this to pg-wire's ResultSink, encoding values with
// pg-types using each column's type OID).
import type { OutputColumn } from '@vecgres/planner';
import type { Row } from '../exec/exec-context';

export interface EngineNotice {
  /** DEBUG: DEBUG1..5 messages, sent only when client_min_messages allows them. */
  severity: 'WARNING' | 'NOTICE' | 'DEBUG';
  sqlstate: string;
  message: string;
  detail?: string;
  hint?: string;
}

export interface EngineSink {
  /** Result columns, before any row (RowDescription). Not called for statements without rows. */
  describe(columns: OutputColumn[]): void;
  /** One batch of rows (JS values, null for NULL). Await the returned promise: backpressure. */
  rows(batch: Row[]): void | Promise<void>;
  /** Command tag: `SELECT 3`, `INSERT 0 2`, `CREATE TABLE`, `BEGIN`. */
  complete(tag: string): void;
  notice?(notice: EngineNotice): void;
  /**
   * COPY FROM STDIN: starts the copy (format 0 text/csv, 1 binary) and yields the client's
   * data chunks until it ends (rejects on CopyFail). Absent: COPY FROM STDIN is refused.
   */
  copyIn?(format: 0 | 1, columnFormats: Array<0 | 1>): AsyncIterable<Buffer>;
  /** COPY TO STDOUT: starts the copy; write() resolves when more may be written. */
  copyOut?(format: 0 | 1, columnFormats: Array<0 | 1>): { write(chunk: Buffer): Promise<void>; end(): void };
}

/** A sink that collects everything (tests, internal queries). */
export class CollectingSink implements EngineSink {
  columns: OutputColumn[] = [];
  readonly rowsOut: Row[] = [];
  readonly tags: string[] = [];
  readonly notices: EngineNotice[] = [];
  describe(columns: OutputColumn[]): void {
    this.columns = columns;
  }
  rows(batch: Row[]): void {
    for (const r of batch) this.rowsOut.push(r);
  }
  complete(tag: string): void {
    this.tags.push(tag);
  }
  notice(n: EngineNotice): void {
    this.notices.push(n);
  }
}
