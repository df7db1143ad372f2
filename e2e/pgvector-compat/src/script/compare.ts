// Compares one statement's results from vecgres with the pgvector oracle's, after the
// normalisation its compare mode allows (see step.ts and the README's normalisation list).
import type { StepResult } from './psql-script';
import type { Step } from './step';

export interface Mismatch {
  index: number;
  section: string;
  sql: string;
  expected: string;
  actual: string;
}

/** The comparable text of a result under `mode`. */
export function canonical(result: StepResult | undefined, mode: Step['mode']): string {
  if (!result) return '<statement did not run>';
  const status = result.error === undefined ? result.sqlstate : `${result.sqlstate} ${result.error}`;
  if (mode === 'status') return result.sqlstate;
  let lines = result.lines.filter((l) => l !== '');
  if (mode === 'unordered') lines = sortRows(lines);
  return [...lines, status].join('\n');
}

/** Sorts the data rows of psql's unaligned output, keeping the header and `(n rows)` footer. */
function sortRows(lines: string[]): string[] {
  const footer = lines.findIndex((l) => /^\(\d+ rows?\)$/.test(l));
  if (footer < 1) return lines;
  return [lines[0]!, ...lines.slice(1, footer).sort(), ...lines.slice(footer)];
}

export function compareStep(index: number, s: Step, expected: StepResult | undefined, actual: StepResult | undefined): Mismatch | undefined {
  const mode = s.mode ?? 'exact';
  const e = canonical(expected, mode);
  const a = canonical(actual, mode);
  return e === a ? undefined : { index, section: s.section, sql: s.sql, expected: e, actual: a };
}
