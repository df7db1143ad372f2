// The QueryHandler pg-wire drives for one connection, answering through the SQL engine: one
// executor Session per connection over the server's shared Database. This file only adapts:
// Bind parameters are decoded with pg-types (the prepared statement's types, the session's
// text settings), rows are encoded by WireSink, reported settings that changed are sent as
// ParameterStatus after each statement batch. Transactions, settings, COPY, cancellation and
// statement_timeout live in the Session.
import { SqlError, SQLSTATE, invalidBinary, isSqlError, notSupported, protocolViolation } from '@vecgres/errors';
import type { EnginePortal, PreparedStatement as EngineStatement, Session } from '@vecgres/executor';
import { decodeValue } from '@vecgres/pg-types';
import type {
  BindArgs,
  ExecuteOutcome,
  FieldDescription,
  IdleTimeouts,
  Portal,
  PreparedStatement,
  QueryHandler,
  ResultSink,
  TransactionStatus,
} from '@vecgres/pg-wire';
import type { OutputColumn } from '@vecgres/planner';
import { parse } from '@vecgres/sql';
import { WireSink, fieldsOf } from './wire-sink';

class EnginePrepared implements PreparedStatement {
  /** The last Bind's RowDescription fields: the same columns and formats reuse them. */
  private lastFields: { columns: readonly OutputColumn[]; formats: string; fields: FieldDescription[] } | undefined;

  constructor(
    readonly engine: EngineStatement,
    readonly paramTypeOids: number[],
    readonly fields: FieldDescription[] | null,
  ) {}

  portalFields(columns: readonly OutputColumn[], formats: ReadonlyArray<0 | 1>): FieldDescription[] {
    const key = formats.join('');
    const last = this.lastFields;
    if (last && last.columns === columns && last.formats === key) return last.fields;
    const fields = fieldsOf(columns, formats);
    this.lastFields = { columns, formats: key, fields };
    return fields;
  }
}

/** The statement's described result types still hold for the bound portal's columns. */
function sameTypes(fields: readonly FieldDescription[], columns: readonly OutputColumn[]): boolean {
  if (fields.length !== columns.length) return false;
  for (let i = 0; i < fields.length; i++) if (fields[i]!.typeOid !== columns[i]!.type.oid) return false;
  return true;
}

class EngineBoundPortal implements Portal {
  constructor(
    /** null: an empty query string (EmptyQueryResponse). */
    readonly portal: EnginePortal | null,
    readonly fields: FieldDescription[] | null,
    readonly formats: Array<0 | 1>,
  ) {}
}

/** Bind's result format codes (none / one for all / one per column) expanded per column. */
export function resultFormats(codes: ReadonlyArray<0 | 1>, columns: number): Array<0 | 1> {
  if (codes.length === 0) return new Array<0 | 1>(columns).fill(0);
  if (codes.length === 1) return new Array<0 | 1>(columns).fill(codes[0]!);
  if (codes.length !== columns) throw protocolViolation(`bind message has ${codes.length} result formats but query has ${columns} columns`);
  return [...codes];
}

export class EngineQueryHandler implements QueryHandler {
  private reportedValues: Readonly<Record<string, string>>;
  private closed = false;
  /** Made once: every Execute's WireSink reads the session's settings through these. */
  private readonly textOptions = (): ReturnType<Session['settings']['textOptions']> => this.session.settings.textOptions();
  private readonly minMessages = (): string | null => this.session.settings.find('client_min_messages');

  constructor(
    readonly session: Session,
    private readonly onClose?: () => void,
  ) {
    this.reportedValues = session.settings.reported();
  }

  serverParameters(): Record<string, string> {
    this.reportedValues = this.session.settings.reported();
    return { ...this.reportedValues };
  }

  transactionStatus(): TransactionStatus {
    return this.session.transactionStatus;
  }

  idleTimeouts(): IdleTimeouts {
    const s = this.session.settings;
    return { idleSessionMs: s.idleSessionTimeoutMs(), idleInTransactionMs: s.idleInTransactionTimeoutMs() };
  }

  private wireSink(sink: ResultSink, formats?: ReadonlyArray<0 | 1>, portal?: EnginePortal): WireSink {
    return new WireSink(sink, this.session.codecs, this.textOptions, formats, portal?.columns, this.minMessages);
  }

