// Scalar expressions of the bootstrap SELECT list and INSERT VALUES: constants, $n parameters,
// casts, unary minus, and the functions version(), current_setting(), pg_sleep() and
// generate_series() (set-returning). Each compiles to a typed closure; the output column name
// follows PostgreSQL's FigureColname (`?column?`, the function name, or the cast's type name).
import { isSqlError, numericOutOfRange, undefinedColumn, undefinedParameter } from '@vecgres/errors';
import { TYPE_OID, parseNumericText } from '@vecgres/pg-types';
import { asNode, type AstBody, type AstNode, locationOf, nodeKind, positionOf, stringList, unsupported } from './ast';
import { castValue } from './cast';
import { compileFunction } from './functions';
import { resolveTypeName } from './sql-types';
import type { AnalyzeContext, ExecContext } from './statement';

export interface CompiledExpr {
  /** Result type OID (unknown (705) for an untyped literal; read after analysis completes). */
  readonly typeOid: number;
  /** FigureColname: the name and its strength (0 `?column?`, 1 a type name, 2 a real name). */
  readonly name: string;
  readonly nameStrength: number;
  /** Evaluates to a value of typeOid (or null). Async only for pg_sleep. */
  evaluate(ctx: ExecContext): unknown | Promise<unknown>;
  /** Set-returning functions (generate_series): the values, one per row. */
  readonly setReturning?: (ctx: ExecContext) => Iterator<unknown>;
  /** For set-returning functions: how many rows setReturning would yield. */
  readonly setCount?: (ctx: ExecContext) => bigint;
  /** True when evaluate() needs no context (a literal): casts of it can fail at analysis. */
  readonly constant?: boolean;
}

const INT4_MIN = -2147483648;

function constant(typeOid: number, value: unknown): CompiledExpr {
  return { typeOid, name: '?column?', nameStrength: 0, evaluate: () => value, constant: true };
}

/** A_Const per make_const(): integers -> int4, int8 when larger, numeric otherwise. */
function compileConst(c: AstBody): CompiledExpr {
  if (c.isnull) return constant(TYPE_OID.unknown, null);
  if (c.ival !== undefined) return constant(TYPE_OID.int4, Number(c.ival.ival ?? 0));
  if (c.fval !== undefined) {
    const text = String(c.fval.fval);
    if (/^-?\d+$/.test(text)) {
      const n = BigInt(text);
      if (n >= -9223372036854775808n && n <= 9223372036854775807n) return constant(TYPE_OID.int8, n);
    }
    return constant(TYPE_OID.numeric, parseNumericText(text));
  }
  if (c.sval !== undefined) return constant(TYPE_OID.unknown, String(c.sval.sval ?? ''));
  if (c.boolval !== undefined) return constant(TYPE_OID.bool, c.boolval.boolval === true);
  throw unsupported('A_Const', 'bit-string constants');
}

function compileParam(p: AstBody, ctx: AnalyzeContext, want?: number): CompiledExpr {
  const n = Number(p.number);
  const position = positionOf(ctx.sql, p.location);
  if (!ctx.params) throw undefinedParameter(`there is no parameter $${n}`, position === undefined ? {} : { position });
  const params = ctx.params;
  params.reference(n, position);
  if (want !== undefined) params.infer(n, want);
  return {
    get typeOid() {
      return params.resolvedType(n);
    },
    name: '?column?',
    nameStrength: 0,
    evaluate: (ex) => ex.params[n - 1] ?? null,
  };
}

function compileCast(tc: AstBody, ctx: AnalyzeContext): CompiledExpr {
  const target = resolveTypeName(tc.typeName, positionOf(ctx.sql, tc.typeName.location));
  const argNode = tc.arg as AstNode;
  const param = asNode(argNode, 'ParamRef');
  const arg = param ? compileParam(param, ctx, target) : compileExpr(argNode, ctx);
  const names = stringList(tc.typeName.names);
  const typeName = names[names.length - 1]!;
  const byName = arg.nameStrength > 1;
  const evaluate = (ex: ExecContext): unknown | Promise<unknown> => {
    const v = arg.evaluate(ex);
    const conv = (x: unknown): unknown => (x === null ? null : castValue(x, arg.typeOid, target));
    return v instanceof Promise ? v.then(conv) : conv(v);
  };
  if (arg.constant) {
    // Literals are converted at analysis time, as PostgreSQL folds them (errors surface at Parse).
    let folded: unknown;
    try {
      folded = evaluate(undefined as unknown as ExecContext);
    } catch (err) {
      const position = positionOf(ctx.sql, locationOf(argNode));
      throw isSqlError(err) && err.position === undefined && position !== undefined ? err.with({ position }) : err;
    }
    return { typeOid: target, name: byName ? arg.name : typeName, nameStrength: byName ? arg.nameStrength : 1, evaluate: () => folded, constant: true };
  }
  return { typeOid: target, name: byName ? arg.name : typeName, nameStrength: byName ? arg.nameStrength : 1, evaluate };
}

const NEGATE: ReadonlyMap<number, (v: unknown) => unknown> = new Map<number, (v: unknown) => unknown>([
  [TYPE_OID.int2, (v) => { if (v === -32768) throw numericOutOfRange('smallint out of range'); return -(v as number); }],
  [TYPE_OID.int4, (v) => { if (v === INT4_MIN) throw numericOutOfRange('integer out of range'); return -(v as number); }],
  [TYPE_OID.int8, (v) => { if (v === -9223372036854775808n) throw numericOutOfRange('bigint out of range'); return -(v as bigint); }],
  [TYPE_OID.float4, (v) => -(v as number)],
  [TYPE_OID.float8, (v) => -(v as number)],
  [TYPE_OID.numeric, (v) => parseNumericText((v as string).startsWith('-') ? (v as string).slice(1) : `-${v as string}`)],
]);

function compileUnaryMinus(e: AstBody, ctx: AnalyzeContext): CompiledExpr {
  const arg = compileExpr(e.rexpr, ctx);
  return {
    get typeOid() {
      return arg.typeOid;
    },
    name: '?column?',
    nameStrength: 0,
    evaluate(ex) {
      const v = arg.evaluate(ex);
      if (v === null) return null;
      const neg = NEGATE.get(arg.typeOid);
      if (!neg) throw unsupported('A_Expr', `unary minus on type ${arg.typeOid}`);
      return neg(v);
    },
  };
}

/** Compiles one scalar expression node. */
export function compileExpr(node: AstNode, ctx: AnalyzeContext): CompiledExpr {
  const kind = nodeKind(node);
  const body = node[kind] as AstBody;
  switch (kind) {
    case 'A_Const':
      return compileConst(body);
    case 'ParamRef':
      return compileParam(body, ctx);
    case 'TypeCast':
      return compileCast(body, ctx);
    case 'FuncCall':
      return compileFunction(body, ctx, compileExpr);
    case 'A_Expr': {
      const op = stringList(body.name);
      if (body.kind === 'AEXPR_OP' && !body.lexpr && op.length === 1 && op[0] === '-') return compileUnaryMinus(body, ctx);
      throw unsupported('A_Expr', `operator ${op.join('.')}`);
    }
    case 'ColumnRef': {
      const name = stringList(body.fields).join('.');
      const position = positionOf(ctx.sql, locationOf(node));
      throw undefinedColumn(`column "${name}" does not exist`, position === undefined ? {} : { position });
    }
    default:
      throw unsupported(kind);
  }
}
