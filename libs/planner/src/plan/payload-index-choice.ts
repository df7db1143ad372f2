// Which indexes of a table are payload indexes (issue #7): secondary indexes the executor
// builds per sealed segment (executor payload-index/) to turn a Vector Top-K's WHERE clause into
// a candidate bitmap instead of decoding every row. A payload index is a non-ANN index
//   - btree (unique ones too) or hash, whose FIRST key is a plain column of a scalar type:
//       text / varchar / bool / uuid             -> keyword (term per canonical value)
//       int2 / int4 / int8                       -> keyword + range (float64 key)
//       float4 / float8 / numeric / date / timestamp(tz) -> range
//   - gin over a jsonb column with jsonb_path_ops or jsonb_ops -> jsonb terms.
// Expression keys and partial indexes are not payload indexes (their rows / values are not the
// column's): such filters stay residual, evaluated on rows.
import type { Catalog } from '../catalog-api';
import type { ScanColumn } from './physical-scan';

export type PayloadIndexKind = 'keyword' | 'range' | 'jsonb_path_ops' | 'jsonb_ops';

/** One payload index of a Vector Top-K's table (plain data: the plan is JSON). */
export interface PayloadIndexRef {
  /** pg_class OID of the index (its segment files are `pidx.<oid>`). */
  oid: number;
  name: string;
  /** attnum of the key column. */
  attnum: number;
  /** Type OID of the key column. */
  type: number;
  /** What is built per segment (both for integer columns). */
  kinds: PayloadIndexKind[];
}

const KEYWORD_TYPES = new Set([25, 1043, 16, 2950]);
const INT_TYPES = new Set([21, 23, 20]);
const RANGE_TYPES = new Set([700, 701, 1700, 1082, 1114, 1184]);
const JSONB = 3802;

/** The kinds built for a column of type `type` (empty: not a payload type). */
export function payloadKindsOf(am: string, type: number, opclass: string | undefined): PayloadIndexKind[] {
  if (am === 'gin') {
    if (type !== JSONB) return [];
    return opclass === 'jsonb_path_ops' ? ['jsonb_path_ops'] : opclass === 'jsonb_ops' ? ['jsonb_ops'] : [];
  }
  if (am !== 'btree' && am !== 'hash') return [];
  if (KEYWORD_TYPES.has(type)) return ['keyword'];
  if (INT_TYPES.has(type)) return am === 'hash' ? ['keyword'] : ['keyword', 'range'];
  if (RANGE_TYPES.has(type)) return ['range'];
  return [];
}

/** Index `oid` as a payload index, or undefined (not one). */
export function payloadIndexRef(cat: Catalog, oid: number): PayloadIndexRef | undefined {
  const ix = cat.relation(oid);
  if (!ix || ix.kind !== 'i' || ix.predicate || ix.keys.length === 0) return undefined;
  const key = ix.keys[0];
  if (key.expr || key.attnum <= 0) return undefined;
  const am = cat.accessMethod(ix.am)?.name;
  const col = cat.table(ix.table)?.columns.find((c) => c.attnum === key.attnum);
  if (!am || !col) return undefined;
  const kinds = payloadKindsOf(am, col.type, cat.opclass(key.opclass)?.name);
  if (kinds.length === 0) return undefined;
  return { oid: ix.oid, name: ix.name, attnum: key.attnum, type: col.type, kinds };
}

/** The payload indexes of `table` over its live `columns` (oldest first). */
export function payloadIndexesOf(cat: Catalog, table: number, columns: readonly ScanColumn[]): PayloadIndexRef[] {
  const live = new Set(columns.map((c) => c.attnum));
  const out: PayloadIndexRef[] = [];
  for (const ix of cat.indexesOf(table)) {
    const ref = payloadIndexRef(cat, ix.oid);
    if (ref && live.has(ref.attnum)) out.push(ref);
  }
  return out.sort((a, b) => a.oid - b.oid);
}
