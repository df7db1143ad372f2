// Judges one record's outcome against its expectation and, when they differ, throws an error
// that names file:line and target and shows the SQL, the expectation and what came back.
import { compareResults, typeLettersOf } from '../format/results';
import type { QueryRecord, StatementRecord, TargetName } from '../format/types';
import { formatServerError, Outcome } from './execute';

export interface CheckContext {
  /** The file path shown in messages. */
  file: string;
  target: TargetName;
  /** label -> normalized result of the first query with that label in this file. */
  labels: Map<string, string[]>;
}

export class RecordMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordMismatch';
    // The harness frames are noise next to file:line; keep jest's report to the message.
    this.stack = `${this.name}: ${message}`;
  }
}

export function checkRecord(record: StatementRecord | QueryRecord, outcome: Outcome, ctx: CheckContext): void {
  if (record.kind === 'statement') checkStatement(record, outcome, ctx);
  else checkQuery(record, outcome, ctx);
}

function checkStatement(record: StatementRecord, outcome: Outcome, ctx: CheckContext): void {
  const expect = record.error;
  if (!expect) {
    if (outcome.kind === 'error') fail(ctx, record, 'statement failed', ['expected: ok', `got: ${formatServerError(outcome.error)}`]);
    return;
  }
  const wanted = describeExpectedError(record);
  if (outcome.kind === 'ok') fail(ctx, record, 'statement succeeded but an error was expected', [`expected: ${wanted}`, `got: ok (${outcome.command})`]);
  const got = outcome.error;
  const problems: string[] = [];
  if (expect.sqlstate !== undefined && got.sqlstate !== expect.sqlstate) problems.push(`SQLSTATE ${got.sqlstate ?? '(none)'} instead of ${expect.sqlstate}`);
  for (const m of expect.messages) if (!got.message.includes(m)) problems.push(`message lacks "${m}"`);
  if (expect.detail !== undefined && !(got.detail ?? '').includes(expect.detail)) problems.push(`DETAIL lacks "${expect.detail}"`);
  if (expect.hint !== undefined && !(got.hint ?? '').includes(expect.hint)) problems.push(`HINT lacks "${expect.hint}"`);
  if (problems.length > 0) fail(ctx, record, `wrong error: ${problems.join('; ')}`, [`expected: ${wanted}`, `got: ${formatServerError(got)}`]);
}

function checkQuery(record: QueryRecord, outcome: Outcome, ctx: CheckContext): void {
  if (outcome.kind === 'error') fail(ctx, record, 'query failed', [`got: ${formatServerError(outcome.error)}`]);
  const actualTypes = typeLettersOf(outcome.typeOids);
  const labelled = record.label !== undefined ? ctx.labels.get(record.label) : undefined;
  const expected = record.expected ?? labelled;
  if (expected === undefined) fail(ctx, record, 'query has no expected results', []);
  const cmp = compareResults(expected, outcome.rows, record.sort, record.types, actualTypes);
  if (!cmp.ok) {
    fail(ctx, record, cmp.reason ?? 'results differ', [
      `expected (${cmp.expected.length}):`,
      ...indent(cmp.expected),
      `got (${cmp.actual.length}):`,
      ...indent(cmp.actual),
    ]);
  }
  if (record.label === undefined) return;
  if (labelled === undefined) {
    ctx.labels.set(record.label, expected);
  } else if (record.expected !== undefined) {
    // Same label means "same result" (sqllogictest); check the written one against the first.
    const again = compareResults(labelled, outcome.rows, record.sort, record.types, actualTypes);
    if (!again.ok) fail(ctx, record, `result differs from the first query labelled ${record.label}`, indent(again.expected));
  }
}

function describeExpectedError(record: StatementRecord): string {
  const e = record.error!;
  const parts = [e.sqlstate ?? '(any SQLSTATE)', ...e.messages.map((m) => `message ~ "${m}"`)];
  if (e.detail !== undefined) parts.push(`DETAIL ~ "${e.detail}"`);
  if (e.hint !== undefined) parts.push(`HINT ~ "${e.hint}"`);
  return parts.join(', ');
}

function indent(lines: readonly string[]): string[] {
  return lines.length === 0 ? ['    (no rows)'] : lines.map((l) => `    ${l}`);
}

function fail(ctx: CheckContext, record: StatementRecord | QueryRecord, reason: string, body: string[]): never {
  const directive = record.kind === 'query' ? `query ${record.types} ${record.sort}` : record.error ? 'statement error' : 'statement ok';
  throw new RecordMismatch(
    [
      `${ctx.file}:${record.line} [${ctx.target}] ${reason}`,
      `  ${directive}`,
      ...record.sql.split('\n').map((l) => `  ${l}`),
      ...body.map((l) => `  ${l}`),
    ].join('\n'),
  );
}

/** A short jest test name: line number and the first line of the SQL. */
export function recordTitle(record: StatementRecord | QueryRecord): string {
  const first = record.sql.split('\n')[0]!.trim();
  const sql = first.length > 70 ? `${first.slice(0, 67)}...` : first;
  const kind = record.kind === 'query' ? 'query' : record.error ? `error ${record.error.sqlstate ?? ''}`.trim() : 'ok';
  return `L${record.line} ${kind}: ${sql}`;
}
