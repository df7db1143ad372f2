// Expression -> SQL text, for the text the catalog stores beside each expression (column
// defaults, CHECK constraints, index keys and predicates) and later prints (psql \d,
// pg_get_expr, pg_get_indexdef). It works on the untyped parse tree, so it cannot add the
// implicit casts PostgreSQL's ruleutils prints after analysis (`'a'::text`); explicit casts
// and the defaults the catalog builds itself (nextval('t_id_seq'::regclass)) print exactly.
// Nested operators are parenthesised, as ruleutils does for non-trivial operands.
import type { Expr, FrameBound, SortBy, TypeName, WindowSpec } from '@vecgres/sql';
import { quoteIdentifier, quoteLiteral } from '../types/quote';

export interface DeparseOptions {
  /** How to print a cast's type; default: as written (`int4` stays `int4`). */
  typeName?: (t: TypeName) => string;
  /** How to print a column reference (a view query qualifies them); default: as written. */
  columnRef?: (names: readonly string[]) => string | undefined;
}

/** Node kinds that print as a single token or a call, needing no parentheses as operands. */
const PRIMARY = new Set<Expr['kind']>([
  'const', 'param', 'columnRef', 'func', 'cast', 'array', 'coalesce', 'nullIf', 'minMax', 'row',
  'sqlValueFunction', 'scalarSubquery', 'exists', 'arraySubquery', 'case', 'indirection', 'default',
]);

function defaultTypeName(t: TypeName): string {
  const base = t.schema !== undefined && t.schema !== 'pg_catalog' ? `${quoteIdentifier(t.schema)}.${t.name}` : t.name;
  const mods = t.typmods.length ? `(${t.typmods.map((m) => exprToSql(m)).join(',')})` : '';
  return base + mods + t.arrayBounds.map((b) => (b < 0 ? '[]' : `[${b}]`)).join('');
}

function constToSql(e: Extract<Expr, { kind: 'const' }>): string {
  const v = e.value;
  switch (v.type) {
    case 'int4': return String(v.value);
    case 'int8': case 'numeric': return v.value;
    case 'string': return quoteLiteral(v.value);
    case 'bitString': return `${v.value[0].toUpperCase()}'${v.value.slice(1)}'`;
    case 'bool': return v.value ? 'true' : 'false';
    case 'null': return 'NULL';
  }
}

