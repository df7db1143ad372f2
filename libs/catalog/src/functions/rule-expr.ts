// Stored expression -> text the way PostgreSQL's ruleutils.c prints analysed expressions
// (pg_get_expr, pg_get_constraintdef, pg_get_indexdef), in both its modes:
//   non-pretty: every operator, boolean and NULL test is wrapped in its own parentheses
//               (`((a > 0) AND (b IS NULL))`);
//   pretty:     parentheses only where precedence needs them (`a > 0 AND b IS NULL`).
// The catalog keeps untyped parse trees, so the implicit typing ruleutils shows is inferred
// here for the common cases: a string literal takes the type of what it is compared with,
// assigned to or passed as (`'x'::text`, `'x'::character varying`), a varchar column compared
// with text shows its implicit cast (`(email)::text`), IN lists print as `= ANY (ARRAY[...])`
// and BETWEEN as two comparisons. Node kinds not handled here fall back to exprToSql.
import type { Expr, Query, TypeName } from '@vecgres/sql';
import { TYPE_OID } from '../builtins/type-oids';
import { exprToSql } from '../deparse/expr-to-sql';
import type { Catalog } from '../lookup/catalog';
import type { Oid } from '../model/rows';
import { createCatalogRegistry, type CatalogRegistry } from '../registry/registry';
import { formatType } from '../types/format-type';
import { quoteIdentifier, quoteLiteral } from '../types/quote';
import { resolveTypeName } from '../types/resolve-type';
import type { SessionInfo } from '../system-views/system-view';
import { pathContext } from './relation-names';

export interface RuleContext {
  catalog: Catalog;
  session: SessionInfo;
  registry?: CatalogRegistry;
  /** The relation bare column names refer to (a default's or constraint's table). */
  relation?: Oid;
  pretty: boolean;
  /** A view query's column references: the qualified text and type (view-deparse.ts). */
  column?: (names: readonly string[]) => { text: string; type?: Oid } | undefined;
  /** A view query's subqueries (EXISTS, IN, scalar), printed at the current indentation. */
  subquery?: (q: Query) => string;
}

const COMPARISON_OPS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '~~', '!~~', '~~*', '!~~*', '~', '!~', '~*', '!~*']);
const LOW_PRIORITY = new Set(['+', '-']);
const HIGH_PRIORITY = new Set(['*', '/', '%']);
const UNKNOWN = TYPE_OID.unknown;

const VALUE_FUNCTION_TYPES: Readonly<Record<string, Oid>> = {
  current_date: TYPE_OID.date, current_time: TYPE_OID.timetz, current_timestamp: TYPE_OID.timestamptz,
  localtime: TYPE_OID.time, localtimestamp: TYPE_OID.timestamp, current_role: TYPE_OID.name,
  current_user: TYPE_OID.name, user: TYPE_OID.name, session_user: TYPE_OID.name, current_catalog: TYPE_OID.name,
  current_schema: TYPE_OID.name,
};

/** The catalog type a cast names, or undefined when it does not resolve. */
function castType(rc: RuleContext, t: TypeName): { oid: Oid; typmod: number } | undefined {
  try {
    const r = resolveTypeName(rc.catalog, rc.registry ?? createCatalogRegistry(), pathContext(rc.session), t);
    return { oid: r.oid, typmod: r.typmod };
  } catch {
    return undefined;
  }
}

function columnOf(rc: RuleContext, names: readonly string[]) {
  if (rc.relation === undefined) return undefined;
  const name = names[names.length - 1];
  return rc.catalog.table(rc.relation)?.columns.find((c) => c.name === name && !c.dropped);
}

/** The function overloads' common return / argument type, when all agree. */
function agreed(values: readonly Oid[]): Oid | undefined {
  if (values.length === 0 || values.some((v) => v !== values[0])) return undefined;
  // Polymorphic pseudo-types say nothing about a literal.
  const t = values[0];
  return t === TYPE_OID.any || t === TYPE_OID.anyelement || t === TYPE_OID.anyarray ? undefined : t;
}

