// Loads the native core for the benchmark, turning "the addon is not built" (or the bindings
// not exporting the API yet) into one clear message instead of a stack from deep inside require.
import type { NativeCore } from '@vecgres/native-bindings';
import * as bindings from '@vecgres/native-bindings';

export class NativeCoreMissingError extends Error {
  readonly code = 'XX000';
  constructor(cause: unknown) {
    super(
      'vecgres bench: the native core could not be loaded ' +
        `(${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Build it with `cd /work/main && npm run build:native` ' +
        '(native/addon/build/Release/vecgres_native.node) and check libs/native-bindings.',
    );
    this.name = 'NativeCoreMissingError';
  }
}

export function loadCoreForBench(): NativeCore {
  // Looked up at call time so a bindings package that does not export the loader yet gives
  // the clear error above rather than "is not a function".
  const load = (bindings as { loadNativeCore?: () => NativeCore }).loadNativeCore;
  try {
    if (typeof load !== 'function') throw new Error('@vecgres/native-bindings exports no loadNativeCore');
    return load();
  } catch (e) {
    throw new NativeCoreMissingError(e);
  }
}
