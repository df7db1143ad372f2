#!/usr/bin/env node
// The one test command (`npm test`): type-check, run every project's `test` and `e2e` targets
// through Nx (which builds the native addon first), then print one line `N passed, N failed`
// summed over all of them. Opt-in suites (long soak, large benchmarks) are not run here; they
// are enabled by their own environment flags (see README).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = join(root, '.test-results');
const resultsFile = join(resultsDir, 'counts.jsonl');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const env = {
  ...process.env,
  VECGRES_TEST_RESULTS: resultsFile,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
};

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  return r.status === 0;
}

let extraPassed = 0;
let extraFailed = 0;
const note = (ok) => (ok ? extraPassed++ : extraFailed++);

// System tools the tests use (psql, a PostgreSQL server as the SQL oracle, openssl, cmake):
// installed when missing on Debian/Ubuntu as root; elsewhere the script names what is missing
// and the tests that need it fail with a message saying so.
if (!run('system tools', 'bash', ['tools/scripts/install-system-deps.sh'])) {
  console.warn('warning: some system tools are missing; the tests that need them will fail');
}
note(run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
const targetsOk = run('tests', 'npx', [
  'nx', 'run-many', '-t', 'test', 'e2e', '--parallel=1', '--skip-nx-cache', '--outputStyle=stream',
]);

let passed = extraPassed;
let failed = extraFailed;
if (existsSync(resultsFile)) {
  for (const line of readFileSync(resultsFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    passed += r.passed;
    failed += r.failed;
  }
}
// A target that failed without reporting counts (a build error, a crash before jest reported)
// must still fail the run.
if (!targetsOk && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && targetsOk ? 0 : 1);
