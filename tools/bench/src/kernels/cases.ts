// What the kernel benchmark measures: the (element type, metric) pairs the native core
// implements, the dimensions, and how many bytes one row of each takes. Plain data, so the
// parent process and the per-level child processes agree on the matrix without sharing state.
import type { ElemType, Metric, SimdLevel } from '@vecgres/native-bindings';

export const ELEM_TYPES = ['f32', 'f16', 'i8', 'u8', 'bits'] as const satisfies readonly ElemType[];

/** Metrics benchmarked per element type (the kernels native/core has for that type). */
export const METRICS_BY_TYPE = {
  f32: ['l2sq', 'negdot', 'cosine', 'l1'],
  f16: ['l2sq', 'negdot', 'cosine', 'l1'],
  i8: ['l2sq', 'negdot'],
  u8: ['l2sq', 'negdot'],
  bits: ['hamming', 'jaccard'],
} as const satisfies Record<ElemType, readonly Metric[]>;

/** Element types whose scans are also timed through scanTopK (a brute-force k-NN search). */
export const TOPK_TYPES: readonly ElemType[] = ['f32'];

export const FULL_DIMS: readonly number[] = [96, 128, 384, 768, 1536];
export const QUICK_DIMS: readonly number[] = [128, 768];

/** Capability order used to pick "the best level" of a run (the one the server would use). */
export const LEVEL_RANK: Record<SimdLevel, number> = { scalar: 0, neon: 1, avx2: 2, avx512: 3 };

/** `scanDistances` writes one float per row; `scanTopK` keeps a k-slot heap per query. */
export type ScanOp = 'distances' | 'topk';

export interface KernelCase {
  type: ElemType;
  metric: Metric;
  op: ScanOp;
}

/**
 * Elements per row handed to the native core for benchmark dimension `d`.
 * Bit vectors use d*8 bits, i.e. d BYTES per row: the same row width as i8/u8 at the same d.
 * With d bits the rows would be 12-192 bytes and the 4-byte-per-row distance output of
 * scanDistances would be up to a third of the arena's traffic, which measures the output
 * stream rather than the kernel.
 */
export function nativeDim(type: ElemType, d: number): number {
  return type === 'bits' ? d * 8 : d;
}

/** Bytes of one packed row (the native core's row_bytes): shape [dim] of the element type. */
export function rowBytes(type: ElemType, d: number): number {
  switch (type) {
    case 'f32':
      return d * 4;
    case 'f16':
      return d * 2;
    case 'i8':
    case 'u8':
      return d;
    case 'bits':
      return Math.ceil(nativeDim(type, d) / 8);
  }
}

/** The cases to time for one element type, scanDistances lines first, then scanTopK lines. */
export function casesForType(type: ElemType): KernelCase[] {
  const metrics: readonly Metric[] = METRICS_BY_TYPE[type];
  const cases: KernelCase[] = metrics.map((metric) => ({ type, metric, op: 'distances' as const }));
  if (TOPK_TYPES.includes(type)) {
    for (const metric of metrics) cases.push({ type, metric, op: 'topk' });
  }
  return cases;
}

/** A stable label for tables: "f32 l2sq", "f32 l2sq top-10". */
export function caseLabel(c: KernelCase, k: number): string {
  return c.op === 'topk' ? `${c.type} ${c.metric} top-${k}` : `${c.type} ${c.metric}`;
}

export function isElemType(s: string): s is ElemType {
  return (ELEM_TYPES as readonly string[]).includes(s);
}

export function isSimdLevel(s: string): s is SimdLevel {
  return Object.prototype.hasOwnProperty.call(LEVEL_RANK, s);
}
