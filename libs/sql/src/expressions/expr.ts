// The expression dispatcher: one libpg-query node -> one Expr. Node kinds with more logic live
// beside it (operators.ts, functions.ts, sublinks.ts); the simple structural ones are here.
import type { Expr, IndirectionStep, SqlValueFunctionOp } from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { translateConst } from './constants';
import { translateFuncCall, translateGroupingFunc } from './functions';
import { translateAExpr, translateBoolExpr, translateBooleanTest, translateNullTest } from './operators';
import { translateSubLink } from './sublinks';
import { translateTypeName } from './type-name';

export function translateExpr(ctx: TranslateContext, node: PgNode): Expr {
  const [tag, b] = unwrap(node);
  switch (tag) {
    case 'A_Const': return translateConst(ctx, b);
    case 'ParamRef': return { kind: 'param', number: b.number ?? 0, location: ctx.loc(b.location) };
    case 'ColumnRef': return translateColumnRef(ctx, b);
    case 'A_Expr': return translateAExpr(ctx, b);
    case 'BoolExpr': return translateBoolExpr(ctx, b);
    case 'NullTest': return translateNullTest(ctx, b);
    case 'BooleanTest': return translateBooleanTest(ctx, b);
    case 'FuncCall': return translateFuncCall(ctx, b);
    case 'GroupingFunc': return translateGroupingFunc(ctx, b);
    case 'SubLink': return translateSubLink(ctx, b);
    case 'A_ArrayExpr':
      return { kind: 'array', elements: exprList(ctx, b.elements), location: ctx.loc(b.location) };
    case 'A_Indirection': return translateIndirection(ctx, b);
    case 'CaseExpr':
      return {
        kind: 'case',
        ...(b.arg ? { arg: translateExpr(ctx, b.arg) } : {}),
        whens: list(b.args).map((w) => {
          const [, cw] = unwrap(w);
          return { when: translateExpr(ctx, cw.expr), then: translateExpr(ctx, cw.result), location: ctx.loc(cw.location) };
        }),
        ...(b.defresult ? { else: translateExpr(ctx, b.defresult) } : {}),
        location: ctx.loc(b.location),
      };
    case 'CoalesceExpr':
      return { kind: 'coalesce', args: exprList(ctx, b.args), location: ctx.loc(b.location) };
    case 'MinMaxExpr':
      return {
        kind: 'minMax',
        op: b.op === 'IS_LEAST' ? 'least' : 'greatest',
        args: exprList(ctx, b.args),
        location: ctx.loc(b.location),
      };
    case 'TypeCast': {
      const type = translateTypeName(ctx, b.typeName);
      // `int4 '5'` has no cast location of its own; PostgreSQL then points at the type name.
      const location = b.location >= 0 ? ctx.loc(b.location) : type.location;
      return { kind: 'cast', arg: translateExpr(ctx, b.arg), type, location };
    }
    case 'CollateClause':
      return {
        kind: 'collate',
        arg: translateExpr(ctx, b.arg),
        collation: stringList(ctx, b.collname, 'collation name'),
        location: ctx.loc(b.location),
      };
    case 'RowExpr':
      return {
        kind: 'row',
        args: exprList(ctx, b.args),
        explicit: b.row_format === 'COERCE_EXPLICIT_CALL',
        location: ctx.loc(b.location),
      };
    case 'NamedArgExpr':
      return { kind: 'namedArg', name: b.name, arg: translateExpr(ctx, b.arg), location: ctx.loc(b.location) };
    case 'SetToDefault': return { kind: 'default', location: ctx.loc(b.location) };
    case 'SQLValueFunction': return translateSqlValueFunction(ctx, b);
    default:
      throw ctx.unsupported(describeNode(tag), b?.location);
  }
}

export function exprList(ctx: TranslateContext, nodes: PgNode[] | undefined): Expr[] {
  return list(nodes).map((n) => translateExpr(ctx, n));
}

export function optExpr(ctx: TranslateContext, node: PgNode | undefined): Expr | undefined {
  return node ? translateExpr(ctx, node) : undefined;
}

function translateColumnRef(ctx: TranslateContext, b: PgNode): Expr {
  const fields = list(b.fields);
  const names: string[] = [];
  let star = false;
  for (const [i, f] of fields.entries()) {
    const [tag, body] = unwrap(f);
    if (tag === 'A_Star' && i === fields.length - 1) star = true;
    else if (tag === 'String') names.push(body.sval);
    else throw ctx.unsupported('column reference form', b.location);
  }
  return { kind: 'columnRef', names, star, location: ctx.loc(b.location) };
}

function translateIndirection(ctx: TranslateContext, b: PgNode): Expr {
  const arg = translateExpr(ctx, b.arg);
  return { kind: 'indirection', arg, steps: indirectionSteps(ctx, b.indirection), location: arg.location };
}

export function indirectionSteps(ctx: TranslateContext, nodes: PgNode[] | undefined): IndirectionStep[] {
  return list(nodes).map((n): IndirectionStep => {
    const [tag, s] = unwrap(n);
    if (tag === 'String') return { kind: 'field', name: s.sval };
    if (tag === 'A_Star') return { kind: 'star' };
    const step: IndirectionStep = { kind: 'subscript', slice: s.is_slice === true };
    if (s.lidx) step.lower = translateExpr(ctx, s.lidx);
    if (s.uidx) step.upper = translateExpr(ctx, s.uidx);
    return step;
  });
}

const SQL_VALUE_FUNCTIONS: Record<string, SqlValueFunctionOp> = {
  SVFOP_CURRENT_DATE: 'current_date',
  SVFOP_CURRENT_TIME: 'current_time',
  SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp',
  SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIME: 'localtime',
  SVFOP_LOCALTIME_N: 'localtime',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp',
  SVFOP_CURRENT_ROLE: 'current_role',
  SVFOP_CURRENT_USER: 'current_user',
  SVFOP_USER: 'user',
  SVFOP_SESSION_USER: 'session_user',
  SVFOP_CURRENT_CATALOG: 'current_catalog',
  SVFOP_CURRENT_SCHEMA: 'current_schema',
};

function translateSqlValueFunction(ctx: TranslateContext, b: PgNode): Expr {
  const op = SQL_VALUE_FUNCTIONS[b.op];
  if (!op) throw ctx.unsupported(`SQL value function ${b.op}`, b.location);
  const location = ctx.loc(b.location);
  // The _N variants carry a precision; protobuf JSON drops a zero typmod.
  if (String(b.op).endsWith('_N')) return { kind: 'sqlValueFunction', op, precision: b.typmod ?? 0, location };
  return { kind: 'sqlValueFunction', op, location };
}

/** A readable name for an untranslated node kind, for the 0A000 message. */
export function describeNode(tag: string): string {
  const names: Record<string, string> = {
    JsonIsPredicate: 'IS JSON',
    XmlExpr: 'XML expression',
    CurrentOfExpr: 'WHERE CURRENT OF',
    MergeSupportFunc: 'MERGE_ACTION()',
    MultiAssignRef: 'multiple-column assignment here',
  };
  if (names[tag]) return names[tag];
  if (tag.startsWith('Json')) return 'SQL/JSON expression';
  if (tag.startsWith('Xml')) return 'XML expression';
  return `expression of kind ${tag}`;
}
