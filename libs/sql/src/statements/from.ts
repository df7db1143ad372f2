// FROM items: tables, subqueries, function calls (incl. ROWS FROM / WITH ORDINALITY), joins.
import type { ColumnDefinitionItem, FromItem, FunctionRef, JoinRef, JoinType } from '../types';
import { list, unwrap, type PgNode, type TranslateContext } from '../context';
import { translateExpr } from '../expressions/expr';
import { translateTypeName } from '../expressions/type-name';
import { qualifiedName, translateAlias } from './names';
import { translateQuery } from './select';

export function translateFromList(ctx: TranslateContext, nodes: PgNode[] | undefined): FromItem[] {
  return list(nodes).map((n) => translateFromItem(ctx, n));
}

export function translateFromItem(ctx: TranslateContext, node: PgNode): FromItem {
  const [tag, b] = unwrap(node);
  switch (tag) {
    case 'RangeVar': {
      const item: FromItem = { kind: 'table', table: qualifiedName(ctx, b), inherit: b.inh === true, location: ctx.loc(b.location) };
      const alias = translateAlias(ctx, b.alias);
      if (alias) item.alias = alias;
      return item;
    }
    case 'RangeSubselect': {
      const query = translateQuery(ctx, b.subquery);
      const item: FromItem = { kind: 'subquery', query, lateral: b.lateral === true, location: query.location };
      const alias = translateAlias(ctx, b.alias);
      if (alias) item.alias = alias;
      return item;
    }
    case 'RangeFunction': return translateRangeFunction(ctx, b);
    case 'JoinExpr': return translateJoin(ctx, b);
    case 'RangeTableSample': throw ctx.unsupported('TABLESAMPLE', b.location);
    case 'RangeTableFunc': throw ctx.unsupported('XMLTABLE', b.location);
    case 'JsonTable': throw ctx.unsupported('JSON_TABLE', b.location);
    default: throw ctx.unsupported(`FROM item of kind ${tag}`, b?.location);
  }
}

function columnDefinitions(ctx: TranslateContext, nodes: PgNode[] | undefined): ColumnDefinitionItem[] {
  return list(nodes).map((n) => {
    const [tag, c] = unwrap(n);
    if (tag !== 'ColumnDef') throw ctx.unsupported(`column definition of kind ${tag}`);
    return { name: c.colname, type: translateTypeName(ctx, c.typeName) };
  });
}

function translateRangeFunction(ctx: TranslateContext, b: PgNode): FunctionRef {
  // functions: one List per function: [call, coldeflist List or {} when absent].
  const functions = list(b.functions).map((f) => {
    const [call, defs] = unwrap(f)[1].items as PgNode[];
    const expr = translateExpr(ctx, call);
    if (expr.kind !== 'func') throw ctx.unsupported('non-function expression in FROM', call[Object.keys(call)[0]]?.location);
    const entry: FunctionRef['functions'][number] = { call: expr };
    if (defs && Object.keys(defs).length > 0) entry.columnDefinitions = columnDefinitions(ctx, unwrap(defs)[1].items);
    return entry;
  });
  const ref: FunctionRef = {
    kind: 'function',
    functions,
    rowsFrom: b.is_rowsfrom === true,
    ordinality: b.ordinality === true,
    lateral: b.lateral === true,
    location: functions[0]?.call.location ?? -1,
  };
  const alias = translateAlias(ctx, b.alias);
  if (alias) ref.alias = alias;
  if (b.coldeflist) ref.columnDefinitions = columnDefinitions(ctx, b.coldeflist);
  return ref;
}

const JOIN_TYPES: Record<string, JoinType> = {
  JOIN_INNER: 'inner',
  JOIN_LEFT: 'left',
  JOIN_RIGHT: 'right',
  JOIN_FULL: 'full',
};

function translateJoin(ctx: TranslateContext, b: PgNode): JoinRef {
  let joinType = JOIN_TYPES[b.jointype];
  if (!joinType) throw ctx.unsupported(`join type ${b.jointype}`);
  const natural = b.isNatural === true;
  // CROSS JOIN is an inner join without a condition (the grammar does not mark it otherwise).
  if (joinType === 'inner' && !natural && !b.quals && !b.usingClause) joinType = 'cross';
  const left = translateFromItem(ctx, b.larg);
  const right = translateFromItem(ctx, b.rarg);
  const join: JoinRef = { kind: 'join', joinType, natural, left, right, location: left.location };
  if (b.quals) join.on = translateExpr(ctx, b.quals);
  if (b.usingClause) join.using = list(b.usingClause).map((n) => unwrap(n)[1].sval as string);
  if (b.join_using_alias) join.usingAlias = b.join_using_alias.aliasname;
  const alias = translateAlias(ctx, b.alias);
  if (alias) join.alias = alias;
  return join;
}
