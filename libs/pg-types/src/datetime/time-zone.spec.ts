import { fieldsToTimestamp } from './calendar';
import { createTimeZone, fixedOffsetZone, localOffset, localToUtc, utcToLocal } from './time-zone';

const local = (y: number, mo: number, d: number, h: number, mi = 0): bigint =>
  fieldsToTimestamp({ year: y, month: mo, day: d }, { hour: h, minute: mi, second: 0, micro: 0 });

describe('time zones from ICU', () => {
  const ny = createTimeZone('America/New_York')!;

  it('resolves IANA names case-insensitively and rejects unknown names', () => {
    expect(createTimeZone('america/new_york')).toBeDefined();
    expect(createTimeZone('Mars/Olympus')).toBeUndefined();
    expect(createTimeZone('+05:00')).toBeUndefined();
    expect(createTimeZone('UTC')!.offsetAtUtc(0n)).toBe(0);
  });

  it('gives standard and daylight offsets', () => {
    expect(ny.offsetAtUtc(localToUtc(fixedOffsetZone('UTC', 0), local(2024, 1, 15, 12)))).toBe(-5 * 3600);
    expect(ny.offsetAtUtc(local(2024, 7, 15, 12))).toBe(-4 * 3600);
    expect(createTimeZone('Asia/Kolkata')!.offsetAtUtc(local(2024, 7, 15, 12))).toBe(5.5 * 3600);
  });

  it('resolves a spring-forward gap with the offset from before it (02:30 EST = 03:30 EDT)', () => {
    expect(localOffset(ny, local(2024, 3, 10, 2, 30))).toBe(-5 * 3600);
    const utc = localToUtc(ny, local(2024, 3, 10, 2, 30));
    expect(utcToLocal(ny, utc)).toEqual({ local: local(2024, 3, 10, 3, 30), offset: -4 * 3600 });
  });

  it('resolves an ambiguous fall-back time as the later instant (standard time)', () => {
    expect(localOffset(ny, local(2024, 11, 3, 1, 30))).toBe(-5 * 3600);
  });

  it('extends rules beyond JavaScript Date range by 400-year cycles', () => {
    expect(ny.offsetAtUtc(local(290000, 7, 1, 12))).toBe(-4 * 3600);
    expect(ny.offsetAtUtc(local(290000, 1, 1, 12))).toBe(-5 * 3600);
  });
});
