import { SIZE_FUNCTIONS } from './size-pretty';

// Expected strings recorded from PostgreSQL 15 (select v, pg_size_pretty(v), pg_size_pretty(v::numeric)).
const CASES: Array<[string, string]> = [
  ['0', '0 bytes'], ['1', '1 bytes'], ['-1', '-1 bytes'], ['10239', '10239 bytes'], ['10240', '10 kB'],
  ['-10240', '-10 kB'], ['10752', '11 kB'], ['20971519', '20 MB'], ['20971520', '20 MB'], ['1073741824', '1024 MB'],
  ['10485760', '10 MB'], ['10485759', '10 MB'], ['5368709120', '5120 MB'], ['1125899906842624', '1024 TB'],
  ['9223372036854775807', '8192 PB'], ['-9223372036854775808', '-8192 PB'], ['21990232555519', '20 TB'],
  ['22517998136852480', '20 PB'],
];

describe('pg_size_pretty', () => {
  it.each(CASES)('bigint %s -> %s', (v, expected) => {
    expect(SIZE_FUNCTIONS.pg_size_pretty(BigInt(v))).toBe(expected);
  });

  it.each(CASES)('numeric %s -> %s', (v, expected) => {
    expect(SIZE_FUNCTIONS.pg_size_pretty_numeric(v)).toBe(expected);
  });

  it('numeric keeps a fraction in bytes and truncates it in larger units (PostgreSQL 15)', () => {
    expect(SIZE_FUNCTIONS.pg_size_pretty_numeric('1.5')).toBe('1.5 bytes');
    expect(SIZE_FUNCTIONS.pg_size_pretty_numeric('10239.7')).toBe('10239.7 bytes');
    expect(SIZE_FUNCTIONS.pg_size_pretty_numeric('-10250.5')).toBe('-10 kB');
    expect(SIZE_FUNCTIONS.pg_size_pretty_numeric('123456789012345678901234567890')).toBe('109651655766237 PB');
  });
});
