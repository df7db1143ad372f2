// Boolean functions (the logical AND/OR/NOT are expression nodes with three-valued logic, see
// compile-expr.ts; these are the catalog's bool functions).
import type { FunctionTable } from './function-table';

export const BOOL_FUNCTIONS: FunctionTable = {
  booland_statefunc: (a: boolean, b: boolean) => a && b,
  boolor_statefunc: (a: boolean, b: boolean) => a || b,
};
