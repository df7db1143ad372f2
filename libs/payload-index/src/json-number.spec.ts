import { canonicalJsonNumber, canonicalNumberOf } from './json-number';
import { seededRng } from './testing/rng';

describe('canonicalJsonNumber', () => {
  it('maps spellings of one value to one string', () => {
    const groups = [
      ['1', '1.0', '1.000', '01', '0.1e1', '10e-1', '1E0', '+1', '100e-2'],
      ['0', '-0', '0.0', '-0.000e5', '.0', '0.', '000'],
      ['-1.5', '-1.50', '-15e-1', '-0.15E+1'],
      ['100', '1e2', '1E+2', '100.00', '0.001e5'],
    ];
    const canon = groups.map((g) => new Set(g.map(canonicalJsonNumber)));
    for (const c of canon) expect(c.size).toBe(1);
    expect(new Set(canon.map((c) => [...c][0])).size).toBe(groups.length);
    expect(canonicalJsonNumber('1')).toBe('1');
    expect(canonicalJsonNumber('-1.50')).toBe('-15e-1');
    expect(canonicalJsonNumber('1200')).toBe('12e2');
  });

  it('rejects non-numbers', () => {
    for (const t of ['', '.', 'e5', '1e', 'abc', 'NaN', 'Infinity', '1.2.3', '--1', '0x10']) {
      expect(canonicalJsonNumber(t)).toBeNull();
    }
    expect(canonicalNumberOf(NaN)).toBeNull();
    expect(canonicalNumberOf(2.5)).toBe('25e-1');
    expect(canonicalNumberOf(1e21)).toBe('1e21');
  });

  it('is equal exactly when the values are equal (random spellings)', () => {
    const rng = seededRng(3);
    // value = mantissa * 10^exp, spelled with extra zeros and shifted exponents.
    const spell = (mant: bigint, exp: number): string => {
      const neg = mant < 0n;
      let digits = (neg ? -mant : mant).toString();
      let e = exp;
      const pad = rng.int(3);
      digits += '0'.repeat(pad);
      e -= pad;
      const point = rng.int(digits.length + 1);
      const s = `${'0'.repeat(rng.int(2))}${digits.slice(0, point)}.${digits.slice(point)}`;
      e += digits.length - point;
      return `${neg ? '-' : ''}${s}e${e}`;
    };
    const values: Array<[bigint, number]> = [];
    for (let i = 0; i < 300; i++) values.push([BigInt(rng.int(2000) - 1000), rng.int(5) - 2]);
    const key = ([m, e]: [bigint, number]): string => {
      // Exact rational comparison: scale to a common exponent of -10.
      return (m * 10n ** BigInt(e + 10)).toString();
    };
    for (let i = 0; i < 2000; i++) {
      const a = values[rng.int(values.length)]!;
      const b = rng.chance(0.3) ? a : values[rng.int(values.length)]!;
      const ca = canonicalJsonNumber(spell(a[0], a[1]));
      const cb = canonicalJsonNumber(spell(b[0], b[1]));
      expect(ca).not.toBeNull();
      expect([spell(a[0], a[1]), ca === cb]).toEqual([expect.any(String), key(a) === key(b)]);
    }
  });
});
