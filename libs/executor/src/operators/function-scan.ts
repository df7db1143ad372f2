// Function Scan: set-returning functions in FROM. generate_series over int4/int8/numeric
// with PostgreSQL's rules: step 0 is 22023 `step size cannot equal zero`; an empty range
// yields no rows. Rows are produced lazily in batches.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { PhysicalFunctionScan } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr, evalAsync } from '../expr/compile-expr';
import { decAdd, decCmp, decToString, parseDec } from '../functions/decimal';
import type { Runner } from './runner';

function* seriesInt(start: bigint, stop: bigint, step: bigint, asNumber: boolean): Generator<unknown> {
  for (let v = start; step > 0n ? v <= stop : v >= stop; v += step) yield asNumber ? Number(v) : v;
}

function* seriesNumeric(start: string, stop: string, step: string): Generator<unknown> {
  const s = parseDec(step);
  const end = parseDec(stop);
  const up = s.d > 0n;
  for (let v = parseDec(start); up ? decCmp(v, end) <= 0 : decCmp(v, end) >= 0; v = decAdd(v, s)) yield decToString(v);
}

export function buildFunctionScan(node: PhysicalFunctionScan, ctx: ExecContext): Runner {
  const args = node.args.map((a) => compileExpr(ctx, a));
  return async function* functionScan() {
    const vals: unknown[] = [];
    for (const a of args) vals.push(await evalAsync(a, []));
    if (vals.includes(null)) return;
    let gen: Generator<unknown>;
    const stepZero = () => new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'step size cannot equal zero');
    switch (node.impl) {
      case 'generate_series_int4': case 'generate_series_step_int4':
      case 'generate_series_int8': case 'generate_series_step_int8': {
        const step = vals.length > 2 ? BigInt(vals[2] as number | bigint) : 1n;
        if (step === 0n) throw stepZero();
        gen = seriesInt(BigInt(vals[0] as number | bigint), BigInt(vals[1] as number | bigint), step, node.impl.endsWith('int4'));
        break;
      }
      case 'generate_series_numeric': case 'generate_series_step_numeric': {
        const step = vals.length > 2 ? (vals[2] as string) : '1';
        if (parseDec(step).d === 0n) throw stepZero();
        gen = seriesNumeric(vals[0] as string, vals[1] as string, step);
        break;
      }
      default:
        throw notSupported(`set-returning function ${node.name} is not implemented yet (${node.impl})`);
    }
    let batch: Row[] = [];
    for (const v of gen) {
      batch.push([v]);
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  };
}
