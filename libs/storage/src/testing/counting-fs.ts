// A StorageFs wrapper that counts fsyncs per file kind and can be told to fail, for group
// commit and failure tests (counts, not timing).
import * as path from 'node:path';

import { type StorageFileHandle, type StorageFs, nodeStorageFs } from '../fs/storage-fs';

export interface CountingFs extends StorageFs {
  /** fsyncs of files whose name ends with `.wal`. */
  walSyncs(): number;
  /** All fsyncs (files and directories). */
  allSyncs(): number;
  /** Makes every later write to a .wal file fail with EIO. */
  failWalWrites(): void;
}

export function countingFs(inner: StorageFs = nodeStorageFs()): CountingFs {
  let walSyncs = 0;
  let allSyncs = 0;
  let failWal = false;
  const wrap = (file: string, fh: StorageFileHandle): StorageFileHandle => ({
    write: async (data, position) => {
      if (failWal && file.endsWith('.wal')) {
        throw Object.assign(new Error(`EIO: injected write failure on ${path.basename(file)}`), { code: 'EIO' });
      }
      return fh.write(data, position);
    },
    read: (t, p) => fh.read(t, p),
    sync: async () => {
      allSyncs++;
      if (file.endsWith('.wal')) walSyncs++;
      return fh.sync();
    },
    truncate: (n) => fh.truncate(n),
    size: () => fh.size(),
    close: () => fh.close(),
  });
  return {
    ...inner,
    open: async (file, flags) => wrap(file, await inner.open(file, flags)),
    syncDir: async (dir) => {
      allSyncs++;
      return inner.syncDir(dir);
    },
    walSyncs: () => walSyncs,
    allSyncs: () => allSyncs,
    failWalWrites: () => {
      failWal = true;
    },
  };
}
