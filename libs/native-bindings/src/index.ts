// @vecgres/native-bindings: the only importer of the native addon.
export type { ElemType, MappedArena, Metric, ScanSpec, SimdLevel, TopK, VectorArray } from './types';
export type { NativeAddon, NativeCore } from './native-core';
export { createNativeCore } from './native-core';
export {
  NATIVE_ERROR_SQLSTATE,
  NativeError,
  isNativeErrorCode,
  toNativeError,
  type NativeErrorCode,
} from './native-error';
export { NO_ID, allocTopK, topKRow } from './topk';
export {
  NativeAddonLoadError,
  REBUILD_COMMAND,
  defaultAddonPath,
  loadAddon,
  loadNativeCore,
  type LoadNativeCoreOptions,
} from './loader';
export { float32ToHalfBits, halfBitsToFloat32, encodeHalf } from './half';
export { MAX_ARENA_ALIGN, allocAlignedArena } from './aligned-arena';
export * from './storage-native';
export * from './hnsw-native';
export * from './ivf-native';
