// Parser for sqllogictest files. A record is a directive line followed by SQL lines, ended by a
// blank line (or EOF); `----` splits the SQL from the expected results (query) or from the
// expected error text (statement error). Lines starting with `#` outside a record are comments.
//
//   # targets: postgres vecgres
//   statement ok
//   CREATE TABLE t (a int PRIMARY KEY)
//
//   statement error 23505
//   INSERT INTO t VALUES (1), (1)
//   ----
//   duplicate key value violates unique constraint "t_pkey"
//   DETAIL: Key (a)=(1) already exists.
//
//   query IT rowsort
//   SELECT a, 'x' FROM t
//   ----
//   1	x
import {
  Condition,
  ErrorExpectation,
  Feature,
  FEATURE_PROBES,
  QueryRecord,
  SORT_MODES,
  SortMode,
  SqlLogicFile,
  SqlLogicParseError,
  SqlLogicRecord,
  StatementRecord,
  TargetName,
  TARGETS,
} from './types';

const SQLSTATE_RE = /^[0-9A-Z]{5}$/;
const TYPES_RE = /^[IRBT]+$/;
const TARGETS_HEADER_RE = /^#\s*targets:\s*(.*)$/;
/** Directives of other sqllogictest dialects we reject loudly rather than misread. */
const UNSUPPORTED = new Set(['mode', 'loop', 'endloop', 'hash-threshold', 'load', 'restart', 'concurrentloop', 'foreach', 'endfor']);

export interface ParseOptions {
  /** Accept queries without a ---- section (drafts for the record mode to fill in). */
  drafts?: boolean;
}

export function parseSqlLogic(text: string, path: string, options: ParseOptions = {}): SqlLogicFile {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  // A trailing newline is not an extra (empty) line of the file.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return new Parser(lines, path, options.drafts === true).parse();
}

class Parser {
  private pos = 0;
  private targets: TargetName[] | undefined;
  private readonly requires: Feature[] = [];
  private readonly records: SqlLogicRecord[] = [];
  private pending: Condition[] = [];

  constructor(
    private readonly lines: string[],
    private readonly path: string,
    private readonly drafts: boolean,
  ) {}

  parse(): SqlLogicFile {
    while (this.pos < this.lines.length) {
      const raw = this.lines[this.pos]!;
      const lineNo = this.pos + 1;
      this.pos++;
      const line = raw.trim();
      if (line === '') {
        if (this.pending.length > 0) this.fail(lineNo, 'onlyif/skipif must be directly followed by a record');
        continue;
      }
      if (line.startsWith('#')) {
        this.header(line, lineNo);
        continue;
      }
      this.directive(line, lineNo);
    }
    if (this.pending.length > 0) this.fail(this.lines.length, 'onlyif/skipif at end of file without a record');
    if (!this.targets) this.fail(1, 'missing header `# targets: postgres [vecgres]`');
    return { path: this.path, targets: this.targets, requires: this.requires, records: this.records };
  }

  private header(line: string, lineNo: number): void {
    const m = TARGETS_HEADER_RE.exec(line);
    if (!m) return;
    if (this.targets) this.fail(lineNo, 'duplicate `# targets:` header');
    const names = m[1]!.split(/[\s,]+/).filter(Boolean);
    for (const n of names) this.checkTarget(n, lineNo);
    // Every case must also run on the oracle: that is what proves the expected results.
    if (!names.includes('postgres')) this.fail(lineNo, '`# targets:` must include postgres (the oracle)');
    this.targets = names as TargetName[];
  }

  private directive(line: string, lineNo: number): void {
    const words = line.split(/\s+/);
    const head = words[0]!;
    switch (head) {
      case 'onlyif':
      case 'skipif':
        if (words.length !== 2) this.fail(lineNo, `${head} takes exactly one target`);
        this.checkTarget(words[1]!, lineNo);
        this.pending.push({ kind: head, target: words[1] as TargetName, line: lineNo });
        return;
      case 'require':
        if (this.pending.length > 0) this.fail(lineNo, 'require is file-level; onlyif/skipif cannot apply to it');
        if (words.length !== 2 || !(words[1]! in FEATURE_PROBES)) {
          this.fail(lineNo, `require needs one known feature (${Object.keys(FEATURE_PROBES).join(', ')})`);
        }
        this.requires.push(words[1] as Feature);
        return;
      case 'halt':
        if (words.length !== 1) this.fail(lineNo, 'halt takes no arguments');
        this.push({ kind: 'halt', conditions: this.pending, line: lineNo, endLine: lineNo });
        return;
      case 'statement':
        this.push(this.statement(words, lineNo));
        return;
      case 'query':
        this.push(this.query(words, lineNo));
        return;
      default:
        if (UNSUPPORTED.has(head)) this.fail(lineNo, `directive "${head}" is not supported by this runner`);
        this.fail(lineNo, `unknown directive "${head}" (expected statement, query, halt, require, onlyif, skipif)`);
    }
  }

