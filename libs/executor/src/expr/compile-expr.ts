// BoundExpr -> closure over a row, compiled once per statement (no tree walking per row).
// NULL is JS null; AND/OR/NOT follow SQL's three-valued logic; strict functions return NULL
// on any NULL argument without being called.
//
// Subqueries: a closure cannot await, so an expression containing subqueries gets a
// `prepare(row)` step the operator awaits before calling `fn(row)`: it runs each correlated
// subplan for that row (uncorrelated ones once per statement, as PostgreSQL's InitPlans) and
// stores the result where `fn` reads it. Consequence: a subquery inside a CASE branch runs even
// when the branch is not taken (PostgreSQL would skip it).
import { SQLSTATE, SqlError, internal, isSqlError } from '@vecgres/errors';
import type { BoundExpr } from '@vecgres/planner';
import { ioCast, typmodCoercion } from '../functions/cast';
import { vectorTypmodCoercion } from '../functions/vector';
import { comparatorFor } from '../functions/compare';
import { requireScalar } from '../functions/registry';
import { functionContext, isContextual } from '../functions/extra-context';
import type { ScalarFn } from '../functions/function-table';
import { regIoCast } from './reg-cast';
import { likeRegExp } from '../functions/text';
import { PgArray } from '@vecgres/pg-types';
import { toPgArray } from '../functions/array';
import { sqlBodyFunction } from '../functions/sql-body';
import type { ExecContext, Row } from '../exec/exec-context';
import { constValue } from './const-value';

export type Eval = (row: Row) => unknown;

export interface Compiled {
  fn: Eval;
  /** Present when the expression has subqueries: await it for each row before fn(row). */
  prepare?: (row: Row) => Promise<void>;
}

type Tri = boolean | null;

const LIKE_IMPLS: Record<string, { ci: boolean; neg: boolean }> = {
  textlike: { ci: false, neg: false }, textnlike: { ci: false, neg: true },
  texticlike: { ci: true, neg: false }, texticnlike: { ci: true, neg: true },
  namelike: { ci: false, neg: false }, namenlike: { ci: false, neg: true },
};

class ExprCompiler {
  readonly preparers: Array<(row: Row) => Promise<void>> = [];

  constructor(private readonly ctx: ExecContext) {}

  compile(e: BoundExpr): Eval {
    const ctx = this.ctx;
    switch (e.kind) {
      case 'const': {
        const v = constValue(ctx, e);
        return () => v;
      }
      case 'column': {
        const i = e.index;
        return (row) => row[i];
      }
      case 'outer': {
        const up = e.levelsUp - 1;
        const i = e.index;
        return () => ctx.frame.outer[up][i];
      }
      case 'param': {
        const i = e.index;
        return () => ctx.params[i] ?? null;
      }
      case 'call': return this.call(e);
      case 'cast': return this.cast(e);
      case 'bool': return this.bool(e);
      case 'nullTest': {
        const a = this.compile(e.arg);
        return e.negated ? (row) => a(row) !== null : (row) => a(row) === null;
      }
      case 'booleanTest': {
        const a = this.compile(e.arg);
        const t = e.test;
        return (row) => {
          const v = a(row) as Tri;
          switch (t) {
            case 'true': return v === true;
            case 'notTrue': return v !== true;
            case 'false': return v === false;
            case 'notFalse': return v !== false;
            case 'unknown': return v === null;
            case 'notUnknown': return v !== null;
          }
        };
      }
      case 'case': {
        const whens = e.whens.map((w) => [this.compile(w.when), this.compile(w.then)] as const);
        const other = this.compile(e.else);
        return (row) => {
          for (const [w, t] of whens) if (w(row) === true) return t(row);
          return other(row);
        };
      }
      case 'coalesce': {
        const args = e.args.map((a) => this.compile(a));
        return (row) => {
          for (const a of args) {
            const v = a(row);
            if (v !== null) return v;
          }
          return null;
        };
      }
      case 'minMax': {
        const args = e.args.map((a) => this.compile(a));
        const cmp = comparatorFor(e.cmpImpl, e.type.oid);
        const sign = e.op === 'greatest' ? 1 : -1;
        return (row) => {
          let best: unknown = null;
          for (const a of args) {
            const v = a(row);
            if (v !== null && (best === null || sign * cmp(v, best) > 0)) best = v;
          }
          return best;
        };
      }
      case 'nullIf': {
        const l = this.compile(e.left);
        const r = this.compile(e.right);
        const eq = requireScalar(e.eqImpl, 'NULLIF');
        return (row) => {
          const a = l(row);
          const b = r(row);
          return a !== null && b !== null && eq(a, b) === true ? null : a;
        };
      }
      case 'distinct': {
        const l = this.compile(e.left);
        const r = this.compile(e.right);
        const eq = requireScalar(e.eqImpl, 'IS DISTINCT FROM');
        const neg = e.negated;
        return (row) => {
          const a = l(row);
          const b = r(row);
          const same = a === null || b === null ? a === b : eq(a, b) === true;
          return neg ? same : !same;
        };
      }
      case 'inList': {
        const arg = this.compile(e.arg);
        const items = e.list.map((x) => this.compile(x));
        const eq = requireScalar(e.eqImpl, 'IN');
        const neg = e.negated;
        return (row) => {
          const a = arg(row);
          if (a === null) return null;
          let sawNull = false;
          for (const it of items) {
            const b = it(row);
            if (b === null) sawNull = true;
            else if (eq(a, b) === true) return !neg;
          }
          return sawNull ? null : neg;
        };
      }
      case 'array': {
        const els = e.elements.map((x) => this.compile(x));
        // Sub-arrays of the same array type: one more dimension (ARRAY[[1, 2], [3, 4]]).
        if (els.length > 0 && e.elements.every((x) => x.type.oid === e.type.oid)) return (row) => nestArrays(els.map((f) => f(row) as PgArray | null));
        return (row) => PgArray.of(els.map((f) => f(row)));
      }
      case 'quantified': {
        const left = this.compile(e.left);
        const right = this.compile(e.right);
        const cmp = requireScalar(e.cmpImpl, `operator ${e.op}`);
        const any = e.mode === 'any';
        return (row) => {
          const a = left(row);
          const arr = right(row) as PgArray | null;
          if (arr === null) return null;
          if (arr.elements.length === 0) return !any;
          if (a === null) return null;
          let sawNull = false;
          for (const b of arr.elements) {
            const v: Tri = b === null ? null : (cmp(a, b) as boolean);
            if (v === null) sawNull = true;
            else if (v === any) return any;
          }
          return sawNull ? null : !any;
        };
      }
      case 'subquery': return this.subquery(e);
      case 'aggRef':
        throw internal('aggregate reference outside an Aggregate node');
      case 'windowRef':
        throw internal('window function reference outside a WindowAgg node');
      case 'srfRef':
        throw internal('set-returning function reference outside a ProjectSet node');
    }
  }

