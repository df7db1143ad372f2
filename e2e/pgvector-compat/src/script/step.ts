// One statement of the compatibility script and how its results are compared between vecgres
// and the pgvector oracle.
//
// - `exact`: the psql output block (column names, rows, row count or command tag) and the
//   SQLSTATE (+ message on error) must be identical.
// - `unordered`: as `exact`, with the rows sorted first (queries without ORDER BY return rows in
//   storage order, which differs legitimately between a heap and our segments).
// - `status`: only the SQLSTATE must match (output differs legitimately: EXPLAIN text, sizes,
//   progress rows of a build that is not running).
// - `known`: a documented known difference (see README): run on both, not compared; the spec
//   reports whether it still differs.
export type CompareMode = 'exact' | 'unordered' | 'status' | 'known';

export interface Step {
  /** README section the statement comes from (or `seed` / `setup` for harness statements). */
  section: string;
  sql: string;
  mode?: CompareMode;
  /** Why the mode is not `exact` (listed in the project README). */
  why?: string;
}

export const step = (section: string, sql: string, mode: CompareMode = 'exact', why?: string): Step =>
  why === undefined ? { section, sql, mode } : { section, sql, mode, why };
