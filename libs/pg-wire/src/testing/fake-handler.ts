// A scripted QueryHandler for protocol tests. Its "SQL" is a tiny command language:
//   rows N [W]    one int4 column "n", rows 1..N (text, left-padded to W chars), tag SELECT N;
//                 awaits row() (backpressure); `rowsProduced` counts rows handed to the sink
//   error         42601 syntax error at position 1     fatal   FATAL 57P01
//   boom          a plain Error (-> XX000)               notice  a NOTICE, then tag DO
//   begin/commit/rollback   transaction status T/I     fail    inside a block: status E + error
//   copy in       COPY FROM STDIN, tag COPY <lines>      copy out N   N lines of COPY TO STDOUT
//   sleep         waits until cancel()                   set K V      ParameterStatus K=V
//   empty         EmptyQueryResponse                    wait MS       completes after MS ms
//   idle S T      idleTimeouts() -> {idleSessionMs: S, idleInTransactionMs: T}, tag SET
// Several commands may be separated by ';'. Every call is logged in `calls`.
import { SqlError, SQLSTATE, canceled, syntaxError } from '@vecgres/errors';
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
} from '../query-handler';

export const INT4_FIELD: FieldDescription = {
  name: 'n',
  tableOid: 0,
  columnAttr: 0,
  typeOid: 23,
  typeSize: 4,
  typeModifier: -1,
  format: 0,
};

interface FakeStatement extends PreparedStatement {
  sql: string;
}
interface FakePortal extends Portal {
  stmt: FakeStatement;
  params: Array<Buffer | null>;
  sent: number;
}

export class FakeHandler implements QueryHandler {
  readonly calls: string[] = [];
  readonly copied: Buffer[] = [];
  status: TransactionStatus = 'I';
  private cancelWaiter: (() => void) | null = null;
  closedCount = 0;
  rowsProduced = 0;
  idle: IdleTimeouts = { idleSessionMs: 0, idleInTransactionMs: 0 };

  serverParameters(): Record<string, string> {
    return { server_version: '16.0', client_encoding: 'UTF8' };
  }

  async simpleQuery(sql: string, sink: ResultSink): Promise<void> {
    this.calls.push(`query:${sql}`);
    for (const part of sql.split(';')) {
      const cmd = part.trim();
      if (cmd === '') continue;
      if (this.status === 'E' && cmd !== 'rollback' && cmd !== 'commit') {
        throw new SqlError(SQLSTATE.IN_FAILED_SQL_TRANSACTION, 'current transaction is aborted, commands ignored until end of transaction block');
      }
      await this.run(cmd, sink, 0, { stmt: { sql: cmd, paramTypeOids: [], fields: null }, params: [], sent: 0, fields: null });
    }
  }

  /** Runs one command; for `rows` honours maxRows from portal.sent. */
  private async run(cmd: string, sink: ResultSink, maxRows: number, portal: FakePortal): Promise<ExecuteOutcome> {
    const [verb, ...args] = cmd.split(/\s+/);
    switch (verb) {
      case 'rows': {
        const total = Number(args[0]);
        const width = Number(args[1] ?? 0);
        sink.describe([INT4_FIELD]);
        const end = maxRows > 0 ? Math.min(total, portal.sent + maxRows) : total;
        for (let i = portal.sent; i < end; i++) {
          const pending = sink.row([Buffer.from(String(i + 1).padStart(width, ' '))]);
          this.rowsProduced++;
          if (pending) await pending;
        }
        portal.sent = end;
        if (end < total) return 'suspended';
        sink.complete(`SELECT ${total}`);
        return 'complete';
      }
      case 'error':
        throw syntaxError('syntax error at or near "error"', 1);
      case 'fatal':
        throw new SqlError(SQLSTATE.ADMIN_SHUTDOWN, 'fatal from handler', { severity: 'FATAL' });
      case 'boom':
        throw new Error('boom');
      case 'notice':
        sink.notice({ severity: 'NOTICE', sqlstate: '00000', message: 'hello' });
        sink.complete('DO');
        return 'complete';
      case 'begin':
        this.status = 'T';
        sink.complete('BEGIN');
        return 'complete';
      case 'commit':
        sink.complete(this.status === 'E' ? 'ROLLBACK' : 'COMMIT');
        this.status = 'I';
        return 'complete';
      case 'rollback':
        this.status = 'I';
        sink.complete('ROLLBACK');
        return 'complete';
      case 'fail':
        if (this.status === 'T') this.status = 'E';
        throw new SqlError(SQLSTATE.DIVISION_BY_ZERO, 'division by zero');
      case 'copy':
        return args[0] === 'in' ? this.copyIn(sink) : this.copyOut(sink, Number(args[1]));
      case 'COPY': // what psql's \copy sends: COPY x FROM STDIN / COPY x TO STDOUT
        return args.includes('FROM') ? this.copyIn(sink) : this.copyOut(sink, 2);
      case 'sleep':
        await new Promise<void>((resolve) => (this.cancelWaiter = resolve));
        throw canceled('canceling statement due to user request');
      case 'set':
        sink.parameterStatus(args[0]!, args[1]!);
        sink.complete('SET');
        return 'complete';
      case 'empty':
        sink.empty();
        return 'complete';
      case 'wait':
        await new Promise((resolve) => setTimeout(resolve, Number(args[0])));
        sink.complete('DO');
        return 'complete';
      case 'idle':
        this.idle = { idleSessionMs: Number(args[0]), idleInTransactionMs: Number(args[1]) };
        sink.complete('SET');
        return 'complete';
      case 'echo':
        sink.describe([{ ...INT4_FIELD, name: 'p', typeOid: 25 }]);
        await sink.row(portal.params);
        sink.complete('SELECT 1');
        return 'complete';
      default:
        throw syntaxError(`syntax error at or near "${verb}"`, 1);
    }
  }