  private call(e: Extract<BoundExpr, { kind: 'call' }>): Eval {
    const args = e.args.map((a) => this.compile(a));
    const like = LIKE_IMPLS[e.impl];
    if (like && e.args[1]?.kind === 'const' && !e.args[1].input) {
      const pattern = constValue(this.ctx, e.args[1]);
      if (pattern === null) return () => null;
      const re = likeRegExp(pattern as string, like.ci);
      const s = args[0];
      return (row) => {
        const v = s(row);
        return v === null ? null : re.test(v as string) !== like.neg;
      };
    }
    const fn = this.withContext(this.ctx.sessionFunctions[e.impl] ?? sqlBodyFunction(this.ctx, e) ?? requireScalar(e.impl, `function ${e.name}`), e.args.map((a) => a.type.oid), e.type.oid);
    if (!e.strict) return (row) => fn(...args.map((a) => a(row)));
    if (args.length === 1) {
      const [a] = args;
      return (row) => {
        const x = a(row);
        return x === null ? null : fn(x);
      };
    }
    if (args.length === 2) {
      const [a, b] = args;
      return (row) => {
        const x = a(row);
        if (x === null) return null;
        const y = b(row);
        return y === null ? null : fn(x, y);
      };
    }
    return (row) => {
      const vals = args.map((a) => a(row));
      return vals.includes(null) ? null : fn(...vals);
    };
  }

  /**
   * A contextual function (extra-context.ts) gets its FunctionContext as first argument: built
   * once per call site from the session part plus this site's argument/result types.
   */
  private withContext(fn: ScalarFn, argTypes: readonly number[], resultType: number): ScalarFn {
    if (!isContextual(fn)) return fn;
    const fctx = functionContext({ ...this.ctx.functionSession, argTypes, resultType });
    return (...args: unknown[]) => fn(fctx, ...args);
  }

  private cast(e: Extract<BoundExpr, { kind: 'cast' }>): Eval {
    const a = this.compile(e.arg);
    const src = e.arg.type.oid === 705 ? 25 : e.arg.type.oid;
    let conv: ((v: unknown) => unknown) | undefined;
    if (e.method === 'array' && e.elem) conv = this.arrayCast(e.elem);
    else if (e.method === 'func') conv = this.withContext(this.ctx.sessionFunctions[e.impl!] ?? requireScalar(e.impl!, `cast to ${e.type.oid}`), [src], e.type.oid);
    else if (e.method === 'io' && src !== e.type.oid) conv = regIoCast(this.ctx, src, e.type.oid) ?? ioCast(this.ctx.codecs, src, e.type.oid);
    const mod = typmodCoercion(e.type.oid, e.type.typmod, e.explicit) ?? vectorTypmodCoercion(this.ctx.codecs, e.type.oid, e.type.typmod);
    const f = conv && mod ? (v: unknown) => mod(conv!(v)) : conv ?? mod;
    if (!f) return a;
    return (row) => {
      const v = a(row);
      return v === null ? null : f(v);
    };
  }

