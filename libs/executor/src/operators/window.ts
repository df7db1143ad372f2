// WindowAgg: materialises its (already sorted) input, splits it into partitions and peer groups,
// and appends one value per window function to every row. See physical-window.ts.
//
//   rows     [ p0 p0 p0 | p1 p1 ]          partitions: runs equal on PARTITION BY
//   peers    [ a  a  b  | c  d  ]          peer groups: runs equal on ORDER BY
//   frame(i) [ start(i) .. end(i) ] minus EXCLUDE  (aggregates, first/last/nth_value)
//
// Aggregates whose frame starts at UNBOUNDED PRECEDING (the default frame) are computed
// incrementally: the frame end never moves backwards, so each row adds only the new rows.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { PhysicalWindow, WindowFuncCall } from '@vecgres/planner';
import { BATCH_SIZE, type ExecContext, type Row } from '../exec/exec-context';
import { compileExpr, evalAsync, type Compiled } from '../expr/compile-expr';
import { aggregateImpl } from '../functions/aggregates';
import { comparatorFor } from '../functions/compare';
import { batches, collect, projectBatch, type NodeBuilder, type Runner } from './runner';
import { rowKeyFn } from './row-key';
import { computeFrames, type FrameRange, type PartitionShape } from './window-frame';

interface FuncState { call: WindowFuncCall; args: Compiled[]; filter?: Compiled }

/** Argument values of every row of the partition (rows are [lo, hi) of `rows`). */
async function argValues(f: FuncState, rows: Row[], lo: number, hi: number): Promise<Row[]> {
  return projectBatch(f.args, rows.slice(lo, hi));
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined;
}

async function computeFunc(f: FuncState, rows: Row[], lo: number, shape: PartitionShape, frames: () => FrameRange[]): Promise<unknown[]> {
  const n = shape.size;
  const out = new Array<unknown>(n);
  const impl = f.call.impl;
  if (f.call.agg) return computeAggregate(f, rows, lo, n, frames());
  switch (impl) {
    case 'window_row_number':
      for (let i = 0; i < n; i++) out[i] = BigInt(i + 1);
      return out;
    case 'window_rank':
      for (let i = 0; i < n; i++) out[i] = BigInt(shape.peerStart[i] + 1);
      return out;
    case 'window_dense_rank':
      for (let i = 0; i < n; i++) out[i] = BigInt(shape.group[i] + 1);
      return out;
    case 'window_percent_rank':
      for (let i = 0; i < n; i++) out[i] = n <= 1 ? 0 : shape.peerStart[i] / (n - 1);
      return out;
    case 'window_cume_dist':
      for (let i = 0; i < n; i++) out[i] = shape.peerEnd[i] / n;
      return out;
    case 'window_ntile': {
      // PostgreSQL evaluates the bucket count once, on the partition's first row.
      const buckets = (await argValues(f, rows, lo, lo + 1))[0][0];
      if (isNull(buckets)) return out.fill(null);
      const b = Number(buckets);
      if (b <= 0) throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_NTILE, 'argument of ntile must be greater than zero');
      const per = Math.floor(n / b);
      const extra = n % b;
      let row = 0;
      for (let k = 0; k < b && row < n; k++) {
        const size = per + (k < extra ? 1 : 0);
        for (let j = 0; j < size; j++) out[row++] = k + 1;
      }
      return out;
    }
    case 'window_lag': case 'window_lag_with_offset': case 'window_lag_with_offset_and_default':
    case 'window_lead': case 'window_lead_with_offset': case 'window_lead_with_offset_and_default': {
      const sign = impl.startsWith('window_lag') ? -1 : 1;
      const vals = await argValues(f, rows, lo, lo + n);
      for (let i = 0; i < n; i++) {
        const off = vals[i].length > 1 ? vals[i][1] : 1;
        if (isNull(off)) {
          out[i] = null;
          continue;
        }
        const j = i + sign * Number(off);
        out[i] = j >= 0 && j < n ? vals[j][0] : vals[i].length > 2 ? vals[i][2] : null;
      }
      return out;
    }
    case 'window_first_value': case 'window_last_value': case 'window_nth_value': {
      const vals = await argValues(f, rows, lo, lo + n);
      const fr = frames();
      for (let i = 0; i < n; i++) {
        const members = fr[i].members();
        if (impl === 'window_nth_value') {
          const nth = vals[i][1];
          if (isNull(nth)) {
            out[i] = null;
            continue;
          }
          if (Number(nth) <= 0) throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_NTH_VALUE, 'argument of nth_value must be greater than zero');
          const m = members[Number(nth) - 1];
          out[i] = m === undefined ? null : vals[m][0];
          continue;
        }
        const m = impl === 'window_first_value' ? members[0] : members[members.length - 1];
        out[i] = m === undefined ? null : vals[m][0];
      }
      return out;
    }
    default:
      throw notSupported(`window function ${f.call.name} is not implemented yet (${impl})`);
  }
}