/** SQL text of `e`. */
export function exprToSql(e: Expr, opts: DeparseOptions = {}): string {
  const r = (x: Expr) => exprToSql(x, opts);
  // An operand: parenthesised unless it is a primary expression.
  const operand = (x: Expr) => (PRIMARY.has(x.kind) || (x.kind === 'const' && !String(r(x)).startsWith('-')) ? r(x) : `(${r(x)})`);
  const typeText = opts.typeName ?? defaultTypeName;
  switch (e.kind) {
    case 'const': return constToSql(e);
    case 'param': return `$${e.number}`;
    case 'columnRef': return (!e.star && opts.columnRef?.(e.names)) || [...e.names.map(quoteIdentifier), ...(e.star ? ['*'] : [])].join('.');
    case 'op': {
      const op = e.schema !== undefined ? `OPERATOR(${e.schema}.${e.op})` : e.op;
      return e.left ? `${operand(e.left)} ${op} ${operand(e.right)}` : `${op} ${operand(e.right)}`;
    }
    case 'bool':
      if (e.op === 'not') return `NOT ${operand(e.args[0])}`;
      return e.args.map(operand).join(e.op === 'and' ? ' AND ' : ' OR ');
    case 'nullTest': return `${operand(e.arg)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'booleanTest': {
      const words: Record<typeof e.test, string> = {
        true: 'IS TRUE', notTrue: 'IS NOT TRUE', false: 'IS FALSE', notFalse: 'IS NOT FALSE',
        unknown: 'IS UNKNOWN', notUnknown: 'IS NOT UNKNOWN',
      };
      return `${operand(e.arg)} ${words[e.test]}`;
    }
    case 'distinct': return `${operand(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${operand(e.right)}`;
    case 'between':
      return `${operand(e.arg)} ${e.negated ? 'NOT ' : ''}BETWEEN ${e.symmetric ? 'SYMMETRIC ' : ''}${operand(e.low)} AND ${operand(e.high)}`;
    case 'inList': return `${operand(e.arg)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(r).join(', ')})`;
    case 'quantified': return `${operand(e.left)} ${e.op} ${e.quantifier.toUpperCase()} (${r(e.right)})`;
    case 'exists': return 'EXISTS (SELECT ...)';
    case 'scalarSubquery': return '(SELECT ...)';
    case 'arraySubquery': return 'ARRAY(SELECT ...)';
    case 'subqueryCompare': return `${operand(e.left)} ${e.op} ${e.quantifier.toUpperCase()} (SELECT ...)`;
    case 'array': return `ARRAY[${e.elements.map((x) => (x.kind === 'array' ? r(x).slice('ARRAY'.length) : r(x))).join(', ')}]`;
    case 'indirection': {
      let s = operand(e.arg);
      if (e.arg.kind === 'columnRef' || e.arg.kind === 'param') s = r(e.arg);
      for (const step of e.steps) {
        if (step.kind === 'field') s = `(${s}).${quoteIdentifier(step.name)}`;
        else if (step.kind === 'star') s = `(${s}).*`;
        else s += step.slice ? `[${step.lower ? r(step.lower) : ''}:${step.upper ? r(step.upper) : ''}]` : `[${step.upper ? r(step.upper) : ''}]`;
      }
      return s;
    }
    case 'case': {
      const parts = ['CASE'];
      if (e.arg) parts.push(r(e.arg));
      for (const w of e.whens) parts.push(`WHEN ${r(w.when)} THEN ${r(w.then)}`);
      if (e.else) parts.push(`ELSE ${r(e.else)}`);
      parts.push('END');
      return parts.join(' ');
    }
    case 'coalesce': return `COALESCE(${e.args.map(r).join(', ')})`;
    case 'nullIf': return `NULLIF(${r(e.left)}, ${r(e.right)})`;
    case 'minMax': return `${e.op.toUpperCase()}(${e.args.map(r).join(', ')})`;
    case 'cast': return `${operand(e.arg)}::${typeText(e.type)}`;
    case 'collate': return `${operand(e.arg)} COLLATE ${e.collation.map(quoteIdentifier).join('.')}`;
    case 'row': return `${e.explicit ? 'ROW' : ''}(${e.args.map(r).join(', ')})`;
    case 'namedArg': return `${quoteIdentifier(e.name)} => ${r(e.arg)}`;
    case 'default': return 'DEFAULT';
    case 'sqlValueFunction': {
      const name = e.op.toUpperCase();
      return e.precision !== undefined ? `${name}(${e.precision})` : name;
    }
    case 'func': {
      const name = (e.schema !== undefined ? `${quoteIdentifier(e.schema)}.` : '') + quoteIdentifier(e.name);
      let args = e.star ? '*' : e.args.map((a, i) => (e.variadic && i === e.args.length - 1 ? `VARIADIC ${r(a)}` : r(a))).join(', ');
      if (e.distinct) args = `DISTINCT ${args}`;
      if (e.orderBy.length && !e.withinGroup) args += ` ORDER BY ${sortList(e.orderBy, opts)}`;
      let s = `${name}(${args})`;
      if (e.withinGroup) s += ` WITHIN GROUP (ORDER BY ${sortList(e.orderBy, opts)})`;
      if (e.filter) s += ` FILTER (WHERE ${r(e.filter)})`;
      if (e.over) s += ` OVER ${e.over.name && !e.over.partitionBy.length && !e.over.orderBy.length && !e.over.frame ? quoteIdentifier(e.over.name) : `(${windowToSql(e.over, opts)})`}`;
      return s;
    }
  }
}

function sortList(items: SortBy[], opts: DeparseOptions): string {
  return items
    .map((s) => {
      let t = exprToSql(s.expr, opts);
      if (s.using) t += ` USING ${s.using}`;
      else if (s.direction !== 'default') t += ` ${s.direction.toUpperCase()}`;
      if (s.nulls !== 'default') t += ` NULLS ${s.nulls.toUpperCase()}`;
      return t;
    })
    .join(', ');
}

function boundToSql(b: FrameBound, opts: DeparseOptions): string {
  switch (b.type) {
    case 'unboundedPreceding': return 'UNBOUNDED PRECEDING';
    case 'unboundedFollowing': return 'UNBOUNDED FOLLOWING';
    case 'currentRow': return 'CURRENT ROW';
    case 'preceding': return `${exprToSql(b.offset, opts)} PRECEDING`;
    case 'following': return `${exprToSql(b.offset, opts)} FOLLOWING`;
  }
}

function windowToSql(w: WindowSpec, opts: DeparseOptions): string {
  const parts: string[] = [];
  if (w.refName) parts.push(quoteIdentifier(w.refName));
  if (w.partitionBy.length) parts.push(`PARTITION BY ${w.partitionBy.map((x) => exprToSql(x, opts)).join(', ')}`);
  if (w.orderBy.length) parts.push(`ORDER BY ${sortList(w.orderBy, opts)}`);
  if (w.frame) {
    parts.push(`${w.frame.mode.toUpperCase()} BETWEEN ${boundToSql(w.frame.start, opts)} AND ${boundToSql(w.frame.end, opts)}`);
  }
  return parts.join(' ');
}
