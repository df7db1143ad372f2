// Runs the measurements for one SIMD level in a child process. The native core resolves its
// level once at load from VECGRES_SIMD_LEVEL, so each level needs a fresh process; running the
// levels one after another (never in parallel) also keeps them from sharing memory bandwidth.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { SimdLevel } from '@vecgres/native-bindings';

import type { Progress } from './measure';
import type { KernelsBenchOptions, LevelReport } from './types';

const WORKER = join(__dirname, 'level-worker.ts');

/** `node --import tsx` works under tsx, jest and plain node alike (tsx's loader is absolute). */
function tsxImportArgs(): string[] {
  return ['--import', pathToFileURL(require.resolve('tsx')).href];
}

export function runLevelInChild(
  level: SimdLevel,
  opts: KernelsBenchOptions,
  progress: Progress = (line) => process.stderr.write(`${line}\n`),
): Promise<LevelReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...tsxImportArgs(), WORKER, JSON.stringify(opts)], {
      env: { ...process.env, VECGRES_SIMD_LEVEL: level },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      pending += s;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        stderrTail = `${stderrTail}\n${line}`.slice(-2000);
        progress(line);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (pending) stderrTail = `${stderrTail}\n${pending}`.slice(-2000);
      if (code !== 0) {
        reject(new Error(`bench child for ${level} failed (${signal ?? `exit ${code}`}):${stderrTail}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as LevelReport);
      } catch (e) {
        reject(new Error(`bench child for ${level} printed no report: ${(e as Error).message}`));
      }
    });
  });
}
