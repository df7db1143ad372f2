// Exact top-k over one segment's vector column in ONE batched native call: the arena is read
// in place (a JS-owned Float32Array for the mutable segment, the memory-mapped vector file for
// a sealed one, so exact search never copies sealed vectors into the JS heap). The caller
// passes the candidate row positions (visibility AND filter AND non-NULL, built per segment).
import { allocTopK, loadNativeCore, type MappedArena, type NativeCore } from '@vecgres/native-bindings';
import type { SegmentReader, VectorArena } from './segment-reader';

/** The float32 metrics the native scan ranks by (smaller is nearer). */
export type SegmentMetric = 'l2sq' | 'negdot' | 'cosine' | 'l1';

export interface SegmentTopKRequest {
  segment: SegmentReader;
  /** Storage vector column name. */
  column: string;
  metric: SegmentMetric;
  /** The query: Float32Array, length = the column's dim. */
  query: Float32Array;
  k: number;
  /** Candidate row positions in the segment (each < the arena's rows): Uint32Array. */
  ids: Uint32Array;
  /** Shared stop flag (Int32Array, length >= 1): nonzero cancels the scan (57014). */
  stop?: Int32Array;
  /** The native core (default: the loaded addon's). */
  native?: NativeCore;
}

export interface SegmentTopKResult {
  /** Row positions in the segment, nearest first: Uint32Array, length <= k. */
  positions: Uint32Array;
  /** Their distances (float32, the metric's value, NaN last): Float32Array, same length. */
  dists: Float32Array;
  /** Where the rows were read: 'memory' (mutable segment) or 'mapped' (sealed, in place). */
  arenaKind: VectorArena['kind'];
}

export async function segmentTopK(req: SegmentTopKRequest): Promise<SegmentTopKResult> {
  const arena = req.segment.vectorArena(req.column);
  const k = Math.min(req.k, req.ids.length);
  // dim 0: a sealed segment predating the column (all NULL).
  if (k === 0 || arena.rows === 0 || arena.dim === 0) return { positions: new Uint32Array(0), dists: new Float32Array(0), arenaKind: arena.kind };
  const native = req.native ?? loadNativeCore();
  const out = allocTopK(1, k);
  const source: Float32Array | MappedArena = arena.kind === 'memory' ? arena.data : { file: arena.file, byteOffset: arena.byteOffset };
  await native.scanTopK(
    { type: 'f32', metric: req.metric, dim: arena.dim, queries: req.query, arena: source, nRows: arena.rows, ids: req.ids, ...(req.stop ? { stop: req.stop } : {}) },
    k,
    out,
  );
  const n = out.counts[0];
  return { positions: out.ids.subarray(0, n), dists: out.dists.subarray(0, n), arenaKind: arena.kind };
}
