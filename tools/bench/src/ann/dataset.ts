// Finds and loads an ANN dataset in the shared format (/work/shared/datasets/README.md):
//   <dir>/base.fvecs(.gz) n x d, query.fvecs(.gz) nq x d, gt.ivecs(.gz) nq x >= k (exact ids).
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { missingDatasetMessage, readFvecs, readIvecs, sharedDatasetDir } from '@vecgres/datasets';

import type { AnnMetric } from './types';

/** The dataset is not on this machine; the CLI prints the message and exits with status 2. */
export class DatasetMissingError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'DatasetMissingError';
  }
}

export interface AnnDataset {
  name: string;
  dir: string;
  metric: AnnMetric;
  n: number;
  dim: number;
  /** Float32Array, n * dim, row-major. */
  base: Float32Array;
  nq: number;
  /** Float32Array, nq * dim, row-major. */
  queries: Float32Array;
  /** Int32Array, nq * gtD exact neighbour ids, nearest first. */
  gt: Int32Array;
  gtD: number;
}

/** The metric a dataset name implies (ann-benchmarks naming), or undefined. */
export function metricFromName(name: string): AnnMetric | undefined {
  if (/-(angular|cosine)(-|$)/.test(name)) return 'cosine';
  if (/-(euclidean|l2)(-|$)/.test(name)) return 'l2';
  return undefined;
}

function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/**
 * The directory of `dataset`: an existing directory path as given, else `<datasetsDir>/<name>`
 * when datasetsDir is set, else the shared locations (../shared/datasets, $VECGRES_DATASETS_DIR).
 * Throws DatasetMissingError saying where it looked.
 */
export function resolveDatasetDir(dataset: string, datasetsDir?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (isDir(dataset)) return resolve(dataset);
  if (datasetsDir !== undefined) {
    const dir = resolve(datasetsDir, dataset);
    if (isDir(dir)) return dir;
    throw new DatasetMissingError(
      `dataset '${dataset}' is not available: looked in ${dir}. Pass --datasets-dir <dir> containing '${dataset}/', ` +
        `or --dataset <path to the dataset directory>.`,
    );
  }
  const dir = sharedDatasetDir(dataset, env);
  if (dir !== undefined) return dir;
  throw new DatasetMissingError(`${missingDatasetMessage(dataset, env)} Or pass --datasets-dir <dir> or a directory path.`);
}

/** `<dir>/<stem>.gz` if present, else `<dir>/<stem>`; throws DatasetMissingError if neither. */
export function datasetFile(dir: string, stem: string): string {
  for (const p of [join(dir, `${stem}.gz`), join(dir, stem)]) if (existsSync(p)) return p;
  throw new DatasetMissingError(`dataset directory ${dir} has no ${stem}(.gz)`);
}

/**
 * Loads base, queries (the first `maxQueries`) and ground truth. `metric` overrides the one
 * implied by the name; one of the two is required.
 */
export function loadAnnDataset(dir: string, opts: { maxQueries?: number; metric?: AnnMetric } = {}): AnnDataset {
  const name = basename(dir);
  const metric = opts.metric ?? metricFromName(name);
  if (metric === undefined) {
    throw new Error(`cannot tell the metric of dataset '${name}' from its name; pass --metric l2|cosine`);
  }
  const base = readFvecs(datasetFile(dir, 'base.fvecs'));
  const q = readFvecs(datasetFile(dir, 'query.fvecs'));
  const gt = readIvecs(datasetFile(dir, 'gt.ivecs'));
  if (q.d !== base.d) throw new Error(`${dir}: queries have d=${q.d}, base has d=${base.d}`);
  if (gt.n !== q.n) throw new Error(`${dir}: ground truth has ${gt.n} rows for ${q.n} queries`);
  const nq = Math.min(q.n, opts.maxQueries ?? q.n);
  return {
    name,
    dir,
    metric,
    n: base.n,
    dim: base.d,
    base: base.data,
    nq,
    queries: q.data.subarray(0, nq * q.d),
    gt: gt.data.subarray(0, nq * gt.d),
    gtD: gt.d,
  };
}
