// The durability harness, for benchmarks and other suites: a data directory that outlives
// server processes, the checkable crash workload, and dataset loading through COPY.
export { bytesUnder, listFiles, makeCluster, type Cluster } from './testing/cluster';
export { copySet, loadSet, SET_DDL, vectorText, type LoadedSet, type LoadStats } from './testing/dataset-load';
export { ITEMS_DDL, SEARCH_SQL, VECTOR_SEARCH_SQL, Writer, readWriter, sameModel, type Model, type WriterOutcome } from './testing/workload';
export { Rng } from './testing/rng';
