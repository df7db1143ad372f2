import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FIXTURES, fixtureDir } from '@vecgres/datasets';

import { DatasetMissingError, loadAnnDataset, metricFromName, resolveDatasetDir } from './dataset';

describe('metricFromName', () => {
  it('reads the ann-benchmarks suffixes', () => {
    expect(metricFromName('glove-100-angular-100k')).toBe('cosine');
    expect(metricFromName('fiori-docs-minilm-384-cosine')).toBe('cosine');
    expect(metricFromName('fashion-mnist-784-euclidean')).toBe('l2');
    expect(metricFromName('fashion-mnist-784-euclidean-slice')).toBe('l2');
    expect(metricFromName('my-vectors')).toBeUndefined();
  });
});

describe('resolveDatasetDir', () => {
  const empty = mkdtempSync(join(tmpdir(), 'vecgres-bench-ds-'));

  it('takes an existing directory path as is', () => {
    const dir = fixtureDir(FIXTURES.fashionSlice)!;
    expect(resolveDatasetDir(dir)).toBe(dir);
  });

  it('finds a name under --datasets-dir', () => {
    const fixtures = join(fixtureDir(FIXTURES.fashionSlice)!, '..');
    expect(resolveDatasetDir(FIXTURES.fashionSlice, fixtures)).toBe(join(fixtures, FIXTURES.fashionSlice));
  });

  it('says clearly where it looked when the dataset is absent (exit status 2)', () => {
    let error: unknown;
    try {
      resolveDatasetDir('no-such-set-784-euclidean', empty);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetMissingError);
    expect((error as DatasetMissingError).exitCode).toBe(2);
    expect((error as Error).message).toBe(
      `dataset 'no-such-set-784-euclidean' is not available: looked in ${join(empty, 'no-such-set-784-euclidean')}. ` +
        `Pass --datasets-dir <dir> containing 'no-such-set-784-euclidean/', or --dataset <path to the dataset directory>.`,
    );
  });

  it('names the shared locations and VECGRES_DATASETS_DIR without --datasets-dir', () => {
    expect(() => resolveDatasetDir('no-such-set', undefined, { VECGRES_DATASETS_DIR: empty })).toThrow(
      new RegExp(`dataset 'no-such-set' is not available: looked in .*shared/datasets/no-such-set, ${empty}/no-such-set\\.`),
    );
  });
});

describe('loadAnnDataset', () => {
  it('loads base, the first N queries and their ground truth rows', () => {
    const ds = loadAnnDataset(fixtureDir(FIXTURES.fashionSlice)!, { maxQueries: 7 });
    expect(ds).toMatchObject({ name: FIXTURES.fashionSlice, metric: 'l2', n: 2000, dim: 784, nq: 7, gtD: 100 });
    expect(ds.base.length).toBe(2000 * 784);
    expect(ds.queries.length).toBe(7 * 784);
    expect(ds.gt.length).toBe(7 * 100);
  });

  it('needs a metric when the name does not imply one', () => {
    expect(() => loadAnnDataset(mkdtempSync(join(tmpdir(), 'plain-')))).toThrow(/pass --metric/);
  });

  it('reports a missing file as a missing dataset', () => {
    expect(() => loadAnnDataset(mkdtempSync(join(tmpdir(), 'x-euclidean-')))).toThrow(DatasetMissingError);
  });
});
