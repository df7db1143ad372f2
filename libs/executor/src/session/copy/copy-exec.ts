// COPY {t [(cols)] | (query)} TO STDOUT and COPY t [(cols)] FROM STDIN, in text, csv and
// binary format, run inside the session's transaction.
//
//   CopyData chunks ─▶ format parser (text/csv/binary, rows may cross chunks)
//        ─▶ fields decoded with the column codecs (session text settings)
//        ─▶ batches of INSERT INTO t (cols) VALUES ($1..),(..) through the ordinary planner
//           (defaults, constraints, serials as for INSERT) ─▶ storage transaction
//
// FROM keeps at most one batch of parsed rows at a time (the storage transaction buffers the
// writes until commit). TO streams the query's batches out in ~64 KiB CopyData chunks,
// awaiting the socket's backpressure. Errors carry PostgreSQL's CONTEXT (`COPY t, line 2,
// column a: "x"`). Cancellation is checked between chunks and batches.
import { duplicateColumn, isSqlError, notSupported, undefinedColumn, type SqlError } from '@vecgres/errors';
import type { TextOutputOptions, TypeCodec, CodecRegistry } from '@vecgres/pg-types';
import type { OutputColumn, PlannedStatement } from '@vecgres/planner';
import { parse, type CopyStmt, type QualifiedName, type Stmt } from '@vecgres/sql';
import type { Row } from '../../exec/exec-context';
import type { PlanRun } from '../../exec/run-plan';
import type { EngineSink } from '../result-sink';
import type { StatementControl } from '../statement-control';
import { BinaryCopyParser, binaryHeader, binaryTrailer, binaryTuple } from './binary-format';
import { type CopyOptions, parseCopyOptions } from './copy-options';
import { copyFormatError, type CopyParser } from './copy-record';
import { CsvCopyParser, quoteCsvField } from './csv-format';
import { TextCopyParser, formatTextLine } from './text-format';

const OUT_CHUNK = 64 * 1024;
/** Parameters per INSERT batch (rows = this / columns). */
const BATCH_PARAMS = 8192;

/** What COPY needs from the session. */
export interface CopyHost {
  codecs: CodecRegistry;
  textOptions(): TextOutputOptions;
  control: StatementControl;
  /** Plans a statement in the session's transaction (params of the given types). */
  plan(stmt: Stmt, paramTypes: readonly number[]): PlannedStatement;
  run(plan: PlannedStatement, params: readonly unknown[]): PlanRun;
}

type AnyRecord = { line: number; fields: Array<string | Buffer | null>; raw?: string };

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function tableSql(t: QualifiedName): string {
  return (t.schema ? `${quoteIdent(t.schema)}.` : '') + quoteIdent(t.name);
}

function parseOne(sql: string): Stmt {
  return parse(sql)[0]!.stmt;
}

/** Adds PostgreSQL's COPY context line to an error. */
function withContext(err: unknown, where: string): unknown {
  return isSqlError(err) && err.where === undefined ? (err as SqlError).with({ where }) : err;
}

