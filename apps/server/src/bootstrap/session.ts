// The bootstrap QueryHandler: one per connection. It parses with libpg-query, analyses each
// statement into a BoundStatement (analyze.ts) and runs it, keeping PostgreSQL's transaction
// rules: every statement of a simple Query runs in one implicit transaction (an error rolls it
// back and skips the rest), BEGIN opens a block, an error inside a block leaves it failed
// (25P02 until ROLLBACK), and the extended protocol's implicit transaction ends at Sync.
import { inFailedTransaction, syntaxError } from '@vecgres/errors';
import { builtinCodecRegistry, type CodecRegistry, type TextOutputOptions } from '@vecgres/pg-types';
import type {
  BindArgs,
  ExecuteOutcome,
  IdleTimeouts,
  PreparedStatement,
  QueryHandler,
  ResultSink,
  StartupInfo,
  TransactionStatus,
  Portal,
} from '@vecgres/pg-wire';
import { analyzeStatement, isTransactionExit } from './analyze';
import type { AstNode } from './ast';
import { drainRows, fieldsOf } from './executor';
import { BootstrapPortal, BootstrapStatement, checkParamTypes, checkSameShape, decodeParams, resultFormats } from './extended';
import { ParamTypes } from './params';
import type { ParsedStatement, SqlParser } from './parse';
import { applyStartupParams } from './startup-params';
import { Settings } from './settings';
import type { BoundStatement, ExecContext, SessionServices } from './statement';
import { StatementControl } from './statement-control';
import type { TableStore } from './table-store';
import { Transaction } from './transaction';

export interface SessionOptions {
  parser: SqlParser;
  store: TableStore;
  startup: StartupInfo;
  maxConnections: number;
  /** Called once when the session closes. */
  onClose?: () => void;
}

const FAILED_MESSAGE = 'current transaction is aborted, commands ignored until end of transaction block';

export class BootstrapSession implements QueryHandler, SessionServices {
  readonly settings: Settings;
  readonly tx = new Transaction();
  readonly store: TableStore;
  readonly codecs: CodecRegistry = builtinCodecRegistry();
  private readonly parser: SqlParser;
  private running: StatementControl | null = null;
  private reportedValues: Record<string, string> = {};
  private closed = false;

  constructor(private readonly options: SessionOptions) {
    this.parser = options.parser;
    this.store = options.store;
    this.settings = new Settings({ user: options.startup.user, maxConnections: options.maxConnections });
    applyStartupParams(this.settings, options.startup.params);
    this.reportedValues = this.settings.reported();
  }

  serverParameters(): Record<string, string> {
    this.reportedValues = this.settings.reported();
    return { ...this.reportedValues };
  }

  textOptions(): TextOutputOptions {
    return { extraFloatDigits: this.settings.extraFloatDigits() };
  }

  transactionStatus(): TransactionStatus {
    return this.tx.wireStatus();
  }

  /** idle_session_timeout / idle_in_transaction_session_timeout; pg-wire runs the timers. */
  idleTimeouts(): IdleTimeouts {
    return {
      idleSessionMs: this.settings.idleSessionTimeoutMs(),
      idleInTransactionMs: this.settings.idleInTransactionTimeoutMs(),
    };
  }

  // ---- simple protocol -------------------------------------------------------------------

  async simpleQuery(sql: string, sink: ResultSink): Promise<void> {
    try {
      const statements = this.parser(sql);
      if (statements.length === 0) {
        sink.empty();
        return;
      }
      for (const s of statements) await this.runSimple(s, sql, sink);
      if (this.tx.blockState === 'implicit') this.tx.commit();
    } catch (err) {
      this.tx.fail();
      throw err;
    } finally {
      this.flushReports(sink);
    }
  }

  private async runSimple(s: ParsedStatement, sql: string, sink: ResultSink): Promise<void> {
    this.checkNotFailed(s.node);
    this.tx.ensureStarted();
    const control = this.startStatement();
    try {
      const bound = analyzeStatement(s.node, { sql, session: this, params: null });
      const ex: ExecContext = { session: this, params: [], control, sink };
      if (bound.open) {
        sink.describe(fieldsOf(bound.columns ?? [], []));
        const { count } = await drainRows(bound.open(ex), bound.columns ?? [], [], ex, 0);
        sink.complete(bound.rowTag?.(count) ?? `SELECT ${count}`);
      } else {
        sink.complete(await bound.run!(ex));
      }
    } finally {
      this.endStatement(control);
    }
  }

  // ---- extended protocol -----------------------------------------------------------------

