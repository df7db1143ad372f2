// A Vector Top-K's WHERE clause (planner-bound, over the node's row) as a tree the payload
// indexes can answer:
//
//   AND / OR / NOT of leaves;  leaf = indexable predicate on a payload-indexed column | residual
//
// Indexable leaves (v: a constant, parameter or stable expression without column references,
// evaluated once per execution):
//   col = v, col IN (v, ...), col = ANY(v)        keyword (text, int, bool, uuid) or range points
//   col < | <= | > | >= v  (either side)          range (int, float, numeric, date, timestamp)
//   jsonbcol @> v, v <@ jsonbcol                  gin jsonb_path_ops / jsonb_ops (a superset)
//   jsonbcol ->> 'k' = 'v'                        gin (a superset)
//   col IS [NOT] NULL                             keyword / range: rows without a key
// Everything else is residual: evaluated on candidate rows (segment-filter.ts keeps track of
// whether a segment's candidate bitmap is exact or must be rechecked with the original filter).
import { BUILTINS } from '@vecgres/catalog';
import { isRunConstant, type BoundExpr, type PayloadIndexRef, type ScanColumn } from '@vecgres/planner';
import type { ExecContext } from '../exec/exec-context';
import { compileExpr, evalAsync, type Compiled } from '../expr/compile-expr';
import { keywordFamily, rangeFamily } from './payload-values';

export type RangeOp = '<' | '<=' | '>' | '>=';

export type FilterLeaf =
  /** col = any of `values` (one for `=`, several for IN; `array`: the elements of one array value). */
  | { kind: 'eq'; ref: PayloadIndexRef; use: 'keyword' | 'range'; values: Compiled[]; array: boolean }
  | { kind: 'range'; ref: PayloadIndexRef; op: RangeOp; value: Compiled }
  | { kind: 'contains'; ref: PayloadIndexRef; value: Compiled }
  | { kind: 'field'; ref: PayloadIndexRef; key: Compiled; value: Compiled }
  /** col IS NULL (`negated`: IS NOT NULL). */
  | { kind: 'null'; ref: PayloadIndexRef; negated: boolean };

export type FilterTree =
  | { kind: 'and' | 'or'; args: FilterTree[] }
  | { kind: 'not'; arg: FilterTree }
  | { kind: 'leaf'; leaf: FilterLeaf }
  | { kind: 'residual' };

/** impl -> comparison operator and operand types, for the builtin comparison operators. */
const COMPARISONS: ReadonlyMap<string, { op: string; left: number; right: number }> = new Map(
  BUILTINS.operators
    .filter((o) => ['=', '<', '<=', '>', '>='].includes(o.name) && o.result === 16 && o.left !== 0)
    .map((o) => [o.impl, { op: o.name, left: o.left, right: o.right }]),
);

const FLIP: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };

/** The column position `e` reads as is (binary-coercible casts such as varchar -> text are transparent). */
function plainColumn(e: BoundExpr): number | undefined {
  if (e.kind === 'column') return e.index;
  if (e.kind === 'cast' && e.method === 'binary') return plainColumn(e.arg);
  return undefined;
}

interface Analyzer {
  ctx: ExecContext;
  columns: readonly ScanColumn[];
  refs: readonly PayloadIndexRef[];
}

function refFor(a: Analyzer, column: number, kind: PayloadIndexRef['kinds'][number]): PayloadIndexRef | undefined {
  const attnum = a.columns[column]?.attnum;
  return a.refs.find((r) => r.attnum === attnum && r.kinds.includes(kind));
}

function jsonbRef(a: Analyzer, column: number): PayloadIndexRef | undefined {
  return refFor(a, column, 'jsonb_path_ops') ?? refFor(a, column, 'jsonb_ops');
}

