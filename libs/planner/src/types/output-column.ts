// What a statement returns, described the way RowDescription needs it. The executor hands
// values out as JS values; the caller encodes them with pg-types using `type`.
import type { TypeRef } from './bound-expr';

export interface OutputColumn {
  name: string;
  type: TypeRef;
  /** pg_type.typlen (RowDescription's type size): -1 varlena, -2 cstring. */
  typlen: number;
  /** The table's OID and the column's attnum when the column is a plain table column, else 0. */
  tableOid: number;
  attnum: number;
}
