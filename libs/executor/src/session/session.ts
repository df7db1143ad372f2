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
import { Catalog, SequenceSession, formatType, isDdlStmt } from '@vecgres/catalog';
import { SQLSTATE, SqlError, inFailedTransaction, notSupported } from '@vecgres/errors';
import { isPlannable, planStatement, type OutputColumn, type PlannedStatement } from '@vecgres/planner';
import type { CodecRegistry } from '@vecgres/pg-types';
import type { CatalogState, SessionInfo } from '@vecgres/catalog';
import { parse, type Stmt, type TransactionStmt } from '@vecgres/sql';
import type { Row } from '../exec/exec-context';
import { planContext, runPlan, type RunOptions } from '../exec/run-plan';
import { estimateVectorFilters } from '../payload-index/filter-estimate';
import type { PlanReuse } from '../exec/plan-reuse';
import { runExplain } from './explain-exec';
import { dmlTag } from './command-tag';
import type { Database } from './database';
import { executeDdl } from './ddl-exec';
import { executeCreateTableAs } from './create-table-as';
import { executeCreateView } from './create-view';
import { executeCheckpoint, executeVacuum } from './maintenance-exec';
import { readSearchSettings } from '../vector-index/ann-runtime';
import { executeReindex } from '../vector-index/ann-reindex';
import { annBuildContext, type AnnBuildContext } from '../vector-index/ann-build-context';
import { annProgressRows } from '../vector-index/ann-progress';
import { sizeFunctions, vecgresMemoryRows } from './size-functions';
import type { EngineSink } from './result-sink';
import { SessionCatalogView, catalogFunctions, withRegTextCodecs, withSystemTables } from './catalog-context';
import { withExtensionCodecs } from './extension-codecs';
import { sessionFunctions } from './session-functions';
import { FunctionSessionState } from './function-session';
import { savepointCommand } from './session-savepoints';
import { SessionTransaction } from './session-tx';
import { applyTransactionModes, checkWritable, currentIsolation, isTransactionSet, setTransaction } from './tx-isolation';
import { SessionSettings, type SettingsInit } from './settings';
import { runCopy, type CopyHost } from './copy/copy-exec';
import { runtimeFunctions, setStatement, showColumns, showStatement, type RuntimeState } from './session-runtime';
import { applyStartupParams } from './startup-params';
import { StatementControl } from './statement-control';
import { allocateBackendId, createsTempObject, dropTempSchema, recordOnCommit, runOnCommitActions, tempSchemaName, type OnCommitAction } from './temp-tables';
import { discardStatement } from './discard';
import { PlanCache } from './plan-cache';

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
  readonly settings: SessionSettings;
  /** currval/lastval memory (per session, as in PostgreSQL). */
  private readonly sequences = new SequenceSession();
  /** The running statement's cancellation (CancelRequest, statement_timeout). */
  private control: StatementControl | undefined;
  /** A finished statement's AbortController that was never aborted, for the next one. */
  private spareController: AbortController | undefined;
  private readonly runtime: RuntimeState = { sleepMs: 0 };
  private readonly functionState = new FunctionSessionState();
  /** Prepared statements' plans, reused by Bind until the catalog or search_path changes. */
  readonly plans = new PlanCache();
  /**
   * The session functions (the ~100 catalog functions, sequences, sizes), made once per session:
   * they act on runTx, the transaction of the statement running now. Making them per statement
   * was a large part of a short query's cost and of its garbage.
   */
  private functionsOnce: { fns: Record<string, (...args: any[]) => unknown>; checkpoint: () => Promise<void>; cancelSignal: () => AbortSignal | undefined } | undefined;
  /** Operator trees built / reused for prepared statements' cached plans (for tests and profiling). */
  readonly trees = { built: 0, reused: 0 };
  /** Built operator trees of cached plans, by plan object (a new plan starts over). */
  private readonly planReuse = new WeakMap<PlannedStatement, PlanReuse>();
  /** What vector top-k nodes search with (made once per session). */
  private vectorRuntime: RunOptions['vectorIndexes'];
  /** The transaction runOptions was last called for, and its tables with the system relations. */
  private runTx: SessionTransaction | undefined;
  private txTables: { tx: SessionTransaction; tables: RunOptions['tables'] } | undefined;
  /** PostgreSQL's backend id: names the temp schema pg_temp_<id> (temp-tables.ts). */
  readonly backendId: number;
  /** ON COMMIT DELETE ROWS / DROP temp tables by OID. */
  private readonly onCommit = new Map<number, OnCommitAction>();
  /**
   * Set at the first CREATE TEMP: anything already in pg_temp_<id> then belongs to an earlier
   * session with this id whose end failed, and is dropped first (InitTempTableNamespace).
   */
  private tempReady = false;

  /** `startupParams`: the StartupMessage's parameters (a bad value throws, FATAL). */
  /** The catalog as pg_catalog scans, catalog functions and reg* text forms see it. */
  private readonly catalogView = new SessionCatalogView(() => ({
    registry: this.db.registry, user: this.user, database: this.db.name, searchPath: this.settings.searchPath(), tempSchema: this.tempSchema,
    settings: () => this.settings.allWithInfo(), memory: () => vecgresMemoryRows(this.db), indexProgress: () => annProgressRows(this.db), ...this.serverInfo,
  }));
  /** Server-wide facts for pg_roles / pg_database / pg_stat_activity (set by the server). */
  serverInfo: Pick<SessionInfo, 'roles' | 'databases' | 'activity'> = {};
  private regCodecs: CodecRegistry | undefined;
  private stateCodecs: CodecRegistry | undefined;

  /** The catalog the session sees now: its transaction's (uncommitted DDL included) or the committed one. */
  private catalogStateNow(): CatalogState {
    return (this.tx ?? this.implicit)?.catalog.state ?? this.db.catalogState;
  }

  /** The database's codecs, with regclass & co. printed and read by name (use for the wire). */
  get codecs(): CodecRegistry {
    return (this.regCodecs ??= withExtensionCodecs(
      withRegTextCodecs(this.db.baseCodecs, () => this.catalogView.context(this.catalogStateNow())),
      this.db.extensionCodecs, () => this.catalogStateNow()));
  }

  /** Codecs for execution: extension types (vector, ...) of the session's current catalog included. */
  private get execCodecs(): CodecRegistry {
    return (this.stateCodecs ??= withExtensionCodecs(this.db.baseCodecs, this.db.extensionCodecs, () => this.catalogStateNow()));
  }

  constructor(readonly db: Database, readonly user = 'postgres', init: SettingsInit & { startupParams?: Record<string, string> } = {}) {
    this.settings = new SessionSettings({ user, ...init });
    // Read at every settings lookup: the names are listed again only when the catalog's
    // extensions collection is another object (CREATE/DROP EXTENSION).
    let seen: { extensions: object; names: string[] } | undefined;
    this.settings.watchExtensions(() => {
      const extensions = this.catalogStateNow().extensions;
      if (seen?.extensions !== extensions) seen = { extensions, names: Object.values(extensions).map((e) => e.name) };
      return seen.names;
    });
    this.backendId = allocateBackendId(db.backendIds);
    if (init.startupParams) applyStartupParams(this.settings, init.startupParams);
  }

  /** CancelRequest: the running statement fails with 57014 at its next check. */
  cancel(): void {
    this.control?.cancel();
  }

  /** Runs one statement's work under a StatementControl (statement_timeout, cancel). */
  private async controlled<T>(f: (control: StatementControl) => Promise<T>): Promise<T> {
    const control = new StatementControl(this.settings.statementTimeoutMs(), this.spareController);
    this.spareController = undefined;
    this.control = control;
    try {
      return await f(control);
    } finally {
      control.finish();
      this.spareController = control.reusableController();
      if (this.control === control) this.control = undefined;
      this.runtime.sleepMs = 0;
    }
  }

  /** Between batches: waits out pg_sleep, lets CancelRequest/timers run, checks for cancel. */
  private async checkpointBatch(control: StatementControl): Promise<void> {
    const ms = this.runtime.sleepMs;
    this.runtime.sleepMs = 0;
    if (ms > 0) await control.sleep(ms);
    else await control.yieldToEventLoop();
  }

  /** ReadyForQuery status: I idle, T in a block, E in a failed block. */
  get transactionStatus(): 'I' | 'T' | 'E' {
    return this.failed ? 'E' : this.tx ? 'T' : 'I';
  }

  private get tempSchema(): string {
    return tempSchemaName(this.backendId);
  }

  private resolveContext() {
    return { path: this.settings.searchPath(), user: this.user, database: this.db.name, tempSchema: this.tempSchema };
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
    const stmts = this.guardSync(() => parse(sql));
    for (const { stmt } of stmts) {
      const portal = this.portalFor(stmt, params, paramTypes, true);
      await portal.fetch(0, sink);
    }
    await this.sync();
  }

  /** Parse (+ Describe): one statement, parameter types inferred, result columns. */
  prepare(sql: string, paramTypes: readonly number[] = []): PreparedStatement {
    // A Parse error fails the transaction like any statement error (PostgreSQL's Parse runs
    // inside the transaction; in a failed block only COMMIT/ROLLBACK parse).
    return this.guardSync(() => {
      const p = this.prepareStatement(sql, paramTypes);
      if (this.failed && p.stmt && p.stmt.kind !== 'transaction') throw inFailedTransaction(FAILED);
      return p;
    });
  }

  private prepareStatement(sql: string, paramTypes: readonly number[]): PreparedStatement {
    const stmts = parse(sql);
    if (stmts.length > 1) throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'cannot insert multiple commands into a prepared statement');
    if (stmts.length === 0) return { text: '', paramTypes: [...paramTypes], columns: [] };
    const [{ stmt, text }] = stmts;
    if (isPlannable(stmt)) {
      const plan = this.planFor(this.tx ?? this.implicit, stmt, paramTypes);
      return { text, stmt, paramTypes: plan.params.map((p) => p.oid), columns: plan.columns };
    }
    const showCols = stmt.kind === 'show' ? showColumns(stmt, stmt.name.toLowerCase() === 'all' ? undefined : this.settings.canonicalName(stmt.name)) : [];
    return { text, stmt, paramTypes: [...paramTypes], columns: stmt.kind === 'explain' ? [TEXT_COLUMN('QUERY PLAN')] : showCols };
  }

  /** Bind: a portal over the statement with decoded parameter values. */
  bind(p: PreparedStatement, params: readonly unknown[]): EnginePortal {
    if (!p.stmt) return { columns: [], fetch: async () => 'complete' };
    return this.portalFor(p.stmt, params, p.paramTypes, false, p);
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
    // A finished transaction's buffers must not outlive it through the cached run options.
    if (this.runTx && this.runTx !== this.tx) {
      this.runTx = undefined;
      this.txTables = undefined;
    }
    if (!imp) {
      if (!this.tx) this.settings.transactionEnded(true);
      return;
    }
    try {
      if (this.onCommit.size > 0) await runOnCommitActions(this.onCommit, imp, this.resolveContext());
      await imp.commit(this.commitOptions());
      this.settings.transactionEnded(true);
    } catch (e) {
      imp.rollback();
      this.settings.transactionEnded(false);
      throw e;
    }
  }

  /** synchronous_commit as it stands at COMMIT time (local/remote_*: no standbys, like on). */
  private commitOptions(): { synchronousCommit: boolean } {
    return { synchronousCommit: this.settings.get('synchronous_commit') !== 'off' };
  }

  /** Ends the session: open transactions are rolled back. */
  close(): void {
    this.tx?.rollback();
    this.implicit?.rollback();
    this.tx = undefined;
    this.implicit = undefined;
    this.failed = false;
  }

  /**
   * The session is over (client gone): close(), then drop its temp schema in a transaction of
   * its own and free the backend id. A failure here leaves the schema to the next server start.
   */
  async end(): Promise<void> {
    this.close();
    try {
      const tx = new SessionTransaction(this.db, false);
      if (await dropTempSchema(tx, this.tempSchema, this.resolveContext())) await tx.commit();
      else tx.rollback();
    } finally {
      this.db.backendIds.delete(this.backendId);
    }
  }

  private current(): SessionTransaction {
    if (this.tx) return this.tx;
    this.implicit ??= new SessionTransaction(this.db, false, this.settings);
    return this.implicit;
  }

  /** A statement failed: a block becomes failed; an implicit transaction is rolled back now. */
  private statementFailed(): void {
    if (this.tx) {
      this.failed = true;
    } else if (this.implicit) {
      this.implicit.rollback();
      this.implicit = undefined;
      this.settings.transactionEnded(false);
    }
  }

  /** Everything runPlan needs from the session besides parameters. */
  private runOptions(tx: SessionTransaction): Omit<RunOptions, 'params'> {
    this.runTx = tx;
    const running = (): SessionTransaction => this.runTx ?? this.tx ?? this.implicit ?? tx;
    const once = (this.functionsOnce ??= {
      fns: {
        ...runtimeFunctions(this.settings, this.runtime), ...catalogFunctions(() => this.catalogView.context(running().catalog.state)),
        ...sessionFunctions(running, this.sequences, { user: this.user, database: this.db.name, searchPath: () => this.settings.searchPath() }), ...sizeFunctions(running),
      },
      checkpoint: async () => { if (this.control) await this.control.yieldToEventLoop(); },
      cancelSignal: () => this.control?.signal,
    });
    let tables = this.txTables;
    if (tables?.tx !== tx) tables = this.txTables = { tx, tables: withSystemTables(tx.tables, () => this.catalogView.context(tx.catalog.state)) };
    return { codecs: this.execCodecs, tables: tables.tables, sessionFunctions: once.fns, checkpoint: once.checkpoint, cancelSignal: once.cancelSignal,
      functionSession: this.functionState.part(this.settings, tx.startedAt),
      vectorIndexes: (this.vectorRuntime ??= {
        manager: this.db.annIndexes,
        // Read at every vector query: memoized until a setting changes.
        settings: () => this.settings.derived('ann-search', () => readSearchSettings((n) => this.settings.find(n))),
      }) };
  }

  /** `owner`: the prepared statement being bound; its plan is cached (plan-cache.ts). */
  private portalFor(stmt: Stmt, params: readonly unknown[], paramTypes: readonly number[], describe: boolean, owner?: PreparedStatement): EnginePortal {
    if (stmt.kind !== 'transaction' && this.failed) throw inFailedTransaction(FAILED);
    if (!isPlannable(stmt)) {
      return {
        columns: [],
        fetch: async (_max, sink) => {
          await this.guard(() => this.controlled(() => this.utility(stmt, sink, paramTypes, describe)));
          return 'complete';
        },
      };
    }
    const tx = this.current();
    tx.beginStatement();
    const plan = this.guardSync(() => owner
      ? this.plans.plan(owner, tx.catalog.state, this.settings.derived('search-path', () => this.settings.get('search_path')), paramTypes, () => this.planFor(tx, stmt, paramTypes, true))
      : this.planFor(tx, stmt, paramTypes, true));
    this.guardSync(() => checkWritable(tx, plan.command));
    const returnsRows = plan.command === 'select' || plan.columns.length > 0;
    const run = this.guardSync(() => runPlan(plan, { params, ...this.runOptions(tx), ...(owner ? { reuse: this.reuseOf(plan) } : {}) }));
    let buffer: Row[] = [];
    let sent = 0;
    let described = !describe;
    return {
      columns: returnsRows ? plan.columns : [],
      fetch: (maxRows, sink) => this.guard(() => this.controlled(async (control) => {
        if (!described && returnsRows) sink.describe(plan.columns);
        described = true;
        let n = 0;
        while (maxRows === 0 || n < maxRows) {
          if (buffer.length === 0) {
            const next = await run.batches.next();
            await this.checkpointBatch(control);
            if (next.done) {
              // Like PostgreSQL, a resumed portal's tag counts the rows of this Execute only.
              sink.complete(plan.command === 'select' ? dmlTag('select', n) : dmlTag(plan.command, run.counter.rows));
              return 'complete' as const;
            }
            buffer = next.value;
          }
          const take = maxRows === 0 ? buffer : buffer.slice(0, maxRows - n);
          buffer = take === buffer ? [] : buffer.slice(take.length);
          n += take.length;
          sent += take.length;
          if (returnsRows && take.length > 0) {
            // Only a sink waiting for the client (backpressure) returns a promise to race
            // against cancellation; a batch the socket took at once costs no listener.
            const wait = sink.rows(take);
            if (wait) await control.race(wait);
          }
        }
        return 'suspended' as const;
      })),
    };
  }

  /** The holder of a cached plan's built operator tree (exec/plan-reuse.ts). */
  private reuseOf(plan: PlannedStatement): PlanReuse {
    let r = this.planReuse.get(plan);
    if (!r) this.planReuse.set(plan, (r = { counts: this.trees }));
    return r;
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
    if (!this.tempReady && createsTempObject(stmt)) {
      this.tempReady = true;
      await dropTempSchema(this.current(), this.tempSchema, this.resolveContext());
    }
    if (stmt.kind === 'createTable' && stmt.as) {
      const tx = this.current();
      tx.beginStatement();
      await executeCreateTableAs(tx, { ...stmt, as: stmt.as }, this.resolveContext(), sink, {
        plan: (s) => this.planFor(tx, s, paramTypes, true),
        run: (plan) => runPlan(plan, { params: [], ...this.runOptions(tx) }),
      });
      return recordOnCommit(this.onCommit, tx, stmt, this.resolveContext());
    }
    if (stmt.kind === 'createView') {
      const tx = this.current();
      tx.beginStatement();
      return executeCreateView(tx, stmt, this.resolveContext(), sink, (s) => this.planFor(tx, s, paramTypes, true));
    }
    if (isDdlStmt(stmt)) {
      const tx = this.current();
      tx.annBuild = this.annBuildContext(sink);
      await executeDdl(tx, stmt, this.resolveContext(), sink);
      if (stmt.kind === 'createTable') recordOnCommit(this.onCommit, tx, stmt, this.resolveContext());
      return;
    }
    switch (stmt.kind) {
      case 'explain': {
        const tx = this.current();
        tx.beginStatement();
        return runExplain(stmt, {
          plan: (s) => this.planFor(tx, s, paramTypes, true),
          run: (plan, stats) => runPlan(plan, { params: [], ...this.runOptions(tx), stats }),
          typeName: (oid, typmod) => formatType(new Catalog(tx.catalog.state), oid, typmod),
          vectorFilter: (plan) => estimateVectorFilters(planContext(plan, { params: [], ...this.runOptions(tx) }), plan),
        }, describe, sink);
      }
      case 'checkpoint':
        return executeCheckpoint(this.db, stmt, sink);
      case 'reindex': {
        const tx = this.current();
        tx.annBuild = this.annBuildContext(sink);
        return executeReindex(tx, stmt, this.resolveContext(), sink);
      }
      case 'vacuum':
        return executeVacuum(this.db, stmt, this.resolveContext(), this.tx !== undefined || this.implicit !== undefined, sink);
      case 'set':
        if (isTransactionSet(stmt)) return setTransaction(this.tx, stmt, this.settings, sink);
        this.current();
        setStatement(this.settings, stmt, this.tx !== undefined, sink);
        return;
      case 'show':
        return showStatement(this.settings, stmt, describe, sink, currentIsolation(this.tx, this.settings));
      case 'discard':
        return discardStatement(stmt, { tx: this.tx, current: () => this.current(), settings: this.settings, sequences: this.sequences, onCommit: this.onCommit, resolve: this.resolveContext() }, sink);
      case 'copy': {
        const tx = this.current();
        tx.beginStatement();
        return runCopy(this.copyHost(tx), stmt, sink);
      }
      default:
        throw notSupported(`${stmt.kind} statements are not supported yet`);
    }
  }

  /** What COPY needs: planning and running in `tx`, codecs, text settings, cancellation. */
  private copyHost(tx: SessionTransaction): CopyHost {
    return {
      codecs: this.execCodecs,
      textOptions: () => this.settings.textOptions(),
      control: this.control ?? new StatementControl(0),
      plan: (stmt, paramTypes) => this.planFor(tx, stmt, paramTypes, true),
      run: (plan, params) => runPlan(plan, { params, ...this.runOptions(tx) }),
    };
  }

  /** hnsw / ivfflat builds of this statement: cancel, DEBUG1 phase messages (ann-build-context.ts). */
  private annBuildContext(sink: EngineSink): AnnBuildContext {
    return annBuildContext({ signal: this.control?.signal, clientMinMessages: this.settings.find('client_min_messages'), notice: sink.notice?.bind(sink) });
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
          this.tx = this.implicit ?? new SessionTransaction(this.db, true, this.settings);
          this.implicit = undefined;
          applyTransactionModes(this.tx, stmt.modes);
        }
        sink.complete('BEGIN');
        return;
      case 'commit': {
        if (stmt.chain && !this.tx) throw new SqlError(SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, 'COMMIT AND CHAIN can only be used in transaction blocks');
        const tx = this.tx ?? this.implicit;
        if (!this.tx) this.warn(sink, SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, 'there is no transaction in progress');
        this.tx = undefined;
        this.implicit = undefined;
        if (this.failed) {
          this.failed = false;
          tx?.rollback();
          this.settings.transactionEnded(false);
          sink.complete('ROLLBACK');
          return;
        }
        if (tx && this.onCommit.size > 0) await runOnCommitActions(this.onCommit, tx, this.resolveContext());
        await tx?.commit(this.commitOptions());
        this.settings.transactionEnded(true);
        sink.complete('COMMIT');
        return;
      }
      case 'rollback': {
        if (stmt.chain && !this.tx) throw new SqlError(SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, 'ROLLBACK AND CHAIN can only be used in transaction blocks');
        if (!this.tx) this.warn(sink, SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, 'there is no transaction in progress');
        (this.tx ?? this.implicit)?.rollback();
        this.settings.transactionEnded(false);
        this.tx = undefined;
        this.implicit = undefined;
        this.failed = false;
        sink.complete('ROLLBACK');
        return;
      }
      case 'savepoint':
      case 'release':
      case 'rollbackTo':
        if (this.failed && stmt.action !== 'rollbackTo') throw inFailedTransaction(FAILED);
        savepointCommand(this.tx, stmt, this.settings, sink);
        // ROLLBACK TO makes a failed block usable again.
        if (stmt.action === 'rollbackTo') this.failed = false;
        return;
      default:
        if (this.failed) throw inFailedTransaction(FAILED);
        throw notSupported(`${stmt.action} is not supported yet`);
    }
  }
}
