// Integer arithmetic (int2 / int4 / int8 and their cross-type variants) with PostgreSQL's
// overflow checks (22003 `integer out of range`, `smallint out of range`, `bigint out of
// range`) and 22012 `division by zero`. Results keep the operator's result type: the
// cross-type impl names say which (int48pl: int4 + int8 -> int8; int42pl -> int4).
import { divisionByZero, numericOutOfRange } from '@vecgres/errors';
import type { FunctionTable } from './function-table';

type Width = 2 | 4 | 8;

const RANGE: Record<Width, [bigint, bigint, string]> = {
  2: [-32768n, 32767n, 'smallint out of range'],
  4: [-2147483648n, 2147483647n, 'integer out of range'],
  8: [-9223372036854775808n, 9223372036854775807n, 'bigint out of range'],
};

/** Checks `v` fits width `w` and returns it in that width's JS representation. */
export function fitInt(v: bigint, w: Width): number | bigint {
  const [lo, hi, msg] = RANGE[w];
  if (v < lo || v > hi) throw numericOutOfRange(msg);
  return w === 8 ? v : Number(v);
}

/** Fast path for int2/int4 (exact in doubles). */
function fitSmall(v: number, w: 2 | 4): number {
  const [lo, hi, msg] = RANGE[w];
  if (v < Number(lo) || v > Number(hi)) throw numericOutOfRange(msg);
  return v;
}

function binary(w: Width, op: (a: bigint, b: bigint) => bigint, small?: (a: number, b: number) => number) {
  if (w !== 8 && small) return (a: number | bigint, b: number | bigint) => fitSmall(small(Number(a), Number(b)), w);
  return (a: number | bigint, b: number | bigint) => fitInt(op(BigInt(a), BigInt(b)), w);
}

function div(w: Width) {
  return (a: number | bigint, b: number | bigint) => {
    const y = BigInt(b);
    if (y === 0n) throw divisionByZero('division by zero');
    return fitInt(BigInt(a) / y, w); // BigInt division truncates toward zero, like C
  };
}

function mod(w: Width) {
  return (a: number | bigint, b: number | bigint) => {
    const y = BigInt(b);
    if (y === 0n) throw divisionByZero('division by zero');
    return fitInt(BigInt(a) % y, w);
  };
}

/** Result width of an impl prefix: int4 -> 4, int48 -> 8, int42 -> 4, int24 -> 4, int82 -> 8. */
const PREFIXES: Array<[string, Width]> = [
  ['int2', 2], ['int4', 4], ['int8', 8], ['int24', 4], ['int42', 4], ['int28', 8], ['int82', 8], ['int48', 8], ['int84', 8],
];

export const INT_FUNCTIONS: FunctionTable = (() => {
  const t: FunctionTable = {};
  for (const [p, w] of PREFIXES) {
    t[`${p}pl`] = binary(w, (a, b) => a + b, (a, b) => a + b);
    t[`${p}mi`] = binary(w, (a, b) => a - b, (a, b) => a - b);
    t[`${p}mul`] = binary(w, (a, b) => a * b, w === 2 ? (a, b) => a * b : undefined);
    t[`${p}div`] = div(w);
  }
  for (const w of [2, 4, 8] as Width[]) {
    const p = `int${w}`;
    t[`${p}mod`] = mod(w);
    t[`${p}um`] = (a: number | bigint) => fitInt(-BigInt(a), w);
    t[`${p}up`] = (a: number | bigint) => a;
    t[`${p}abs`] = (a: number | bigint) => fitInt(BigInt(a) < 0n ? -BigInt(a) : BigInt(a), w);
    t[`${p}and`] = binary(w, (a, b) => a & b);
    t[`${p}or`] = binary(w, (a, b) => a | b);
    t[`${p}xor`] = binary(w, (a, b) => a ^ b);
    t[`${p}not`] = (a: number | bigint) => fitInt(~BigInt(a), w);
    t[`${p}larger`] = (a: number | bigint, b: number | bigint) => (a >= b ? a : b);
    t[`${p}smaller`] = (a: number | bigint, b: number | bigint) => (a <= b ? a : b);
  }
  // int4 abs/mod helpers under their SQL names.
  t.int4inc = (a: number) => fitSmall(a + 1, 4);
  return t;
})();
