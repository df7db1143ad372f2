import { allBitsSet } from '@vecgres/storage';
import { fullAllow } from './vector-top-k-allow';

describe('allBitsSet', () => {
  it('is true only when every bit below rows is set (aligned words and tail bytes)', () => {
    for (const rows of [0, 1, 7, 8, 9, 31, 32, 33, 100, 1000, 1003]) {
      const bits = new Uint8Array(((rows + 7) >>> 3) + 1).fill(0xff);
      expect(allBitsSet(bits, rows)).toBe(true);
      for (const hole of rows > 0 ? [0, rows >>> 1, rows - 1] : []) {
        const b = bits.slice();
        b[hole >>> 3] &= ~(1 << (hole & 7));
        expect(allBitsSet(b, rows)).toBe(false);
      }
    }
  });

  it('ignores bits past rows and handles an unaligned view', () => {
    const buf = new Uint8Array(40).fill(0xff);
    buf[39] = 0x01; // rows = 8 * 38 + 1 from offset 1: only bit 0 of the last byte counts
    const view = buf.subarray(1);
    expect(allBitsSet(view, 38 * 8 + 1)).toBe(true);
    expect(allBitsSet(view, 38 * 8 + 2)).toBe(false);
  });

  it('is false when the bitmap is shorter than rows', () => {
    expect(allBitsSet(new Uint8Array(2).fill(0xff), 17)).toBe(false);
  });
});

describe('fullAllow', () => {
  it('returns the visibility bitmap itself with count = rows when everything is admitted', () => {
    const visible = new Uint8Array(2).fill(0xff);
    const allow = fullAllow(visible, new Uint8Array(2).fill(0xff), 12);
    expect(allow?.bits).toBe(visible);
    expect(allow?.count).toBe(12);
  });

  it('is undefined when a row is invisible or its vector is NULL', () => {
    expect(fullAllow(new Uint8Array([0xff, 0xfe]), new Uint8Array([0xff, 0xff]), 16)).toBeUndefined();
    expect(fullAllow(new Uint8Array([0xff, 0xff]), new Uint8Array([0x7f, 0xff]), 16)).toBeUndefined();
  });
});
