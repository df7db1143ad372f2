// impl key -> scalar implementation, over the per-family tables. Comparison operators are
// derived from their names (compare.ts). Unknown keys are 0A000 at compile time, so a plan that
// needs a function we lack fails before it touches any row.
import { notSupported } from '@vecgres/errors';
import { BOOL_FUNCTIONS } from './bool';
import { CAST_FUNCTIONS } from './cast';
import { comparisonFunction } from './compare';
import { FLOAT_FUNCTIONS } from './float';
import type { ScalarFn } from './function-table';
import { INT_FUNCTIONS } from './int';
import { NUMERIC_FUNCTIONS } from './numeric';
import { TEXT_FUNCTIONS } from './text';

const TABLES = [INT_FUNCTIONS, FLOAT_FUNCTIONS, NUMERIC_FUNCTIONS, TEXT_FUNCTIONS, BOOL_FUNCTIONS, CAST_FUNCTIONS];

export function lookupScalar(impl: string): ScalarFn | undefined {
  for (const t of TABLES) if (Object.hasOwn(t, impl)) return t[impl];
  return comparisonFunction(impl);
}

export function requireScalar(impl: string, what: string): ScalarFn {
  const fn = lookupScalar(impl);
  if (!fn) throw notSupported(`${what} is not implemented yet (${impl})`);
  return fn;
}
