// The in-memory form of a sqllogictest file (DuckDB/sqllogictest dialect, see README.md).
// Line numbers are 1-based and point into the original text, so failures can say file:line and
// the record mode can splice new results into the file without touching anything else.

/** Where a file or record runs: the real PostgreSQL oracle, or our server. */
export const TARGETS = ['postgres', 'vecgres'] as const;
export type TargetName = (typeof TARGETS)[number];

/**
 * Optional capabilities a file can `require`. Each is probed on the target with a query that must
 * return at least one row; a target lacking it fails the file's records (never skips them).
 */
export const FEATURE_PROBES = {
  vector: "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'",
} as const;
export type Feature = keyof typeof FEATURE_PROBES;

export const SORT_MODES = ['nosort', 'rowsort', 'valuesort'] as const;
export type SortMode = (typeof SORT_MODES)[number];

/**
 * Column type letters of `query <letters>`, derived from the result's type OIDs:
 * I = int2/int4/int8/oid, R = float4/float8/numeric, B = bool, T = anything else.
 */
export type TypeLetter = 'I' | 'R' | 'B' | 'T';

/** `onlyif <target>` / `skipif <target>` lines written just before a record. */
export interface Condition {
  kind: 'onlyif' | 'skipif';
  target: TargetName;
  line: number;
}

interface RecordBase {
  conditions: Condition[];
  /** The directive line (`statement ...`, `query ...`, `halt`). */
  line: number;
  /** The last line that belongs to the record (the last SQL or result line). */
  endLine: number;
}

export interface ErrorExpectation {
  /** Five-character SQLSTATE; absent only in drafts, which the record mode fills in. */
  sqlstate?: string;
  /** Substrings the error message must contain (lines after `----` without a prefix). */
  messages: string[];
  /** Substring of the DETAIL field (`DETAIL: ...` line). */
  detail?: string;
  /** Substring of the HINT field (`HINT: ...` line). */
  hint?: string;
}

export interface StatementRecord extends RecordBase {
  kind: 'statement';
  sql: string;
  /** `statement ok` -> undefined; `statement error` -> what the error must look like. */
  error?: ErrorExpectation;
}

export interface QueryRecord extends RecordBase {
  kind: 'query';
  sql: string;
  types: string;
  sort: SortMode;
  label?: string;
  /**
   * Result lines as written (tab-separated values per row), or undefined when the record has no
   * `----` section (allowed for a repeated label, and in drafts for the record mode).
   */
  expected?: string[];
}

export interface HaltRecord extends RecordBase {
  kind: 'halt';
}

export type SqlLogicRecord = StatementRecord | QueryRecord | HaltRecord;

export interface SqlLogicFile {
  /** As given to the parser (used in messages). */
  path: string;
  /** From the `# targets: ...` header; always includes postgres. */
  targets: TargetName[];
  requires: Feature[];
  records: SqlLogicRecord[];
}

/** A malformed file: message already carries `path:line`. */
export class SqlLogicParseError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${path}:${line}: ${detail}`);
    this.name = 'SqlLogicParseError';
  }
}
