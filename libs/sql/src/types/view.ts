// CREATE [OR REPLACE] [TEMP] VIEW (PostgreSQL's ViewStmt).
import type { Query, QualifiedName } from './query';

export interface CreateViewStmt {
  kind: 'createView';
  view: QualifiedName;
  /** `CREATE VIEW v (x, y)`: names for the first query columns (the rest keep theirs). */
  columns: string[];
  query: Query;
  replace: boolean;
  temporary: boolean;
  /** `WITH (security_barrier)` and friends, as written. */
  options: string[];
  location: number;
}
