// ParseDateTime: splits date/time input into typed fields before DecodeDateTime /
// DecodeInterval interpret them (a port of datetime.c's tokenizer, same field types and the
// same lower-casing, so the same inputs are accepted and rejected).
import { lookupKeyword } from './keywords';
import { DateTimeDecodeError, DtErr } from './errors';

export type FieldType = 'number' | 'date' | 'time' | 'tz' | 'string' | 'special';

export interface Field {
  type: FieldType;
  /** Lower-cased field text (signs kept for 'tz' and 'special'). */
  text: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c);
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
const isPunct = (c: string): boolean => /^[!-/:-@[-`{-~]$/.test(c);

/** Splits `input` into fields; throws DateTimeDecodeError(BadFormat) on characters it cannot use. */
export function parseDateTimeFields(input: string): Field[] {
  const fields: Field[] = [];
  const s = input;
  let i = 0;
  const take = (pred: (c: string) => boolean, lower = true): string => {
    let out = '';
    while (i < s.length && pred(s[i]!)) out += lower ? s[i++]!.toLowerCase() : s[i++]!;
    return out;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (isSpace(c)) {
      i++;
    } else if (isDigit(c)) {
      let text = take(isDigit);
      let type: FieldType = 'number';
      if (s[i] === ':') {
        type = 'time';
        text += take((ch) => isDigit(ch) || ch === ':' || ch === '.');
      } else if (s[i] === '-' || s[i] === '/' || s[i] === '.') {
        const delim = s[i]!;
        text += s[i++];
        if (isDigit(s[i])) {
          type = delim === '.' ? 'number' : 'date';
          text += take(isDigit);
          // Insist that the delimiters match to get a three-field date.
          if (s[i] === delim) {
            type = 'date';
            text += s[i++];
            text += take((ch) => isDigit(ch) || ch === delim);
          }
        } else {
          type = 'date';
          text += take((ch) => isAlnum(ch) || ch === delim);
        }
      }
      fields.push({ type, text });
    } else if (c === '.') {
      i++;
      fields.push({ type: 'number', text: '.' + take(isDigit) });
    } else if (isAlpha(c)) {
      let text = take(isAlpha);
      let isDate = false;
      const next = s[i];
      if (next === '-' || next === '/' || next === '.') isDate = true;
      else if (next === '+' || isDigit(next)) isDate = lookupKeyword(text) === undefined;
      if (isDate) {
        // A date with a text month ("jan-08-1999") or a zone name ("america/new_york", "etc/gmt+5").
        do {
          text += s[i++]!.toLowerCase();
        } while (i < s.length && /[+\-/_.:A-Za-z0-9]/.test(s[i]!));
        fields.push({ type: 'date', text });
      } else {
        fields.push({ type: 'string', text });
      }
    } else if (c === '+' || c === '-') {
      i++;
      while (isSpace(s[i])) i++;
      if (isDigit(s[i])) {
        fields.push({ type: 'tz', text: c + take((ch) => isDigit(ch) || ch === ':' || ch === '.' || ch === '-') });
      } else if (isAlpha(s[i])) {
        fields.push({ type: 'special', text: c + take(isAlpha) });
      } else {
        throw new DateTimeDecodeError(DtErr.BadFormat);
      }
    } else if (isPunct(c)) {
      // Ignore other punctuation but use it as a delimiter.
      i++;
    } else {
      throw new DateTimeDecodeError(DtErr.BadFormat);
    }
  }
  return fields;
}