/** `col <op> v` with operand types (left, right) as a leaf, or undefined. */
function comparisonLeaf(a: Analyzer, column: number, op: string, colType: number, valType: number, value: BoundExpr): FilterLeaf | undefined {
  const type = a.columns[column]?.type.oid;
  if (type === undefined) return undefined;
  const compiled = () => compileExpr(a.ctx, value);
  if (op === '=') {
    const kw = keywordFamily(type);
    const kwRef = refFor(a, column, 'keyword');
    if (kwRef && kw && keywordFamily(colType) === kw && keywordFamily(valType) === kw) return { kind: 'eq', ref: kwRef, use: 'keyword', values: [compiled()], array: false };
  }
  const rf = rangeFamily(type);
  const rRef = refFor(a, column, 'range');
  if (!rRef || !rf || rangeFamily(colType) !== rf || rangeFamily(valType) !== rf) return undefined;
  if (op === '=') return { kind: 'eq', ref: rRef, use: 'range', values: [compiled()], array: false };
  return { kind: 'range', ref: rRef, op: op as RangeOp, value: compiled() };
}

function analyzeCall(a: Analyzer, e: Extract<BoundExpr, { kind: 'call' }>): FilterTree {
  const residual: FilterTree = { kind: 'residual' };
  if (e.args.length !== 2) return residual;
  const [l, r] = e.args;
  if (e.impl === 'jsonb_contains' || e.impl === 'jsonb_contained') {
    const [colSide, valSide] = e.impl === 'jsonb_contains' ? [l, r] : [r, l];
    const c = plainColumn(colSide);
    const ref = c === undefined ? undefined : jsonbRef(a, c);
    return ref && isRunConstant(valSide) ? { kind: 'leaf', leaf: { kind: 'contains', ref, value: compileExpr(a.ctx, valSide) } } : residual;
  }
  const cmp = COMPARISONS.get(e.impl);
  if (!cmp) return residual;
  // jsonbcol ->> 'k' = 'v' (text equality over the field's text).
  if (cmp.op === '=') {
    for (const [f, v] of [[l, r], [r, l]] as const) {
      if (f.kind !== 'call' || f.impl !== 'jsonb_object_field_text' || f.args.length !== 2 || !isRunConstant(v) || !isRunConstant(f.args[1])) continue;
      const c = plainColumn(f.args[0]);
      const ref = c === undefined ? undefined : jsonbRef(a, c);
      if (ref) return { kind: 'leaf', leaf: { kind: 'field', ref, key: compileExpr(a.ctx, f.args[1]), value: compileExpr(a.ctx, v) } };
    }
  }
  const lc = plainColumn(l);
  const rc = plainColumn(r);
  let leaf: FilterLeaf | undefined;
  if (lc !== undefined && isRunConstant(r)) leaf = comparisonLeaf(a, lc, cmp.op, cmp.left, cmp.right, r);
  else if (rc !== undefined && isRunConstant(l)) leaf = comparisonLeaf(a, rc, FLIP[cmp.op], cmp.right, cmp.left, l);
  return leaf ? { kind: 'leaf', leaf } : residual;
}

/** `col IN (list)` / `col = ANY(array)` as an eq leaf, or undefined. */
function listLeaf(a: Analyzer, arg: BoundExpr, impl: string, values: BoundExpr[], array: boolean): FilterLeaf | undefined {
  const cmp = COMPARISONS.get(impl);
  const c = plainColumn(arg);
  if (!cmp || cmp.op !== '=' || c === undefined || !values.every(isRunConstant)) return undefined;
  const first = comparisonLeaf(a, c, '=', cmp.left, cmp.right, values[0]);
  if (!first || first.kind !== 'eq') return undefined;
  return { ...first, values: values.map((v) => compileExpr(a.ctx, v)), array };
}

