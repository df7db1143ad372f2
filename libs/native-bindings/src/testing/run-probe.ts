// Runs level-probe.ts in a child node process (through tsx) with VECGRES_SIMD_LEVEL set.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ProbeOutput } from './level-probe';

/** `level` undefined runs with VECGRES_SIMD_LEVEL unset; `infoOnly` skips the scans. */
export function runLevelProbe(level: string | undefined, infoOnly = false): ProbeOutput {
  const env = { ...process.env };
  delete env.VECGRES_SIMD_LEVEL;
  if (level !== undefined) env.VECGRES_SIMD_LEVEL = level;
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const result = spawnSync(process.execPath, ['--import', tsx, join(__dirname, 'level-probe.ts'), ...(infoOnly ? ['--info'] : [])], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0) {
    throw new Error(`level probe (VECGRES_SIMD_LEVEL=${level}) exited ${result.status}: ${result.stderr || result.error}`);
  }
  return JSON.parse(result.stdout) as ProbeOutput;
}

/** Inverse of the probe's encoding of non-finite floats. */
export function decodeFloat(x: number | string): number {
  return typeof x === 'number' ? x : Number(x);
}