/** The type of `e` when it is evident from the tree; UNKNOWN for an untyped string literal. */
export function inferType(rc: RuleContext, e: Expr): Oid | undefined {
  switch (e.kind) {
    case 'const':
      switch (e.value.type) {
        case 'int4': return TYPE_OID.int4;
        case 'int8': return TYPE_OID.int8;
        case 'numeric': return TYPE_OID.numeric;
        case 'bool': return TYPE_OID.bool;
        case 'string': return UNKNOWN;
        case 'bitString': return TYPE_OID.bit;
        case 'null': return undefined;
      }
      return undefined;
    case 'columnRef': return rc.column?.(e.names)?.type ?? columnOf(rc, e.names)?.type;
    case 'cast': return castType(rc, e.type)?.oid;
    case 'func': return agreed(rc.catalog.procsNamed(e.name).filter((p) => p.args.length === e.args.length).map((p) => p.ret));
    case 'op': {
      if (COMPARISON_OPS.has(e.op)) return TYPE_OID.bool;
      const l = e.left ? inferType(rc, e.left) : undefined;
      const r = inferType(rc, e.right);
      return l !== undefined && l !== UNKNOWN ? l : r !== UNKNOWN ? r : undefined;
    }
    case 'bool': case 'nullTest': case 'booleanTest': case 'inList': case 'between': case 'distinct': return TYPE_OID.bool;
    case 'sqlValueFunction': return VALUE_FUNCTION_TYPES[e.op];
    case 'indirection': {
      const base = inferType(rc, e.arg);
      const t = base !== undefined ? rc.catalog.type(base) : undefined;
      return t && t.elem && e.steps.every((s) => s.kind === 'subscript' && !s.slice) ? t.elem : undefined;
    }
    case 'coalesce': return e.args.map((a) => inferType(rc, a)).find((t) => t !== undefined && t !== UNKNOWN);
    default: return undefined;
  }
}

/** The type a literal compared with / assigned to something of type `t` is resolved to. */
function literalTarget(t: Oid | undefined): Oid | undefined {
  if (t === undefined || t === UNKNOWN) return undefined;
  // varchar has no operators of its own: comparisons resolve to text's.
  return t === TYPE_OID.varchar ? TYPE_OID.text : t;
}

function typeLabel(rc: RuleContext, oid: Oid, typmod = -1): string {
  return formatType(rc.catalog, oid, typmod, { registry: rc.registry, searchPath: pathContext(rc.session) });
}

/** get_const_expr without the label: how a value of `type` prints, and whether it needs `::type`. */
function constBody(value: string, type: Oid | undefined): { text: string; needLabel: boolean } {
  switch (type) {
    case TYPE_OID.int4:
      return value.startsWith('-') ? { text: `'${value}'`, needLabel: true } : { text: value, needLabel: false };
    case TYPE_OID.numeric:
      return /^\d/.test(value) && /[eE.]/.test(value) ? { text: value, needLabel: false } : { text: `'${value}'`, needLabel: true };
    case TYPE_OID.bool:
      return { text: ['t', 'true', 'on', 'yes', '1'].includes(value.toLowerCase()) ? 'true' : 'false', needLabel: false };
    case undefined: case UNKNOWN:
      return { text: quoteLiteral(value), needLabel: false };
    default:
      return { text: quoteLiteral(value), needLabel: true };
  }
}

/** A constant, typed `expected` when its own kind leaves the type open (string, NULL). */
function printConst(rc: RuleContext, e: Extract<Expr, { kind: 'const' }>, expected: Oid | undefined): string {
  const v = e.value;
  switch (v.type) {
    case 'int4': return v.value < 0 ? `'${v.value}'::integer` : String(v.value);
    case 'int8': return `'${v.value}'::bigint`;
    case 'numeric': {
      const b = constBody(v.value, TYPE_OID.numeric);
      return b.needLabel ? `${b.text}::numeric` : b.text;
    }
    case 'bool': return v.value ? 'true' : 'false';
    case 'bitString': return `B'${v.value.slice(1)}'::"bit"`;
    case 'null': return expected !== undefined && expected !== UNKNOWN ? `NULL::${typeLabel(rc, expected)}` : 'NULL';
    case 'string': {
      const b = constBody(v.value, expected);
      return b.needLabel ? `${b.text}::${typeLabel(rc, expected!)}` : b.text;
    }
  }
}

