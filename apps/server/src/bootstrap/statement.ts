// What every statement kind of the bootstrap handler produces from its AST node: a bound,
// executable statement with its parameter and result types known up front (so Describe can
// answer before Execute). Row-returning statements open a cursor that the executor drains
// with backpressure and maxRows; the others run to completion and return a command tag.
import type { CodecRegistry, TextOutputOptions } from '@vecgres/pg-types';
import type { ResultSink } from '@vecgres/pg-wire';
import type { ParamTypes } from './params';
import type { Settings } from './settings';
import type { StatementControl } from './statement-control';
import type { TableStore } from './table-store';
import type { Transaction } from './transaction';

/** A result column. tableOid/columnAttr are set for plain references to table columns. */
export interface Column {
  readonly name: string;
  readonly typeOid: number;
  readonly tableOid: number;
  readonly columnAttr: number;
}

/** One result row of JS values (see cast.ts for the value per type); null is SQL NULL. */
export type Row = unknown[];

/** Rows pulled one at a time; next() is async only where a row must wait (pg_sleep). */
export interface RowCursor {
  next(): Row | null | Promise<Row | null>;
}

/** Session-wide things a statement may use. */
export interface SessionServices {
  readonly settings: Settings;
  readonly tx: Transaction;
  readonly store: TableStore;
  readonly codecs: CodecRegistry;
  textOptions(): TextOutputOptions;
}

/** Everything one execution sees. */
export interface ExecContext {
  readonly session: SessionServices;
  /** Decoded parameter values, typed per BoundStatement.paramTypeOids. */
  readonly params: readonly unknown[];
  readonly control: StatementControl;
  readonly sink: ResultSink;
}

/** Everything analysis sees. */
export interface AnalyzeContext {
  /** The whole query string (AST locations are byte offsets into it). */
  readonly sql: string;
  readonly session: SessionServices;
  /** Parameter types being inferred; null in the simple protocol (no $n allowed). */
  readonly params: ParamTypes | null;
}

export interface BoundStatement {
  /** The AST node type (`SelectStmt`, `CopyStmt`, ...). */
  readonly kind: string;
  /** Result columns, or null when the statement returns no rows (NoData). */
  readonly columns: readonly Column[] | null;
  /** May run in an aborted transaction block (ROLLBACK, COMMIT). */
  readonly allowedInFailedBlock?: boolean;
  /** Row-returning statements. */
  open?(ctx: ExecContext): RowCursor;
  /** Command tag for a row-returning statement that produced n rows (default `SELECT n`). */
  rowTag?(n: number): string;
  /** Statements without a row result: run, return the command tag. */
  run?(ctx: ExecContext): Promise<string>;
}

/** Builds a column that is not a table column. */
export function exprColumn(name: string, typeOid: number): Column {
  return { name, typeOid, tableOid: 0, columnAttr: 0 };
}

/** A cursor over an in-memory list or generator of rows. */
export function iterCursor(rows: Iterable<Row>): RowCursor {
  const it = rows[Symbol.iterator]();
  return {
    next() {
      const r = it.next();
      return r.done ? null : r.value;
    },
  };
}
