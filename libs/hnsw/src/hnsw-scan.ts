// The resumable scan handle (pgvector's hnsw.iterative_scan): each next(n) continues the walk
// from where the previous batch stopped; order is relaxed across batches.
import type { HnswNativeArena, HnswNativeScan } from '@vecgres/native-bindings';

import type { HnswScan, HnswScanBatch } from './types';

export class HnswScanHandle implements HnswScan {
  private closed = false;

  constructor(
    private readonly native: HnswNativeScan,
    private readonly arena: HnswNativeArena,
  ) {}

  async next(n: number): Promise<HnswScanBatch> {
    if (this.closed || n === 0) return { ids: new Uint32Array(0), dists: new Float32Array(0) };
    const ids = new Uint32Array(n);
    const dists = new Float32Array(n);
    const count = await this.native.next(this.arena, n, { ids, dists });
    return { ids: ids.subarray(0, count), dists: dists.subarray(0, count) };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.native.close();
  }
}
