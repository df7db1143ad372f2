// Bound expressions back to SQL text the way PostgreSQL's EXPLAIN prints them (ruleutils.c
// with implicit casts hidden): `(a > 1)`, `((a > 1) AND (b IS NULL))`, `'x'::text`,
// `(a)::bigint`, `count(*)`, `$1`. Column names are qualified with their table alias when the
// plan reads more than one relation, as EXPLAIN does.
import type { AggregateCall, BoundConst, BoundExpr } from '../types/bound-expr';

/** Names of builtin types as format_type prints them (EXPLAIN needs no catalog for these). */
const TYPE_NAMES: Record<number, string> = {
  16: 'boolean', 17: 'bytea', 18: '"char"', 19: 'name', 20: 'bigint', 21: 'smallint', 23: 'integer',
  25: 'text', 26: 'oid', 114: 'json', 700: 'real', 701: 'double precision', 705: 'unknown',
  1042: 'bpchar', 1043: 'character varying', 1082: 'date', 1083: 'time without time zone',
  1114: 'timestamp without time zone', 1184: 'timestamp with time zone', 1186: 'interval',
  1700: 'numeric', 2950: 'uuid', 3802: 'jsonb',
  1000: 'boolean[]', 1005: 'smallint[]', 1007: 'integer[]', 1009: 'text[]', 1015: 'character varying[]',
  1016: 'bigint[]', 1021: 'real[]', 1022: 'double precision[]', 1231: 'numeric[]',
};

export interface DeparseOptions {
  /** Prefix columns with their table alias. */
  qualify?: boolean;
  /** Type names for OIDs the builtin table lacks (extension types). */
  typeName?: (oid: number, typmod: number) => string;
}

export function typeLabel(oid: number, typmod: number, opts: DeparseOptions = {}): string {
  if (typmod >= 0 && (oid === 1043 || oid === 1042)) return `${oid === 1043 ? 'character varying' : 'character'}(${typmod - 4})`;
  return TYPE_NAMES[oid] ?? opts.typeName?.(oid, typmod) ?? `oid${oid}`;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function constText(c: BoundConst, opts: DeparseOptions): string {
  const t = typeLabel(c.type.oid, c.type.typmod, opts);
  if (c.value === null) return `NULL::${t}`;
  const v = String(c.value);
  if (c.type.oid === 16) return v === 'true' || v === 't' ? 'true' : 'false';
  // Integers and numerics print bare unless negative (ruleutils quotes those to keep the cast).
  if ((c.type.oid === 23 || c.type.oid === 1700) && /^\d+(\.\d+)?$/.test(v.trim())) return v.trim();
  return `${quote(v)}::${t}`;
}

function list(args: BoundExpr[], opts: DeparseOptions): string {
  return args.map((a) => deparseExpr(a, opts)).join(', ');
}

export function deparseExpr(e: BoundExpr, opts: DeparseOptions = {}): string {
  const d = (x: BoundExpr) => deparseExpr(x, opts);
  switch (e.kind) {
    case 'const': return constText(e, opts);
    case 'column': return opts.qualify && e.table ? `${e.table}.${e.name}` : e.name;
    case 'outer': return e.table ? `${e.table}.${e.name}` : e.name;
    case 'param': return `$${e.index + 1}`;
    case 'call':
      if (e.form === 'op') return e.args.length === 1 ? `(${e.name} ${d(e.args[0])})` : `(${d(e.args[0])} ${e.name} ${d(e.args[1])})`;
      return `${e.name}(${list(e.args, opts)})`;
    case 'cast': {
      if (!e.explicit) return d(e.arg);
      const t = typeLabel(e.type.oid, e.type.typmod, opts);
      if (e.arg.kind === 'const') return `${constText({ ...e.arg, type: e.type }, opts)}`.replace(/::[^:]+$/, `::${t}`);
      return `(${d(e.arg)})::${t}`;
    }
    case 'bool':
      if (e.op === 'not') return `(NOT ${d(e.args[0])})`;
      return `(${e.args.map(d).join(e.op === 'and' ? ' AND ' : ' OR ')})`;
    case 'nullTest': return `(${d(e.arg)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'booleanTest': {
      const words = { true: 'IS TRUE', notTrue: 'IS NOT TRUE', false: 'IS FALSE', notFalse: 'IS NOT FALSE', unknown: 'IS UNKNOWN', notUnknown: 'IS NOT UNKNOWN' };
      return `(${d(e.arg)} ${words[e.test]})`;
    }
    case 'case':
      return `CASE ${e.whens.map((w) => `WHEN ${d(w.when)} THEN ${d(w.then)}`).join(' ')} ELSE ${d(e.else)} END`;
    case 'coalesce': return `COALESCE(${list(e.args, opts)})`;
    case 'minMax': return `${e.op.toUpperCase()}(${list(e.args, opts)})`;
    case 'nullIf': return `NULLIF(${d(e.left)}, ${d(e.right)})`;
    case 'distinct': return `(${d(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${d(e.right)})`;
    case 'inList': {
      const allConst = e.list.every((x) => x.kind === 'const' && x.value !== null);
      const arrType = `${typeLabel(e.arg.type.oid, -1, opts)}[]`;
      const arr = allConst
        ? `'{${e.list.map((x) => String((x as BoundConst).value)).join(',')}}'::${arrType}`
        : `ARRAY[${list(e.list, opts)}]`;
      return `(${d(e.arg)} ${e.negated ? '<>' : '='} ${e.negated ? 'ALL' : 'ANY'} (${arr}))`;
    }
    case 'quantified': return `(${d(e.left)} ${e.op} ${e.mode.toUpperCase()} (${d(e.right)}))`;
    case 'aggRef': return `agg${e.index}`;
    case 'windowRef': return `win${e.index}`;
    case 'srfRef': return `srf${e.index}`;
    case 'subquery': {
      const sub = `(SubPlan ${e.plan + 1})`;
      if (e.mode === 'exists') return `(EXISTS ${sub})`;
      if (e.mode === 'scalar') return sub;
      if (e.mode === 'array') return sub;
      return `(${d(e.left!)} = ${e.mode.toUpperCase()} ${sub})`;
    }
    case 'array': return `ARRAY[${list(e.elements, opts)}]`;
  }
}

export function deparseAggregate(a: AggregateCall, opts: DeparseOptions = {}): string {
  const order = a.orderBy?.map((k) => `${deparseExpr(k.expr, opts)}${k.desc ? ' DESC' : ''}`).join(', ');
  const args = a.args.length === 0 ? '*' : `${a.distinct ? 'DISTINCT ' : ''}${list(a.args, opts)}${order ? ` ORDER BY ${order}` : ''}`;
  return `${a.name}(${args})${a.filter ? ` FILTER (WHERE ${deparseExpr(a.filter, opts)})` : ''}`;
}
