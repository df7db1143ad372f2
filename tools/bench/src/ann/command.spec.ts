import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { repoRoot } from '@vecgres/datasets';

import { annCommandLine, buildAnnCommand, DEFAULT_EFS } from './command';

jest.setTimeout(60_000);

describe('annCommandLine', () => {
  it('records how to re-run, without the --json target', () => {
    const argv = ['node', '/x/tools/bench/src/ann/main.ts', '--dataset', 'glove', '--json', 'o.json', '--threads', '2'];
    expect(annCommandLine(argv)).toBe('npm run bench:ann -- --dataset glove --threads 2');
    expect(annCommandLine(['node', '/x/main.ts', '--json=o.json'])).toBe('npm run bench:ann');
  });
});

describe('the ann command', () => {
  it('has the documented defaults', () => {
    const cmd = buildAnnCommand();
    cmd.parseOptions(['--dataset', 'x']);
    expect(cmd.opts()).toMatchObject({ m: 16, efConstruction: 64, ef: DEFAULT_EFS, k: 10, queries: 1000, reps: 1, clients: [1, 2] });
  });

  it('exits with status 2 and says so when the dataset is absent', () => {
    const empty = mkdtempSync(join(tmpdir(), 'vecgres-bench-none-'));
    const root = repoRoot();
    const r = spawnSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'tools/bench/src/ann/main.ts'), '--dataset', 'glove-100-angular-100k', '--datasets-dir', empty],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`dataset 'glove-100-angular-100k' is not available: looked in ${join(empty, 'glove-100-angular-100k')}`);
    expect(r.stdout).toBe('');
  });
});
