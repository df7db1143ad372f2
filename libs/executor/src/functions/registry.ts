// impl key -> scalar implementation, over the per-family tables. Comparison operators are
// derived from their names (compare.ts). Unknown keys are 0A000 at compile time, so a plan that
// needs a function we lack fails before it touches any row.
import { notSupported } from '@vecgres/errors';
import { ARRAY_SUBSCRIPT_FUNCTIONS } from './array-subscript';
import { BOOL_FUNCTIONS } from './bool';
import { CAST_FUNCTIONS } from './cast';
import { comparisonFunction } from './compare';
import { EXTRA_FUNCTION_TABLES, SQL_VALUE_FUNCTIONS } from './extra-tables';
import { FLOAT_FUNCTIONS } from './float';
import type { ScalarFn } from './function-table';
import { INT_FUNCTIONS } from './int';
import { NUMERIC_FUNCTIONS } from './numeric';
import { SIZE_FUNCTIONS } from './size-pretty';
import { TEXT_FUNCTIONS } from './text';
import { VECTOR_FUNCTIONS } from './vector';

const TABLES = [ARRAY_SUBSCRIPT_FUNCTIONS, INT_FUNCTIONS, FLOAT_FUNCTIONS, NUMERIC_FUNCTIONS, TEXT_FUNCTIONS, BOOL_FUNCTIONS, CAST_FUNCTIONS, SIZE_FUNCTIONS, ...EXTRA_FUNCTION_TABLES, SQL_VALUE_FUNCTIONS, VECTOR_FUNCTIONS];

export function lookupScalar(impl: string): ScalarFn | undefined {
  for (const t of TABLES) if (Object.hasOwn(t, impl)) return t[impl];
  return comparisonFunction(impl);
}

export function requireScalar(impl: string, what: string): ScalarFn {
  const fn = lookupScalar(impl);
  if (!fn) throw notSupported(`${what} is not implemented yet (${impl})`);
  return fn;
}