type Parent = Expr | undefined;

/** isSimpleNode (pretty mode): can `node` print without parentheses under `parent`? */
function isSimple(node: Expr, parent: Parent): boolean {
  switch (node.kind) {
    case 'const': case 'columnRef': case 'param': case 'func': case 'coalesce': case 'nullIf': case 'minMax':
    case 'array': case 'row': case 'sqlValueFunction': case 'indirection': case 'case': case 'default':
      return true;
    case 'cast': return isSimple(node.arg, node);
    case 'op': {
      if (parent?.kind === 'op' && node.left && parent.left) {
        const lo = LOW_PRIORITY.has(node.op);
        const hi = HIGH_PRIORITY.has(node.op);
        const plo = LOW_PRIORITY.has(parent.op);
        const phi = HIGH_PRIORITY.has(parent.op);
        if (!(lo || hi) || !(plo || phi)) return false;
        if (hi && plo) return true;
        if (lo && phi) return false;
        return parent.left === node;
      }
      return parent?.kind === 'bool' || parent?.kind === 'array' || parent?.kind === 'row' || parent?.kind === 'case';
    }
    case 'nullTest': case 'booleanTest': case 'distinct':
      return parent?.kind === 'bool' || parent?.kind === 'array' || parent?.kind === 'row' || parent?.kind === 'case';
    case 'bool':
      if (parent?.kind === 'bool') {
        if (node.op === 'not' || node.op === 'and') return parent.op === 'and' || parent.op === 'or';
        return parent.op === 'or';
      }
      return parent?.kind === 'array' || parent?.kind === 'row' || parent?.kind === 'case';
    default:
      return false;
  }
}

class Printer {
  constructor(private readonly rc: RuleContext) {}

  /** Forms this printer does not model: the plain deparser (column references still resolved). */
  private fallback(e: Expr): string {
    const column = this.rc.column;
    return exprToSql(e, column ? { columnRef: (names) => column(names)?.text } : {});
  }

  /** get_rule_expr_paren: parentheses in pretty mode when precedence needs them. */
  private paren(e: Expr, parent: Expr, expected?: Oid): string {
    const s = this.expr(e, expected);
    return this.rc.pretty && !isSimple(e, parent) ? `(${s})` : s;
  }

  /** Wraps a whole construct in the parentheses non-pretty mode always adds. */
  private own(s: string): string {
    return this.rc.pretty ? s : `(${s})`;
  }

  /** A varchar operand of a text operator, with the implicit cast ruleutils shows. */
  private textOperand(e: Expr, parent: Expr, type: Oid | undefined): string {
    if (type === TYPE_OID.varchar) {
      const inner = this.rc.pretty ? this.paren(e, parent) : `(${this.expr(e)})`;
      return `${inner}::text`;
    }
    return this.paren(e, parent, literalTarget(type));
  }

  private binary(e: Extract<Expr, { kind: 'op' }>): string {
    const left = e.left!;
    const lt = inferType(this.rc, left);
    const rt = inferType(this.rc, e.right);
    const textOp = COMPARISON_OPS.has(e.op) || e.op === '||';
    // varchar has no operators of its own: against text, a literal or varchar it is cast to text.
    const castsToText = (t: Oid | undefined, other: Oid | undefined) =>
      textOp && t === TYPE_OID.varchar && (other === UNKNOWN || other === TYPE_OID.text || other === TYPE_OID.varchar);
    const lStr = castsToText(lt, rt) ? this.textOperand(left, e, lt) : this.paren(left, e, literalTarget(rt));
    const rStr = castsToText(rt, lt) ? this.textOperand(e.right, e, rt) : this.paren(e.right, e, literalTarget(lt));
    return this.own(`${lStr} ${e.op} ${rStr}`);
  }

