import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UTC_ZONE, createTimeZone, formatTimetz } from '@vecgres/pg-types';
import { show } from '../testing/function-call';
import { BOOL_FUNCTIONS } from './bool';
import { CAST_FUNCTIONS } from './cast';
import { functionContext } from './extra-context';
import {
  CONTEXTUAL_KEYS, EXTRA_COMPARATORS, EXTRA_FUNCTION_TABLES, EXTRA_SRF_TABLES, SQL_VALUE_FUNCTIONS, arrayComparator,
  isSetReturning,
} from './extra-tables';
import { FLOAT_FUNCTIONS } from './float';
import { INT_FUNCTIONS } from './int';
import { NUMERIC_FUNCTIONS } from './numeric';
import { TEXT_FUNCTIONS } from './text';

const H12_TABLES = [INT_FUNCTIONS, FLOAT_FUNCTIONS, NUMERIC_FUNCTIONS, TEXT_FUNCTIONS, BOOL_FUNCTIONS, CAST_FUNCTIONS];
const keysOf = (tables: object[]) => tables.flatMap((t) => Object.keys(t));

/** Every impl key PostgreSQL 15's catalog (as generated for vecgres) uses. */
function catalogImplKeys(): Set<string> {
  const dir = join(__dirname, '../../../catalog/src/builtins/generated');
  const keys = new Set<string>();
  for (const f of readdirSync(dir)) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/impl: '([^']+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

describe('extra function tables', () => {
  const mine = keysOf([...EXTRA_FUNCTION_TABLES, ...EXTRA_SRF_TABLES]);

  it('never re-implement a key of the executor\'s own tables, nor repeat one', () => {
    const theirs = new Set(keysOf(H12_TABLES));
    expect(mine.filter((k) => theirs.has(k))).toEqual([]);
    expect(mine.filter((k, i) => mine.indexOf(k) !== i)).toEqual([]);
  });

  it('use impl keys that exist in the catalog (support functions aside)', () => {
    const catalog = catalogImplKeys();
    const support = new Set(['jsonb_cmp', 'btarraycmp', 'uuid_cmp', 'sha224_bytea', 'sha384_bytea', 'sha512_bytea',
      'date_larger', 'date_smaller', 'time_larger', 'time_smaller', 'text_to_table', 'regexp_split_to_table']);
    expect(mine.filter((k) => !catalog.has(k) && !support.has(k))).toEqual([]);
  });

  it('mark the session-dependent functions contextual and the SRFs set-returning', () => {
    for (const k of ['now', 'timestamptz_pl_interval', 'timestamptz_part', 'to_jsonb', 'jsonb_build_object', 'text_concat',
      'text_format', 'drandom', 'array_position', 'generate_series_timestamptz']) {
      expect(CONTEXTUAL_KEYS).toContain(k);
    }
    expect(CONTEXTUAL_KEYS).not.toContain('timestamp_pl_interval');
    for (const t of EXTRA_SRF_TABLES) for (const fn of Object.values(t)) expect(isSetReturning(fn)).toBe(true);
  });

  it('provide comparators for interval, jsonb, uuid and arrays', () => {
    const i = (text: string) => ({ months: 0, days: 0, micros: BigInt(text) });
    expect(EXTRA_COMPARATORS.interval!(i('1'), i('2'))).toBe(-1);
    expect(EXTRA_COMPARATORS.uuid!('b', 'a')).toBe(1);
    expect(arrayComparator(1700)(['10'], ['9'])).toBe(1);
  });
});

describe('SQL value functions read the transaction start in the session zone', () => {
  const start = 777_000_000_000_000n; // 2024-08-15 01:20:00 UTC
  it('current_date / localtimestamp / current_time in America/New_York', () => {
    const ny = createTimeZone('America/New_York')!;
    const ctx = functionContext({ transactionStart: start, timeZone: ny });
    expect(show('date', SQL_VALUE_FUNCTIONS.current_date!(ctx))).toBe('2024-08-14');
    expect(show('timestamp', SQL_VALUE_FUNCTIONS.localtimestamp!(ctx))).toBe('2024-08-14 21:20:00');
    expect(formatTimetz(SQL_VALUE_FUNCTIONS.current_time!(ctx) as never)).toBe('21:20:00-04');
    expect(show('time', SQL_VALUE_FUNCTIONS.localtime!(ctx))).toBe('21:20:00');
  });

  it('current_timestamp(p) rounds to the precision', () => {
    const ctx = functionContext({ transactionStart: start + 123_456n, timeZone: UTC_ZONE });
    expect(show('timestamptz', SQL_VALUE_FUNCTIONS.current_timestamp!(ctx, 2))).toBe('2024-08-15 01:20:00.12+00');
    expect(show('timestamptz', SQL_VALUE_FUNCTIONS.current_timestamp!(ctx))).toBe('2024-08-15 01:20:00.123456+00');
  });
});