function analyze(a: Analyzer, e: BoundExpr): FilterTree {
  switch (e.kind) {
    case 'bool':
      if (e.op === 'not') return { kind: 'not', arg: analyze(a, e.args[0]) };
      return { kind: e.op, args: e.args.map((x) => analyze(a, x)) };
    case 'call':
      return e.form === 'op' ? analyzeCall(a, e) : { kind: 'residual' };
    case 'inList': {
      const leaf = !e.negated && e.list.length > 0 ? listLeaf(a, e.arg, e.eqImpl, e.list, false) : undefined;
      return leaf ? { kind: 'leaf', leaf } : { kind: 'residual' };
    }
    case 'nullTest': {
      const c = plainColumn(e.arg);
      const ref = c === undefined ? undefined : refFor(a, c, 'keyword') ?? refFor(a, c, 'range');
      return ref ? { kind: 'leaf', leaf: { kind: 'null', ref, negated: e.negated } } : { kind: 'residual' };
    }
    case 'quantified': {
      const leaf = e.mode === 'any' && e.op === '=' ? listLeaf(a, e.left, e.cmpImpl, [e.right], true) : undefined;
      return leaf ? { kind: 'leaf', leaf } : { kind: 'residual' };
    }
    default:
      return { kind: 'residual' };
  }
}

/** True when some leaf of `t` is indexable. */
export function hasIndexLeaf(t: FilterTree): boolean {
  switch (t.kind) {
    case 'leaf': return true;
    case 'residual': return false;
    case 'not': return hasIndexLeaf(t.arg);
    default: return t.args.some(hasIndexLeaf);
  }
}

/** The filter as a tree over the node's payload indexes (compiling the leaves' constants). */
export function analyzeFilter(ctx: ExecContext, filter: BoundExpr, columns: readonly ScanColumn[], refs: readonly PayloadIndexRef[]): FilterTree {
  return analyze({ ctx, columns, refs }, filter);
}

/** A leaf with its constants evaluated for one execution (NULL values dropped: `= NULL` is never true). */
export type ResolvedLeaf =
  | { kind: 'eq'; ref: PayloadIndexRef; use: 'keyword' | 'range'; values: unknown[] }
  | { kind: 'range'; ref: PayloadIndexRef; op: RangeOp; value: unknown }
  | { kind: 'contains'; ref: PayloadIndexRef; value: unknown }
  | { kind: 'field'; ref: PayloadIndexRef; key: unknown; value: unknown }
  | { kind: 'null'; ref: PayloadIndexRef; negated: boolean };

export type ResolvedTree =
  | { kind: 'and' | 'or'; args: ResolvedTree[] }
  | { kind: 'not'; arg: ResolvedTree }
  | { kind: 'leaf'; leaf: ResolvedLeaf }
  | { kind: 'residual' };

/** Evaluates the leaves' constants (once per execution). */
export async function resolveFilter(t: FilterTree): Promise<ResolvedTree> {
  switch (t.kind) {
    case 'residual': return t;
    case 'not': return { kind: 'not', arg: await resolveFilter(t.arg) };
    case 'and': case 'or': return { kind: t.kind, args: await Promise.all(t.args.map(resolveFilter)) };
    default: break;
  }
  const l = t.leaf;
  switch (l.kind) {
    case 'null': return { kind: 'leaf', leaf: l };
    case 'eq': {
      let values: unknown[] = [];
      for (const c of l.values) {
        const v = await evalAsync(c, []);
        if (l.array) {
          // An array value that is not a plain JS array (unknown representation): residual.
          if (v === null) continue;
          if (!Array.isArray(v)) return { kind: 'residual' };
          values.push(...(v as unknown[]).flat(Infinity));
        } else values.push(v);
      }
      values = values.filter((v) => v !== null && v !== undefined);
      return { kind: 'leaf', leaf: { kind: 'eq', ref: l.ref, use: l.use, values } };
    }
    case 'range': return { kind: 'leaf', leaf: { kind: 'range', ref: l.ref, op: l.op, value: await evalAsync(l.value, []) } };
    case 'contains': return { kind: 'leaf', leaf: { kind: 'contains', ref: l.ref, value: await evalAsync(l.value, []) } };
    case 'field': return { kind: 'leaf', leaf: { kind: 'field', ref: l.ref, key: await evalAsync(l.key, []), value: await evalAsync(l.value, []) } };
  }
}