  private push(record: SqlLogicRecord): void {
    this.records.push(record);
    this.pending = [];
  }

  private statement(words: string[], lineNo: number): StatementRecord {
    const mode = words[1];
    if (mode !== 'ok' && mode !== 'error') this.fail(lineNo, 'expected `statement ok` or `statement error [SQLSTATE]`');
    if (mode === 'ok' && words.length > 2) this.fail(lineNo, '`statement ok` takes no arguments');
    if (words.length > 3) this.fail(lineNo, '`statement error` takes at most a SQLSTATE');
    const sqlstate = words[2];
    if (sqlstate !== undefined && !SQLSTATE_RE.test(sqlstate)) {
      this.fail(lineNo, `"${sqlstate}" is not a SQLSTATE (five characters 0-9A-Z)`);
    }
    if (mode === 'error' && sqlstate === undefined && !this.drafts) {
      this.fail(lineNo, '`statement error` needs a SQLSTATE (run the record mode to fill it in)');
    }
    const { sql, separator } = this.sql(lineNo);
    let error: ErrorExpectation | undefined;
    if (mode === 'error') error = { sqlstate, messages: [] };
    if (separator) {
      if (!error) this.fail(lineNo, '`statement ok` cannot have a ---- section');
      for (const text of this.block()) {
        const m = /^(DETAIL|HINT):\s?(.*)$/.exec(text);
        if (m?.[1] === 'DETAIL') error.detail = m[2]!;
        else if (m?.[1] === 'HINT') error.hint = m[2]!;
        else error.messages.push(text);
      }
    }
    return { kind: 'statement', conditions: this.pending, line: lineNo, endLine: this.pos, sql, error };
  }

  private query(words: string[], lineNo: number): QueryRecord {
    const types = words[1];
    if (types === undefined || !TYPES_RE.test(types)) {
      this.fail(lineNo, 'expected `query <type letters I|R|B|T> [nosort|rowsort|valuesort] [label]`');
    }
    let sort: SortMode = 'nosort';
    let rest = words.slice(2);
    if (rest.length > 0 && (SORT_MODES as readonly string[]).includes(rest[0]!)) {
      sort = rest[0] as SortMode;
      rest = rest.slice(1);
    }
    if (rest.length > 1) this.fail(lineNo, `unexpected "${rest.slice(1).join(' ')}" after the label`);
    const label = rest[0];
    const { sql, separator } = this.sql(lineNo);
    const expected = separator ? this.block() : undefined;
    if (expected === undefined && label === undefined && !this.drafts) {
      this.fail(lineNo, 'query has no ---- results (run the record mode to fill them in)');
    }
    return { kind: 'query', conditions: this.pending, line: lineNo, endLine: this.pos, sql, types, sort, label, expected };
  }

  /** SQL lines up to a blank line, EOF or `----` (consumed; reported as `separator`). */
  private sql(lineNo: number): { sql: string; separator: boolean } {
    const out: string[] = [];
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos]!;
      if (line.trim() === '') break;
      this.pos++;
      if (line.trim() === '----') {
        if (out.length === 0) this.fail(lineNo, 'record has no SQL');
        return { sql: out.join('\n'), separator: true };
      }
      out.push(line);
    }
    if (out.length === 0) this.fail(lineNo, 'record has no SQL');
    return { sql: out.join('\n'), separator: false };
  }

  /**
   * Lines up to the next empty line or EOF, verbatim: spaces are data (a row holding one value
   * of blanks, e.g. char(2) '  ', is a line of spaces), so only a truly empty line ends it.
   */
  private block(): string[] {
    const out: string[] = [];
    while (this.pos < this.lines.length && this.lines[this.pos]! !== '') {
      out.push(this.lines[this.pos]!);
      this.pos++;
    }
    return out;
  }

  private checkTarget(name: string, lineNo: number): void {
    if (!(TARGETS as readonly string[]).includes(name)) {
      this.fail(lineNo, `unknown target "${name}" (known: ${TARGETS.join(', ')})`);
    }
  }

  private fail(line: number, detail: string): never {
    throw new SqlLogicParseError(this.path, line, detail);
  }
}

/** Whether a record's onlyif/skipif conditions let it run on `target`. */
export function appliesTo(record: SqlLogicRecord, target: TargetName): boolean {
  for (const c of record.conditions) {
    if (c.kind === 'onlyif' && c.target !== target) return false;
    if (c.kind === 'skipif' && c.target === target) return false;
  }
  return true;
}

/** The records that run on `target`, cut at the first `halt` that applies to it. */
export function recordsFor(file: SqlLogicFile, target: TargetName): Array<StatementRecord | QueryRecord> {
  const out: Array<StatementRecord | QueryRecord> = [];
  for (const r of file.records) {
    if (!appliesTo(r, target)) continue;
    if (r.kind === 'halt') break;
    out.push(r);
  }
  return out;
}
