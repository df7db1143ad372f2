import { radixSort } from './radix-sort';
import { seededRng } from './testing/rng';

describe('radixSort', () => {
  for (const n of [0, 1, 2, 100, 5000, 70_000]) {
    it(`sorts ${n} (hi, lo) keys stably with their payload`, () => {
      const rng = seededRng(n + 3);
      // Few distinct high words and many ties exercise skipped passes and stability.
      const hi = Uint32Array.from({ length: n }, () => rng.pick([0, 1, 0xffffffff, rng.int(2 ** 32)]));
      const lo = Uint32Array.from({ length: n }, () => (rng.chance(0.5) ? rng.int(8) : rng.int(2 ** 32)));
      const pos = Uint32Array.from({ length: n }, (_, i) => i);
      const want = Array.from(pos).sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]! || a - b);
      const wantHi = want.map((i) => hi[i]!);
      radixSort([lo, hi], [pos]);
      expect(Array.from(pos)).toEqual(want);
      expect(Array.from(hi)).toEqual(wantHi);
    });
  }
});
