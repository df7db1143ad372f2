// Boundary tests of the addon's storage functions (native/addon/src/addon_storage.cpp).
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CRC32C_SYNC_LIMIT } from '@vecgres/native-bindings';

import { testNative } from '../testing/native';
import { createRng } from '../testing/rng';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';

const native = testNative();

// Bitwise CRC-32C reference (reflected 0x82F63B78), independent of the native code.
function crcRef(data: Uint8Array, seed = 0): number {
  let c = ~seed >>> 0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return ~c >>> 0;
}

function randomBytes(n: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const out = new Uint8Array(n);
  const words = new Uint32Array(out.buffer, 0, n >>> 2);
  for (let i = 0; i < words.length; i++) words[i] = rng() * 4294967296;
  for (let i = words.length * 4; i < n; i++) out[i] = rng() * 256;
  return out;
}

describe('native crc32c', () => {
  it('matches the standard check value and a bitwise reference at every length and alignment', () => {
    expect(native.crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    const data = randomBytes(300, 1);
    for (let off = 0; off < 9; off++) {
      for (let n = 0; n < 80; n++) {
        const view = data.subarray(off, off + n);
        expect(native.crc32c(view)).toBe(crcRef(view));
      }
    }
  });

  it('chains through the seed, accepts ArrayBuffers and other typed arrays', () => {
    const data = randomBytes(1000, 2);
    const whole = native.crc32c(data);
    expect(native.crc32c(data.subarray(333), native.crc32c(data.subarray(0, 333)))).toBe(whole);
    expect(native.crc32c(data.slice().buffer)).toBe(whole);
    expect(native.crc32c(new Float32Array(data.slice().buffer, 0, 250))).toBe(whole);
  });

  it('limits the synchronous call to 64 KiB; crc32cAsync takes any size', async () => {
    const big = randomBytes(CRC32C_SYNC_LIMIT + 1, 3);
    expect(() => native.crc32c(big)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(native.crc32c(big.subarray(0, CRC32C_SYNC_LIMIT))).toBe(crcRef(big.subarray(0, CRC32C_SYNC_LIMIT)));
    expect(await native.crc32cAsync(big)).toBe(crcRef(big));
    expect(await native.crc32cAsync(big, 12345)).toBe(crcRef(big, 12345));
  });

  it('rejects (never throws) bad arguments of the async calls', async () => {
    const bad = native.crc32cAsync('nope' as unknown as Uint8Array);
    await expect(bad).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(typeof native.crc32cHardware()).toBe('boolean');
  });
});

describe('native mapped files', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('maps a file, reads ranges and checksums it in place', async () => {
    const data = randomBytes(200_000, 4);
    const p = path.join(dir, 'f.bin');
    fs.writeFileSync(p, data);
    const f = await native.openMappedFile(p);
    expect(f.byteLength).toBe(data.length);
    const part = new Uint8Array(100);
    expect(f.readInto(150_000, part)).toBe(100);
    expect(Array.from(part)).toEqual(Array.from(data.subarray(150_000, 150_100)));
    expect(await native.mappedCrc32c(f, 0, data.length)).toBe(crcRef(data));
    expect(await native.mappedCrc32c(f, 17, 1000)).toBe(crcRef(data.subarray(17, 1017)));
    expect(() => f.readInto(data.length - 10, part)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    await expect(native.mappedCrc32c(f, data.length, 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    f.advise('sequential');
    expect(() => f.advise('bogus' as 'normal')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    f.close();
    expect(f.isClosed).toBe(true);
    expect(() => f.byteLength).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    await expect(native.mappedCrc32c(f, 0, 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('checksums a range larger than its 8 MiB step, chained by seed, and released ranges read back the same', async () => {
    const data = randomBytes(20 << 20, 6);
    const p = path.join(dir, 'large.bin');
    fs.writeFileSync(p, data);
    const f = await native.openMappedFile(p);
    const whole = await native.mappedCrc32c(f, 0, data.length);
    expect(whole).toBe(crcRef(data));
    const cut = 9_000_001;
    const first = await native.mappedCrc32c(f, 0, cut);
    expect(await native.mappedCrc32c(f, cut, data.length - cut, first)).toBe(whole);
    f.advise('dontneed');
    const part = new Uint8Array(64);
    f.readInto(cut, part);
    expect(Array.from(part)).toEqual(Array.from(data.subarray(cut, cut + 64)));
    f.close();
  });

  it('readRanges copies byte ranges back to back and rejects ranges outside the file or a small target', async () => {
    const data = randomBytes(5000, 7);
    const p = path.join(dir, 'ranges.bin');
    fs.writeFileSync(p, data);
    const f = await native.openMappedFile(p);
    const target = new Uint8Array(64);
    expect(f.readRanges(new Float64Array([4000, 4010, 7, 7, 0, 3, 4990, 5000]), target)).toBe(23);
    expect(Array.from(target.subarray(0, 23))).toEqual([
      ...data.subarray(4000, 4010), ...data.subarray(0, 3), ...data.subarray(4990, 5000),
    ]);
    const bad = (ranges: number[], t = target) => () => f.readRanges(new Float64Array(ranges), t);
    expect(bad([4990, 5001])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(bad([10, 5])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(bad([0.5, 2])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(bad([0])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(bad([0, 65])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => f.readRanges([0, 1] as unknown as Float64Array, target)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    f.close();
    expect(bad([0, 1])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('close() during an in-flight checksum is safe: the worker keeps its lease', async () => {
    const data = randomBytes(4 << 20, 5);
    const p = path.join(dir, 'big.bin');
    fs.writeFileSync(p, data);
    const f = await native.openMappedFile(p);
    const pending = native.mappedCrc32c(f, 0, data.length);
    f.close();
    expect(await pending).toBe(await native.crc32cAsync(data));
  });

  it('maps empty files and reports missing ones with their errno code and path', async () => {
    const p = path.join(dir, 'empty');
    fs.writeFileSync(p, '');
    const f = await native.openMappedFile(p);
    expect(f.byteLength).toBe(0);
    expect(await native.mappedCrc32c(f, 0, 0)).toBe(0);
    f.close();
    const missing = path.join(dir, 'missing');
    await expect(native.openMappedFile(missing)).rejects.toMatchObject({
      code: 'ENOENT',
      message: expect.stringContaining(missing),
    });
    await expect(native.openMappedFile(dir)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
