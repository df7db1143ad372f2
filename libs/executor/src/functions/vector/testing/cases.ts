// Table-driven cases over VECTOR_FUNCTIONS: [label, impl, args, expected], where expected is
// psql's text of the result (see values.ts show()) or `ERROR: <sqlstate> <message>`.
import { errorOf } from '../../../testing/function-call';
import type { FunctionTable } from '../../function-table';
import { show } from './values';

export type Case = [label: string, impl: string, args: unknown[], expected: string | null];

/** The text a case yields: the shown result, or `ERROR: sqlstate message`. */
export function outcome(table: FunctionTable, impl: string, args: unknown[], elem: 'float4' | 'float8' = 'float8'): string | null {
  const fn = table[impl];
  if (!fn) throw new Error(`no function ${impl}`);
  let result: unknown;
  try {
    result = fn(...args);
  } catch {
    return `ERROR: ${errorOf(() => fn(...args))}`;
  }
  return show(result, elem);
}
