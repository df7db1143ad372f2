// The only place that loads the .node file. Everything else gets a NativeCore from here.
import { dirname, join } from 'node:path';

import { createNativeCore, NATIVE_ADDON_EXPORTS, type NativeAddon, type NativeCore } from './native-core';

/** The command that (re)builds the addon, run from the repository root. */
export const REBUILD_COMMAND = 'npm run build:native';

export interface LoadNativeCoreOptions {
  /** Path of vecgres_native.node; default: defaultAddonPath(). Tests inject a missing path. */
  addonPath?: string;
}

/** Raised when the addon cannot be loaded; the message says what to do about it. */
export class NativeAddonLoadError extends Error {
  override readonly name = 'NativeAddonLoadError';

  constructor(
    readonly platformArch: string,
    readonly addonPath: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `vecgres native addon unavailable for ${platformArch}: could not load ${addonPath}: ${reason}. ` +
        `Build it with \`${REBUILD_COMMAND}\` from the repository root (needs cmake and a C++17 compiler).`,
      options,
    );
  }
}

function platformArch(): string {
  return `${process.platform}-${process.arch}`;
}

/** <dir of @vecgres/native-addon>/build/Release/vecgres_native.node */
export function defaultAddonPath(): string {
  let packageJson: string;
  try {
    packageJson = require.resolve('@vecgres/native-addon/package.json');
  } catch (cause) {
    throw new NativeAddonLoadError(
      platformArch(),
      '@vecgres/native-addon/build/Release/vecgres_native.node',
      `the @vecgres/native-addon package is not installed (${(cause as Error).message})`,
      { cause },
    );
  }
  return join(dirname(packageJson), 'build', 'Release', 'vecgres_native.node');
}

/** Requires the addon at `addonPath` (node caches it per path) and checks its exports. */
export function loadAddon(addonPath: string = defaultAddonPath()): NativeAddon {
  let addon: Partial<NativeAddon>;
  try {
    addon = require(addonPath) as Partial<NativeAddon>;
  } catch (cause) {
    throw new NativeAddonLoadError(platformArch(), addonPath, (cause as Error).message ?? String(cause), {
      cause,
    });
  }
  const missing = NATIVE_ADDON_EXPORTS.filter((name) => typeof addon[name] !== 'function');
  if (missing.length > 0) {
    throw new NativeAddonLoadError(platformArch(), addonPath, `stale build, missing exports: ${missing.join(', ')}`);
  }
  return addon as NativeAddon;
}

/**
 * The NativeCore of each addon path ('' = the default path). A process-wide memo of an
 * immutable wrapper around a module that require() already holds for the process's lifetime:
 * building it (path resolution + wrapping every export) cost ~20-100 µs, which hot callers
 * (one vector query = one segmentTopK) paid per call. Failed loads are not memoized.
 */
const LOADED_CORES = new Map<string, NativeCore>();

/** Loads the native core: the first call per addon path loads and wraps it, later calls return the same object. */
export function loadNativeCore(options: LoadNativeCoreOptions = {}): NativeCore {
  const key = options.addonPath ?? '';
  let core = LOADED_CORES.get(key);
  if (core === undefined) {
    core = createNativeCore(loadAddon(options.addonPath));
    LOADED_CORES.set(key, core);
  }
  return core;
}
