// Function Scan: set-returning functions in FROM. Each function's arguments are evaluated once
// per run (no input row; LATERAL references read the enclosing Lateral Join's current row as an
// outer row). `ROWS FROM (f(), g())` zips the functions' rows, padding the shorter ones with
// NULLs; WITH ORDINALITY appends a bigint row number. A plain (non-SRF) function yields one row.
import type { BoundExpr, TypeRef } from '../types/bound-expr';

export interface SrfCall {
  /** pg_proc impl ('generate_series_int4', 'array_unnest', 'jsonb_each'). */
  impl: string;
  name: string;
  args: BoundExpr[];
  /** The function's output columns (OUT parameters, or its one result column). */
  columns: TypeRef[];
  /** STRICT: a NULL argument gives no rows. */
  strict: boolean;
  /** Not set-returning: one row holding the function's value. */
  scalar?: boolean;
}

export interface PhysicalFunctionScan {
  kind: 'functionScan';
  /** First function's name and the FROM alias, for EXPLAIN (`Function Scan on generate_series g`). */
  name: string;
  alias: string;
  functions: SrfCall[];
  ordinality: boolean;
}

export function functionScanTypes(n: PhysicalFunctionScan): TypeRef[] {
  return [...n.functions.flatMap((f) => f.columns), ...(n.ordinality ? [{ oid: 20, typmod: -1 }] : [])];
}
