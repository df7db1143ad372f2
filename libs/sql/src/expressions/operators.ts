// A_Expr (operators, IN, BETWEEN, LIKE, ANY/ALL, IS DISTINCT FROM, NULLIF), AND/OR/NOT,
// IS [NOT] NULL and IS [NOT] TRUE/FALSE/UNKNOWN.
import type { BooleanTestExpr, Expr } from '../types';
import { stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { exprList, translateExpr } from './expr';

/** `['pg_catalog', '~']` -> op `~` with schema pg_catalog. */
export function operatorName(ctx: TranslateContext, names: PgNode[] | undefined, location?: number): { op: string; schema?: string } {
  const parts = stringList(ctx, names, 'operator name');
  if (parts.length === 0 || parts.length > 2) throw ctx.unsupported('operator name form', location);
  return parts.length === 2 ? { op: parts[1], schema: parts[0] } : { op: parts[0] };
}

/** The two items of BETWEEN's `rexpr` List. */
function listItems(ctx: TranslateContext, node: PgNode, location?: number): Expr[] {
  const [tag, b] = unwrap(node);
  if (tag !== 'List') throw ctx.unsupported(`right operand of kind ${tag}`, location);
  return exprList(ctx, b.items);
}

export function translateAExpr(ctx: TranslateContext, b: PgNode): Expr {
  const location = ctx.loc(b.location);
  switch (b.kind as string) {
    // LIKE/ILIKE/SIMILAR TO already carry their operator (~~, !~~*, ~ ...) and, for ESCAPE or
    // SIMILAR, a like_escape()/similar_to_escape() call on the right, exactly like PostgreSQL.
    case 'AEXPR_OP':
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE':
    case 'AEXPR_SIMILAR': {
      const name = operatorName(ctx, b.name, b.location);
      const right = translateExpr(ctx, b.rexpr);
      return b.lexpr
        ? { kind: 'op', ...name, left: translateExpr(ctx, b.lexpr), right, location }
        : { kind: 'op', ...name, right, location };
    }
    case 'AEXPR_OP_ANY':
    case 'AEXPR_OP_ALL':
      return {
        kind: 'quantified',
        ...operatorName(ctx, b.name, b.location),
        quantifier: b.kind === 'AEXPR_OP_ANY' ? 'any' : 'all',
        left: translateExpr(ctx, b.lexpr),
        right: translateExpr(ctx, b.rexpr),
        location,
      };
    case 'AEXPR_DISTINCT':
    case 'AEXPR_NOT_DISTINCT':
      return {
        kind: 'distinct',
        left: translateExpr(ctx, b.lexpr),
        right: translateExpr(ctx, b.rexpr),
        negated: b.kind === 'AEXPR_NOT_DISTINCT',
        location,
      };
    case 'AEXPR_NULLIF':
      return { kind: 'nullIf', left: translateExpr(ctx, b.lexpr), right: translateExpr(ctx, b.rexpr), location };
    case 'AEXPR_IN': {
      // The grammar names the operator `=` for IN and `<>` for NOT IN.
      const { op } = operatorName(ctx, b.name, b.location);
      return {
        kind: 'inList',
        arg: translateExpr(ctx, b.lexpr),
        list: listItems(ctx, b.rexpr, b.location),
        negated: op === '<>',
        location,
      };
    }
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN':
    case 'AEXPR_BETWEEN_SYM':
    case 'AEXPR_NOT_BETWEEN_SYM': {
      const [low, high] = listItems(ctx, b.rexpr, b.location);
      return {
        kind: 'between',
        arg: translateExpr(ctx, b.lexpr),
        low,
        high,
        negated: b.kind === 'AEXPR_NOT_BETWEEN' || b.kind === 'AEXPR_NOT_BETWEEN_SYM',
        symmetric: b.kind === 'AEXPR_BETWEEN_SYM' || b.kind === 'AEXPR_NOT_BETWEEN_SYM',
        location,
      };
    }
    default:
      throw ctx.unsupported(`operator expression ${b.kind}`, b.location);
  }
}

export function translateBoolExpr(ctx: TranslateContext, b: PgNode): Expr {
  const op = b.boolop === 'AND_EXPR' ? 'and' : b.boolop === 'OR_EXPR' ? 'or' : 'not';
  return { kind: 'bool', op, args: exprList(ctx, b.args), location: ctx.loc(b.location) };
}

export function translateNullTest(ctx: TranslateContext, b: PgNode): Expr {
  return {
    kind: 'nullTest',
    arg: translateExpr(ctx, b.arg),
    negated: b.nulltesttype === 'IS_NOT_NULL',
    location: ctx.loc(b.location),
  };
}

const BOOLEAN_TESTS: Record<string, BooleanTestExpr['test']> = {
  IS_TRUE: 'true',
  IS_NOT_TRUE: 'notTrue',
  IS_FALSE: 'false',
  IS_NOT_FALSE: 'notFalse',
  IS_UNKNOWN: 'unknown',
  IS_NOT_UNKNOWN: 'notUnknown',
};

export function translateBooleanTest(ctx: TranslateContext, b: PgNode): Expr {
  const test = BOOLEAN_TESTS[b.booltesttype];
  if (!test) throw ctx.unsupported(`boolean test ${b.booltesttype}`, b.location);
  return { kind: 'booleanTest', arg: translateExpr(ctx, b.arg), test, location: ctx.loc(b.location) };
}
