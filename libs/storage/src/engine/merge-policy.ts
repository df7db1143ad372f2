// Tiered merge policy [Lucene TieredMergePolicy, simplified]: segments are grouped in size
// tiers that grow by `mergeFactor`; when a tier holds `mergeFactor` segments, the smallest
// `mergeFactor` of them are merged into one segment of the next tier. Each row is rewritten
// about log_mergeFactor(N / minRows) times over its life.

export interface MergePolicyOptions {
  /** Segments per tier before they merge. Default 4. */
  mergeFactor?: number;
  /** Rows of the smallest tier (segments below it count as this size). Default 1000. */
  minRows?: number;
  /** Segments with at least this fraction of deleted rows are merged even alone. Default 0.3. */
  deletedFraction?: number;
}

export interface MergeCandidate {
  id: string;
  rows: number;
  deleted: number;
}

/** Ids of segments to merge together now, or null. */
export function pickMerge(segments: MergeCandidate[], opts: MergePolicyOptions = {}): string[] | null {
  const factor = Math.max(2, opts.mergeFactor ?? 4);
  const minRows = Math.max(1, opts.minRows ?? 1000);
  const tiers = new Map<number, MergeCandidate[]>();
  for (const s of segments) {
    const live = Math.max(minRows, s.rows - s.deleted);
    const tier = Math.floor(Math.log(live / minRows) / Math.log(factor) + 1e-9);
    const list = tiers.get(tier) ?? [];
    list.push(s);
    tiers.set(tier, list);
  }
  for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
    const list = (tiers.get(tier) as MergeCandidate[]).sort((a, b) => a.rows - b.rows);
    if (list.length >= factor) return list.slice(0, factor).map((s) => s.id);
  }
  const frac = opts.deletedFraction ?? 0.3;
  const heavy = segments.find((s) => s.rows > 0 && s.deleted / s.rows >= frac);
  return heavy ? [heavy.id] : null;
}
