// The per-level child process: the report it sends back must be measured at the level that was
// asked for (the core picks it from VECGRES_SIMD_LEVEL at load).
import { loadCoreForBench } from './load-core';
import { runLevelInChild } from './spawn-level';
import type { KernelsBenchOptions } from './types';

const TINY: KernelsBenchOptions = {
  arenaBytes: 64 << 10,
  dims: [128],
  types: ['f32', 'u8'],
  reps: 1,
  maxCaseSeconds: 1,
  k: 10,
  clock: 'wall',
  arenaOffset: 16,
};

jest.setTimeout(60_000);

describe('runLevelInChild', () => {
  const levels = loadCoreForBench().availableSimdLevels();

  it.each(levels.map((l) => [l]))('measures at %s in a child process', async (level) => {
    const lines: string[] = [];
    const report = await runLevelInChild(level, TINY, (l) => lines.push(l));
    expect(report.level).toBe(level);
    expect(report.memory.level).toBe(level);
    expect(report.kernels.map((r) => `${r.level} ${r.type} ${r.metric} ${r.op}`)).toEqual([
      `${level} f32 l2sq distances`, `${level} f32 negdot distances`, `${level} f32 cosine distances`, `${level} f32 l1 distances`,
      `${level} f32 l2sq topk`, `${level} f32 negdot topk`, `${level} f32 cosine topk`, `${level} f32 l1 topk`,
      `${level} u8 l2sq distances`, `${level} u8 negdot distances`,
    ]);
    expect(report.kernels.every((r) => Number.isFinite(r.gbPerSec) && r.gbPerSec > 0)).toBe(true);
    // One progress line per case plus the readMemory line.
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(new RegExp(`^\\[${level}\\] readMemory`));
  });

  it('fails clearly for a level the core cannot run', async () => {
    const missing = (['scalar', 'avx2', 'avx512', 'neon'] as const).find((l) => !levels.includes(l))!;
    await expect(runLevelInChild(missing, TINY, () => {})).rejects.toThrow(
      new RegExp(`bench child for ${missing} failed[\\s\\S]*SIMD level ${missing} requested`),
    );
  });
});
