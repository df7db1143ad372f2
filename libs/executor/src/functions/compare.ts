// Comparison operators by family. Every `=`/`<>`/`<`/`<=`/`>`/`>=` impl of the catalog
// (int4eq, int48lt, text_lt, numeric_ge, float84ne, bpchareq, booleq, ...) is derived from
// one three-way comparator per family, and ORDER BY uses the same comparator (it is keyed by
// the type's `<` impl). NULLs never reach these: the operators are strict.
import { BUILTINS } from '@vecgres/catalog';
import { builtinTypeByOid } from '@vecgres/pg-types';
// Not from extra-tables.ts: that module reads array.ts's tables at load time, and array.ts
// imports this module, so importing it here would form an initialisation cycle.
import { arrayCmp, elementComparator } from './array';
import { intervalCmp } from './datetime';
import { compareJsonb } from './jsonb-ops';
import { uuidCmp } from './uuid';
import { numericCmp } from './numeric';
import { bpcharCmp, textCmp } from './text';
import type { ScalarFn } from './function-table';
import { vectorComparator } from './vector/compare';

export type Comparator = (a: any, b: any) => number;

const BOOL_OID = 16;
const ANYARRAY_OID = 2277;

/** Numbers and bigints compare exactly with JS relational operators (1 < 2n is true). */
const numberCmp: Comparator = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** float order: NaN equals NaN and sorts above everything (PostgreSQL's float8_cmp_internal). */
const floatCmp: Comparator = (a: number, b: number) => {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an && bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
};

const boolCmp: Comparator = (a: boolean, b: boolean) => (a === b ? 0 : a ? 1 : -1);
const bytesCmp: Comparator = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Fallback for types with comparable JS values (dates as numbers/strings, uuids as text). */
const genericCmp: Comparator = (a, b) => {
  if (typeof a === 'string' && typeof b === 'string') return textCmp(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
};

const FAMILIES: Array<[RegExp, Comparator]> = [
  [/^int(2|4|8|24|42|28|82|48|84)$/, numberCmp],
  [/^(oid|char|xid|cid)$/, numberCmp],
  [/^float(4|8|48|84)$/, floatCmp],
  [/^numeric$/, numericCmp],
  [/^(text|name|nameeqtext|texteqname)$/, textCmp],
  [/^bpchar$/, bpcharCmp],
  [/^bool$/, boolCmp],
  [/^bytea$/, bytesCmp],
];

const OPS: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0, '<>': (c) => c !== 0, '<': (c) => c < 0, '<=': (c) => c <= 0, '>': (c) => c > 0, '>=': (c) => c >= 0,
};

/**
 * impl -> operator name and operand types, for every builtin comparison operator. Only these
 * impls are derived: matching names on an eq/lt/... suffix also caught unrelated functions
 * (timestamptz_zone, age, interval_scale, quote_nullable, ...).
 */
const COMPARISON_IMPLS: ReadonlyMap<string, { op: string; left: number; right: number }> = new Map(
  BUILTINS.operators.filter((o) => Object.hasOwn(OPS, o.name) && o.result === BOOL_OID).map((o) => [o.impl, { op: o.name, left: o.left, right: o.right }]),
);

/** Types whose JS values do not order with `<` (the same as extra-tables.ts's EXTRA_COMPARATORS). */
const TYPE_COMPARATORS: Record<string, Comparator> = { interval: intervalCmp, jsonb: compareJsonb, uuid: uuidCmp };

/** The family part of `int4lt` / `text_lt` / `numeric_ge` / `int4larger`-style names. */
function familyComparator(impl: string): Comparator | undefined {
  const m = /^(.*?)_?(eq|ne|lt|le|gt|ge)$/.exec(impl);
  if (!m) return undefined;
  for (const [re, cmp] of FAMILIES) if (re.test(m[1])) return cmp;
  return undefined;
}

/**
 * The order of values of type `oid` that JS `<` gets wrong (interval, jsonb, uuid, arrays);
 * undefined for the rest. An anyarray operand needs the concrete array type (`concrete`).
 */
function typeComparator(oid: number, concrete?: number): Comparator | undefined {
  if (oid === ANYARRAY_OID) return concrete !== undefined && concrete !== ANYARRAY_OID ? typeComparator(concrete) : undefined;
  const info = builtinTypeByOid(oid);
  if (!info) return undefined;
  if (info.elementOid !== undefined) return arrayCmp(elementComparator(info.elementOid));
  return Object.hasOwn(TYPE_COMPARATORS, info.name) ? TYPE_COMPARATORS[info.name] : undefined;
}

/**
 * The three-way comparator behind a comparison impl (ORDER BY passes the type's `<` impl;
 * min/max pass `<family>lt`). `typeOid`, the compared values' type, resolves polymorphic
 * operators (array_lt) and families without a derivable name.
 */
export function comparatorFor(impl: string, typeOid?: number): Comparator {
  const byName = familyComparator(impl) ?? vectorComparator(impl);
  if (byName) return byName;
  const operands = COMPARISON_IMPLS.get(impl);
  if (operands && operands.left === operands.right) {
    const byType = typeComparator(operands.left, typeOid);
    if (byType) return byType;
  }
  if (typeOid !== undefined) return typeComparator(typeOid) ?? genericCmp;
  return genericCmp;
}

/** A comparison operator implementation derived from its impl name, or undefined. */
export function comparisonFunction(impl: string): ScalarFn | undefined {
  const operands = COMPARISON_IMPLS.get(impl);
  if (!operands) return undefined;
  const cmp = comparatorFor(impl);
  const test = OPS[operands.op];
  return (a: unknown, b: unknown) => test(cmp(a, b));
}