  async simpleQuery(sql: string, sink: ResultSink): Promise<void> {
    try {
      let empty = false;
      try {
        empty = parse(sql).length === 0;
      } catch {
        // A syntax error: the session reports it (and fails an open block).
      }
      if (empty) {
        sink.empty();
        return;
      }
      await this.session.query(sql, this.wireSink(sink));
    } finally {
      this.flushReports(sink);
    }
  }

  async parse(sql: string, paramTypeOids: number[]): Promise<PreparedStatement> {
    for (const oid of paramTypeOids) {
      if (oid !== 0 && !this.session.codecs.has(oid)) throw notSupported(`vecgres: parameter type OID ${oid} is not supported yet`);
    }
    const p = this.session.prepare(sql, paramTypeOids);
    const fields = p.stmt && p.columns.length > 0 ? fieldsOf(p.columns, []) : null;
    return new EnginePrepared(p, [...p.paramTypes], fields);
  }

  async bind(statement: PreparedStatement, args: BindArgs): Promise<Portal> {
    const stmt = statement as EnginePrepared;
    const params = this.decodeParams(stmt, args);
    if (!stmt.engine.stmt) return new EngineBoundPortal(null, null, []);
    const portal = this.session.bind(stmt.engine, params);
    const columns = portal.columns;
    const formats = resultFormats(args.resultFormats, columns.length);
    if (stmt.fields && !sameTypes(stmt.fields, columns)) {
      throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'cached plan must not change result type');
    }
    return new EngineBoundPortal(portal, columns.length > 0 ? stmt.portalFields(columns, formats) : null, formats);
  }

  async execute(portal: Portal, maxRows: number, sink: ResultSink): Promise<ExecuteOutcome> {
    const p = portal as EngineBoundPortal;
    if (!p.portal) {
      sink.empty();
      return 'complete';
    }
    try {
      return await p.portal.fetch(maxRows, this.wireSink(sink, p.formats, p.portal));
    } finally {
      this.flushReports(sink);
    }
  }

  closeStatement(): void {
    // Statements hold no resources beyond what the garbage collector reclaims.
  }

  closePortal(): void {
    // An open portal's row stream is dropped with it.
  }

  async sync(): Promise<void> {
    await this.session.sync();
  }

  cancel(): void {
    this.session.cancel();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.session.cancel();
    try {
      // Drops the session's temp tables; on failure the next server start removes them.
      await this.session.end();
    } finally {
      this.onClose?.();
    }
  }

  /** Decodes Bind's parameter values per the statement's types and the per-parameter formats. */
  private decodeParams(stmt: EnginePrepared, args: BindArgs): unknown[] {
    const want = stmt.paramTypeOids.length;
    if (args.params.length !== want) {
      throw protocolViolation(`bind message supplies ${args.params.length} parameters, but prepared statement "" requires ${want}`);
    }
    const opts = this.session.settings.textOptions();
    return args.params.map((raw, i) => {
      if (raw === null) return null;
      const codec = this.session.codecs.require(stmt.paramTypeOids[i]!);
      const format = args.paramFormats[i] ?? 0;
      try {
        return decodeValue(codec, raw, format, opts);
      } catch (err) {
        if (!isSqlError(err)) throw err;
        if (format === 1) {
          // A receive function's own error (pgvector's `NaN not allowed in vector`) reaches the
          // client unchanged, as in postgres.c exec_bind_message; a malformed buffer (bytes left
          // over, too short) is reported per parameter.
          const malformed = err.sqlstate === SQLSTATE.INVALID_BINARY_REPRESENTATION || err.sqlstate === SQLSTATE.PROTOCOL_VIOLATION;
          if (malformed) throw invalidBinary(`incorrect binary data format in bind parameter ${i + 1}`);
          throw err;
        }
        const shown = raw.toString('utf8');
        throw err.with({ where: `unnamed portal parameter $${i + 1} = '${shown.length > 64 ? `${shown.slice(0, 64)}...` : shown}'` });
      }
    });
  }

  /** ParameterStatus for every reported parameter whose value changed since last sent. */
  private flushReports(sink: ResultSink): void {
    const now = this.session.settings.reported();
    // The same object while no setting changed (settings.ts memoizes it per version).
    if (now === this.reportedValues) return;
    for (const [name, value] of Object.entries(now)) {
      if (this.reportedValues[name] !== value) sink.parameterStatus(name, value);
    }
    this.reportedValues = now;
  }
}
