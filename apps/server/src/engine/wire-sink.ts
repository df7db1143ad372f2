// Adapts pg-wire's ResultSink to the engine's EngineSink: RowDescription fields from the
// engine's OutputColumns, values encoded with @vecgres/pg-types per the result format codes
// (text output follows the session's DateStyle / TimeZone / IntervalStyle /
// extra_float_digits), and the COPY sub-protocol streams passed through.
import { clientReceives, type EngineNotice, type EngineSink, type Row } from '@vecgres/executor';
import { encodeValue, type CodecRegistry, type TextOutputOptions, type TypeCodec } from '@vecgres/pg-types';
import type { OutputColumn } from '@vecgres/planner';
import type { FieldDescription, ResultSink } from '@vecgres/pg-wire';

/** RowDescription fields for columns in the given formats (formats[i], default text). */
export function fieldsOf(columns: readonly OutputColumn[], formats: ReadonlyArray<0 | 1>): FieldDescription[] {
  return columns.map((c, i) => ({
    name: c.name,
    tableOid: c.tableOid,
    columnAttr: c.attnum,
    typeOid: c.type.oid,
    typeSize: c.typlen,
    typeModifier: c.type.typmod,
    format: formats[i] ?? 0,
  }));
}

const NO_FORMATS: ReadonlyArray<0 | 1> = [];

export class WireSink implements EngineSink {
  private codecs: TypeCodec[] = [];
  private opts: TextOutputOptions;

  /**
   * `formats`: result format per column (extended protocol, already expanded); undefined in
   * the simple protocol, where every statement's rows are text and described here.
   */
  constructor(
    private readonly sink: ResultSink,
    private readonly registry: CodecRegistry,
    /** Read at each result set: a SET earlier in the same query string applies. */
    private readonly textOptions: () => TextOutputOptions,
    private readonly formats?: ReadonlyArray<0 | 1>,
    columns?: readonly OutputColumn[],
    /** client_min_messages, read per notice: a SET earlier in the same query string applies. */
    private readonly minMessages: () => string | null = () => 'notice',
  ) {
    this.opts = textOptions();
    if (columns) this.codecs = columns.map((c) => registry.require(c.type.oid));
  }

  describe(columns: OutputColumn[]): void {
    this.codecs = columns.map((c) => this.registry.require(c.type.oid));
    this.opts = this.textOptions();
    this.sink.describe(fieldsOf(columns, this.formats ?? []));
  }

  /** Synchronous while the socket takes the rows; a promise only once one has to wait (backpressure). */
  rows(batch: Row[]): void | Promise<void> {
    for (let r = 0; r < batch.length; r++) {
      const wait = this.sink.row(this.encode(batch[r]!));
      if (wait) return this.rowsAfter(wait, batch, r + 1);
    }
    return undefined;
  }

  private async rowsAfter(wait: Promise<void>, batch: Row[], from: number): Promise<void> {
    await wait;
    for (let r = from; r < batch.length; r++) {
      const next = this.sink.row(this.encode(batch[r]!));
      if (next) await next;
    }
  }

  private encode(row: Row): Array<Buffer | null> {
    const formats = this.formats ?? NO_FORMATS;
    const codecs = this.codecs;
    const values = new Array<Buffer | null>(row.length);
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      values[i] = v === null || v === undefined ? null : encodeValue(codecs[i]!, v, formats[i] ?? 0, this.opts);
    }
    return values;
  }

  complete(tag: string): void {
    this.sink.complete(tag);
  }

  notice(n: EngineNotice): void {
    // client_min_messages: WARNING hides NOTICEs, ERROR hides both (DEBUG is filtered upstream).
    const level = n.severity === 'WARNING' ? 'warning' : n.severity === 'NOTICE' ? 'notice' : 'debug1';
    if (!clientReceives(this.minMessages(), level)) return;
    this.sink.notice(n);
  }

  copyIn(format: 0 | 1, columnFormats: Array<0 | 1>): AsyncIterable<Buffer> {
    return this.sink.copyIn({ format, columnFormats });
  }

  copyOut(format: 0 | 1, columnFormats: Array<0 | 1>): { write(chunk: Buffer): Promise<void>; end(): void } {
    return this.sink.copyOut({ format, columnFormats });
  }
}
