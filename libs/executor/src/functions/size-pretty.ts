// pg_size_pretty(bigint | numeric): PostgreSQL 15's dbsize.c formatting, unit by unit. Each
// unit is used below its limit; units after "bytes" round half away from zero, and the shift
// to the next unit is one bit short when that unit rounds (so rounding happens once, last).
// @see https://github.com/postgres/postgres/blob/REL_15_STABLE/src/backend/utils/adt/dbsize.c
import type { FunctionTable } from './function-table';

interface SizeUnit { name: string; limit: bigint; round: boolean; unitBits: bigint }

const UNITS: readonly SizeUnit[] = [
  { name: 'bytes', limit: 10n * 1024n, round: false, unitBits: 0n },
  { name: 'kB', limit: 20n * 1024n - 1n, round: true, unitBits: 10n },
  { name: 'MB', limit: 20n * 1024n - 1n, round: true, unitBits: 20n },
  { name: 'GB', limit: 20n * 1024n - 1n, round: true, unitBits: 30n },
  { name: 'TB', limit: 20n * 1024n - 1n, round: true, unitBits: 40n },
  { name: 'PB', limit: 20n * 1024n - 1n, round: true, unitBits: 50n },
];

/** C's half_rounded(): (x ± 1) / 2 truncated toward zero, like BigInt division. */
function halfRounded(x: bigint): bigint {
  return (x + (x < 0n ? -1n : 1n)) / 2n;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** `size` in whole bytes; `bytesText` prints the unscaled value (numeric keeps its fraction). */
function sizePretty(size: bigint, bytesText: string): string {
  let s = size;
  for (let i = 0; i < UNITS.length; i++) {
    const unit = UNITS[i];
    const next = UNITS[i + 1];
    if (!next || abs(s) < unit.limit) {
      if (!unit.round) return `${i === 0 ? bytesText : s} ${unit.name}`;
      return `${halfRounded(s)} ${unit.name}`;
    }
    const bits = next.unitBits - unit.unitBits - (next.round ? 1n : 0n) + (unit.round ? 1n : 0n);
    s /= 1n << bits;
  }
  return `${s} PB`;
}

/** numeric as a decimal string: the integer part decides the unit (truncating division). */
function sizePrettyNumeric(value: string): string {
  if (!/^[+-]?\d*(\.\d*)?$/.test(value)) return `${value} bytes`;
  const intPart = value.split('.')[0].replace(/^\+/, '');
  const whole = intPart === '' || intPart === '-' ? 0n : BigInt(intPart);
  // Below the first limit PostgreSQL prints the numeric itself, fraction included.
  if (abs(whole) < UNITS[0].limit) return `${value} bytes`;
  return sizePretty(whole, value);
}

export const SIZE_FUNCTIONS: FunctionTable = {
  pg_size_pretty: (v: bigint | number) => sizePretty(BigInt(v), String(v)),
  pg_size_pretty_numeric: (v: string) => sizePrettyNumeric(v),
};