  async parse(sql: string, paramTypeOids: number[]): Promise<PreparedStatement> {
    return this.extended(() => {
      const statements = this.parser(sql);
      if (statements.length > 1) throw syntaxError('cannot insert multiple commands into a prepared statement');
      checkParamTypes(paramTypeOids.filter((o) => o !== 0), this.codecs);
      if (statements.length === 0) return new BootstrapStatement(null, sql, [...paramTypeOids], null);
      const node = statements[0]!.node;
      this.checkNotFailed(node);
      const params = new ParamTypes(paramTypeOids);
      const bound = analyzeStatement(node, { sql, session: this, params });
      const types = params.finalize();
      checkParamTypes(types, this.codecs);
      return new BootstrapStatement(node, sql, types, bound.columns ? fieldsOf(bound.columns, []) : null);
    });
  }

  async bind(statement: PreparedStatement, args: BindArgs): Promise<Portal> {
    const stmt = statement as BootstrapStatement;
    return this.extended(() => {
      if (stmt.node) this.checkNotFailed(stmt.node);
      const params = decodeParams(stmt, args, this.codecs);
      if (!stmt.node) return new BootstrapPortal(stmt, null, null, [], params, this);
      const bound = this.reanalyze(stmt);
      const fields = checkSameShape(stmt, bound);
      const formats = resultFormats(args.resultFormats, fields?.length ?? 0);
      return new BootstrapPortal(stmt, bound, fields ? fieldsOf(bound.columns!, formats) : null, formats, params, this);
    });
  }

  async execute(portal: Portal, maxRows: number, sink: ResultSink): Promise<ExecuteOutcome> {
    const p = portal as BootstrapPortal;
    try {
      if (!p.bound) {
        sink.empty();
        return 'complete';
      }
      this.checkNotFailed(p.statement.node!);
      this.tx.ensureStarted();
      return await this.executePortal(p, p.bound, maxRows, sink);
    } catch (err) {
      this.tx.fail();
      throw err;
    } finally {
      this.flushReports(sink);
    }
  }

  private async executePortal(p: BootstrapPortal, bound: BoundStatement, maxRows: number, sink: ResultSink): Promise<ExecuteOutcome> {
    p.sink = sink;
    p.control = this.startStatement();
    try {
      if (bound.open) {
        if (p.done) {
          sink.complete(bound.rowTag?.(0) ?? 'SELECT 0');
          return 'complete';
        }
        p.cursor ??= bound.open(p.exec);
        const { count, done } = await drainRows(p.cursor, bound.columns ?? [], p.formats, p.exec, maxRows);
        if (!done) return 'suspended';
        p.done = true;
        sink.complete(bound.rowTag?.(count) ?? `SELECT ${count}`);
        return 'complete';
      }
      sink.complete(await bound.run!(p.exec));
      return 'complete';
    } finally {
      this.endStatement(p.control);
    }
  }

  closeStatement(): void {
    // Statements hold no resources beyond what the garbage collector reclaims.
  }

  closePortal(portal: Portal): void {
    const p = portal as BootstrapPortal;
    p.cursor = null;
    p.done = true;
  }

  async sync(): Promise<void> {
    if (this.tx.blockState === 'implicit') this.tx.commit();
  }

  // ---- lifecycle -------------------------------------------------------------------------

  cancel(): void {
    this.running?.cancel();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.running?.cancel();
    if (this.tx.blockState !== 'idle') this.tx.rollback();
    this.options.onClose?.();
  }

  // ---- helpers ---------------------------------------------------------------------------

  private async extended<T>(fn: () => T): Promise<T> {
    try {
      return fn();
    } catch (err) {
      this.tx.fail();
      throw err;
    }
  }

  private reanalyze(stmt: BootstrapStatement): BoundStatement {
    const params = new ParamTypes(stmt.paramTypeOids);
    return analyzeStatement(stmt.node!, { sql: stmt.sql, session: this, params });
  }

  private checkNotFailed(node: AstNode): void {
    if (this.tx.blockState === 'failed' && !isTransactionExit(node)) throw inFailedTransaction(FAILED_MESSAGE);
  }

  private startStatement(): StatementControl {
    const control = new StatementControl(this.settings.statementTimeoutMs());
    this.running = control;
    return control;
  }

  private endStatement(control: StatementControl): void {
    control.finish();
    if (this.running === control) this.running = null;
  }

  /** ParameterStatus for every reported parameter whose value changed since last sent. */
  private flushReports(sink: ResultSink): void {
    const now = this.settings.reported();
    for (const [name, value] of Object.entries(now)) {
      if (this.reportedValues[name] !== value) sink.parameterStatus(name, value);
    }
    this.reportedValues = now;
  }
}
