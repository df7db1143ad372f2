// float4 / float8 arithmetic. PostgreSQL raises 22003 on overflow to infinity from finite
// inputs (`value out of range: overflow`) and 22012 on division by zero; float4 results are
// rounded to single precision.
import { SQLSTATE, SqlError, divisionByZero, numericOutOfRange } from '@vecgres/errors';
import type { FunctionTable } from './function-table';

function check(r: number, a: number, b: number, zeroOk = true): number {
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(a) && Number.isFinite(b)) {
    throw numericOutOfRange('value out of range: overflow');
  }
  if (r === 0 && !zeroOk && a !== 0) throw numericOutOfRange('value out of range: underflow');
  return r;
}

/** float8 ^ float8 with PostgreSQL's special cases (dpow in float.c; JS ** differs at 1 ^ NaN, 1 ^ inf). */
function dpow(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) || b !== 0 ? a : 1;
  if (Number.isNaN(b)) return a !== 1 ? b : 1;
  if (a === 0 && b < 0) throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_POWER_FUNCTION, 'zero raised to a negative power is undefined');
  if (a < 0 && Math.floor(b) !== b) {
    throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_POWER_FUNCTION, 'a negative number raised to a non-integer power yields a complex result');
  }
  if (!Number.isFinite(b)) {
    const abs = Math.abs(a);
    if (abs === 1) return 1;
    return (b > 0) === (abs > 1) ? Infinity : 0;
  }
  if (!Number.isFinite(a)) {
    if (b === 0) return 1;
    if (a > 0) return b > 0 ? Infinity : 0;
    const odd = Number.isInteger(b) && Math.abs(b % 2) === 1;
    return b > 0 ? (odd ? -Infinity : Infinity) : odd ? -0 : 0;
  }
  return check(a ** b, a, b, false);
}

function ops(prefix: string, single: boolean): FunctionTable {
  const f = single ? Math.fround : (x: number) => x;
  return {
    [`${prefix}pl`]: (a: number, b: number) => f(check(a + b, a, b)),
    [`${prefix}mi`]: (a: number, b: number) => f(check(a - b, a, b)),
    [`${prefix}mul`]: (a: number, b: number) => f(check(a * b, a, b)),
    [`${prefix}div`]: (a: number, b: number) => {
      if (b === 0) throw divisionByZero('division by zero');
      return f(check(a / b, a, b));
    },
  };
}

export const FLOAT_FUNCTIONS: FunctionTable = {
  ...ops('float4', true),
  ...ops('float8', false),
  ...ops('float48', false),
  ...ops('float84', false),
  float4um: (a: number) => -a,
  float8um: (a: number) => -a,
  float4up: (a: number) => a,
  float8up: (a: number) => a,
  float4abs: (a: number) => Math.abs(a),
  float8abs: (a: number) => Math.abs(a),
  float4larger: (a: number, b: number) => (a >= b || Number.isNaN(a) ? a : b),
  float8larger: (a: number, b: number) => (a >= b || Number.isNaN(a) ? a : b),
  float4smaller: (a: number, b: number) => (a <= b || Number.isNaN(b) ? a : b),
  float8smaller: (a: number, b: number) => (a <= b || Number.isNaN(b) ? a : b),
  dsqrt: (a: number) => {
    if (a < 0) throw new SqlError(SQLSTATE.INVALID_ARGUMENT_FOR_POWER_FUNCTION, 'cannot take square root of a negative number');
    return Math.sqrt(a);
  },
  dpow,
  dcbrt: (a: number) => Math.cbrt(a),
  dround: (a: number) => roundHalfEven(a),
  dfloor: (a: number) => Math.floor(a),
  dceil: (a: number) => Math.ceil(a),
  dtrunc: (a: number) => Math.trunc(a),
  random: () => Math.random(),
};

/** rint(): round half to even, as PostgreSQL's float round() and float -> int casts do. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
