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

  async rows(batch: Row[]): Promise<void> {
    const formats = this.formats ?? [];
    const codecs = this.codecs;
    const opts = this.opts;
    for (const row of batch) {
      const values = row.map((v, i) => (v === null || v === undefined ? null : encodeValue(codecs[i]!, v, formats[i] ?? 0, opts)));
      const wait = this.sink.row(values);
      if (wait) await wait;
    }
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
