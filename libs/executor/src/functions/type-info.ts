// pg_typeof("any") and the encoding conversions convert_from / convert_to.
//
// pg_typeof needs the argument's type after coercion, which only the call site knows, so it is
// contextual (argTypes); it returns the type OID as regtype. It is not strict in PostgreSQL:
// pg_typeof(NULL) is `unknown`.
//
// The database encoding is always UTF8, so convert_from/convert_to translate between UTF8 text
// and the named encoding's bytes: UTF8 (validated), LATIN1 and SQL_ASCII (treated as UTF8);
// other names are 22023.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { contextual, type FunctionContext } from './extra-context';
import type { FunctionTable } from './function-table';

/** Encoding names as PostgreSQL normalises them (case and `-`/`_` insensitive aliases). */
function encodingOf(name: string): 'utf8' | 'latin1' | 'ascii' {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  if (n === 'utf8' || n === 'unicode') return 'utf8';
  if (n === 'latin1' || n === 'iso88591') return 'latin1';
  if (n === 'sqlascii') return 'ascii';
  throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `invalid source encoding name "${name}"`);
}

function invalidUtf8(bytes: Uint8Array): SqlError {
  const hex = [...bytes.slice(0, 8)].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
  return new SqlError(SQLSTATE.CHARACTER_NOT_IN_REPERTOIRE, `invalid byte sequence for encoding "UTF8": ${hex}`);
}

/** convert_from(bytes, src_encoding) -> text in the database encoding (UTF8). */
export function convertFrom(bytes: Uint8Array, encoding: string): string {
  const enc = encodingOf(encoding);
  if (enc === 'latin1') return Buffer.from(bytes).toString('latin1');
  if (bytes.includes(0)) throw invalidUtf8(bytes.slice(bytes.indexOf(0)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8(bytes);
  }
}

/** convert_to(text, dest_encoding) -> bytes. */
export function convertTo(text: string, encoding: string): Uint8Array {
  const enc = encodingOf(encoding);
  if (enc === 'latin1') {
    for (const ch of text) {
      if (ch.codePointAt(0)! > 0xff) {
        const hex = [...Buffer.from(ch)].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
        throw new SqlError(SQLSTATE.UNTRANSLATABLE_CHARACTER, `character with byte sequence ${hex} in encoding "UTF8" has no equivalent in encoding "LATIN1"`);
      }
    }
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(text, 'utf8');
}

export const TYPE_INFO_FUNCTIONS: FunctionTable = {
  pg_typeof: contextual((ctx: FunctionContext) => ctx.argTypes[0] ?? 705),
  pg_convert_from: convertFrom,
  pg_convert_to: convertTo,
};
