// Plain data of the filtered benchmark (JSON-serialisable).
import type { AnnMetric } from '../types';

export interface FilteredPass {
  ef: number;
  /** Mean recall@k over the queries (filteredRecall: of the true neighbours that exist). */
  recall: number;
  qps: number;
  p50Ms: number;
  p99Ms: number;
  /** Mean rows returned per query (k whenever k rows match). */
  meanRows: number;
  /** Queries that returned fewer than min(k, matching rows) rows. */
  shortAnswers: number;
}

export interface FilterResult {
  target: string;
  where: string;
  selectivity: number;
  rows: number;
  gtSource: string;
  passes: FilteredPass[];
  error?: string;
}

export interface FilteredReport {
  dataset: string;
  metric: AnnMetric;
  n: number;
  dim: number;
  queries: number;
  k: number;
  m: number;
  efConstruction: number;
  /** vecgres.full_scan_threshold set for the session (kB), when given. */
  fullScanThreshold?: number;
  /** hnsw WITH (payload_m), when given. */
  payloadM?: number;
  date: string;
  machine: string;
  command: string;
  buildMs: number;
  /** The unfiltered ef sweep on the same table and connection. */
  unfiltered: FilteredPass[];
  filters: FilterResult[];
}
