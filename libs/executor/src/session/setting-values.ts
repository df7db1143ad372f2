// Parsing and display of the parameter values that have structure: durations
// (statement_timeout and the idle timeouts), DateStyle and TimeZone.
import { invalidParameter } from '@vecgres/errors';

const UNIT_MS: ReadonlyArray<[string, number]> = [
  ['us', 0.001], ['ms', 1], ['s', 1000], ['min', 60_000], ['h', 3_600_000], ['d', 86_400_000],
];

/** A GUC time value in ms: a bare number is ms; units us, ms, s, min, h, d. Null if malformed. */
export function parseDuration(value: string): number | null {
  const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return null;
  const unit = m[2]!.toLowerCase() || 'ms';
  const scale = UNIT_MS.find(([u]) => u === unit)?.[1];
  if (scale === undefined) return null;
  return Math.round(Number(m[1]) * scale);
}

/** PostgreSQL shows a time GUC in the largest unit that divides it: `1s`, `1500ms`, `2min`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  for (const [unit, scale] of [...UNIT_MS].reverse()) {
    if (scale >= 1 && ms % scale === 0) return `${ms / scale}${unit}`;
  }
  return `${ms}ms`;
}

const STYLES = new Map([['iso', 'ISO'], ['sql', 'SQL'], ['postgres', 'Postgres'], ['german', 'German']]);
const ORDERS = new Map([
  ['mdy', 'MDY'], ['dmy', 'DMY'], ['ymd', 'YMD'], ['us', 'MDY'], ['noneuropean', 'MDY'],
  ['european', 'DMY'], ['euro', 'DMY'],
]);

/**
 * DateStyle like check_datestyle: starts from the current value (`current`), so `SET DateStyle
 * = ISO` keeps the field order; German implies DMY unless an order is given; invalid -> 22023.
 */
export function normalizeDateStyle(value: string, name: string, current = 'ISO, MDY'): string {
  let [style, order] = current.split(', ') as [string, string];
  let haveOrder = false;
  for (const raw of value.split(/[\s,]+/).filter(Boolean)) {
    const t = raw.toLowerCase();
    if (STYLES.has(t)) {
      style = STYLES.get(t)!;
      if (t === 'german' && !haveOrder) order = 'DMY';
    } else if (ORDERS.has(t)) {
      order = ORDERS.get(t)!;
      haveOrder = true;
    } else if (t === 'default') {
      style = 'ISO';
      order = 'MDY';
    } else throw invalidSetting(name, value);
  }
  return `${style}, ${order}`;
}

/** TimeZone: any IANA zone name Node knows (`UTC`, `Europe/Paris`), kept as written. */
export function normalizeTimeZone(value: string, name: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw invalidSetting(name, value);
  }
  return value.toLowerCase() === 'utc' ? 'UTC' : value;
}

function invalidSetting(name: string, value: string): Error {
  return invalidParameter(`invalid value for parameter "${name}": "${value}"`);
}
