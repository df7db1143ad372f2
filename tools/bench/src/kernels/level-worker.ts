// Child-process entry: measures every case at the ONE SIMD level this process's native core
// was loaded with (VECGRES_SIMD_LEVEL, set by spawn-level.ts) and prints the LevelReport as
// JSON on stdout. Progress lines go to stderr. Not imported by anything.
import { loadCoreForBench } from './load-core';
import { measureLevel } from './measure';
import type { KernelsBenchOptions } from './types';

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2] ?? '') as KernelsBenchOptions;
  const core = loadCoreForBench();
  const wanted = process.env['VECGRES_SIMD_LEVEL'];
  // A forced level the CPU or binary lacks silently falls back in the core; a benchmark
  // labelled "avx2" that ran avx512 would be worse than no number at all.
  if (core.forcedLevelUnavailable() || (wanted !== undefined && core.simdLevel() !== wanted)) {
    throw new Error(`SIMD level ${wanted} requested but the core runs ${core.simdLevel()}`);
  }
  const report = await measureLevel(core, opts, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