function shown(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}...` : s;
}

/** The table's columns (all, or the listed ones in order), checked like PostgreSQL. */
function copyColumns(host: CopyHost, stmt: CopyStmt, table: QualifiedName): OutputColumn[] {
  const all = host.plan(parseOne(`SELECT * FROM ${tableSql(table)}`), []).columns;
  if (stmt.columns.length === 0) return all;
  const out: OutputColumn[] = [];
  for (const name of stmt.columns) {
    const c = all.find((x) => x.name === name);
    if (!c) throw undefinedColumn(`column "${name}" of relation "${table.name}" does not exist`);
    if (out.includes(c)) throw duplicateColumn(`column "${name}" specified more than once`);
    out.push(c);
  }
  return out;
}

export async function runCopy(host: CopyHost, stmt: CopyStmt, sink: EngineSink): Promise<void> {
  if (stmt.target !== 'stdio') throw notSupported('vecgres: COPY to or from a file or program is not supported (use STDIN / STDOUT)');
  if (stmt.where) throw notSupported('vecgres: COPY FROM ... WHERE is not supported yet');
  const opts = parseCopyOptions(stmt.options, stmt.direction === 'from');
  if (stmt.direction === 'from') {
    if (!stmt.table) throw notSupported('COPY (query) FROM is not supported');
    return copyFrom(host, stmt.table, copyColumns(host, stmt, stmt.table), opts, sink);
  }
  let plan: PlannedStatement;
  if (stmt.query) {
    plan = host.plan(stmt.query, []);
  } else {
    const cols = copyColumns(host, stmt, stmt.table!);
    plan = host.plan(parseOne(`SELECT ${cols.map((c) => quoteIdent(c.name)).join(', ')} FROM ${tableSql(stmt.table!)}`), []);
  }
  return copyTo(host, plan, opts, sink);
}

async function copyFrom(host: CopyHost, table: QualifiedName, cols: OutputColumn[], opts: CopyOptions, sink: EngineSink): Promise<void> {
  if (!sink.copyIn) throw notSupported('COPY FROM STDIN is not supported by this client connection');
  const codecs = cols.map((c) => host.codecs.require(c.type.oid));
  const names = cols.map((c) => c.name);
  const textOpts = host.textOptions();
  const binary = opts.format === 'binary';
  const parser: CopyParser<AnyRecord> = binary
    ? new BinaryCopyParser(cols.length)
    : opts.format === 'csv'
      ? new CsvCopyParser(opts)
      : new TextCopyParser({ ...opts, header: opts.header !== false });
  const perBatch = Math.max(1, Math.floor(BATCH_PARAMS / Math.max(1, cols.length)));
  const types = cols.map((c) => c.type.oid);
  const plans = new Map<number, PlannedStatement>();
  const planFor = (n: number): PlannedStatement => {
    let p = plans.get(n);
    if (!p) {
      const k = cols.length;
      const values = Array.from({ length: n }, (_, r) => `(${cols.map((_, i) => `$${r * k + i + 1}`).join(', ')})`).join(', ');
      const sql = `INSERT INTO ${tableSql(table)} (${names.map(quoteIdent).join(', ')}) VALUES ${values}`;
      p = host.plan(parseOne(sql), Array.from({ length: n }, () => types).flat());
      plans.set(n, p);
    }
    return p;
  };
  let batch: unknown[] = [];
  let lines: number[] = [];
  let total = 0;
  let line = 0;
  const flush = async (): Promise<void> => {
    if (lines.length === 0) return;
    const run = host.run(planFor(lines.length), batch);
    try {
      for await (const _ of run.batches) host.control.throwIfCanceled();
    } catch (err) {
      // The insert loop counts rows as it stores them: the failing row is the next one.
      throw withContext(err, `COPY ${table.name}, line ${lines[Math.min(run.counter.rows, lines.length - 1)]}`);
    }
    total += lines.length;
    batch = [];
    lines = [];
  };
  const convert = (rec: AnyRecord): void => {
    line = rec.line;
    const ctx = `COPY ${table.name}, line ${rec.line}`;
    if (rec.fields.length < cols.length) {
      throw withContext(copyFormatError(`missing data for column "${names[rec.fields.length]}"`), `${ctx}: "${shown(rec.raw ?? '')}"`);
    }
    if (rec.fields.length > cols.length) {
      throw withContext(copyFormatError('extra data after last expected column'), `${ctx}: "${shown(rec.raw ?? '')}"`);
    }
    rec.fields.forEach((f, i) => {
      if (f === null) {
        batch.push(null);
        return;
      }
      try {
        batch.push(binary ? codecs[i]!.fromBinary(f as Buffer) : codecs[i]!.fromText(f as string, textOpts));
      } catch (err) {
        throw withContext(err, `${ctx}, column ${names[i]}${binary ? '' : `: "${shown(f as string)}"`}`);
      }
    });
    lines.push(rec.line);
  };
  const format = binary ? 1 : 0;
  const stream = sink.copyIn(format, cols.map(() => format))[Symbol.asyncIterator]();
  try {
    for (;;) {
      // Not raced against cancellation: abandoning a pending read would leave pg-wire's frame
      // reader with two consumers. A cancel takes effect at the next CopyData instead.
      const next = await stream.next();
      if (next.done) break;
      try {
        for (const rec of parser.push(next.value)) {
          convert(rec);
          if (lines.length >= perBatch) await flush();
        }
      } catch (err) {
        throw withContext(err, `COPY ${table.name}, line ${line + 1}`);
      }
      host.control.throwIfCanceled();
    }
    for (const rec of parser.finish()) {
      convert(rec);
      if (lines.length >= perBatch) await flush();
    }
    if (opts.header === 'match' && parser instanceof CsvCopyParser && parser.header) {
      parser.header.forEach((h, i) => {
        if (h !== names[i]) throw copyFormatError(`column name mismatch in header line field ${i + 1}: got "${h}", expected "${names[i]}"`);
      });
    }
    await flush();
  } catch (err) {
    await stream.return?.();
    throw err;
  }
  sink.complete(`COPY ${total}`);
}

async function copyTo(host: CopyHost, plan: PlannedStatement, opts: CopyOptions, sink: EngineSink): Promise<void> {
  if (!sink.copyOut) throw notSupported('COPY TO STDOUT is not supported by this client connection');
  const cols = plan.columns;
  const codecs: TypeCodec[] = cols.map((c) => host.codecs.require(c.type.oid));
  const names = cols.map((c) => c.name);
  const textOpts = host.textOptions();
  const format = opts.format === 'binary' ? 1 : 0;
  const out = sink.copyOut(format, cols.map(() => format));
  const force = names.map((n) => opts.forceQuote === '*' || opts.forceQuote.includes(n));
  const csvLine = (values: Array<string | null>): string =>
    values.map((v, i) => (v === null ? opts.nullString : quoteCsvField(v, opts, force[i]!, cols.length === 1))).join(opts.delimiter) + '\n';
  const encode = (row: Row): Buffer => {
    if (format === 1) return binaryTuple(row.map((v, i) => (v === null ? null : codecs[i]!.toBinary(v))));
    const values = row.map((v, i) => (v === null ? null : codecs[i]!.toText(v, textOpts)));
    return Buffer.from(opts.format === 'csv' ? csvLine(values) : formatTextLine(values, opts.delimiter, opts.nullString), 'utf8');
  };
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const chunk = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    await host.control.race(out.write(chunk));
  };
  const add = async (b: Buffer): Promise<void> => {
    pending.push(b);
    size += b.length;
    if (size >= OUT_CHUNK) await flush();
  };
  if (format === 1) await add(binaryHeader());
  else if (opts.header) {
    await add(Buffer.from(opts.format === 'csv' ? csvLine(names) : formatTextLine(names, opts.delimiter, opts.nullString), 'utf8'));
  }
  let count = 0;
  for await (const b of host.run(plan, []).batches) {
    host.control.throwIfCanceled();
    for (const row of b) await add(encode(row));
    count += b.length;
  }
  if (format === 1) await add(binaryTrailer());
  await flush();
  out.end();
  sink.complete(`COPY ${count}`);
}
