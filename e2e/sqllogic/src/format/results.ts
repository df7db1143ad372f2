// Result text: how values returned by a server (PostgreSQL text format) are written in a `.test`
// file, sorted and compared. Values are compared as text, never re-parsed, so `1.50` and `1.5`
// differ exactly as they would for a client.
//
// One row per line, values separated by a tab. NULL is `NULL`, the empty string is `(empty)`;
// tab, newline, carriage return and backslash inside a value are escaped as \t \n \r \\ so a
// row always stays on one line. A single line `<n> values hashing to <md5>` stands for a long
// result (md5 of the values, each followed by a newline, after sorting).
import { createHash } from 'node:crypto';
import type { SortMode, TypeLetter } from './types';

/** One value as the server sent it in text format; null for SQL NULL. */
export type RawValue = string | null;

const HASH_RE = /^(\d+) values hashing to ([0-9a-f]{32})$/;

// Type OIDs from PostgreSQL's pg_type.dat.
const INTEGER_OIDS = new Set([20, 21, 23, 26]); // int8, int2, int4, oid
const REAL_OIDS = new Set([700, 701, 1700]); // float4, float8, numeric
const BOOL_OID = 16;

export function typeLetter(oid: number): TypeLetter {
  if (INTEGER_OIDS.has(oid)) return 'I';
  if (REAL_OIDS.has(oid)) return 'R';
  if (oid === BOOL_OID) return 'B';
  return 'T';
}

export function typeLettersOf(oids: readonly number[]): string {
  return oids.map(typeLetter).join('');
}

export function formatValue(v: RawValue): string {
  if (v === null) return 'NULL';
  if (v === '') return '(empty)';
  return v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function formatRows(rows: readonly RawValue[][]): string[] {
  return rows.map((row) => row.map(formatValue).join('\t'));
}

/** Code-unit order: deterministic and independent of locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The comparable form of result lines after the sort mode: whole lines for nosort/rowsort,
 * single values for valuesort.
 */
export function normalize(lines: readonly string[], sort: SortMode): string[] {
  if (sort === 'nosort') return [...lines];
  if (sort === 'rowsort') return [...lines].sort(byText);
  return lines.flatMap((l) => l.split('\t')).sort(byText);
}

export function hashLine(normalized: readonly string[], sort: SortMode): string {
  const values = sort === 'valuesort' ? normalized : normalized.flatMap((l) => l.split('\t'));
  const md5 = createHash('md5');
  for (const v of values) md5.update(`${v}\n`);
  return `${values.length} values hashing to ${md5.digest('hex')}`;
}

export interface ResultComparison {
  ok: boolean;
  /** Why they differ, when they do (one line). */
  reason?: string;
  /** The lines that were compared (normalized; a hash line when the expectation is one). */
  expected: string[];
  actual: string[];
}

/**
 * Compares expected result lines with what the server returned.
 * @param types the record's type letters (one per column)
 * @param actualTypes letters derived from the RowDescription's type OIDs
 */
export function compareResults(
  expected: readonly string[],
  rows: readonly RawValue[][],
  sort: SortMode,
  types: string,
  actualTypes: string,
): ResultComparison {
  const actualLines = normalize(formatRows(rows), sort);
  const hash = expected.length === 1 ? HASH_RE.exec(expected[0]!) : null;
  const expectedLines = hash ? [expected[0]!] : normalize(expected, sort);
  const actual = hash ? [hashLine(actualLines, sort)] : actualLines;
  const result = (reason?: string): ResultComparison => ({ ok: reason === undefined, reason, expected: expectedLines, actual });

  if (actualTypes !== types) {
    return result(`column types differ: query declares ${types}, server returned ${actualTypes || '(no columns)'}`);
  }
  if (!hash && sort !== 'valuesort') {
    const bad = expected.findIndex((l) => l.split('\t').length !== types.length);
    if (bad >= 0) return result(`expected row ${bad + 1} has ${expected[bad]!.split('\t').length} values for ${types.length} columns`);
  }
  if (actual.length !== expectedLines.length) {
    return result(`expected ${expectedLines.length} ${hash ? 'hash line' : 'lines'}, got ${actual.length}`);
  }
  const diff = actual.findIndex((l, i) => l !== expectedLines[i]);
  if (diff >= 0) return result(`first difference at ${sort === 'valuesort' ? 'value' : 'line'} ${diff + 1}`);
  return result();
}

/**
 * The lines the record mode writes for a result: rows in sort order (valuesort: the sorted
 * values regrouped `columns` per line), or a hash line when `asHash`.
 */
export function resultLines(rows: readonly RawValue[][], sort: SortMode, columns: number, asHash: boolean): string[] {
  const normalized = normalize(formatRows(rows), sort);
  if (asHash) return [hashLine(normalized, sort)];
  if (sort !== 'valuesort') return normalized;
  const out: string[] = [];
  for (let i = 0; i < normalized.length; i += Math.max(columns, 1)) {
    out.push(normalized.slice(i, i + Math.max(columns, 1)).join('\t'));
  }
  return out;
}

export function isHashLine(lines: readonly string[] | undefined): boolean {
  return lines !== undefined && lines.length === 1 && HASH_RE.test(lines[0]!);
}
