// NativeCore: the hand-written TS mirror of what native/addon exports, and the wrapper that
// gives every rejection one shape (NativeError with a SQLSTATE).
import { type HnswNativeFactories, wrapHnswFactories } from './hnsw-native';
import { type IvfNativeFactories, wrapIvfFactories } from './ivf-native';
import { toNativeError } from './native-error';
import type { ScanSpec, SimdLevel, TopK, VectorArray } from './types';

export interface NativeCore extends HnswNativeFactories, IvfNativeFactories {
  /** The level chosen at load: VECGRES_SIMD_LEVEL if available here, else the best one. */
  simdLevel(): SimdLevel;
  /** Every level compiled in and supported by this CPU, scalar first. */
  availableSimdLevels(): SimdLevel[];
  /** VECGRES_SIMD_LEVEL asked for a level this CPU/binary lacks (we fell back to the best). */
  forcedLevelUnavailable(): boolean;
  /**
   * Distances of every scanned row to every query.
   * out: Float32Array, length >= nq * m with m = ids ? ids.length : nRows; out[q*m + j].
   */
  scanDistances(spec: ScanSpec, out: Float32Array): Promise<void>;
  /** Exact top-k per query (ties by smaller row id, NaN last) into caller-allocated `out`. */
  scanTopK(spec: ScanSpec, k: number, out: TopK): Promise<void>;
  /** Reads every byte of `data` with the active level's widest loads; resolves to a checksum. */
  readMemory(data: ArrayBuffer | VectorArray): Promise<number>;
  /**
   * O(1), synchronous: the address of `buffer`'s first byte (a view's, byteOffset included)
   * modulo `align` (an integer in [1, 2^20]); 0 for an empty buffer. Stable for the buffer's
   * lifetime. Throws NativeError INVALID_ARGUMENT on bad arguments. See allocAlignedArena.
   */
  addressMod(buffer: ArrayBuffer | ArrayBufferView, align: number): number;
}

/**
 * The raw addon exports (vecgres_native.node). Same signatures as NativeCore; rejections are
 * plain Errors with a string `code` rather than NativeErrors.
 */
export type NativeAddon = NativeCore;

/** Export names the loader checks for, so a stale build fails at load, not at first use. */
export const NATIVE_ADDON_EXPORTS = [
  'simdLevel',
  'availableSimdLevels',
  'forcedLevelUnavailable',
  'scanDistances',
  'scanTopK',
  'readMemory',
  'addressMod',
  'hnswCreate',
  'hnswOpen',
  'ivfCreate',
  'ivfOpen',
] as const satisfies readonly (keyof NativeAddon)[];

async function settle<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toNativeError(error);
  }
}

/** Wraps the addon: O(1) getters pass through; async calls reject only with NativeError. */
export function createNativeCore(addon: NativeAddon): NativeCore {
  return {
    ...wrapHnswFactories(addon),
    ...wrapIvfFactories(addon),
    simdLevel: () => addon.simdLevel(),
    availableSimdLevels: () => addon.availableSimdLevels(),
    forcedLevelUnavailable: () => addon.forcedLevelUnavailable(),
    scanDistances: (spec, out) => settle(() => addon.scanDistances(spec, out)),
    scanTopK: (spec, k, out) => settle(() => addon.scanTopK(spec, k, out)),
    readMemory: (data) => settle(() => addon.readMemory(data)),
    addressMod: (buffer, align) => {
      try {
        return addon.addressMod(buffer, align);
      } catch (error) {
        throw toNativeError(error);
      }
    },
  };
}
