// COPY t [(cols)] FROM STDIN / TO STDOUT [WITH (...)] in text, csv and binary format.
// FROM parses each CopyData payload as it arrives (copy/*-format.ts) and converts fields with
// the column codecs; the rows are appended at the end so a failing COPY leaves the table as
// it was. TO streams rows out in ~64 KiB CopyData chunks, awaiting the socket's backpressure.
import { duplicateColumn, isSqlError, undefinedColumn, type SqlError } from '@vecgres/errors';
import type { CodecRegistry, TypeCodec } from '@vecgres/pg-types';
import { type AstBody, type AstNode, positionOf, stringList, unsupported } from '../ast';
import { BinaryCopyParser, binaryHeader, binaryTrailer, binaryTuple } from '../copy/binary-format';
import { type CopyOptions, parseCopyOptions } from '../copy/copy-options';
import { copyFormatError, type CopyParser } from '../copy/copy-record';
import { CsvCopyParser, quoteCsvField } from '../copy/csv-format';
import { TextCopyParser, formatTextLine } from '../copy/text-format';
import type { AnalyzeContext, BoundStatement, ExecContext } from '../statement';
import type { ScratchTable } from '../table-store';

const OUT_CHUNK = 64 * 1024;

function copyColumns(stmt: AstBody, table: ScratchTable): number[] {
  const names = stringList(stmt.attlist as AstNode[] | undefined);
  if (names.length === 0) return table.columns.map((_, i) => i);
  const out: number[] = [];
  for (const name of names) {
    const i = table.columnIndex(name);
    if (i < 0) throw undefinedColumn(`column "${name}" of relation "${table.name}" does not exist`);
    if (out.includes(i)) throw duplicateColumn(`column "${name}" specified more than once`);
    out.push(i);
  }
  return out;
}

/** Adds PostgreSQL's COPY context line to an error. */
function withContext(err: unknown, where: string): unknown {
  return isSqlError(err) && err.where === undefined ? (err as SqlError).with({ where }) : err;
}

