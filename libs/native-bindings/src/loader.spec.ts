import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  defaultAddonPath,
  loadAddon,
  loadNativeCore,
  NativeAddonLoadError,
  NativeError,
  REBUILD_COMMAND,
  toNativeError,
  type SimdLevel,
} from './index';

describe('loader', () => {
  it('loads the built addon from @vecgres/native-addon/build/Release', () => {
    expect(defaultAddonPath()).toMatch(/native[\\/]addon[\\/]build[\\/]Release[\\/]vecgres_native\.node$/);
    const core = loadNativeCore();
    const levels = core.availableSimdLevels();
    expect(levels[0]).toBe('scalar');
    expect(levels).toContain(core.simdLevel());
    expect(levels.every((l: SimdLevel) => ['scalar', 'avx2', 'avx512', 'neon'].includes(l))).toBe(true);
    expect(typeof core.forcedLevelUnavailable()).toBe('boolean');
  });

  it('names platform-arch, the path, the cause and the rebuild command when the addon is missing', () => {
    const missing = join(tmpdir(), 'no-such-dir', 'vecgres_native.node');
    let error: unknown;
    try {
      loadNativeCore({ addonPath: missing });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NativeAddonLoadError);
    const message = (error as Error).message;
    expect(message).toContain(`${process.platform}-${process.arch}`);
    expect(message).toContain(missing);
    expect(message).toContain('Cannot find module');
    expect(message).toContain(REBUILD_COMMAND);
    expect(REBUILD_COMMAND).toBe('npm run build:native');
    expect((error as NativeAddonLoadError).cause).toBeDefined();
  });

  it('reports a stale build that lacks some exports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vecgres-loader-'));
    try {
      const stale = join(dir, 'stale.js');
      writeFileSync(stale, "module.exports = { simdLevel() { return 'scalar'; } };\n");
      expect(() => loadAddon(stale)).toThrow(/stale build, missing exports: availableSimdLevels, forcedLevelUnavailable, scanDistances, scanTopK, readMemory, addressMod/);
      expect(() => loadAddon(stale)).toThrow(/npm run build:native/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns the same wrapper per addon path over the one cached module', () => {
    expect(loadNativeCore()).toBe(loadNativeCore());
    expect(loadAddon()).toBe(loadAddon());
  });
});

describe('NativeError', () => {
  it.each([
    ['INVALID_ARGUMENT', '22023'],
    ['OUT_OF_MEMORY', '53200'],
    ['CANCELLED', '57014'],
    ['INTERNAL', 'XX000'],
    ['NOT_SUPPORTED', '0A000'],
  ] as const)('maps %s to SQLSTATE %s', (code, sqlstate) => {
    const raw = Object.assign(new Error('boom'), { code });
    const e = toNativeError(raw);
    expect(e).toBeInstanceOf(NativeError);
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.sqlstate, e.message, e.name]).toEqual([code, sqlstate, 'boom', 'NativeError']);
    expect(e.cause).toBe(raw);
    expect(toNativeError(e)).toBe(e);
  });

  it('treats anything without a known code as INTERNAL', () => {
    expect(toNativeError(new TypeError('x')).code).toBe('INTERNAL');
    expect(toNativeError(Object.assign(new Error('x'), { code: 'ENOENT' })).sqlstate).toBe('XX000');
    expect(toNativeError('just a string').message).toBe('just a string');
  });
});
