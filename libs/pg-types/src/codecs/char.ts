// character(n) / character varying(n): the value is the JS string; these helpers apply the
// typmod the way bpchar() / varchar() do when a value is stored or cast, and give bpchar its
// "trailing spaces are insignificant" semantics. Lengths count characters (code points).
// @see https://www.postgresql.org/docs/16/datatype-character.html
import { SQLSTATE, SqlError } from '@vecgres/errors';

function chars(s: string): string[] {
  return Array.from(s);
}

function tooLong(typeName: string, n: number): SqlError {
  return new SqlError(SQLSTATE.STRING_DATA_RIGHT_TRUNCATION, `value too long for type ${typeName}(${n})`);
}

/**
 * Truncates to `n` characters: silently for an explicit cast (`'abcd'::char(2)`), otherwise only
 * when everything past n is spaces, else 22001 `value too long for type ...(n)`.
 */
function truncate(value: string, n: number, isExplicit: boolean, typeName: string): string[] {
  const cs = chars(value);
  if (cs.length <= n) return cs;
  if (!isExplicit && cs.slice(n).some((c) => c !== ' ')) throw tooLong(typeName, n);
  return cs.slice(0, n);
}

/** bpchar(value, n, isExplicit): truncate as above, then blank-pad to exactly n characters. */
export function applyBpcharTypmod(value: string, n: number, isExplicit = false): string {
  const cs = truncate(value, n, isExplicit, 'character');
  return cs.join('') + ' '.repeat(n - cs.length);
}

/** varchar(value, n, isExplicit): truncate as above, never pad. */
export function applyVarcharTypmod(value: string, n: number, isExplicit = false): string {
  const cs = truncate(value, n, isExplicit, 'character varying');
  return cs.length === chars(value).length ? value : cs.join('');
}

/** rtrim of spaces: what bpchar becomes when cast to text/varchar, and what it compares as. */
export function bpcharToText(value: string): string {
  return value.replace(/ +$/, '');
}

/** bpcharlen: length() of a character(n) value ignores trailing spaces. */
export function bpcharLength(value: string): number {
  return chars(bpcharToText(value)).length;
}

/** bpcharcmp: compares with trailing spaces ignored (bytewise on UTF-8, as in the C collation). */
export function compareBpchar(a: string, b: string): number {
  return Buffer.compare(Buffer.from(bpcharToText(a), 'utf8'), Buffer.from(bpcharToText(b), 'utf8'));
}
