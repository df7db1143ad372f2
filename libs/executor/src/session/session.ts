// A session: one client's transaction state and settings over a shared Database.
//
//   idle ──BEGIN──▶ in block ──error──▶ failed (25P02 for everything but COMMIT/ROLLBACK)
//     ▲               │ COMMIT/ROLLBACK        │ COMMIT (= ROLLBACK) / ROLLBACK
//     └───────────────┴────────────────────────┘
//
// Outside a block, statements run in an implicit transaction that ends at the end of a simple
// query string, or at Sync in the extended protocol (PostgreSQL's rules: a multi-statement
// string is all-or-nothing; BEGIN inside it turns the implicit transaction into a block). An
// error rolls the implicit transaction back at once. Inside a block all statements share one
// storage transaction: reads see its own writes, and its snapshot is taken when it starts
// (REPEATABLE READ-like; PostgreSQL's default READ COMMITTED takes one per statement).
import { Catalog, SequenceSession, isDdlStmt } from '@vecgres/catalog';
import { SQLSTATE, SqlError, inFailedTransaction, notSupported } from '@vecgres/errors';
import { explainLines, isPlannable, planStatement, type OutputColumn, type PlannedStatement } from '@vecgres/planner';
import { parse, type Stmt, type TransactionStmt } from '@vecgres/sql';
import type { Row } from '../exec/exec-context';
import { runPlan } from '../exec/run-plan';
import { dmlTag } from './command-tag';
import type { Database } from './database';
import { executeDdl } from './ddl-exec';
import type { EngineSink } from './result-sink';
import { sessionFunctions } from './session-functions';
import { SessionTransaction } from './session-tx';
import { SessionSettings } from './settings';

export interface PreparedStatement {
  text: string;
  /** Absent for an empty query string (EmptyQueryResponse). */
  stmt?: Stmt;
  /** Parameter type OIDs after inference ($1 first). */
  paramTypes: number[];
  /** Result columns (empty when the statement returns no rows). */
  columns: OutputColumn[];
}

/** A bound statement (extended protocol portal). */
export interface EnginePortal {
  /** Result columns (empty when the statement returns no rows). */
  readonly columns: OutputColumn[];
  /** Sends up to `maxRows` more rows (0 = all): 'suspended' when it stopped at the limit. */
  fetch(maxRows: number, sink: EngineSink): Promise<'complete' | 'suspended'>;
}

const TEXT_COLUMN = (name: string): OutputColumn => ({ name, type: { oid: 25, typmod: -1 }, typlen: -1, tableOid: 0, attnum: 0 });
const FAILED = 'current transaction is aborted, commands ignored until end of transaction block';

export class Session {
  /** The explicit block (BEGIN ... COMMIT), if any. */
  private tx: SessionTransaction | undefined;
  /** The implicit transaction of the current query string / extended-protocol batch. */
  private implicit: SessionTransaction | undefined;
  private failed = false;
  readonly settings = new SessionSettings();
  /** currval/lastval memory (per session, as in PostgreSQL). */
  private readonly sequences = new SequenceSession();

  constructor(readonly db: Database, readonly user = 'postgres') {}

  /** ReadyForQuery status: I idle, T in a block, E in a failed block. */
  get transactionStatus(): 'I' | 'T' | 'E' {
    return this.failed ? 'E' : this.tx ? 'T' : 'I';
  }

  private resolveContext() {
    return { path: this.settings.searchPath(), user: this.user, database: this.db.name };
  }

  private planFor(tx: SessionTransaction | undefined, stmt: Stmt, paramTypes: readonly number[], fixedParams = false): PlannedStatement {
    const catalog = new Catalog(tx ? tx.catalog.state : this.db.catalogState);
    return planStatement(stmt, { catalog, registry: this.db.registry, resolve: this.resolveContext(), paramTypes, fixedParams });
  }

