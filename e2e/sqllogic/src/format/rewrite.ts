// Splices record-mode updates into a file's text. Only the updated records' own lines change
// (directive, and the ---- section of queries); comments, blank lines and every other record stay
// byte-for-byte, so a re-record shows up in review as a small diff.
import type { QueryRecord, StatementRecord } from './types';

export interface RecordUpdate {
  record: QueryRecord | StatementRecord;
  /** A new directive line (e.g. `query IT rowsort` with corrected letters). */
  header?: string;
  /** New result lines for a query (written after `----`). */
  results?: string[];
}

export function applyUpdates(text: string, updates: readonly RecordUpdate[]): string {
  const lines = text.split('\n');
  const ordered = [...updates].sort((a, b) => b.record.line - a.record.line);
  for (const u of ordered) {
    const start = u.record.line - 1;
    const header = u.header ?? lines[start]!;
    if (u.results === undefined) {
      lines[start] = header;
      continue;
    }
    if (u.record.kind !== 'query') throw new Error(`line ${u.record.line}: results can only replace a query's`);
    const replacement = [header, ...u.record.sql.split('\n'), '----', ...u.results];
    lines.splice(start, u.record.endLine - start, ...replacement);
  }
  return lines.join('\n');
}

/** The directive of a query with other type letters, keeping sort mode and label as written. */
export function queryHeader(record: QueryRecord, types: string): string {
  const words = ['query', types];
  if (record.sort !== 'nosort') words.push(record.sort);
  if (record.label !== undefined) words.push(record.label);
  return words.join(' ');
}

export function statementErrorHeader(sqlstate: string): string {
  return `statement error ${sqlstate}`;
}
