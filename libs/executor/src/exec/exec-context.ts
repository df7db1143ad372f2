// What running one statement needs: parameter values, codecs for I/O casts, table access
// through the session's transaction, the statement's subplans, and the frame of outer rows a
// correlated subplan reads. One ExecContext per statement execution (per subplan run for the
// frame); nothing here is module-level.
import type { CodecRegistry } from '@vecgres/pg-types';
import type { FunctionContextOptions } from '../functions/extra-context';
import type { PhysicalNode, ScanColumn } from '@vecgres/planner';
import type { KeyLookup } from '../constraints/key-index';
import type { PlanStats } from './plan-stats';
import type { VectorSource } from '../storage/vector-source';
import type { VectorIndexRuntime } from '../vector-index/ann-runtime';

/** A row: one JS value per column, null for SQL NULL. */
export type Row = unknown[];

/** Rows per batch pulled through the operator tree. */
export const BATCH_SIZE = 1024;

/** Table reads and writes of the session's transaction (row values in scan-column order). */
export interface TableAccess {
  /** Visible rows (snapshot + own writes), in batches, each row with its storage row id. */
  scan(table: number, columns: readonly ScanColumn[]): Iterable<{ rowId: number; row: Row }>;
  /** Returns the new row's id. */
  insert(table: number, columns: readonly ScanColumn[], row: Row): number | void;
  /** Returns the new version's row id. */
  update(table: number, rowId: number, columns: readonly ScanColumn[], row: Row): number | void;
  delete(table: number, rowId: number): void;
  /** One visible row by id (constraint checks; absent: found by scanning). */
  get?(table: number, rowId: number, columns: readonly ScanColumn[]): Row | null;
  /** Key lookups for unique / foreign-key checks (absent: the checks scan). */
  readonly keys?: KeyLookup;
  /** Segments and vector arenas for Vector Top-K (absent: it ranks the scanned rows in JS). */
  vectorSource?(table: number, columns: readonly ScanColumn[]): VectorSource;
}

/** The per-session fields of a FunctionContext (the compiler adds argTypes/resultType per call site). */
export type FunctionSessionPart = Omit<FunctionContextOptions, 'argTypes' | 'resultType'>;

/** Outer rows visible to a (correlated) subplan: outer[0] is the nearest enclosing row. */
export interface Frame { outer: Row[] }

export interface ExecContext {
  params: readonly unknown[];
  /**
   * Functions that need the session (nextval, currval, setval, current_schema, ...), keyed
   * by impl; looked up before the context-free tables.
   */
  sessionFunctions: Readonly<Record<string, (...args: any[]) => unknown>>;
  codecs: CodecRegistry;
  tables: TableAccess;
  subplans: readonly PhysicalNode[];
  frame: Frame;
  /** Memo of uncorrelated subplan results (InitPlans), shared by the whole statement. */
  initPlans: Map<number, Promise<Row[]>>;
  /** Runs subplan `index` with `frame` and returns all its rows (set by the executor). */
  runSubplan(index: number, frame: Frame): Promise<Row[]>;
  /** WITH RECURSIVE work tables visible to the operators being built, by work-table id. */
  workTables?: ReadonlyMap<number, { rows: Row[] }>;
  /** EXPLAIN ANALYZE: per-node statistics to fill (see plan-stats.ts). */
  stats?: PlanStats;
  /**
   * The session part of contextual functions' FunctionContext (transaction/statement start,
   * TimeZone, output settings, random state); absent: UTC and the wall clock.
   */
  functionSession?: FunctionSessionPart;
  /** Yields to the event loop and throws 57014 if the statement was canceled (loops that never reach the client call it). */
  checkpoint?: () => Promise<void>;
  /**
   * The running statement's cancel signal (CancelRequest, statement_timeout), for native work
   * that polls a stop flag instead of returning to the event loop (Vector Top-K scans).
   */
  cancelSignal?: () => AbortSignal | undefined;
  /** ANN indexes and the session's hnsw.* / ivfflat.* settings (absent: Vector Top-K is exact). */
  vectorIndexes?: VectorIndexRuntime;
}
