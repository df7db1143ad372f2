// Smoke test of the measuring functions against the real native core, in quick mode on a
// tiny arena: checks the shape of the results and that every number is finite and positive.
// No timing thresholds.
import { loadCoreForBench } from './load-core';
import { measureCase, measureLevel, measureMemory } from './measure';
import { makeArena, makeQuery } from './arena';
import { casesForType, ELEM_TYPES, rowBytes } from './cases';
import type { KernelsBenchOptions } from './types';

const TINY: KernelsBenchOptions = {
  arenaBytes: 256 << 10,
  dims: [96, 384],
  types: [...ELEM_TYPES],
  reps: 2,
  maxCaseSeconds: 1,
  k: 10,
  clock: 'wall',
  arenaOffset: 0,
};

function expectPositiveFinite(values: Record<string, number>): void {
  for (const [key, v] of Object.entries(values)) {
    expect({ key, finite: Number.isFinite(v) && v > 0 }).toEqual({ key, finite: true });
  }
}

describe('measureLevel (real native core, tiny arena)', () => {
  const core = loadCoreForBench();

  it('measures every kernel case at every d, with finite positive numbers', async () => {
    const report = await measureLevel(core, TINY);
    expect(report.level).toBe(core.simdLevel());

    const expected = TINY.types.flatMap((t) =>
      TINY.dims.flatMap((d) => casesForType(t).map((c) => `${c.type} ${c.metric} ${c.op} ${d}`)),
    );
    expect(report.kernels.map((r) => `${r.type} ${r.metric} ${r.op} ${r.dim}`)).toEqual(expected);
    // f32: 4 scanDistances + 4 scanTopK; f16: 4; i8, u8, bits: 2 each -> 18 per d.
    expect(report.kernels).toHaveLength(18 * TINY.dims.length);

    for (const r of report.kernels) {
      expect(r.level).toBe(core.simdLevel());
      expect(r.rowBytes).toBe(rowBytes(r.type, r.dim));
      expect(r.nRows).toBe(Math.floor(TINY.arenaBytes / r.rowBytes));
      expect(r.scannedBytes).toBe(r.nRows * r.rowBytes);
      expect(r.nativeDim).toBe(r.type === 'bits' ? r.dim * 8 : r.dim);
      expect(r.reps).toBeGreaterThanOrEqual(1);
      expect(r.reps).toBeLessThanOrEqual(TINY.reps);
      expectPositiveFinite({ medianNs: r.medianNs, nsPerDistance: r.nsPerDistance, gbPerSec: r.gbPerSec });
      expect(r.gbPerSec).toBeCloseTo(r.scannedBytes / r.medianNs, 9);
      expect(r.medianNs).toBe(r.medianWallNs);
      expectPositiveFinite({ medianCpuNs: r.medianCpuNs, pairedReadGbPerSec: r.pairedReadGbPerSec });
    }

    expect(report.memory.level).toBe(core.simdLevel());
    expect(report.memory.bytes).toBe(TINY.arenaBytes);
    expectPositiveFinite({
      medianGbPerSec: report.memory.medianGbPerSec,
      bestGbPerSec: report.memory.bestGbPerSec,
      medianNs: report.memory.medianNs,
    });
    expect(report.memory.bestGbPerSec).toBeGreaterThanOrEqual(report.memory.medianGbPerSec);
  });

  it('really runs the scans: scanDistances fills the output with the distances', async () => {
    const d = 16;
    const arena = makeArena('f32', d, 64 * d * 4, 1);
    const query = makeQuery('f32', d, 2);
    const out = new Float32Array(arena.nRows).fill(-1);
    await measureCase(core, { type: 'f32', metric: 'l2sq', op: 'distances' }, d, arena, query, out, TINY);
    const rows = arena.data as Float32Array;
    const q = query as Float32Array;
    for (const j of [0, 17, arena.nRows - 1]) {
      let s = 0;
      for (let i = 0; i < d; i++) s += (rows[j * d + i]! - q[i]!) ** 2;
      expect(out[j]).toBeCloseTo(s, 4);
    }
  });

  it('measures memory read bandwidth over exactly the requested bytes', async () => {
    const m = await measureMemory(core, 1 << 20, { reps: 3, maxCaseSeconds: 1, clock: 'cpu', arenaOffset: 48 });
    expect(m.bytes).toBe(1 << 20);
    expect(m.reps).toBe(3);
    // clock 'cpu': the reported median is the CPU-time one.
    expect(m.medianNs).toBe(m.medianCpuNs);
    expect(m.medianGbPerSec).toBeCloseTo(m.bytes / m.medianCpuNs, 9);
    expectPositiveFinite({ medianGbPerSec: m.medianGbPerSec, bestGbPerSec: m.bestGbPerSec });
  });
});
