import { formatDuration, parseDuration } from './setting-values';

describe('durations', () => {
  it('parses and prints like the GUC machinery', () => {
    expect(parseDuration('100')).toBe(100);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('2min')).toBe(120000);
    expect(parseDuration('1h')).toBe(3600000);
    expect(parseDuration('x')).toBeNull();
    expect(formatDuration(0)).toBe('0');
    expect(formatDuration(60000)).toBe('1min');
    expect(formatDuration(86400000)).toBe('1d');
    expect(formatDuration(1001)).toBe('1001ms');
  });
});