async function computeAggregate(f: FuncState, rows: Row[], lo: number, n: number, frames: FrameRange[]): Promise<unknown[]> {
  const agg = aggregateImpl(f.call.agg!);
  const vals = await argValues(f, rows, lo, lo + n);
  const pass = new Array<boolean>(n).fill(true);
  if (f.filter) {
    for (let i = 0; i < n; i++) pass[i] = (await evalAsync(f.filter, rows[lo + i])) === true;
  }
  const out = new Array<unknown>(n);
  const incremental = frames.every((fr) => fr.start === 0 && !fr.excludes);
  if (incremental) {
    let state = agg.init();
    let done = 0;
    for (let i = 0; i < n; i++) {
      for (; done <= frames[i].end; done++) if (pass[done]) state = agg.step(state, vals[done]);
      out[i] = agg.final(state);
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    let state = agg.init();
    for (const m of frames[i].members()) if (pass[m]) state = agg.step(state, vals[m]);
    out[i] = agg.final(state);
  }
  return out;
}

export function buildWindow(node: PhysicalWindow, ctx: ExecContext, build: NodeBuilder): Runner {
  const input = build(node.input, ctx);
  const partExprs = node.partitionBy.map((e) => compileExpr(ctx, e));
  const partKey = rowKeyFn(node.partitionBy.map((e) => e.type));
  const orderExprs = node.orderBy.map((k) => compileExpr(ctx, k.expr));
  const orderCmp = node.orderBy.map((k) => comparatorFor(k.cmpImpl, k.expr.type.oid));
  const offsets = [node.frame.start, node.frame.end].map((b) => ('offset' in b ? compileExpr(ctx, b.offset) : undefined));
  const funcs: FuncState[] = node.funcs.map((call) => ({
    call,
    args: call.args.map((a) => compileExpr(ctx, a)),
    ...(call.agg?.filter ? { filter: compileExpr(ctx, call.agg.filter) } : {}),
  }));
  const rangeOffsets = node.frame.mode === 'range' && offsets.some((o) => o !== undefined);
  const peers = (a: Row, b: Row) => a.every((v, k) => (isNull(v) || isNull(b[k]) ? isNull(v) && isNull(b[k]) : orderCmp[k](v, b[k]) === 0));
  return async function* windowAgg() {
    const rows = await collect(input);
    const pk = partExprs.length > 0 ? (await projectBatch(partExprs, rows)).map(partKey) : undefined;
    const ok = orderExprs.length > 0 ? await projectBatch(orderExprs, rows) : undefined;
    const offs: Array<number | undefined> = [];
    for (const [k, c] of offsets.entries()) {
      if (!c) {
        offs.push(undefined);
        continue;
      }
      const v = await evalAsync(c, []);
      const which = k === 0 ? 'starting' : 'ending';
      if (isNull(v)) throw new SqlError(SQLSTATE.NULL_VALUE_NOT_ALLOWED, `frame ${which} offset must not be null`);
      if (Number(v) < 0) {
        // PostgreSQL words it per mode: ROWS/GROUPS "frame ... offset", RANGE "invalid preceding or following size".
        const msg = node.frame.mode === 'range' ? 'invalid preceding or following size in window function' : `frame ${which} offset must not be negative`;
        throw new SqlError(SQLSTATE.INVALID_PRECEDING_OR_FOLLOWING_SIZE, msg);
      }
      offs.push(Number(v));
    }
    const results: unknown[][] = node.funcs.map(() => new Array(rows.length));
    for (let lo = 0; lo < rows.length;) {
      let hi = lo + 1;
      if (pk) while (hi < rows.length && pk[hi] === pk[lo]) hi++;
      else hi = rows.length;
      const shape = partitionShape(hi - lo, ok ? (i, j) => peers(ok[lo + i], ok[lo + j]) : () => true);
      let frames: FrameRange[] | undefined;
      const range = rangeOffsets && ok ? { values: ok.slice(lo, hi).map((r) => (isNull(r[0]) ? null : Number(r[0]))), desc: node.orderBy[0].desc } : undefined;
      const getFrames = () => (frames ??= computeFrames(node.frame, shape, offs[0], offs[1], range));
      for (let f = 0; f < funcs.length; f++) {
        const vals = await computeFunc(funcs[f], rows, lo, shape, getFrames);
        for (let i = 0; i < vals.length; i++) results[f][lo + i] = vals[i];
      }
      lo = hi;
    }
    const out = rows.map((r, i) => [...r, ...results.map((col) => col[i])]);
    yield* batches(out, BATCH_SIZE);
  };
}

/** Peer groups of a partition of `n` rows, `same(i, j)` telling whether rows i and j are peers. */
function partitionShape(n: number, same: (i: number, j: number) => boolean): PartitionShape {
  const peerStart = new Array<number>(n);
  const peerEnd = new Array<number>(n);
  const group = new Array<number>(n);
  const groupStarts: number[] = [];
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && same(i, j)) j++;
    groupStarts.push(i);
    for (let k = i; k < j; k++) {
      peerStart[k] = i;
      peerEnd[k] = j;
      group[k] = groupStarts.length - 1;
    }
    i = j;
  }
  return { size: n, peerStart, peerEnd, group, groupStarts };
}