  /** ArrayCoerceExpr: the element conversion applied to every non-null element (dims kept). */
  private arrayCast(el: NonNullable<Extract<BoundExpr, { kind: 'cast' }>['elem']>): (v: unknown) => unknown {
    const src = el.source === 705 ? 25 : el.source;
    let conv: ((v: unknown) => unknown) | undefined;
    if (el.method === 'func') conv = this.withContext(this.ctx.sessionFunctions[el.impl!] ?? requireScalar(el.impl!, `cast to ${el.type.oid}`), [src], el.type.oid);
    else if (el.method === 'io' && src !== el.type.oid) conv = regIoCast(this.ctx, src, el.type.oid) ?? ioCast(this.ctx.codecs, src, el.type.oid);
    const f = conv;
    return (v) => {
      const a = toPgArray(v);
      return f ? new PgArray(a.elements.map((x) => (x === null ? null : f(x))), a.dims, a.lowerBounds) : a;
    };
  }

  private bool(e: Extract<BoundExpr, { kind: 'bool' }>): Eval {
    const args = e.args.map((a) => this.compile(a));
    if (e.op === 'not') {
      const [a] = args;
      return (row) => {
        const v = a(row) as Tri;
        return v === null ? null : !v;
      };
    }
    const isAnd = e.op === 'and';
    return (row) => {
      let sawNull = false;
      for (const a of args) {
        const v = a(row) as Tri;
        if (v === null) sawNull = true;
        else if (v !== isAnd) return v;
      }
      return sawNull ? null : isAnd;
    };
  }

  private subquery(e: Extract<BoundExpr, { kind: 'subquery' }>): Eval {
    const ctx = this.ctx;
    let rows: Row[] = [];
    const run = (row: Row): Promise<Row[]> => {
      if (!e.correlated) {
        let p = ctx.initPlans.get(e.plan);
        if (!p) {
          p = ctx.runSubplan(e.plan, ctx.frame);
          ctx.initPlans.set(e.plan, p);
        }
        return p;
      }
      return ctx.runSubplan(e.plan, { outer: [row, ...ctx.frame.outer] });
    };
    this.preparers.push(async (row) => {
      rows = await run(row);
      if (e.mode === 'scalar' && rows.length > 1) {
        throw new SqlError(SQLSTATE.CARDINALITY_VIOLATION, 'more than one row returned by a subquery used as an expression');
      }
    });
    if (e.mode === 'exists') return () => rows.length > 0;
    if (e.mode === 'scalar') return () => (rows.length === 0 ? null : rows[0][0]);
    if (e.mode === 'array') return () => (rows.length === 0 ? new PgArray([], []) : new PgArray(rows.map((r) => r[0])));
    const left = this.compile(e.left!);
    const cmp = requireScalar(e.cmpImpl!, 'subquery comparison');
    const any = e.mode === 'any';
    return (row) => {
      const a = left(row);
      if (rows.length === 0) return !any;
      if (a === null) return null;
      let sawNull = false;
      for (const r of rows) {
        const b = r[0];
        const v: Tri = b === null ? null : (cmp(a, b) as boolean);
        if (v === null) sawNull = true;
        else if (v === any) return any;
      }
      return sawNull ? null : !any;
    };
  }
}

/** Compiles one expression for `ctx`. */
export function compileExpr(ctx: ExecContext, e: BoundExpr): Compiled {
  const c = new ExprCompiler(ctx);
  const fn = c.compile(e);
  if (c.preparers.length === 0) return { fn };
  const preparers = c.preparers;
  return {
    fn,
    prepare: async (row) => {
      for (const p of preparers) await p(row);
    },
  };
}

/** Evaluates a compiled expression, running its subqueries first when it has any. */
export async function evalAsync(c: Compiled, row: Row): Promise<unknown> {
  if (c.prepare) await c.prepare(row);
  return c.fn(row);
}

/** Positions an execution error at a source location when it has none (input of a literal). */
export function withPosition<T>(location: number, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (isSqlError(err) && err.position === undefined && location >= 0) throw err.with({ position: location + 1 });
    throw err;
  }
}

/** ARRAY[sub, sub, ...] of equally shaped sub-arrays (NULL / empty subs: an empty array, as PostgreSQL). */
function nestArrays(subs: Array<PgArray | null>): PgArray {
  if (subs.some((a) => a === null || a.dims.length === 0)) return new PgArray([]);
  const dims = subs[0]!.dims;
  if (subs.some((a) => a!.dims.length !== dims.length || a!.dims.some((d, i) => d !== dims[i]))) {
    throw new SqlError(SQLSTATE.ARRAY_SUBSCRIPT_ERROR, 'multidimensional arrays must have array expressions with matching dimensions');
  }
  return new PgArray(subs.flatMap((a) => [...a!.elements]), [subs.length, ...dims]);
}
