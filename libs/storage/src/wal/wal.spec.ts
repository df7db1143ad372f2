import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeStorageFs } from '../fs/storage-fs';
import { countingFs } from '../testing/counting-fs';
import { testNative } from '../testing/native';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';
import { openWal } from './open-wal';
import { WAL_HEADER_BYTES, walFileName } from './wal-format';
import type { WalRecord } from './wal-reader';

const native = testNative();

function payloadOf(i: number): Uint8Array {
  // Varying sizes, including one above the 64 KiB synchronous-checksum limit.
  const n = i === 7 ? 70_000 : (i * 37) % 300;
  const b = new Uint8Array(n);
  for (let j = 0; j < n; j++) b[j] = (i * 31 + j) & 0xff;
  return b;
}

async function collect(dir: string, fromLsn = 1, fsImpl = nodeStorageFs()) {
  const recs: WalRecord[] = [];
  const r = await openWal(fsImpl, native, dir, {
    fromLsn,
    onRecord: (rec) => {
      recs.push({ ...rec, payload: rec.payload.slice() });
    },
  });
  return { recs, ...r };
}

describe('WAL', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('round-trips records across rotated files and reads back from an LSN', async () => {
    const { writer } = await openWal(nodeStorageFs(), native, dir, { fromLsn: 1, segmentBytes: 1024 });
    for (let i = 1; i <= 40; i++) {
      const { lsn, done } = writer.append(3, payloadOf(i));
      expect(lsn).toBe(i);
      await done;
    }
    await writer.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.wal')).length).toBeGreaterThan(3);

    const all = await collect(dir);
    expect(all.recs.map((r) => r.lsn)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    all.recs.forEach((r, i) => {
      expect(r.type).toBe(3);
      expect(Buffer.from(r.payload).equals(Buffer.from(payloadOf(i + 1)))).toBe(true);
    });
    expect(all.scan.stop).toBeUndefined();
    await all.writer.close();

    const tail = await collect(dir, 25);
    expect(tail.recs.map((r) => r.lsn)).toEqual(Array.from({ length: 16 }, (_, i) => i + 25));
    // Appends continue after the last record.
    expect(tail.writer.append(1, new Uint8Array([1])).lsn).toBe(41);
    await tail.writer.close();
  });

  it('group commit: concurrent appends share fsyncs', async () => {
    const cfs = countingFs();
    const { writer } = await openWal(cfs, native, dir, { fromLsn: 1 });
    const before = cfs.walSyncs();
    const n = 50;
    await Promise.all(Array.from({ length: n }, (_, i) => writer.append(1, payloadOf(i)).done));
    const used = cfs.walSyncs() - before;
    expect(used).toBeGreaterThanOrEqual(1);
    expect(used).toBeLessThanOrEqual(2);
    // Sequential commits each pay their own fsync.
    const seqBefore = cfs.walSyncs();
    for (let i = 0; i < 5; i++) await writer.append(1, payloadOf(i)).done;
    expect(cfs.walSyncs() - seqBefore).toBe(5);
    await writer.close();
  });

  it('synchronousCommit off resolves before fsync and syncs in the background', async () => {
    const cfs = countingFs();
    const { writer } = await openWal(cfs, native, dir, { fromLsn: 1, synchronousCommit: false, backgroundSyncMs: 20 });
    await writer.append(1, payloadOf(0)).done; // creates the first file
    await writer.flush();
    const before = cfs.walSyncs();
    await writer.append(1, payloadOf(1)).done;
    expect(writer.stats().lastWrittenLsn).toBe(2);
    expect(writer.stats().lastSyncedLsn).toBe(1);
    await writer.flush();
    expect(writer.stats().lastSyncedLsn).toBe(2);
    expect(cfs.walSyncs() - before).toBe(1);
    writer.append(1, payloadOf(2));
    await new Promise((r) => setTimeout(r, 5));
    // The background timer (not a caller) eventually fsyncs it.
    for (let i = 0; i < 100 && writer.stats().lastSyncedLsn < 3; i++) await new Promise((r) => setTimeout(r, 10));
    expect(writer.stats().lastSyncedLsn).toBe(3);
    await writer.close();
  });

  it('torn tail: truncating the last record at every byte offset keeps the earlier records', async () => {
    const { writer } = await openWal(nodeStorageFs(), native, dir, { fromLsn: 1 });
    for (let i = 1; i <= 5; i++) await writer.append(2, payloadOf(i)).done;
    const lastStart = fs.statSync(path.join(dir, walFileName(1))).size;
    await writer.append(2, payloadOf(6)).done;
    await writer.close();
    const file = path.join(dir, walFileName(1));
    const full = fs.readFileSync(file);
    for (let cut = lastStart; cut < full.length; cut++) {
      fs.writeFileSync(file, full.subarray(0, cut));
      const r = await collect(dir);
      expect(r.recs.map((x) => x.lsn)).toEqual([1, 2, 3, 4, 5]);
      if (cut === lastStart) {
        expect(r.scan.stop).toBeUndefined();
      } else {
        expect(r.scan.stop).toMatchObject({ lsn: 6, offset: lastStart, file: walFileName(1) });
        expect(['short-header', 'short-record']).toContain(r.scan.stop?.reason);
      }
      // The tail is cut off, and the next append continues with LSN 6.
      expect(fs.statSync(file).size).toBe(lastStart);
      const { lsn, done } = r.writer.append(2, payloadOf(6));
      expect(lsn).toBe(6);
      await done;
      await r.writer.close();
      const again = await collect(dir);
      expect(again.recs.map((x) => x.lsn)).toEqual([1, 2, 3, 4, 5, 6]);
      await again.writer.close();
    }
  });

  it('a flipped byte stops reading at that record and reports its LSN and offset', async () => {
    const { writer } = await openWal(nodeStorageFs(), native, dir, { fromLsn: 1, segmentBytes: 600 });
    const offsets: number[] = [];
    for (let i = 1; i <= 12; i++) await writer.append(2, payloadOf(i)).done;
    await writer.close();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.wal')).sort();
    expect(files.length).toBeGreaterThan(2);
    // Flip one payload byte of the second record of the second file.
    const target = path.join(dir, files[1]);
    const buf = fs.readFileSync(target);
    const firstLen = buf.readUInt32LE(WAL_HEADER_BYTES);
    const secondOff = WAL_HEADER_BYTES + 8 + firstLen;
    offsets.push(secondOff);
    const secondLsn = Number(buf.readBigUInt64LE(secondOff + 8));
    buf[secondOff + 17] ^= 0x40;
    fs.writeFileSync(target, buf);
    const r = await collect(dir);
    expect(r.scan.stop).toMatchObject({ reason: 'bad-crc', file: files[1], offset: secondOff, lsn: secondLsn });
    expect(r.scan.stop?.laterFiles).toEqual(files.slice(2));
    expect(r.recs.map((x) => x.lsn)).toEqual(Array.from({ length: secondLsn - 1 }, (_, i) => i + 1));
    await r.writer.close();
  });

  it('removes files wholly below a checkpoint LSN but never the active one', async () => {
    const { writer } = await openWal(nodeStorageFs(), native, dir, { fromLsn: 1, segmentBytes: 400 });
    for (let i = 1; i <= 20; i++) await writer.append(2, payloadOf(i)).done;
    const files = writer.walFiles().map((f) => f.firstLsn);
    const removed = await writer.removeBefore(files[2]);
    expect(removed.length).toBe(2);
    await writer.removeBefore(1e9);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.wal')).length).toBe(1);
    await writer.close();
    const r = await collect(dir, 1);
    expect(r.recs.length).toBeGreaterThan(0);
    expect(r.recs[r.recs.length - 1].lsn).toBe(20);
    await r.writer.close();
  });

  it('a failed write rejects the commit and every later one', async () => {
    const cfs = countingFs();
    const { writer } = await openWal(cfs, native, dir, { fromLsn: 1 });
    await writer.append(1, payloadOf(1)).done;
    cfs.failWalWrites();
    await expect(writer.append(1, payloadOf(2)).done).rejects.toMatchObject({ sqlstate: '55000' });
    expect(() => writer.append(1, payloadOf(3))).toThrow(/refuses further commits/);
    await writer.close();
  });
});
