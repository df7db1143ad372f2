// numeric(p, s) enforcement (apply_typmod): round to scale s, then require fewer than p - s
// integer digits, else 22003 `numeric field overflow` with PostgreSQL's detail. Infinity does
// not fit any numeric(p, s); NaN does. PostgreSQL 15+ allows negative s and s > p.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { fromDecimal, pow10, toDecimal } from './decimal';
import { roundDecimal } from './round';

function overflow(detail: string): SqlError {
  return new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, 'numeric field overflow', { detail });
}

/** Coerces a numeric value to numeric(precision, scale). */
export function applyNumericTypmod(value: string, precision: number, scale = 0): string {
  const d = toDecimal(value);
  if (d.kind === 'nan') return 'NaN';
  if (d.kind === 'inf') {
    throw overflow(`A field with precision ${precision}, scale ${scale} cannot hold an infinite value.`);
  }
  const r = roundDecimal(d, scale);
  if (r.kind !== 'finite') return fromDecimal(r);
  const maxDigits = precision - scale;
  // |r| must be < 10^maxDigits, i.e. coef < 10^(maxDigits + r.scale).
  const limitExp = maxDigits + r.scale;
  const tooBig = limitExp < 0 ? r.coef !== 0n : r.coef >= pow10(limitExp);
  if (tooBig) {
    const bound = maxDigits ? `10^${maxDigits}` : '1';
    throw overflow(`A field with precision ${precision}, scale ${scale} must round to an absolute value less than ${bound}.`);
  }
  return fromDecimal(r);
}
