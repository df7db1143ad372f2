// Comparison operators by family. Every `=`/`<>`/`<`/`<=`/`>`/`>=` impl of the catalog
// (int4eq, int48lt, text_lt, numeric_ge, float84ne, bpchareq, booleq, ...) is derived from
// one three-way comparator per family, and ORDER BY uses the same comparator (it is keyed by
// the type's `<` impl). NULLs never reach these: the operators are strict.
import { numericCmp } from './numeric';
import { bpcharCmp, textCmp } from './text';
import type { ScalarFn } from './function-table';

export type Comparator = (a: any, b: any) => number;

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
  eq: (c) => c === 0, ne: (c) => c !== 0, lt: (c) => c < 0, le: (c) => c <= 0, gt: (c) => c > 0, ge: (c) => c >= 0,
};

/** Splits `int4lt` / `text_lt` / `numeric_ge` into family and operation. */
function split(impl: string): [string, string] | undefined {
  const m = /^(.*?)_?(eq|ne|lt|le|gt|ge)$/.exec(impl);
  return m ? [m[1], m[2]] : undefined;
}

/** The three-way comparator behind a comparison impl (ORDER BY passes the type's `<` impl). */
export function comparatorFor(impl: string): Comparator {
  const parts = split(impl);
  if (!parts) return genericCmp;
  for (const [re, cmp] of FAMILIES) if (re.test(parts[0])) return cmp;
  return genericCmp;
}

/** A comparison operator implementation derived from its impl name, or undefined. */
export function comparisonFunction(impl: string): ScalarFn | undefined {
  const parts = split(impl);
  if (!parts) return undefined;
  const cmp = comparatorFor(impl);
  const test = OPS[parts[1]];
  return (a: unknown, b: unknown) => test(cmp(a, b));
}
