// Child-process probe for the per-SIMD-level tests (simd-levels.spec.ts). The level is fixed
// once per process (VECGRES_SIMD_LEVEL at load), so each level runs this script in its own
// process: it runs the same fixed-seed scans and prints the results as one JSON object.
//
//   VECGRES_SIMD_LEVEL=avx2 node --import tsx libs/native-bindings/src/testing/level-probe.ts [--info]
import { allocAlignedArena, allocTopK, loadNativeCore } from '../index';
import type { ElemType, Metric, VectorArray } from '../types';
import { randomRows, rowBytes, seedOf, stridedArena } from './random';
import { SUPPORTED_KERNELS } from './reference';

export const LEVEL_DIMS = [1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 100, 127, 128, 129, 768, 1536];
export const PROBE_ROWS = 9;
export const PROBE_NQ = 2;
export const PROBE_K = 4;
/** Arena starts, in bytes past a 64-byte boundary, of the misaligned-rows scans. */
export const MISALIGNED_OFFSETS = [4, 16, 36] as const;

export interface ProbeCase {
  queries: VectorArray;
  rows: VectorArray;
}

/** The data every process (and the parent's reference) uses for one (type, metric, dim). */
export function probeCase(type: ElemType, metric: Metric, dim: number): ProbeCase {
  const seed = seedOf(`level/${type}/${metric}/${dim}`);
  return { queries: randomRows(type, dim, PROBE_NQ, seed), rows: randomRows(type, dim, PROBE_ROWS, seed ^ 0x5bd1e995) };
}

export function probeKey(type: ElemType, metric: Metric, dim: number): string {
  return `${type}/${metric}/${dim}`;
}

export interface ProbeOutput {
  level: string;
  available: string[];
  forcedLevelUnavailable: boolean;
  /** key -> distances, PROBE_NQ x PROBE_ROWS (packed arena); NaN/inf encoded as strings. */
  distances: Record<string, (number | string)[]>;
  /** key -> the same scan over an ArrayBuffer arena whose rows start at odd addresses. */
  strided: Record<string, (number | string)[]>;
  /**
   * key -> for each of MISALIGNED_OFFSETS in order, the packed scan with the arena starting that
   * many bytes past a 64-byte boundary: MISALIGNED_OFFSETS.length x PROBE_NQ x PROBE_ROWS.
   */
  misaligned: Record<string, (number | string)[]>;
  /** key -> top-k ids, PROBE_NQ x PROBE_K. */
  topkIds: Record<string, number[]>;
  /** readMemory over a fixed 1 MiB + 13 byte buffer. */
  checksum: number;
}

/** `type`'s TypedArray over `bytes` bytes of `buffer` from `byteOffset` (a multiple of 4). */
function typedView(type: ElemType, buffer: ArrayBuffer, byteOffset: number, bytes: number): VectorArray {
  if (type === 'f32') return new Float32Array(buffer, byteOffset, bytes / 4);
  if (type === 'f16') return new Uint16Array(buffer, byteOffset, bytes / 2);
  if (type === 'i8') return new Int8Array(buffer, byteOffset, bytes);
  return new Uint8Array(buffer, byteOffset, bytes);
}

const encode = (xs: Float32Array): (number | string)[] => Array.from(xs, (x) => (Number.isFinite(x) ? x : String(x)));

/** `infoOnly`: just the level fields (for the VECGRES_SIMD_LEVEL fallback tests). */
async function probe(infoOnly: boolean): Promise<ProbeOutput> {
  const core = loadNativeCore();
  const output: ProbeOutput = {
    level: core.simdLevel(),
    available: core.availableSimdLevels(),
    forcedLevelUnavailable: core.forcedLevelUnavailable(),
    distances: {},
    strided: {},
    misaligned: {},
    topkIds: {},
    checksum: 0,
  };
  if (infoOnly) return output;
  for (const { type, metric } of SUPPORTED_KERNELS) {
    for (const dim of LEVEL_DIMS) {
      const key = probeKey(type, metric, dim);
      const c = probeCase(type, metric, dim);
      const spec = { type, metric, dim, queries: c.queries, nq: PROBE_NQ, arena: c.rows, nRows: PROBE_ROWS };
      const out = new Float32Array(PROBE_NQ * PROBE_ROWS);
      await core.scanDistances(spec, out);
      output.distances[key] = encode(out);

      const rb = rowBytes(type, dim);
      const stride = rb + 1;
      const strided = new Float32Array(PROBE_NQ * PROBE_ROWS);
      await core.scanDistances({ ...spec, arena: stridedArena(c.rows, PROBE_ROWS, rb, stride), rowStride: stride }, strided);
      output.strided[key] = encode(strided);

      const rows = new Uint8Array(c.rows.buffer, c.rows.byteOffset, c.rows.byteLength);
      const misaligned: (number | string)[] = [];
      for (const offset of MISALIGNED_OFFSETS) {
        const place = allocAlignedArena(offset + rows.byteLength, 64, core);
        place.set(rows, offset);
        const got = new Float32Array(PROBE_NQ * PROBE_ROWS);
        await core.scanDistances({ ...spec, arena: typedView(type, place.buffer as ArrayBuffer, place.byteOffset + offset, rows.byteLength) }, got);
        misaligned.push(...encode(got));
      }
      output.misaligned[key] = misaligned;

      const top = allocTopK(PROBE_NQ, PROBE_K);
      await core.scanTopK(spec, PROBE_K, top);
      output.topkIds[key] = Array.from(top.ids);
    }
  }
  const bytes = Uint8Array.from({ length: (1 << 20) + 13 }, (_, i) => (i * 2654435761) >>> 24);
  output.checksum = await core.readMemory(bytes);
  return output;
}

if (require.main === module) {
  probe(process.argv.includes('--info')).then(
    (output) => process.stdout.write(JSON.stringify(output)),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
