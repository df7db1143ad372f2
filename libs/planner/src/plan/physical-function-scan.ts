// Function Scan: a set-returning function in FROM (generate_series). Arguments are evaluated
// once (no input row); each produced value is a one-column row.
import type { BoundExpr, TypeRef } from '../types/bound-expr';

export interface PhysicalFunctionScan {
  kind: 'functionScan';
  /** The SRF implementation key (pg_proc impl, e.g. 'generate_series_int4'). */
  impl: string;
  name: string;
  alias: string;
  args: BoundExpr[];
  type: TypeRef;
}
