// Function Scan (see physical-function-scan.ts): evaluates each function's arguments once per
// run (LATERAL references read the outer frame), then zips the functions' rows lazily, padding
// the shorter ones with NULLs, and appends the ordinality when asked. Rows go out in batches.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { PhysicalFunctionScan } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr, evalAsync } from '../expr/compile-expr';
import { compileSrf } from '../functions/srf';
import type { Runner } from './runner';

export function buildFunctionScan(node: PhysicalFunctionScan, ctx: ExecContext): Runner {
  const funcs = node.functions.map((f) => ({
    args: f.args.map((a) => compileExpr(ctx, a)),
    rows: compileSrf(f, { codecs: ctx.codecs }, ctx.sessionFunctions),
    width: f.columns.length,
  }));
  const only = node.functions.length === 1 ? node.functions[0] : undefined;
  if (only && Object.hasOwn(INT_SERIES, only.impl)) return intSeries(funcs[0].args, INT_SERIES[only.impl], node.ordinality);
  return async function* functionScan() {
    const iters: Iterator<unknown[]>[] = [];
    for (const f of funcs) {
      const vals: unknown[] = [];
      for (const a of f.args) vals.push(await evalAsync(a, []));
      iters.push(f.rows(vals)[Symbol.iterator]());
    }
    // Zip the functions' rows lazily, a batch at a time (shorter ones padded with NULLs).
    const done = iters.map(() => false);
    let batch: Row[] = [];
    for (let i = 1; ; i++) {
      const row: Row = [];
      let any = false;
      funcs.forEach((f, k) => {
        const next = done[k] ? undefined : iters[k].next();
        if (next && !next.done) any = true;
        else done[k] = true;
        const r = next && !next.done ? next.value : undefined;
        for (let c = 0; c < f.width; c++) row.push(r === undefined ? null : r[c] ?? null);
      });
      if (!any) break;
      if (node.ordinality) row.push(BigInt(i));
      batch.push(row);
      if (batch.length === BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  };
}

/** Integer generate_series impls -> whether the values are int4 (JS numbers) or int8 (bigint). */
const INT_SERIES: Readonly<Record<string, boolean>> = {
  generate_series_int4: true,
  generate_series_step_int4: true,
  generate_series_int8: false,
  generate_series_step_int8: false,
};

/**
 * A lone integer generate_series streams its rows batch by batch, so a range of any length
 * (`generate_series(1, 10000000)` to a slow client or a cursor) never materialises.
 */
function intSeries(args: ReturnType<typeof compileExpr>[], asNumber: boolean, ordinality: boolean): Runner {
  return async function* series() {
    const vals: unknown[] = [];
    for (const a of args) vals.push(await evalAsync(a, []));
    // Strict: a NULL argument yields no rows.
    if (vals.some((v) => v === null)) return;
    const step = BigInt((vals[2] as number | bigint | undefined) ?? 1);
    if (step === 0n) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'step size cannot equal zero');
    const stop = BigInt(vals[1] as number | bigint);
    const more = (v: bigint): boolean => (step > 0n ? v <= stop : v >= stop);
    let v = BigInt(vals[0] as number | bigint);
    let n = 0n;
    while (more(v)) {
      const batch: Row[] = [];
      while (batch.length < BATCH_SIZE && more(v)) {
        const value = asNumber ? Number(v) : v;
        batch.push(ordinality ? [value, ++n] : [value]);
        v += step;
      }
      yield batch;
    }
  };
}
