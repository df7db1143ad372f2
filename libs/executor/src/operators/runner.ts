// An operator instance: compiled once per statement, run (possibly several times, for
// correlated subplans) by calling it; each run yields batches of rows.
import type { ExecContext, Row } from '../exec/exec-context';
import { MAX_BUFFERED_ROWS, tooManyRows } from '../exec/limits';
import type { Compiled } from '../expr/compile-expr';
import type { PhysicalNode } from '@vecgres/planner';

export type Runner = () => AsyncGenerator<Row[]>;

export type NodeBuilder = (node: PhysicalNode, ctx: ExecContext) => Runner;

/** Rows of `batch` for which `pred` is true (awaiting subqueries only when it has any). */
export async function filterBatch(pred: Compiled, batch: Row[]): Promise<Row[]> {
  const out: Row[] = [];
  if (!pred.prepare) {
    for (const r of batch) if (pred.fn(r) === true) out.push(r);
    return out;
  }
  for (const r of batch) {
    await pred.prepare(r);
    if (pred.fn(r) === true) out.push(r);
  }
  return out;
}

/** Evaluates `exprs` over each row of `batch`. */
export async function projectBatch(exprs: Compiled[], batch: Row[]): Promise<Row[]> {
  const needsPrepare = exprs.some((e) => e.prepare);
  const out: Row[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const r = batch[i];
    if (needsPrepare) for (const e of exprs) if (e.prepare) await e.prepare(r);
    const o = new Array(exprs.length);
    for (let j = 0; j < exprs.length; j++) o[j] = exprs[j].fn(r);
    out[i] = o;
  }
  return out;
}

/** Drains a runner into one array (sorts, hash builds, DML inputs, subplans). */
export async function collect(run: Runner): Promise<Row[]> {
  const out: Row[] = [];
  for await (const b of run()) {
    if (out.length + b.length > MAX_BUFFERED_ROWS) throw tooManyRows('an intermediate result', MAX_BUFFERED_ROWS);
    for (const r of b) out.push(r);
  }
  return out;
}

/** Re-batches an array of rows. */
export async function* batches(rows: Row[], size: number): AsyncGenerator<Row[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
