// @vecgres/datasets: dataset file formats, locations and the exact-kNN oracle (tools layer).
export {
  decodeFvecs,
  decodeIvecs,
  readAttribute,
  readFvecs,
  readIvecs,
  readJsonl,
  readMaybeGzip,
  type Vecs,
} from './read-vecs';
export { encodeVecs, writeVecs } from './write-vecs';
export {
  FIXTURES,
  SHARED_DATASETS,
  fixtureDir,
  missingDatasetMessage,
  repoRoot,
  sharedDatasetCandidates,
  sharedDatasetDir,
} from './paths';
export {
  compareNeighbours,
  exactDistance,
  exactKnn,
  type ExactKnnInput,
  type ExactKnnResult,
  type ExactMetric,
} from './exact-knn';
