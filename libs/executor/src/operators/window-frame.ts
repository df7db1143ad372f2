// Window frames (PostgreSQL's ROWS / RANGE / GROUPS ... EXCLUDE ...) over one partition, as
// row index ranges local to the partition. RANGE CURRENT ROW is the row's peer group edge;
// RANGE offsets compare the single (numeric) ORDER BY value: rows whose value lies within the
// offset, in sort direction. A NULL current value frames its NULL peers; NULL rows are never
// within an offset of a non-NULL value.
import type { WindowFrameBound, WindowFrameSpec } from '@vecgres/planner';

/** The partition's peer-group layout: arrays of length `size`, indexes local to the partition. */
export interface PartitionShape {
  size: number;
  /** First row of the row's peer group. */
  peerStart: number[];
  /** One past the last row of the row's peer group. */
  peerEnd: number[];
  /** Peer group number (0-based) of the row. */
  group: number[];
  /** First row of each peer group. */
  groupStarts: number[];
}

export interface FrameRange {
  /** First row (inclusive); > end means an empty frame. */
  start: number;
  /** Last row (inclusive). */
  end: number;
  /** Whether EXCLUDE removes rows from [start, end]. */
  excludes: boolean;
  /** The frame's rows in order, after exclusion. */
  members(): number[];
}

function groupEnd(s: PartitionShape, g: number): number {
  return (s.groupStarts[g + 1] ?? s.size) - 1;
}

function startOf(b: WindowFrameBound, mode: WindowFrameSpec['mode'], s: PartitionShape, i: number, off: number): number {
  switch (b.type) {
    case 'unboundedPreceding': return 0;
    case 'unboundedFollowing': return s.size;
    case 'currentRow': return mode === 'rows' ? i : s.peerStart[i];
    case 'preceding':
      if (mode === 'rows') return Math.max(0, i - off);
      return s.groupStarts[Math.max(0, s.group[i] - off)];
    case 'following': {
      if (mode === 'rows') return i + off;
      const g = s.group[i] + off;
      return g >= s.groupStarts.length ? s.size : s.groupStarts[g];
    }
  }
}

function endOf(b: WindowFrameBound, mode: WindowFrameSpec['mode'], s: PartitionShape, i: number, off: number): number {
  switch (b.type) {
    case 'unboundedPreceding': return -1;
    case 'unboundedFollowing': return s.size - 1;
    case 'currentRow': return mode === 'rows' ? i : s.peerEnd[i] - 1;
    case 'preceding': {
      if (mode === 'rows') return i - off;
      const g = s.group[i] - off;
      return g < 0 ? -1 : groupEnd(s, g);
    }
    case 'following':
      if (mode === 'rows') return Math.min(s.size - 1, i + off);
      return groupEnd(s, Math.min(s.groupStarts.length - 1, s.group[i] + off));
  }
}

/** RANGE offset context: the ORDER BY value of each partition row (as numbers) and its direction. */
export interface RangeValues { values: Array<number | null>; desc: boolean }

/** First (start) or last (end) row whose value is on the inner side of `bound`. */
function rangeEdge(r: RangeValues, n: number, bound: number, start: boolean, towardsLarger: boolean): number {
  const inside = (v: number) => (towardsLarger ? v <= bound : v >= bound);
  if (start) {
    for (let m = 0; m < n; m++) {
      const v = r.values[m];
      if (v !== null && (towardsLarger ? v >= bound : v <= bound)) return m;
    }
    return n;
  }
  for (let m = n - 1; m >= 0; m--) {
    const v = r.values[m];
    if (v !== null && inside(v)) return m;
  }
  return -1;
}

function rangeOffset(b: WindowFrameBound, start: boolean, s: PartitionShape, i: number, off: number, r: RangeValues): number | undefined {
  if (b.type !== 'preceding' && b.type !== 'following') return undefined;
  const v = r.values[i];
  if (v === null) return start ? s.peerStart[i] : s.peerEnd[i] - 1;
  // In sort order, PRECEDING moves towards smaller values ascending, larger ones descending.
  const sign = (b.type === 'preceding' ? -1 : 1) * (r.desc ? -1 : 1);
  const bound = v + sign * off;
  // Sorted ascending: the start edge is the first value >= bound, the end edge the last <= bound.
  return rangeEdge(r, s.size, bound, start, !r.desc);
}

/** The frame of every row of a partition; `startOff` / `endOff` are the evaluated offsets. */
export function computeFrames(f: WindowFrameSpec, s: PartitionShape, startOff = 0, endOff = 0, range?: RangeValues): FrameRange[] {
  const out: FrameRange[] = new Array(s.size);
  for (let i = 0; i < s.size; i++) {
    const start = (range && f.mode === 'range' ? rangeOffset(f.start, true, s, i, startOff, range) : undefined) ?? startOf(f.start, f.mode, s, i, startOff);
    const end = Math.min(s.size - 1, (range && f.mode === 'range' ? rangeOffset(f.end, false, s, i, endOff, range) : undefined) ?? endOf(f.end, f.mode, s, i, endOff));
    const excluded = (m: number): boolean => {
      switch (f.exclude) {
        case 'noOthers': return false;
        case 'currentRow': return m === i;
        case 'group': return m >= s.peerStart[i] && m < s.peerEnd[i];
        case 'ties': return m !== i && m >= s.peerStart[i] && m < s.peerEnd[i];
      }
    };
    out[i] = {
      start,
      end,
      excludes: f.exclude !== 'noOthers',
      members: () => {
        const m: number[] = [];
        for (let k = start; k <= end; k++) if (!excluded(k)) m.push(k);
        return m;
      },
    };
  }
  return out;
}
