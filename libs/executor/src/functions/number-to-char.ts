// to_char(number, text): numeric formatting (formatting.c's NUM_processor) for the common
// template patterns: 9 (digit, blank when leading), 0 (digit, zero when leading), . and D
// (decimal point), , and G (group separator, blank while no digit has been printed), S / MI /
// PL / SG (sign), FM (fill mode: no padding blanks, no trailing fraction zeros of 9 slots).
// Without S/MI/PL/SG the sign takes one slot ahead of the number, '-' or a blank, printed right
// before the first digit; a value with more integer digits than the template prints '#'s.
// Not supported (22023): EEEE, RN, TH, V, L.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { decRound, decToString, parseDec } from './decimal';
import type { FunctionTable } from './function-table';

interface Template {
  fill: boolean;
  /** Slots in order: digits '9'/'0', '.', ',', and literal text. */
  slots: string[];
  intDigits: number;
  fracDigits: number;
  /** Explicit sign: 'S' / 'PL' / 'SG' at the start or end, 'MI' anywhere. */
  sign?: { kind: 'S' | 'MI' | 'PL' | 'SG'; trailing: boolean };
}

function parseTemplate(fmt: string): Template {
  const t: Template = { fill: false, slots: [], intDigits: 0, fracDigits: 0 };
  let seenPoint = false;
  for (let i = 0; i < fmt.length;) {
    const rest = fmt.slice(i).toUpperCase();
    const two = rest.slice(0, 2);
    if (two === 'FM') { t.fill = true; i += 2; continue; }
    if (two === 'MI' || two === 'PL' || two === 'SG') { t.sign = { kind: two, trailing: t.slots.length > 0 }; i += 2; continue; }
    const ch = rest[0];
    i++;
    if (ch === 'S') t.sign = { kind: 'S', trailing: t.slots.length > 0 };
    else if (ch === '9' || ch === '0') {
      t.slots.push(ch);
      if (seenPoint) t.fracDigits++; else t.intDigits++;
    } else if (ch === '.' || ch === 'D') {
      if (seenPoint) throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'multiple decimal points');
      seenPoint = true;
      t.slots.push('.');
    } else if (ch === ',' || ch === 'G') t.slots.push(',');
    else if (ch === 'E' && rest.startsWith('EEEE') || ch === 'V' || (ch === 'R' && rest.startsWith('RN')) || ch === 'L') {
      throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, `to_char pattern "${fmt.slice(i - 1, i + 3)}" is not supported yet`);
    } else t.slots.push(`'${fmt[i - 1]}`);
  }
  return t;
}

/** Formats a numeric given as decimal text (NaN prints as the template's width of blanks/#). */
export function numberToChar(value: string, fmt: string): string {
  const t = parseTemplate(fmt);
  const negative = value.startsWith('-');
  let intStr = '0';
  let fracStr = '';
  const overflowAll = value === 'NaN' || value === 'Infinity' || value === '-Infinity';
  if (!overflowAll) {
    const text = decToString(decRound(parseDec(negative ? value.slice(1) : value), t.fracDigits));
    [intStr, fracStr = ''] = text.split('.');
  }
  const overflow = overflowAll || (intStr !== '0' && intStr.length > t.intDigits);
  const firstZero = t.slots.findIndex((s) => s === '0');
  // A zero integer part prints no digit when the template has a fraction (0.5 -> '  .50').
  const intLen = intStr === '0' && t.slots.includes('.') ? 0 : intStr.length;
  let out = '';
  let intSlot = 0;
  let fracSlot = 0;
  let started = false;
  let afterPoint = false;
  for (let k = 0; k < t.slots.length; k++) {
    const s = t.slots[k];
    if (s === '9' || s === '0') {
      if (overflow) { out += '#'; continue; }
      if (afterPoint) {
        out += fracStr[fracSlot++] ?? '0';
        continue;
      }
      const idx = intSlot++ - (t.intDigits - intLen);
      if (idx >= 0) { out += intStr[idx]; started = true; } else if (firstZero >= 0 && k >= firstZero) { out += '0'; started = true; } else out += ' ';
    } else if (s === '.') {
      afterPoint = true;
      out += '.';
    } else if (s === ',') out += started ? ',' : ' ';
    else out += s.slice(1);
  }
  if (t.fill && !overflow) {
    // FM drops fraction zeros printed by 9 slots at the end (not those of 0 slots).
    const nines = [...t.slots].reverse().findIndex((x) => x !== '9');
    let trailing9 = nines < 0 ? t.slots.length : nines;
    while (trailing9-- > 0 && afterPoint && out.endsWith('0')) out = out.slice(0, -1);
  }
  const isZero = /^0*$/.test(intStr + fracStr);
  const neg = negative && !isZero;
  const signChar = (kind: string | undefined): string => {
    if (kind === 'MI') return neg ? '-' : t.fill ? '' : ' ';
    if (kind === 'PL') return neg ? ' ' : '+';
    if (kind === 'SG') return neg ? '-' : '+';
    return neg ? '-' : '+';
  };
  if (t.sign && t.sign.trailing) out += signChar(t.sign.kind);
  else {
    // The sign slot ahead of the template, moved right up to the first printed character.
    const sign = t.sign ? signChar(t.sign.kind) : neg ? '-' : ' ';
    const full = ' ' + out;
    const f = full.search(/[^ ]/);
    out = f > 0 ? full.slice(0, f - 1) + sign + full.slice(f) : sign + out;
  }
  return t.fill ? out.replace(/^ +/, '') : out;
}

const num = (v: number | bigint): string => String(v);

export const NUMBER_TO_CHAR_FUNCTIONS: FunctionTable = {
  numeric_to_char: (v: string, fmt: string) => numberToChar(v, fmt),
  int4_to_char: (v: number, fmt: string) => numberToChar(num(v), fmt),
  int8_to_char: (v: bigint, fmt: string) => numberToChar(num(v), fmt),
  float4_to_char: (v: number, fmt: string) => numberToChar(Number.isFinite(v) ? v.toPrecision(6).replace(/\.?0+$/, '') : num(v), fmt),
  float8_to_char: (v: number, fmt: string) => numberToChar(Number.isFinite(v) ? v.toPrecision(15).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') : num(v), fmt),
};
