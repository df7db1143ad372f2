// Drains a row cursor into the ResultSink: encodes each value with its column's codec in the
// requested format, honours maxRows (portal suspension) and backpressure (awaits the promise
// ResultSink.row returns), and yields to the event loop every few thousand rows so that a
// CancelRequest or statement_timeout can interrupt a loop the socket never slows down.
import { encodeValue, typeSize } from '@vecgres/pg-types';
import type { FieldDescription } from '@vecgres/pg-wire';
import type { Column, ExecContext, RowCursor } from './statement';

const YIELD_EVERY = 4096;

/** RowDescription fields for columns in the given formats (formats[i], default text). */
export function fieldsOf(columns: readonly Column[], formats: ReadonlyArray<0 | 1>): FieldDescription[] {
  return columns.map((c, i) => ({
    name: c.name,
    tableOid: c.tableOid,
    columnAttr: c.columnAttr,
    typeOid: c.typeOid,
    typeSize: typeSize(c.typeOid),
    typeModifier: -1,
    format: formats[i] ?? 0,
  }));
}

export interface DrainResult {
  /** Rows sent by this call. */
  count: number;
  /** The cursor is exhausted. */
  done: boolean;
}

/** Sends up to maxRows rows (0 = all). */
export async function drainRows(
  cursor: RowCursor,
  columns: readonly Column[],
  formats: ReadonlyArray<0 | 1>,
  ex: ExecContext,
  maxRows: number,
): Promise<DrainResult> {
  const codecs = columns.map((c) => ex.session.codecs.require(c.typeOid));
  const textOptions = ex.session.textOptions();
  const control = ex.control;
  const sink = ex.sink;
  let count = 0;
  while (maxRows === 0 || count < maxRows) {
    let row = cursor.next();
    if (row instanceof Promise) row = await control.race(row);
    if (row === null) return { count, done: true };
    const values = row.map((v, i) => (v === null || v === undefined ? null : encodeValue(codecs[i]!, v, formats[i] ?? 0, textOptions)));
    const wait = sink.row(values);
    count++;
    if (wait) await control.race(wait);
    else if (count % YIELD_EVERY === 0) await control.yieldToEventLoop();
    control.throwIfCanceled();
  }
  return { count, done: false };
}
