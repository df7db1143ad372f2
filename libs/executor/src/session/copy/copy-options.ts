// COPY's option list (`WITH (FORMAT csv, HEADER, DELIMITER '|', NULL 'x', ...)` and the old
// `CSV HEADER` spellings, which the parser turns into the same DefElems), validated with
// PostgreSQL's messages (ProcessCopyOptions in src/backend/commands/copy.c).
// @see https://www.postgresql.org/docs/16/sql-copy.html
import { SqlError, SQLSTATE, invalidParameter, notSupported, syntaxError } from '@vecgres/errors';
import type { DefOption } from '@vecgres/sql';

export type CopyFormat = 'text' | 'csv' | 'binary';

export interface CopyOptions {
  format: CopyFormat;
  /** One byte. */
  delimiter: string;
  /** The NULL marker as written (text: `\N`, csv: empty). */
  nullString: string;
  /** Skip (FROM) or write (TO) a header line; 'match' checks names on FROM. */
  header: boolean | 'match';
  /** CSV only. */
  quote: string;
  escape: string;
  /** CSV TO: column names always quoted, or '*' for all. */
  forceQuote: string[] | '*';
}

type Arg = { kind: 'none' } | { kind: 'string'; value: string } | { kind: 'star' } | { kind: 'list'; values: string[] };

function argOf(def: DefOption): Arg {
  const v = def.value;
  if (!v) return { kind: 'none' };
  switch (v.type) {
    case 'string':
    case 'numeric':
    case 'int':
      return { kind: 'string', value: String(v.value) };
    case 'bool':
      return { kind: 'string', value: v.value ? 'true' : 'false' };
    case 'star':
      return { kind: 'star' };
    case 'list':
      return { kind: 'list', values: v.value.map((x) => ('value' in x ? String(x.value) : '*')) };
    default:
      throw syntaxError(`unsupported value for COPY option (${v.type})`);
  }
}

function stringArg(name: string, arg: Arg): string {
  if (arg.kind !== 'string') throw syntaxError(`${name} requires a parameter`);
  return arg.value;
}

function headerArg(arg: Arg): boolean | 'match' {
  if (arg.kind === 'none') return true;
  const v = stringArg('header', arg).toLowerCase();
  if (['true', 'on', '1'].includes(v)) return true;
  if (['false', 'off', '0'].includes(v)) return false;
  if (v === 'match') return 'match';
  throw syntaxError('header requires a Boolean value or "match"');
}

function singleByte(what: string, value: string): string {
  if (Buffer.byteLength(value, 'utf8') !== 1) throw notSupported(`COPY ${what} must be a single one-byte character`);
  return value;
}

/** Parses and validates COPY options. `isFrom`: COPY FROM (vs TO). */
export function parseCopyOptions(defs: readonly DefOption[], isFrom: boolean): CopyOptions {
  const given = new Map<string, Arg>();
  for (const def of defs) {
    const name = def.name.toLowerCase();
    if (given.has(name)) throw syntaxError('conflicting or redundant options');
    given.set(name, argOf(def));
  }
  let format: CopyFormat = 'text';
  const formatArg = given.get('format');
  if (formatArg) {
    const f = stringArg('format', formatArg).toLowerCase();
    if (f !== 'text' && f !== 'csv' && f !== 'binary') throw invalidParameter(`COPY format "${f}" not recognized`);
    format = f;
  }
  const csv = format === 'csv';
  const opts: CopyOptions = {
    format,
    delimiter: csv ? ',' : '\t',
    nullString: csv ? '' : '\\N',
    header: false,
    quote: '"',
    escape: '"',
    forceQuote: [],
  };
  for (const [name, arg] of given) {
    switch (name) {
      case 'format':
      case 'freeze':
        break;
      case 'delimiter':
        if (format === 'binary') throw syntaxError('cannot specify DELIMITER in BINARY mode');
        opts.delimiter = singleByte('delimiter', stringArg(name, arg));
        break;
      case 'null':
        if (format === 'binary') throw syntaxError('cannot specify NULL in BINARY mode');
        opts.nullString = stringArg(name, arg);
        break;
      case 'header':
        if (format === 'binary') throw syntaxError('cannot specify HEADER in BINARY mode');
        opts.header = headerArg(arg);
        if (opts.header === 'match' && !isFrom) throw notSupported('cannot use "match" with HEADER in COPY TO');
        break;
      case 'quote':
        if (!csv) throw notSupported('COPY quote available only in CSV mode');
        opts.quote = singleByte('quote', stringArg(name, arg));
        if (!given.has('escape')) opts.escape = opts.quote;
        break;
      case 'escape':
        if (!csv) throw notSupported('COPY escape available only in CSV mode');
        opts.escape = singleByte('escape', stringArg(name, arg));
        break;
      case 'force_quote':
        if (!csv) throw notSupported('COPY FORCE_QUOTE requires CSV mode');
        if (isFrom) throw notSupported('COPY FORCE_QUOTE cannot be used with COPY FROM');
        opts.forceQuote = arg.kind === 'star' ? '*' : arg.kind === 'list' ? arg.values : [stringArg(name, arg)];
        break;
      case 'encoding': {
        const enc = stringArg(name, arg).toLowerCase();
        if (enc !== 'utf8' && enc !== 'utf-8') throw notSupported(`vecgres: COPY ENCODING "${enc}" is not supported (only UTF8)`);
        break;
      }
      case 'force_not_null':
      case 'force_null':
      case 'on_error':
      case 'default':
      case 'log_verbosity':
        throw notSupported(`vecgres: statement not supported yet: CopyStmt`, { detail: `COPY option ${name}` });
      default:
        throw new SqlError(SQLSTATE.SYNTAX_ERROR, `option "${name}" not recognized`);
    }
  }
  validate(opts);
  return opts;
}

function validate(o: CopyOptions): void {
  if (o.format === 'binary') return;
  if (o.delimiter === '\n' || o.delimiter === '\r') throw invalidParameter('COPY delimiter cannot be newline or carriage return');
  if (o.nullString.includes('\n') || o.nullString.includes('\r')) {
    throw invalidParameter('COPY null representation cannot use newline or carriage return');
  }
  if (o.format === 'text' && '\\.abcdefghijklmnopqrstuvwxyz0123456789'.includes(o.delimiter)) {
    throw invalidParameter(`COPY delimiter cannot be "${o.delimiter}"`);
  }
  if (o.format === 'csv' && o.delimiter === o.quote) throw invalidParameter('COPY delimiter and quote must be different');
  if (o.nullString.includes(o.delimiter)) {
    throw invalidParameter('COPY delimiter character must not appear in the NULL specification');
  }
}
