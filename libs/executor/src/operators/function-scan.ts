// Function Scan (see physical-function-scan.ts): evaluates each function's arguments once per
// run (LATERAL references read the outer frame), then zips the functions' rows, padding the
// shorter ones with NULLs, and appends the ordinality when asked. Rows go out in batches.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { PhysicalFunctionScan } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr, evalAsync } from '../expr/compile-expr';
import { compileSrf } from '../functions/srf';
import { batches, type Runner } from './runner';

export function buildFunctionScan(node: PhysicalFunctionScan, ctx: ExecContext): Runner {
  const funcs = node.functions.map((f) => ({
    args: f.args.map((a) => compileExpr(ctx, a)),
    rows: compileSrf(f, { codecs: ctx.codecs }, ctx.sessionFunctions),
    width: f.columns.length,
  }));
  const only = node.functions.length === 1 ? node.functions[0] : undefined;
  if (only && Object.hasOwn(INT_SERIES, only.impl)) return intSeries(funcs[0].args, INT_SERIES[only.impl], node.ordinality);
  return async function* functionScan() {
    const results: unknown[][][] = [];
    for (const f of funcs) {
      const vals: unknown[] = [];
      for (const a of f.args) vals.push(await evalAsync(a, []));
      results.push(f.rows(vals));
    }
    const n = Math.max(0, ...results.map((r) => r.length));
    const out: Row[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const row: Row = [];
      funcs.forEach((f, k) => {
        const r = results[k][i];
        for (let c = 0; c < f.width; c++) row.push(r === undefined ? null : r[c] ?? null);
      });
      if (node.ordinality) row.push(BigInt(i + 1));
      out[i] = row;
    }
    yield* batches(out, BATCH_SIZE);
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
