// Record mode: runs .test files against the PostgreSQL oracle and writes what it returned into
// them: query results and type letters, and the SQLSTATE of `statement error` drafts. Statements
// that fail unexpectedly (or succeed where an error is expected) are reported, not rewritten:
// those need a human. Review the diff before committing — the oracle is PostgreSQL, but the SQL
// may not test what you meant.
//
//   cd e2e/sqllogic && npm run record -- test/joins.test [...]     (or --all)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSqlLogic, recordsFor } from '../format/parse';
import { isHashLine, resultLines, typeLettersOf } from '../format/results';
import { applyUpdates, queryHeader, RecordUpdate, statementErrorHeader } from '../format/rewrite';
import type { QueryRecord, StatementRecord } from '../format/types';
import { checkRecord } from '../runner/check';
import { execute, formatServerError, Outcome } from '../runner/execute';
import { displayPath, listTestFiles } from '../runner/suite';
import { startPostgresTarget, Target } from '../runner/target';

async function main(argv: string[]): Promise<number> {
  const files = argv.includes('--all') ? listTestFiles() : argv.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
  if (files.length === 0) {
    console.error('usage: npm run record -- <file.test> [...] | --all');
    return 2;
  }
  const target = await startPostgresTarget();
  let problems = 0;
  try {
    for (const file of files) problems += await recordFile(target, file);
  } finally {
    await target.stop();
  }
  return problems === 0 ? 0 : 1;
}

async function recordFile(target: Target, file: string): Promise<number> {
  const shown = displayPath(file);
  const text = readFileSync(file, 'utf8');
  const parsed = parseSqlLogic(text, shown, { drafts: true });
  const session = await target.openFile(shown);
  const updates: RecordUpdate[] = [];
  const problems: string[] = [];
  try {
    for (const record of recordsFor(parsed, 'postgres')) {
      const outcome = await execute(session.client, record.sql);
      const update = record.kind === 'query' ? recordQuery(record, outcome) : recordStatement(record, outcome);
      if (update) updates.push(update);
      const patched = update ? patchedRecord(record, update) : record;
      try {
        checkRecord(patched, outcome, { file: shown, target: 'postgres', labels: new Map() });
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
  } finally {
    await session.close();
  }
  if (updates.length > 0) writeFileSync(file, applyUpdates(text, updates));
  console.log(`${shown}: ${updates.length} record(s) updated, ${problems.length} problem(s)`);
  for (const p of problems) console.log(`\n${p}`);
  return problems.length;
}

function recordQuery(record: QueryRecord, outcome: Outcome): RecordUpdate | undefined {
  if (outcome.kind === 'error') return undefined;
  const types = typeLettersOf(outcome.typeOids);
  const results = resultLines(outcome.rows, record.sort, types.length, isHashLine(record.expected));
  const header = types === record.types ? undefined : queryHeader(record, types);
  const same = record.expected !== undefined && record.expected.join('\n') === results.join('\n');
  if (same && header === undefined) return undefined;
  return { record, header, results };
}

function recordStatement(record: StatementRecord, outcome: Outcome): RecordUpdate | undefined {
  if (!record.error || record.error.sqlstate !== undefined || outcome.kind !== 'error') return undefined;
  if (!outcome.error.sqlstate) {
    console.log(`${record.line}: no SQLSTATE in ${formatServerError(outcome.error)}`);
    return undefined;
  }
  return { record, header: statementErrorHeader(outcome.error.sqlstate) };
}

/** The record as it reads after the update, to check the rest of its expectation. */
function patchedRecord(record: QueryRecord | StatementRecord, u: RecordUpdate): QueryRecord | StatementRecord {
  if (record.kind === 'query') {
    return { ...record, types: u.header ? u.header.split(' ')[1]! : record.types, expected: u.results ?? record.expected };
  }
  return { ...record, error: { ...record.error!, sqlstate: u.header!.split(' ')[2] } };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
