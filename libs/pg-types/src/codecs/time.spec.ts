import { TIME_INPUT_CASES } from '../testing/fixtures/datetime-cases';
import { expectSqlError } from '../testing/expect-sql-error';
import { pgResult } from '../testing/pg-result';
import { decodeTimeBinary, encodeTimeBinary, parseTime, timeCodec } from './time';
import { decodeTimetzBinary, encodeTimetzBinary, parseTimetz, timetzCodec } from './timetz';

const NY = { timeZone: 'America/New_York', now: 0n };

describe('time / timetz text I/O matches PostgreSQL', () => {
  it.each(TIME_INPUT_CASES.map((c) => [c[0], c[1]]))('time %j -> %s', (input, expected) => {
    expect(pgResult(() => timeCodec.toText(timeCodec.fromText(input, NY)))).toBe(expected);
  });

  it.each(TIME_INPUT_CASES.map((c) => [c[0], c[2]]))('timetz %j -> %s', (input, expected) => {
    expect(pgResult(() => timetzCodec.toText(timetzCodec.fromText(input, NY)))).toBe(expected);
  });
});

describe('time value model and binary', () => {
  it('is microseconds since midnight, up to 24:00:00', () => {
    expect(parseTime('00:00:01.5')).toBe(1_500_000n);
    expect(parseTime('24:00:00')).toBe(86_400_000_000n);
    expect(timeCodec.toText(parseTime('allballs'))).toBe('00:00:00');
  });

  it('time_send is the int64; time_recv checks the range', () => {
    const v = parseTime('04:05:06.789');
    expect(encodeTimeBinary(v).toString('hex')).toBe('000000036c97ca88');
    expect(decodeTimeBinary(encodeTimeBinary(v))).toBe(v);
    expectSqlError(() => decodeTimeBinary(encodeTimeBinary(86_400_000_001n)), '22008', 'time out of range');
  });

  it('timetz keeps the offset east of UTC and sends it as seconds west', () => {
    const v = parseTimetz('04:05:06.789-08');
    expect(v).toEqual({ micros: 14_706_789_000n, offset: -28800 });
    expect(encodeTimetzBinary(v).toString('hex')).toBe('000000036c97ca8800007080');
    expect(decodeTimetzBinary(encodeTimetzBinary(v))).toEqual(v);
    expect(timetzCodec.toText(parseTimetz('12:00', { timeZone: 'Asia/Kolkata' }))).toBe('12:00:00+05:30');
  });
});

describe('time range checks', () => {
  it('rejects run-together minutes over 59 (PostgreSQL: 22008)', () => {
    expectSqlError(() => parseTime('1999'), '22008', 'date/time field value out of range: "1999"');
  });
});