  private inList(e: Extract<Expr, { kind: 'inList' }>): string {
    const t = inferType(this.rc, e.arg);
    const op = e.negated ? '<> ALL' : '= ANY';
    if (t === TYPE_OID.varchar) {
      const items = e.list.map((x) => this.expr(x, TYPE_OID.varchar)).join(', ');
      const arg = this.rc.pretty ? `${this.paren(e.arg, e)}::text` : `(${this.expr(e.arg)})::text`;
      const array = this.rc.pretty ? `ARRAY[${items}]::text[]` : `(ARRAY[${items}])::text[]`;
      return this.own(`${arg} ${op} (${array})`);
    }
    const items = e.list.map((x) => this.expr(x, literalTarget(t))).join(', ');
    return this.own(`${this.paren(e.arg, e)} ${op} (ARRAY[${items}])`);
  }

  private cast(e: Extract<Expr, { kind: 'cast' }>): string {
    const target = castType(this.rc, e.type);
    if (!target) return this.fallback(e);
    const label = typeLabel(this.rc, target.oid, target.typmod);
    const arg = e.arg;
    // A literal cast is folded into a constant of the target type: printed by its type's rules.
    if (arg.kind === 'const' && (arg.value.type === 'string' || arg.value.type === 'null')) {
      const body = arg.value.type === 'null' ? 'NULL' : constBody(arg.value.value, target.oid).text;
      return `${body}::${label}`;
    }
    const inner = this.rc.pretty ? this.paren(arg, e) : `(${this.expr(arg)})`;
    return `${inner}::${label}`;
  }

  private func(e: Extract<Expr, { kind: 'func' }>): string {
    // get_agg_expr: `count(*)`, `sum(DISTINCT x)`, `... FILTER (WHERE <rule expr>)`.
    if (e.filter && !e.over && !e.orderBy.length && !e.variadic) {
      const { filter, ...call } = e;
      const base = call.star || call.distinct ? this.fallback({ ...call, filter: undefined }) : this.func({ ...call, filter: undefined });
      return `${base} FILTER (WHERE ${this.expr(filter)})`;
    }
    if (e.star || e.distinct || e.orderBy.length || e.filter || e.over || e.variadic) return this.fallback(e);
    const overloads = this.rc.catalog.procsNamed(e.name).filter((p) => p.args.length === e.args.length);
    const args = e.args.map((a, i) => this.expr(a, agreed(overloads.map((p) => p.args[i]))));
    const name = (e.schema !== undefined ? `${quoteIdentifier(e.schema)}.` : '') + quoteIdentifier(e.name);
    return `${name}(${args.join(', ')})`;
  }

  /** get_sublink_expr's forms: `(EXISTS ( SELECT ...))`, `(a IN ( SELECT ...))`, `( SELECT ...)`. */
  private sublink(e: Extract<Expr, { kind: 'exists' | 'scalarSubquery' | 'arraySubquery' | 'subqueryCompare' }>, sub: (q: Query) => string): string {
    const q = sub(e.query);
    switch (e.kind) {
      case 'exists': return `(EXISTS (${q}))`;
      case 'scalarSubquery': return `(${q})`;
      case 'arraySubquery': return `(ARRAY(${q}))`;
      case 'subqueryCompare': {
        const op = e.op === '=' && e.quantifier === 'any' ? 'IN' : `${e.op} ${e.quantifier.toUpperCase()}`;
        return `(${this.expr(e.left)} ${op} (${q}))`;
      }
    }
  }