  /**
   * Simple query protocol: every statement of `sql` in order, in one implicit transaction
   * unless they manage their own; the first error is thrown. There are no parameters (`$1` is
   * 42P02), unless `params` are given with their type OIDs.
   */
  async query(sql: string, sink: EngineSink, params: readonly unknown[] = [], paramTypes: readonly number[] = []): Promise<void> {
    const stmts = parse(sql);
    for (const { stmt } of stmts) {
      const portal = this.portalFor(stmt, params, paramTypes, true);
      await portal.fetch(0, sink);
    }
    await this.sync();
  }

  /** Parse (+ Describe): one statement, parameter types inferred, result columns. */
  prepare(sql: string, paramTypes: readonly number[] = []): PreparedStatement {
    const stmts = parse(sql);
    if (stmts.length > 1) throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'cannot insert multiple commands into a prepared statement');
    if (stmts.length === 0) return { text: '', paramTypes: [...paramTypes], columns: [] };
    const [{ stmt, text }] = stmts;
    if (isPlannable(stmt)) {
      const plan = this.planFor(this.tx ?? this.implicit, stmt, paramTypes);
      return { text, stmt, paramTypes: plan.params.map((p) => p.oid), columns: plan.columns };
    }
    return { text, stmt, paramTypes: [...paramTypes], columns: stmt.kind === 'explain' ? [TEXT_COLUMN('QUERY PLAN')] : stmt.kind === 'show' ? [TEXT_COLUMN(stmt.name.toLowerCase())] : [] };
  }

  /** Bind: a portal over the statement with decoded parameter values. */
  bind(p: PreparedStatement, params: readonly unknown[]): EnginePortal {
    if (!p.stmt) return { columns: [], fetch: async () => 'complete' };
    return this.portalFor(p.stmt, params, p.paramTypes, false);
  }

  /** Bind + Execute (all rows) + Sync, for library callers. */
  async execute(p: PreparedStatement, params: readonly unknown[], sink: EngineSink): Promise<void> {
    await this.bind(p, params).fetch(0, sink);
    await this.sync();
  }

  /** Sync: ends the implicit transaction (commits it; an error already rolled it back). */
  async sync(): Promise<void> {
    const imp = this.implicit;
    this.implicit = undefined;
    if (!imp) return;
    try {
      await imp.commit();
    } catch (e) {
      imp.rollback();
      throw e;
    }
  }

  /** Ends the session: open transactions are rolled back. */
  close(): void {
    this.tx?.rollback();
    this.implicit?.rollback();
    this.tx = undefined;
    this.implicit = undefined;
    this.failed = false;
  }

  private current(): SessionTransaction {
    if (this.tx) return this.tx;
    this.implicit ??= new SessionTransaction(this.db, false);
    return this.implicit;
  }

  /** A statement failed: a block becomes failed; an implicit transaction is rolled back now. */
  private statementFailed(): void {
    if (this.tx) {
      this.failed = true;
    } else if (this.implicit) {
      this.implicit.rollback();
      this.implicit = undefined;
    }
  }

  private portalFor(stmt: Stmt, params: readonly unknown[], paramTypes: readonly number[], describe: boolean): EnginePortal {
    if (stmt.kind !== 'transaction' && this.failed) throw inFailedTransaction(FAILED);
    if (!isPlannable(stmt)) {
      return {
        columns: [],
        fetch: async (_max, sink) => {
          await this.guard(() => this.utility(stmt, sink, paramTypes, describe));
          return 'complete';
        },
      };
    }
    const tx = this.current();
    const plan = this.guardSync(() => this.planFor(tx, stmt, paramTypes, true));
    const returnsRows = plan.command === 'select' || plan.columns.length > 0;
    const fns = sessionFunctions(tx, this.sequences, { user: this.user, database: this.db.name, searchPath: () => this.settings.searchPath() });
    const run = runPlan(plan, { params, codecs: this.db.codecs, tables: tx.tables, sessionFunctions: fns });
    let buffer: Row[] = [];
    let sent = 0;
    let described = !describe;
    return {
      columns: returnsRows ? plan.columns : [],
      fetch: (maxRows, sink) => this.guard(async () => {
        if (!described && returnsRows) sink.describe(plan.columns);
        described = true;
        let n = 0;
        while (maxRows === 0 || n < maxRows) {
          if (buffer.length === 0) {
            const next = await run.batches.next();
            if (next.done) {
              sink.complete(plan.command === 'select' ? dmlTag('select', sent) : dmlTag(plan.command, run.counter.rows));
              return 'complete' as const;
            }
            buffer = next.value;
          }
          const take = maxRows === 0 ? buffer : buffer.slice(0, maxRows - n);
          buffer = take === buffer ? [] : buffer.slice(take.length);
          n += take.length;
          sent += take.length;
          if (returnsRows && take.length > 0) await sink.rows(take);
        }
        return 'suspended' as const;
      }),
    };
  }

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      this.statementFailed();
      throw e;
    }
  }

  private guardSync<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      this.statementFailed();
      throw e;
    }
  }

  private async utility(stmt: Stmt, sink: EngineSink, paramTypes: readonly number[], describe: boolean): Promise<void> {
    if (stmt.kind === 'transaction') return this.transaction(stmt, sink);
    if (isDdlStmt(stmt)) return executeDdl(this.current(), stmt, this.resolveContext(), sink);
    switch (stmt.kind) {
      case 'explain': {
        if (stmt.options.some((o) => o.name === 'analyze' && !(o.value?.type === 'bool' && o.value.value === false))) {
          throw notSupported('EXPLAIN ANALYZE is not supported yet');
        }
        if (!isPlannable(stmt.statement)) throw notSupported(`EXPLAIN of ${stmt.statement.kind} is not supported`);
        const lines = explainLines(this.planFor(this.current(), stmt.statement, paramTypes, true));
        if (describe) sink.describe([TEXT_COLUMN('QUERY PLAN')]);
        await sink.rows(lines.map((l) => [l]));
        sink.complete('EXPLAIN');
        return;
      }
      case 'set':
        this.settings.apply(stmt);
        sink.complete('SET');
        return;
      case 'show': {
        const name = stmt.name.toLowerCase();
        const value = this.settings.get(name);
        if (describe) sink.describe([TEXT_COLUMN(name)]);
        await sink.rows([[value]]);
        sink.complete('SHOW');
        return;
      }
      default:
        throw notSupported(`${stmt.kind} statements are not supported yet`);
    }
  }

  private warn(sink: EngineSink, sqlstate: string, message: string): void {
    sink.notice?.({ severity: 'WARNING', sqlstate, message });
  }

  private async transaction(stmt: TransactionStmt, sink: EngineSink): Promise<void> {
    switch (stmt.action) {
      case 'begin':
        if (this.failed) throw inFailedTransaction(FAILED);
        if (this.tx) {
          this.warn(sink, SQLSTATE.ACTIVE_SQL_TRANSACTION, 'there is already a transaction in progress');
        } else {
          // Statements already run in this query string's implicit transaction join the block.
          this.tx = this.implicit ?? new SessionTransaction(this.db, true);
          this.implicit = undefined;
        }
        sink.complete('BEGIN');
        return;
      case 'commit': {
        const tx = this.tx ?? this.implicit;
        if (!this.tx) this.warn(sink, SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, 'there is no transaction in progress');
        this.tx = undefined;
        this.implicit = undefined;
        if (this.failed) {
          this.failed = false;
          tx?.rollback();
          sink.complete('ROLLBACK');
          return;
        }
        await tx?.commit();
        sink.complete('COMMIT');
        return;
      }
      case 'rollback': {
        if (!this.tx) this.warn(sink, SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, 'there is no transaction in progress');
        (this.tx ?? this.implicit)?.rollback();
        this.tx = undefined;
        this.implicit = undefined;
        this.failed = false;
        sink.complete('ROLLBACK');
        return;
      }
      default:
        if (this.failed) throw inFailedTransaction(FAILED);
        throw notSupported(`${stmt.action} is not supported yet`);
    }
  }
}