  private async copyIn(sink: ResultSink): Promise<ExecuteOutcome> {
    let lines = 0;
    for await (const chunk of sink.copyIn({ format: 0, columnFormats: [0] })) {
      this.copied.push(Buffer.from(chunk));
      lines += chunk.toString().split('\n').length - 1;
    }
    sink.complete(`COPY ${lines}`);
    return 'complete';
  }

  private async copyOut(sink: ResultSink, n: number): Promise<ExecuteOutcome> {
    const out = sink.copyOut({ format: 0, columnFormats: [0] });
    for (let i = 1; i <= n; i++) await out.write(Buffer.from(`${i}\n`));
    out.end();
    sink.complete(`COPY ${n}`);
    return 'complete';
  }

  async parse(sql: string, paramTypeOids: number[]): Promise<PreparedStatement> {
    this.calls.push(`parse:${sql}`);
    if (sql.startsWith('error')) throw syntaxError('syntax error at or near "error"', 1);
    const nParams = (sql.match(/\$\d+/g) ?? []).length;
    const oids = Array.from({ length: nParams }, (_, i) => paramTypeOids[i] || 25);
    const fields = sql.startsWith('rows') ? [INT4_FIELD] : sql.startsWith('echo') ? [{ ...INT4_FIELD, name: 'p', typeOid: 25 }] : null;
    const stmt: FakeStatement = { sql, paramTypeOids: oids, fields };
    return stmt;
  }

  async bind(statement: PreparedStatement, args: BindArgs): Promise<Portal> {
    const stmt = statement as FakeStatement;
    this.calls.push(`bind:${stmt.sql}:${args.paramFormats.join('')}:${args.resultFormats.join('')}`);
    const fields = stmt.fields?.map((f, i) => ({ ...f, format: (args.resultFormats.length === 1 ? args.resultFormats[0] : args.resultFormats[i] ?? 0) as 0 | 1 })) ?? null;
    const portal: FakePortal = { stmt, params: args.params, sent: 0, fields };
    return portal;
  }

  async execute(portal: Portal, maxRows: number, sink: ResultSink): Promise<ExecuteOutcome> {
    const p = portal as FakePortal;
    this.calls.push(`execute:${p.stmt.sql}:${maxRows}`);
    if (this.status === 'E') {
      throw new SqlError(SQLSTATE.IN_FAILED_SQL_TRANSACTION, 'current transaction is aborted, commands ignored until end of transaction block');
    }
    if (p.stmt.sql.trim() === '') {
      sink.empty();
      return 'complete';
    }
    return this.run(p.stmt.sql, sink, maxRows, p);
  }

  closeStatement(statement: PreparedStatement): void {
    this.calls.push(`closeStatement:${(statement as FakeStatement).sql}`);
  }

  closePortal(portal: Portal): void {
    this.calls.push(`closePortal:${(portal as FakePortal).stmt.sql}`);
  }

  async sync(): Promise<void> {
    this.calls.push('sync');
    if (this.status === 'E' && !this.calls.some((c) => c.startsWith('query:begin'))) this.status = 'I';
  }

  transactionStatus(): TransactionStatus {
    return this.status;
  }

  idleTimeouts(): IdleTimeouts {
    return this.idle;
  }

  cancel(): void {
    this.calls.push('cancel');
    const w = this.cancelWaiter;
    this.cancelWaiter = null;
    w?.();
  }

  async close(): Promise<void> {
    this.calls.push('close');
    this.closedCount++;
  }
}
