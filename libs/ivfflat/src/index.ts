// @vecgres/ivfflat: the IVFFlat façade over the native index (native/core ivf).
export { IvfFlatIndex, type IvfSource } from './ivf-index';
export type { IvfArena, IvfBuildOptions, IvfParams, IvfSearchOptions, IvfStats } from './types';
