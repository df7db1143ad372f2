// The field list shared by ErrorResponse and NoticeResponse: (Byte1 field code, String value)*
// ended by a zero byte, and the mapping between those fields and SqlError.
// @see https://www.postgresql.org/docs/current/protocol-error-fields.html
import { SqlError, isKnownSqlstate, type ErrorSeverity, type SqlErrorOptions } from '@vecgres/errors';
import type { BufferReader } from '../../buffer/buffer-reader';
import type { BufferWriter } from '../../buffer/buffer-writer';
import type { NoticeFields } from '../../query-handler';

export const ErrorField = {
  Severity: 0x53, // S (localized)
  SeverityNonLocalized: 0x56, // V
  Code: 0x43, // C
  Message: 0x4d, // M
  Detail: 0x44, // D
  Hint: 0x48, // H
  Position: 0x50, // P
  InternalPosition: 0x70, // p
  InternalQuery: 0x71, // q
  Where: 0x57, // W
  Schema: 0x73, // s
  Table: 0x74, // t
  Column: 0x63, // c
  DataType: 0x64, // d
  Constraint: 0x6e, // n
  File: 0x46, // F
  Line: 0x4c, // L
  Routine: 0x52, // R
} as const;
export type ErrorFieldCode = (typeof ErrorField)[keyof typeof ErrorField];

/** Fields keyed by their one-letter code ('S', 'C', 'M', ...), in wire order. */
export type ErrorFields = Record<string, string>;

export function writeErrorFields(w: BufferWriter, fields: ErrorFields): void {
  for (const [code, value] of Object.entries(fields)) {
    if (code.length !== 1 || code === '\0') throw new Error(`invalid error field code "${code}"`);
    w.uint8(code.charCodeAt(0)).cstring(value);
  }
  w.uint8(0);
}

export function readErrorFields(r: BufferReader): ErrorFields {
  const fields: ErrorFields = {};
  for (let code = r.uint8(); code !== 0; code = r.uint8()) fields[String.fromCharCode(code)] = r.cstring();
  r.end();
  return fields;
}

/** SqlError -> wire fields. Positions are sent as decimal text, as PostgreSQL does. */
export function sqlErrorToFields(e: SqlError): ErrorFields {
  const f: ErrorFields = { S: e.severity, V: e.severity, C: e.sqlstate, M: e.message };
  if (e.detail !== undefined) f['D'] = e.detail;
  if (e.hint !== undefined) f['H'] = e.hint;
  if (e.position !== undefined) f['P'] = String(e.position);
  if (e.internalPosition !== undefined) f['p'] = String(e.internalPosition);
  if (e.internalQuery !== undefined) f['q'] = e.internalQuery;
  if (e.where !== undefined) f['W'] = e.where;
  if (e.schema !== undefined) f['s'] = e.schema;
  if (e.table !== undefined) f['t'] = e.table;
  if (e.column !== undefined) f['c'] = e.column;
  if (e.dataType !== undefined) f['d'] = e.dataType;
  if (e.constraint !== undefined) f['n'] = e.constraint;
  return f;
}

/** Wire fields -> SqlError (used by tests and by anything that relays errors). */
export function fieldsToSqlError(f: ErrorFields): SqlError {
  const code = f['C'] ?? 'XX000';
  const severity = (f['V'] ?? f['S'] ?? 'ERROR') as ErrorSeverity;
  const options: SqlErrorOptions = { severity };
  if (f['D'] !== undefined) options.detail = f['D'];
  if (f['H'] !== undefined) options.hint = f['H'];
  if (f['P'] !== undefined) options.position = Number(f['P']);
  if (f['p'] !== undefined) options.internalPosition = Number(f['p']);
  if (f['q'] !== undefined) options.internalQuery = f['q'];
  if (f['W'] !== undefined) options.where = f['W'];
  if (f['s'] !== undefined) options.schema = f['s'];
  if (f['t'] !== undefined) options.table = f['t'];
  if (f['c'] !== undefined) options.column = f['c'];
  if (f['d'] !== undefined) options.dataType = f['d'];
  if (f['n'] !== undefined) options.constraint = f['n'];
  return new SqlError(isKnownSqlstate(code) ? code : 'XX000', f['M'] ?? '', options);
}

export function noticeToFields(n: NoticeFields): ErrorFields {
  const f: ErrorFields = { S: n.severity, V: n.severity, C: n.sqlstate, M: n.message };
  if (n.detail !== undefined) f['D'] = n.detail;
  if (n.hint !== undefined) f['H'] = n.hint;
  return f;
}
