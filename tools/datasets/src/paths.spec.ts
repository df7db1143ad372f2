import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { FIXTURES, fixtureDir, missingDatasetMessage, repoRoot, sharedDatasetCandidates, sharedDatasetDir } from './paths';

describe('dataset paths', () => {
  it('finds the repository root and the in-repo fixtures', () => {
    expect(require(join(repoRoot(), 'package.json')).name).toBe('vecgres');
    expect(fixtureDir(FIXTURES.fiori)).toBe(join(repoRoot(), 'tools', 'datasets', 'fixtures', FIXTURES.fiori));
    expect(fixtureDir(FIXTURES.fashionSlice)).toBeDefined();
    expect(fixtureDir('no-such-fixture')).toBeUndefined();
  });

  it('looks beside the checkout first, then in VECGRES_DATASETS_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vecgres-shared-'));
    try {
      const name = 'h2-only-in-env-dir';
      const env = { VECGRES_DATASETS_DIR: dir };
      expect(sharedDatasetCandidates(name, env)).toEqual([
        resolve(repoRoot(), '..', 'shared', 'datasets', name),
        join(dir, name),
      ]);
      expect(sharedDatasetDir(name, env)).toBeUndefined();
      mkdirSync(join(dir, name));
      expect(sharedDatasetDir(name, env)).toBe(join(dir, name));
      expect(sharedDatasetDir(name, {})).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says where it looked when a dataset is absent', () => {
    const msg = missingDatasetMessage('glove-100-angular-100k', { VECGRES_DATASETS_DIR: '/data/sets' });
    expect(msg).toContain("dataset 'glove-100-angular-100k' is not available");
    expect(msg).toContain('/data/sets/glove-100-angular-100k');
    expect(msg).toContain('VECGRES_DATASETS_DIR');
  });
});
