// The measuring functions, run inside ONE process whose native core is fixed at one SIMD level
// (the core picks its level once at load from VECGRES_SIMD_LEVEL; see spawn-level.ts).
//
//   for each element type:           for each d:
//     arena = makeArena(type, d)       (~arenaBytes, random, every page touched)
//     for each metric: time scanDistances(1 query x arena)      -> KernelResult
//     f32 only:        time scanTopK(k) per metric              -> KernelResult (op 'topk')
//     (each scan repetition is followed by a readMemory of the same arena: pairedReadGbPerSec)
//   memory reference: time readMemory over a byte arena of the same size -> MemoryResult
import type { NativeCore, VectorArray } from '@vecgres/native-bindings';
import { allocTopK } from '@vecgres/native-bindings';

import { makeArena, makeByteArena, makeQuery, type Arena } from './arena';
import { casesForType, nativeDim, type KernelCase } from './cases';
import { median, timeInterleaved, timeReps, timesOf, type RepTimes } from './stats';
import type { KernelResult, KernelsBenchOptions, LevelReport, MemoryResult } from './types';

export type Progress = (line: string) => void;

const ARENA_SEED = 0x5eed;
const QUERY_SEED = 0x9e37;

/** Times `readMemory` (a plain vector-load read) over `bytes` bytes. */
export async function measureMemory(
  core: NativeCore,
  bytes: number,
  opts: Pick<KernelsBenchOptions, 'reps' | 'maxCaseSeconds' | 'clock' | 'arenaOffset' | 'arenaAlign'>,
): Promise<MemoryResult> {
  const data = makeByteArena(bytes, ARENA_SEED, opts.arenaOffset, opts.arenaAlign);
  // One untimed pass so the first timed one does not include any lazy setup in the binding.
  await core.readMemory(data);
  const t = await timeReps(() => core.readMemory(data), opts.reps, opts.maxCaseSeconds);
  const times = timesOf(t, opts.clock);
  const med = median(times);
  return {
    level: core.simdLevel(),
    bytes: data.byteLength,
    reps: times.length,
    medianNs: med,
    medianWallNs: median(t.wallNs),
    medianCpuNs: median(t.cpuNs),
    medianGbPerSec: data.byteLength / med,
    bestGbPerSec: data.byteLength / Math.min(...times),
  };
}

/**
 * Times one case over an existing arena.
 * query: one row of the arena's element type (shape [1, row elements]);
 * out: Float32Array, length arena.nRows (scanDistances' output, reused across cases).
 */
export async function measureCase(
  core: NativeCore,
  c: KernelCase,
  d: number,
  arena: Arena,
  query: VectorArray,
  out: Float32Array,
  opts: Pick<KernelsBenchOptions, 'reps' | 'maxCaseSeconds' | 'k' | 'clock'>,
): Promise<KernelResult> {
  const spec = {
    type: c.type,
    metric: c.metric,
    dim: nativeDim(c.type, d),
    queries: query,
    nq: 1,
    arena: arena.data,
    nRows: arena.nRows,
  };
  const topk = allocTopK(1, opts.k);
  const run = c.op === 'distances' ? () => core.scanDistances(spec, out) : () => core.scanTopK(spec, opts.k, topk);
  // Each scan is paired with a readMemory of the very same bytes right after it.
  const [t, read] = (await timeInterleaved([run, () => core.readMemory(arena.data)], opts.reps, opts.maxCaseSeconds)) as [
    RepTimes,
    RepTimes,
  ];
  const times = timesOf(t, opts.clock);
  const med = median(times);
  const scannedBytes = arena.nRows * arena.rowBytes;
  const readMed = median(timesOf(read, opts.clock));
  return {
    level: core.simdLevel(),
    type: c.type,
    metric: c.metric,
    op: c.op,
    dim: d,
    nativeDim: spec.dim,
    rowBytes: arena.rowBytes,
    nRows: arena.nRows,
    scannedBytes,
    reps: times.length,
    medianNs: med,
    medianWallNs: median(t.wallNs),
    medianCpuNs: median(t.cpuNs),
    nsPerDistance: med / arena.nRows,
    gbPerSec: scannedBytes / med,
    pairedReadGbPerSec: arena.data.byteLength / readMed,
  };
}

/** Every kernel case at every d for the element types in `opts`, at the core's level. */
export async function measureKernels(
  core: NativeCore,
  opts: KernelsBenchOptions,
  progress: Progress = () => {},
): Promise<KernelResult[]> {
  const results: KernelResult[] = [];
  for (const type of opts.types) {
    for (const d of opts.dims) {
      // The previous 1 GiB arena is garbage now; collect it before allocating the next so a
      // run holds one arena at a time (gc exists when the child runs with --expose-gc).
      (globalThis as { gc?: () => void }).gc?.();
      const arena = makeArena(type, d, opts.arenaBytes, ARENA_SEED + d, {
        byteOffset: opts.arenaOffset,
        align: opts.arenaAlign,
      });
      const query = makeQuery(type, d, QUERY_SEED + d);
      // fill() writes every page of the output now, so no scan pays its first-touch faults.
      const out = new Float32Array(arena.nRows).fill(0);
      for (const c of casesForType(type)) {
        const r = await measureCase(core, c, d, arena, query, out, opts);
        progress(
          `[${r.level}] ${c.type} ${c.metric}${c.op === 'topk' ? ` top-${opts.k}` : ''} d=${d}: ` +
            `${r.nsPerDistance.toFixed(2)} ns/dist, ${r.gbPerSec.toFixed(2)} GB/s (${r.reps} reps)`,
        );
        results.push(r);
      }
    }
  }
  return results;
}

/** The memory reference first (before big arenas fragment the heap), then all kernels. */
export async function measureLevel(
  core: NativeCore,
  opts: KernelsBenchOptions,
  progress: Progress = () => {},
): Promise<LevelReport> {
  const memory = await measureMemory(core, opts.arenaBytes, opts);
  progress(
    `[${memory.level}] readMemory ${(memory.bytes / 2 ** 20).toFixed(0)} MiB: ` +
      `${memory.medianGbPerSec.toFixed(2)} GB/s median, ${memory.bestGbPerSec.toFixed(2)} best`,
  );
  const kernels = await measureKernels(core, opts, progress);
  return { level: core.simdLevel(), memory, kernels };
}
