// The file-system layer every storage file goes through. It is injectable so tests can count
// fsyncs (group commit), fail writes, or simulate a crash without timing tricks.
import * as fsp from 'node:fs/promises';

/** The subset of fs.promises.FileHandle that storage uses. */
export interface StorageFileHandle {
  /** Writes all of `data` at `position` (null: the current append position). */
  write(data: Uint8Array, position: number | null): Promise<void>;
  read(target: Uint8Array, position: number): Promise<number>;
  /** fsync: data and metadata durable. */
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  size(): Promise<number>;
  close(): Promise<void>;
}

export interface StorageFs {
  /** flags as fs.open: 'r', 'r+', 'a', 'wx' ... */
  open(path: string, flags: string): Promise<StorageFileHandle>;
  readFile(path: string): Promise<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Recursive, forced removal (a missing path is fine). */
  removeTree(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** fsync of a directory, making renames/creates/unlinks inside it durable. */
  syncDir(path: string): Promise<void>;
}

class NodeFileHandle implements StorageFileHandle {
  constructor(private readonly fh: fsp.FileHandle) {}

  async write(data: Uint8Array, position: number | null): Promise<void> {
    let off = 0;
    // write() may write less than asked (signals, huge buffers): loop until all is written.
    while (off < data.byteLength) {
      const { bytesWritten } = await this.fh.write(data, off, data.byteLength - off, position === null ? null : position + off);
      off += bytesWritten;
    }
  }
  async read(target: Uint8Array, position: number): Promise<number> {
    let off = 0;
    while (off < target.byteLength) {
      const { bytesRead } = await this.fh.read(target, off, target.byteLength - off, position + off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return off;
  }
  sync(): Promise<void> {
    return this.fh.sync();
  }
  truncate(length: number): Promise<void> {
    return this.fh.truncate(length);
  }
  async size(): Promise<number> {
    return (await this.fh.stat()).size;
  }
  close(): Promise<void> {
    return this.fh.close();
  }
}

/** The real file system (node:fs/promises). */
export function nodeStorageFs(): StorageFs {
  return {
    open: async (path, flags) => new NodeFileHandle(await fsp.open(path, flags)),
    readFile: async (path) => {
      const b = await fsp.readFile(path);
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    },
    rename: (from, to) => fsp.rename(from, to),
    unlink: (path) => fsp.unlink(path),
    removeTree: (path) => fsp.rm(path, { recursive: true, force: true }),
    mkdir: async (path) => {
      await fsp.mkdir(path, { recursive: true });
    },
    readdir: (path) => fsp.readdir(path),
    exists: async (path) => {
      try {
        await fsp.stat(path);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw e;
      }
    },
    syncDir: async (path) => {
      const fh = await fsp.open(path, 'r');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    },
  };
}
