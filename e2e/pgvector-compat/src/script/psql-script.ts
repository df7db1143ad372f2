// Builds one psql script from the steps, with markers that let the output be split per
// statement, and parses psql's output back into per-statement blocks.
//
// After each statement the script echoes psql's own `SQLSTATE` variable (00000 on success) and,
// on error, `LAST_ERROR_MESSAGE`; both go to stdout, so query output, status and error text
// stay in order (psql writes the error report itself to stderr, which we ignore).
import type { Step } from './step';

const STEP = '@@step ';
const STATUS = '@@status ';
const ERROR = '@@error ';

export function buildPsqlScript(steps: readonly Step[]): string {
  const out: string[] = ['\\set ON_ERROR_STOP 0', '\\pset null <null>'];
  steps.forEach((s, i) => {
    out.push(`\\echo '${STEP}${i}'`);
    const sql = s.sql.trim();
    out.push(sql.endsWith(';') ? sql : `${sql};`);
    out.push(`\\echo '${STATUS}' :SQLSTATE`);
    out.push('\\if :ERROR', `\\echo '${ERROR}' :LAST_ERROR_MESSAGE`, '\\endif');
  });
  return out.join('\n') + '\n';
}

export interface StepResult {
  index: number;
  /** Output lines of the statement (headers, rows, footer or command tag). */
  lines: string[];
  sqlstate: string;
  error?: string;
}

export function parsePsqlOutput(stdout: string): Map<number, StepResult> {
  const results = new Map<number, StepResult>();
  let current: StepResult | undefined;
  for (const line of stdout.split('\n')) {
    if (line.startsWith(STEP)) {
      current = { index: Number(line.slice(STEP.length)), lines: [], sqlstate: '' };
      results.set(current.index, current);
    } else if (!current) {
      continue;
    } else if (line.startsWith(STATUS)) {
      current.sqlstate = line.slice(STATUS.length).trim();
    } else if (line.startsWith(ERROR)) {
      current.error = line.slice(ERROR.length);
    } else if (current.sqlstate === '') {
      current.lines.push(line);
    }
  }
  return results;
}