  /** One expression; `expected` types an untyped literal at this position. */
  expr(e: Expr, expected?: Oid): string {
    switch (e.kind) {
      case 'const': return printConst(this.rc, e, expected);
      case 'columnRef': return this.rc.column?.(e.names)?.text ?? quoteIdentifier(e.names[e.names.length - 1] ?? '');
      case 'exists': case 'scalarSubquery': case 'arraySubquery': case 'subqueryCompare':
        return this.rc.subquery ? this.sublink(e, this.rc.subquery) : this.fallback(e);
      case 'op':
        if (e.left) return this.binary(e);
        return this.own(`${e.op} ${this.paren(e.right, e)}`);
      case 'bool':
        if (e.op === 'not') return this.own(`NOT ${this.paren(e.args[0], e)}`);
        return this.own(e.args.map((a) => this.paren(a, e)).join(e.op === 'and' ? ' AND ' : ' OR '));
      case 'nullTest': return this.own(`${this.paren(e.arg, e)} IS ${e.negated ? 'NOT ' : ''}NULL`);
      case 'booleanTest': {
        const words = { true: 'IS TRUE', notTrue: 'IS NOT TRUE', false: 'IS FALSE', notFalse: 'IS NOT FALSE', unknown: 'IS UNKNOWN', notUnknown: 'IS NOT UNKNOWN' } as const;
        return this.own(`${this.paren(e.arg, e)} ${words[e.test]}`);
      }
      case 'distinct': {
        const lt = literalTarget(inferType(this.rc, e.right));
        const rt = literalTarget(inferType(this.rc, e.left));
        const s = this.own(`${this.paren(e.left, e, lt)} IS DISTINCT FROM ${this.paren(e.right, e, rt)}`);
        return e.negated ? this.own(`NOT ${this.rc.pretty ? `(${s})` : s}`) : s;
      }
      case 'inList': return this.inList(e);
      case 'quantified': {
        // `a = ANY (ARRAY[...])`, the form an IN list is stored as.
        const right = e.right.kind === 'array' ? `(${this.expr(e.right, literalTarget(inferType(this.rc, e.left)))})` : `(${this.expr(e.right)})`;
        return this.own(`${this.paren(e.left, e)} ${e.op} ${e.quantifier.toUpperCase()} ${right}`);
      }
      case 'between': {
        if (e.symmetric) return this.fallback(e);
        const [lo, hi, join] = e.negated ? ['<', '>', 'OR'] : ['>=', '<=', 'AND'];
        const mk = (op: string, right: Expr): Expr => ({ kind: 'op', op, left: e.arg, right, location: -1 });
        return this.expr({ kind: 'bool', op: join === 'AND' ? 'and' : 'or', args: [mk(lo, e.low), mk(hi, e.high)], location: -1 });
      }
      case 'cast': return this.cast(e);
      case 'func': return this.func(e);
      case 'sqlValueFunction': return this.fallback(e);
      case 'indirection': {
        if (!e.steps.every((s) => s.kind === 'subscript')) return this.fallback(e);
        const base = e.arg.kind === 'columnRef' ? this.expr(e.arg) : `(${this.expr(e.arg)})`;
        return base + e.steps.map((s) => (s.kind === 'subscript'
          ? s.slice ? `[${s.lower ? this.expr(s.lower) : ''}:${s.upper ? this.expr(s.upper) : ''}]` : `[${s.upper ? this.expr(s.upper) : ''}]`
          : '')).join('');
      }
      case 'coalesce': {
        const t = literalTarget(inferType(this.rc, e));
        return `COALESCE(${e.args.map((a) => this.expr(a, t)).join(', ')})`;
      }
      case 'array': {
        const t = e.elements.map((x) => inferType(this.rc, x)).find((x) => x !== undefined && x !== UNKNOWN);
        return `ARRAY[${e.elements.map((x) => this.expr(x, literalTarget(t))).join(', ')}]`;
      }
      case 'case': {
        const parts = ['CASE'];
        if (e.arg) parts.push(this.expr(e.arg));
        for (const w of e.whens) parts.push(`WHEN ${this.expr(w.when)} THEN ${this.expr(w.then, expected)}`);
        if (e.else) parts.push(`ELSE ${this.expr(e.else, expected)}`);
        parts.push('END');
        return parts.join(' ');
      }
      default: return this.fallback(e);
    }
  }
}

/**
 * deparse_expression: `e` as ruleutils prints it. `target` is the type the expression is
 * assigned to (a column default's column type), which labels a bare literal (`'anon'::text`).
 */
export function ruleExpr(rc: RuleContext, e: Expr, target?: Oid): string {
  return new Printer(rc).expr(e, target);
}