function quoteForContext(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}...` : s;
}

async function copyFrom(ex: ExecContext, table: ScratchTable, cols: number[], opts: CopyOptions): Promise<string> {
  const codecs = cols.map((c) => ex.session.codecs.require(table.columns[c]!.typeOid));
  const names = cols.map((c) => table.columns[c]!.name);
  const binary = opts.format === 'binary';
  const parser: CopyParser<{ line: number; fields: Array<string | Buffer | null>; raw?: string }> = binary
    ? new BinaryCopyParser(cols.length)
    : opts.format === 'csv'
      ? new CsvCopyParser(opts)
      : new TextCopyParser({ ...opts, header: opts.header !== false });
  const rows: unknown[][] = [];
  let line = 0;
  const convert = (rec: { line: number; fields: Array<string | Buffer | null>; raw?: string }): void => {
    line = rec.line;
    const ctx = `COPY ${table.name}, line ${rec.line}`;
    if (rec.fields.length < cols.length) {
      throw withContext(copyFormatError(`missing data for column "${names[rec.fields.length]}"`), `${ctx}: "${quoteForContext(rec.raw ?? '')}"`);
    }
    if (rec.fields.length > cols.length) {
      throw withContext(copyFormatError('extra data after last expected column'), `${ctx}: "${quoteForContext(rec.raw ?? '')}"`);
    }
    const row: unknown[] = table.columns.map(() => null);
    rec.fields.forEach((f, i) => {
      if (f === null) return;
      try {
        row[cols[i]!] = binary ? codecs[i]!.fromBinary(f as Buffer) : codecs[i]!.fromText(f as string);
      } catch (err) {
        const shown = binary ? '' : `: "${quoteForContext(f as string)}"`;
        throw withContext(err, `${ctx}, column ${names[i]}${shown}`);
      }
    });
    const bad = table.columns.findIndex((c, i) => c.notNull && row[i] === null);
    if (bad >= 0) {
      throw withContext(
        copyFormatError(`null value in column "${table.columns[bad]!.name}" of relation "${table.name}" violates not-null constraint`),
        ctx,
      );
    }
    rows.push(row);
  };
  const format = binary ? 1 : 0;
  const stream = ex.sink.copyIn({ format, columnFormats: cols.map(() => format) })[Symbol.asyncIterator]();
  try {
    for (;;) {
      // Not raced against cancellation: abandoning a pending read would leave pg-wire's frame
      // reader with two consumers. A cancel takes effect at the next CopyData instead.
      const next = await stream.next();
      if (next.done) break;
      try {
        for (const rec of parser.push(next.value)) convert(rec);
      } catch (err) {
        throw withContext(err, `COPY ${table.name}, line ${line + 1}`);
      }
      ex.control.throwIfCanceled();
    }
    for (const rec of parser.finish()) convert(rec);
    if (opts.header === 'match' && parser instanceof CsvCopyParser && parser.header) {
      parser.header.forEach((h, i) => {
        if (h !== names[i]) throw copyFormatError(`column name mismatch in header line field ${i + 1}: got "${h}", expected "${names[i]}"`);
      });
    }
  } catch (err) {
    await stream.return?.();
    throw err;
  }
  table.append(rows, ex.session.tx);
  return `COPY ${rows.length}`;
}

function textRow(row: unknown[], cols: number[], codecs: TypeCodec[], ex: ExecContext): Array<string | null> {
  const opts = ex.session.textOptions();
  return cols.map((c, i) => (row[c] === null ? null : codecs[i]!.toText(row[c], opts)));
}

async function copyTo(ex: ExecContext, table: ScratchTable, cols: number[], opts: CopyOptions): Promise<string> {
  const codecs: TypeCodec[] = cols.map((c) => (ex.session.codecs as CodecRegistry).require(table.columns[c]!.typeOid));
  const names = cols.map((c) => table.columns[c]!.name);
  const format = opts.format === 'binary' ? 1 : 0;
  const out = ex.sink.copyOut({ format, columnFormats: cols.map(() => format) });
  const force = names.map((n) => opts.forceQuote === '*' || opts.forceQuote.includes(n));
  const csvLine = (values: Array<string | null>): string =>
    values.map((v, i) => (v === null ? opts.nullString : quoteCsvField(v, opts, force[i]!, cols.length === 1))).join(opts.delimiter) + '\n';
  const encode = (row: unknown[]): Buffer => {
    if (format === 1) return binaryTuple(cols.map((c, i) => (row[c] === null ? null : codecs[i]!.toBinary(row[c]))));
    const values = textRow(row, cols, codecs, ex);
    return Buffer.from(opts.format === 'csv' ? csvLine(values) : formatTextLine(values, opts.delimiter, opts.nullString), 'utf8');
  };
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const chunk = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    await ex.control.race(out.write(chunk));
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
  const rows = table.rows.slice();
  for (const row of rows) {
    ex.control.throwIfCanceled();
    await add(encode(row));
  }
  if (format === 1) await add(binaryTrailer());
  await flush();
  out.end();
  return `COPY ${rows.length}`;
}

export function analyzeCopy(stmt: AstBody, ctx: AnalyzeContext): BoundStatement {
  if (stmt.query) throw unsupported('CopyStmt', 'COPY (query) TO');
  if (stmt.filename !== undefined || stmt.is_program) throw unsupported('CopyStmt', 'COPY to or from a file or program (use STDIN / STDOUT)');
  if (stmt.whereClause) throw unsupported('CopyStmt', 'COPY FROM ... WHERE');
  const rv = stmt.relation as AstBody;
  const table = ctx.session.store.require(String(rv.relname), positionOf(ctx.sql, rv.location));
  const cols = copyColumns(stmt, table);
  const isFrom = stmt.is_from === true;
  const opts = parseCopyOptions((stmt.options ?? []) as AstNode[], isFrom);
  return {
    kind: 'CopyStmt',
    columns: null,
    run: (ex) => (isFrom ? copyFrom(ex, table, cols, opts) : copyTo(ex, table, cols, opts)),
  };
}
