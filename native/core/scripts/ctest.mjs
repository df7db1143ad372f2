#!/usr/bin/env node
// `npm test` for native/core: configure and build the core alone with plain cmake into
// native/core/build (Release, VECGRES_CORE_TESTS=ON), run ctest, and report the number of
// test CASES (each test binary prints `VECGRES_TEST_SUMMARY passed=N failed=M`).
// If VECGRES_TEST_RESULTS is set, appends one JSON line to it for the root test summary:
//   {"project":"native-core","passed":N,"failed":M,"skipped":0}
// Exits non-zero on any build or test failure.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(coreDir, 'build');
const jobs = String(Math.max(1, Math.min(2, availableParallelism())));

function run(cmd, args, capture = false) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    cwd: coreDir,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) console.error(`${cmd}: ${r.error.message}`);
  if (capture) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
  }
  return { ok: r.status === 0, out: r.stdout ?? '' };
}

function report(passed, failed) {
  console.log(`native-core: ${passed} passed, ${failed} failed`);
  const file = process.env.VECGRES_TEST_RESULTS;
  if (file) {
    appendFileSync(file, `${JSON.stringify({ project: 'native-core', passed, failed, skipped: 0 })}\n`);
  }
  process.exit(failed === 0 ? 0 : 1);
}

const configured = run('cmake', ['-S', '.', '-B', buildDir, '-DCMAKE_BUILD_TYPE=Release', '-DVECGRES_CORE_TESTS=ON']);
if (!configured.ok) report(0, 1);
const built = run('cmake', ['--build', buildDir, '--parallel', jobs]);
if (!built.ok) report(0, 1);

// -V so that the binaries' own output (levels tested, per-case lines, summaries) is shown
// and can be counted; ctest alone only knows about executables.
const tested = spawnSync('ctest', ['-V', '--no-tests=error'], { cwd: buildDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const out = `${tested.stdout ?? ''}${tested.stderr ?? ''}`;
process.stdout.write(out);

let passed = 0;
let failed = 0;
for (const m of out.matchAll(/VECGRES_TEST_SUMMARY passed=(\d+) failed=(\d+)/g)) {
  passed += Number(m[1]);
  failed += Number(m[2]);
}
const levels = out.match(/levels:([^\n]*)/);
console.log(`native-core SIMD levels tested:${levels ? levels[1] : ' (none reported)'}`);
// A crash or a binary that never printed its summary still fails the run.
if (tested.status !== 0 && failed === 0) failed = 1;
report(passed, failed);
