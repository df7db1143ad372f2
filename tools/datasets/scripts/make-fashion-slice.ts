// Builds fixtures/fashion-mnist-784-euclidean-slice from the shared Fashion-MNIST set:
// the first 2,000 base rows, the first 100 queries, their labels, and a freshly computed
// exact L2 top-100 over the slice (float64, ties by smaller id; distances stored as Euclidean,
// not squared, like the shared GT files). Deterministic: rerunning it reproduces the files
// byte for byte.
//
//   npx tsx tools/datasets/scripts/make-fashion-slice.ts [--out <dir>]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { exactKnn } from '../src/exact-knn';
import { FIXTURES, SHARED_DATASETS, fixtureDir, missingDatasetMessage, repoRoot, sharedDatasetDir } from '../src/paths';
import { readAttribute, readFvecs } from '../src/read-vecs';
import { writeVecs } from '../src/write-vecs';

const N_BASE = 2000;
const N_QUERY = 100;
const K = 100;

function main(argv: string[]): void {
  const outIdx = argv.indexOf('--out');
  const outDir =
    outIdx >= 0 ? argv[outIdx + 1] : (fixtureDir(FIXTURES.fashionSlice) ?? join(repoRoot(), 'tools', 'datasets', 'fixtures', FIXTURES.fashionSlice));
  const src = sharedDatasetDir(SHARED_DATASETS.fashionMnist);
  if (!src) throw new Error(missingDatasetMessage(SHARED_DATASETS.fashionMnist));

  const base = readFvecs(join(src, 'base.fvecs.gz'));
  const query = readFvecs(join(src, 'query.fvecs.gz'));
  const d = base.d;
  const baseSlice = base.data.slice(0, N_BASE * d);
  const querySlice = query.data.slice(0, N_QUERY * d);
  const baseLabels = readAttribute(join(src, 'base.label.ivecs.gz')).slice(0, N_BASE);
  const queryLabels = readAttribute(join(src, 'query.label.ivecs.gz')).slice(0, N_QUERY);

  const gt = exactKnn({ metric: 'l2sq', dim: d, base: baseSlice, nBase: N_BASE, queries: querySlice, nq: N_QUERY, k: K });
  const gtDist = new Float32Array(gt.dists.length);
  for (let i = 0; i < gtDist.length; i++) gtDist[i] = Math.sqrt(gt.dists[i]);

  mkdirSync(outDir, { recursive: true });
  writeVecs(join(outDir, 'base.fvecs.gz'), { n: N_BASE, d, data: baseSlice });
  writeVecs(join(outDir, 'query.fvecs.gz'), { n: N_QUERY, d, data: querySlice });
  writeVecs(join(outDir, 'base.label.ivecs.gz'), { n: N_BASE, d: 1, data: baseLabels });
  writeVecs(join(outDir, 'query.label.ivecs.gz'), { n: N_QUERY, d: 1, data: queryLabels });
  writeVecs(join(outDir, 'gt.ivecs.gz'), { n: N_QUERY, d: K, data: gt.ids });
  writeVecs(join(outDir, 'gt.dist.fvecs.gz'), { n: N_QUERY, d: K, data: gtDist });
  console.log(`wrote ${outDir}: base ${N_BASE}x${d}, query ${N_QUERY}x${d}, gt ${N_QUERY}x${K}`);
}

main(process.argv.slice(2));
