// What Vector Top-K needs to search by index at run time: the database's index manager and the
// session's pgvector settings (read per statement, so SET / SET LOCAL apply to the next query).
import type { VectorTopKIndex } from '@vecgres/planner';
import type { SegmentReader, VectorColumnDef } from '@vecgres/storage';
import { type AnnIndexSpec, type AnnSearchSettings, type AnnSegmentIndex, DEFAULT_SEARCH_SETTINGS, OPCLASS_METRICS, buildParams } from './ann-index';
import type { AnnIndexManager } from './ann-index-manager';

export interface VectorIndexRuntime {
  manager: AnnIndexManager;
  settings(): AnnSearchSettings;
}

/** Reads the hnsw.* / ivfflat.* settings (unset or unknown: pgvector's defaults). */
export function readSearchSettings(find: (name: string) => string | null): AnnSearchSettings {
  const int = (name: string, def: number) => {
    const v = find(name);
    const n = v === null ? NaN : Number(v);
    return Number.isInteger(n) && n > 0 ? n : def;
  };
  const d = DEFAULT_SEARCH_SETTINGS;
  const real = (name: string) => {
    const v = find(name);
    const n = v === null || v.trim() === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const fullScan = real('vecgres.full_scan_threshold');
  const twoHop = real('vecgres.two_hop_selectivity');
  const hnswIter = find('hnsw.iterative_scan');
  const ivfIter = find('ivfflat.iterative_scan');
  return {
    efSearch: int('hnsw.ef_search', d.efSearch),
    iterativeScan: hnswIter === 'relaxed_order' || hnswIter === 'strict_order' ? hnswIter : 'off',
    maxScanTuples: int('hnsw.max_scan_tuples', d.maxScanTuples),
    probes: int('ivfflat.probes', d.probes),
    ivfIterativeScan: ivfIter === 'relaxed_order' ? 'relaxed_order' : 'off',
    maxProbes: int('ivfflat.max_probes', d.maxProbes),
    ...(fullScan !== undefined ? { fullScanThresholdKb: fullScan } : {}),
    ...(twoHop !== undefined ? { twoHopSelectivity: twoHop } : {}),
  };
}

/** The build spec of the planned index over storage column `col`, or undefined (not native). */
export function planIndexSpec(index: VectorTopKIndex, col: VectorColumnDef): AnnIndexSpec | undefined {
  const metric = OPCLASS_METRICS[index.opclass];
  if (!metric || (index.am === 'ivfflat' && metric === 'l1')) return undefined;
  return { oid: index.oid, am: index.am, column: col.name, dim: col.dim, metric, ...buildParams(index.options), ...(index.payload ? { payloadRefs: index.payload } : {}) };
}

/** The segment's index (sealed segments that have one), else undefined: search it exactly. */
export function segmentIndexOf(rt: VectorIndexRuntime, table: number | undefined, seg: SegmentReader, spec: AnnIndexSpec): Promise<AnnSegmentIndex | undefined> {
  if (table === undefined || !seg.sealed) return Promise.resolve(undefined);
  return rt.manager.segmentIndex(table, seg, spec);
}
