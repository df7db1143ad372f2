// uuid functions: gen_random_uuid() (version 4, from node:crypto's CSPRNG, as PostgreSQL's
// pg_strong_random) and uuid_cmp. uuid values are canonical lower-case text (pg-types), so the
// comparison operators derived in compare.ts (text order) already match PostgreSQL's memcmp
// order of the 16 bytes; uuid_cmp is the same order for sort support.
import { randomUUID } from 'node:crypto';
import type { FunctionTable } from './function-table';

/** uuid_cmp: byte order, which is the order of the canonical lower-case hex text. */
export function uuidCmp(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export const UUID_FUNCTIONS: FunctionTable = {
  gen_random_uuid: () => randomUUID(),
  uuid_cmp: uuidCmp,
};
