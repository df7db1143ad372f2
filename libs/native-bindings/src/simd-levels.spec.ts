// Every SIMD level available on this machine computes what the scalar level computes:
// floats within 1e-5 (relative to the magnitude of the summed terms), integers and bits
// exactly, over dims {1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 100, 127, 128, 129, 768, 1536}.
// Each level runs in its own child process (the level is fixed at load).
import { loadNativeCore } from './index';
import { LEVEL_DIMS, MISALIGNED_OFFSETS, PROBE_NQ, PROBE_ROWS, probeCase, probeKey, type ProbeOutput } from './testing/level-probe';
import { rowElems } from './testing/random';
import { closeToReference, isExactKernel, referenceDistance, SUPPORTED_KERNELS } from './testing/reference';
import { decodeFloat, runLevelProbe } from './testing/run-probe';

const levels = loadNativeCore().availableSimdLevels();
const outputs = new Map<string, ProbeOutput>();
function output(level: string): ProbeOutput {
  let o = outputs.get(level);
  if (!o) {
    o = runLevelProbe(level);
    outputs.set(level, o);
  }
  return o;
}

jest.setTimeout(120_000);

describe(`SIMD levels (${levels.join(', ')})`, () => {
  it('the scalar level matches the JS reference for every kernel and dim', () => {
    const scalar = output('scalar');
    expect(scalar.level).toBe('scalar');
    const problems: string[] = [];
    for (const { type, metric } of SUPPORTED_KERNELS) {
      for (const dim of LEVEL_DIMS) {
        const c = probeCase(type, metric, dim);
        const got = scalar.distances[probeKey(type, metric, dim)].map(decodeFloat);
        const per = rowElems(type, dim);
        for (let q = 0; q < PROBE_NQ; q++) {
          for (let r = 0; r < PROBE_ROWS; r++) {
            const ref = referenceDistance(type, metric, dim, c.queries, q * per, c.rows, r * per);
            const x = got[q * PROBE_ROWS + r];
            // Integer results are exact in int32, then rounded once to the float32 output.
            const ok = isExactKernel(type) && metric !== 'jaccard' ? x === Math.fround(ref.value) : closeToReference(x, ref);
            if (!ok) problems.push(`${probeKey(type, metric, dim)} q${q} r${r}: ${x} vs ${ref.value}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(levels)('level %s matches scalar (floats 1e-5, ints/bits exact), on packed, unaligned and misaligned rows', (level) => {
    const o = output(level);
    const scalar = output('scalar');
    expect(o.level).toBe(level);
    expect(o.forcedLevelUnavailable).toBe(false);
    expect(o.available).toEqual(levels);
    const problems: string[] = [];
    for (const { type, metric } of SUPPORTED_KERNELS) {
      for (const dim of LEVEL_DIMS) {
        const key = probeKey(type, metric, dim);
        const c = probeCase(type, metric, dim);
        const per = rowElems(type, dim);
        const mine = o.distances[key].map(decodeFloat);
        const strided = o.strided[key].map(decodeFloat);
        const misaligned = o.misaligned[key].map(decodeFloat);
        const base = scalar.distances[key].map(decodeFloat);
        // Floats: within 1e-5 of scalar, not bit for bit across row addresses (the AVX-512
        // kernels peel each row to its 64-byte boundary, so the summation order follows the
        // address). Integers and bits: exact everywhere.
        const matches = (x: number, y: number, scale: number): boolean =>
          isExactKernel(type) ? Object.is(x, y) : closeToReference(x, { value: y, scale });
        for (let i = 0; i < mine.length; i++) {
          const q = Math.floor(i / PROBE_ROWS);
          const r = i % PROBE_ROWS;
          const ref = referenceDistance(type, metric, dim, c.queries, q * per, c.rows, r * per);
          if (!matches(mine[i], base[i], ref.scale)) problems.push(`${key} [${i}]: ${level} ${mine[i]} vs scalar ${base[i]}`);
          if (!matches(strided[i], base[i], ref.scale)) problems.push(`${key} [${i}]: unaligned rows ${strided[i]} vs scalar ${base[i]}`);
          MISALIGNED_OFFSETS.forEach((offset, n) => {
            const x = misaligned[n * mine.length + i];
            if (!matches(x, base[i], ref.scale)) problems.push(`${key} [${i}]: arena at 64+${offset} ${x} vs scalar ${base[i]}`);
          });
        }
        expect(misaligned).toHaveLength(MISALIGNED_OFFSETS.length * mine.length);
        if (isExactKernel(type)) {
          expect(o.topkIds[key]).toEqual(scalar.topkIds[key]);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(o.checksum).toBe(scalar.checksum);
  });

  it('reports a forced level this machine lacks and falls back to the best level', () => {
    const best = levels[levels.length - 1];
    const unavailable = ['neon', 'avx512', 'avx2'].find((l) => !levels.includes(l as never)) ?? 'no-such-level';
    for (const forced of [unavailable, 'no-such-level']) {
      const o = runLevelProbe(forced, true);
      expect(o.forcedLevelUnavailable).toBe(true);
      expect(o.level).toBe(best);
    }
    const unforced = runLevelProbe(undefined, true);
    expect(unforced.forcedLevelUnavailable).toBe(false);
    expect(unforced.level).toBe(best);
  });
});
