import { formatFloat4 } from '../codecs/float-format';
import { formatFloat32Shortest } from './float32-text';

describe('formatFloat32Shortest', () => {
  it('matches float4out (extra_float_digits = 1) on edge and random values', () => {
    const edge = [0, -0, 1, -1, 0.1, 1e-7, 123456789, 3.4028235e38, 1.4e-45, 1.17549435e-38, 100000, 999999, 1000000, 0.0001, 0.00001, 65504, 1.0996094];
    const rnd = Array.from({ length: 20000 }, (_, i) => (Math.random() - 0.5) * 10 ** ((i % 40) - 20));
    for (const x of [...edge, ...rnd]) {
      const f = Math.fround(x);
      expect(formatFloat32Shortest(f)).toBe(formatFloat4(f));
    }
  });
});
