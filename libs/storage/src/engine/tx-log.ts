// A transaction's buffered writes: an append-only log of encoded ops (encodeOp), kept in the
// JS heap until it exceeds `spillBytes`, then moved to a per-transaction temp file so a huge
// transaction (a 10 GB COPY) holds only its index (12 bytes per own insert) in memory.
//
//   entry = [len u32][op bytes]           offsets are byte positions in the whole log
//   [ spill file: entries 0 .. fileBytes ) [ memory tail: entries fileBytes .. size )
//
// The file is scratch space, not durable state: nothing is fsynced, a crash simply loses it
// (the transaction never committed), and the data directory's tmp/ is emptied at open.
// Transaction's API is synchronous (tx.insert, tx.get, tx.rows), so spilling and own-write
// reads use synchronous file calls; streaming the log into the WAL at commit reads it
// asynchronously in large blocks.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bytes charged per in-memory entry on top of its data (object and array slot overhead). */
const ENTRY_OVERHEAD = 64;
const READ_BLOCK = 4 * 1024 * 1024;

export interface TxLogEntry {
  offset: number;
  /** The encoded op (a view; copy it to keep it). */
  bytes: Uint8Array;
}

export class TxLog {
  private tail: Uint8Array[] = [];
  private tailOffsets: number[] = [];
  private tailBytes = 0;
  private tailCharge = 0;
  private fileBytes = 0;
  private fd: number | null = null;
  private filePath: string | null = null;

  constructor(
    /** Directory for the spill file (created on first spill). */
    private readonly dir: string,
    /** Heap bytes of buffered ops before they move to the file. */
    private readonly spillBytes: number,
    private readonly fileName: string,
  ) {}

  /** Total bytes of the log (offset the next entry gets). */
  get size(): number {
    return this.fileBytes + this.tailBytes;
  }

  /** Whether part of the log lives in the spill file. */
  get spilled(): boolean {
    return this.fd !== null;
  }

  /** Heap bytes held by the in-memory tail (for accounting). */
  get heapBytes(): number {
    return this.tailCharge;
  }

  /** Appends one encoded op; returns its offset. */
  append(op: Uint8Array): number {
    const offset = this.size;
    const entry = new Uint8Array(4 + op.byteLength);
    new DataView(entry.buffer).setUint32(0, op.byteLength, true);
    entry.set(op, 4);
    this.tail.push(entry);
    this.tailOffsets.push(offset);
    this.tailBytes += entry.byteLength;
    this.tailCharge += entry.byteLength + ENTRY_OVERHEAD;
    if (this.tailCharge > this.spillBytes) this.spill();
    return offset;
  }

  /** The op at `offset` (as returned by append). */
  read(offset: number): Uint8Array {
    if (offset >= this.fileBytes) {
      const k = lowerBound(this.tailOffsets, offset);
      if (this.tailOffsets[k] !== offset) throw new RangeError(`no transaction log entry at ${offset}`);
      return this.tail[k].subarray(4);
    }
    const head = new Uint8Array(4);
    this.readFile(head, offset);
    const len = new DataView(head.buffer).getUint32(0, true);
    const out = new Uint8Array(len);
    this.readFile(out, offset + 4);
    return out;
  }

  /** Entries from `from` up to `to` (default: the size now), in order. */
  *entries(from = 0, to = this.size): Generator<TxLogEntry> {
    let off = from;
    if (off < this.fileBytes) {
      const end = Math.min(to, this.fileBytes);
      let buf = new Uint8Array(0);
      let bufStart = off;
      while (off < end) {
        // Refill when the next entry is not wholly in the buffer.
        const rel = off - bufStart;
        const have = buf.byteLength - rel;
        const len = have >= 4 ? new DataView(buf.buffer, buf.byteOffset + rel, 4).getUint32(0, true) : -1;
        if (len < 0 || have < 4 + len) {
          const want = Math.max(READ_BLOCK, len + 4);
          buf = new Uint8Array(Math.min(want, this.fileBytes - off));
          this.readFile(buf, off);
          bufStart = off;
          continue;
        }
        yield { offset: off, bytes: buf.subarray(rel + 4, rel + 4 + len) };
        off += 4 + len;
      }
    }
    for (let k = lowerBound(this.tailOffsets, off); k < this.tail.length && this.tailOffsets[k] < to; k++) {
      yield { offset: this.tailOffsets[k], bytes: this.tail[k].subarray(4) };
    }
  }

  /**
   * Entries from `from` in blocks of about `maxBytes` (at least one entry each), read from the
   * file asynchronously: for streaming a spilled transaction into the WAL.
   */
  async *blocks(maxBytes: number): AsyncGenerator<TxLogEntry[]> {
    let off = 0;
    while (off < this.fileBytes) {
      const head = new Uint8Array(4);
      await this.readFileAsync(head, off);
      const first = new DataView(head.buffer).getUint32(0, true);
      const want = Math.min(Math.max(maxBytes, first + 4), this.fileBytes - off);
      const buf = new Uint8Array(want);
      await this.readFileAsync(buf, off);
      const out: TxLogEntry[] = [];
      let rel = 0;
      while (rel + 4 <= buf.byteLength) {
        const len = new DataView(buf.buffer, rel, 4).getUint32(0, true);
        if (rel + 4 + len > buf.byteLength) break;
        out.push({ offset: off + rel, bytes: buf.subarray(rel + 4, rel + 4 + len) });
        rel += 4 + len;
      }
      off += rel;
      yield out;
    }
    let out: TxLogEntry[] = [];
    let bytes = 0;
    for (const e of this.entries(this.fileBytes)) {
      out.push(e);
      bytes += e.bytes.byteLength + 4;
      if (bytes >= maxBytes) {
        yield out;
        out = [];
        bytes = 0;
      }
    }
    if (out.length > 0) yield out;
  }

  /** Drops every entry at or after `size` (ROLLBACK TO SAVEPOINT). */
  truncate(size: number): void {
    if (size >= this.size) return;
    if (size >= this.fileBytes) {
      const k = lowerBound(this.tailOffsets, size);
      for (let j = k; j < this.tail.length; j++) {
        this.tailBytes -= this.tail[j].byteLength;
        this.tailCharge -= this.tail[j].byteLength + ENTRY_OVERHEAD;
      }
      this.tail.length = k;
      this.tailOffsets.length = k;
      return;
    }
    this.tail = [];
    this.tailOffsets = [];
    this.tailBytes = 0;
    this.tailCharge = 0;
    fs.ftruncateSync(this.fd as number, size);
    this.fileBytes = size;
  }

  /** Closes and deletes the spill file (commit or rollback done). */
  close(): void {
    this.tail = [];
    this.tailOffsets = [];
    this.tailBytes = 0;
    this.tailCharge = 0;
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
      fs.rmSync(this.filePath as string, { force: true });
    }
  }

  private spill(): void {
    if (this.fd === null) {
      fs.mkdirSync(this.dir, { recursive: true });
      this.filePath = path.join(this.dir, this.fileName);
      this.fd = fs.openSync(this.filePath, 'w+');
    }
    const buf = new Uint8Array(this.tailBytes);
    let off = 0;
    for (const e of this.tail) {
      buf.set(e, off);
      off += e.byteLength;
    }
    let done = 0;
    while (done < buf.byteLength) done += fs.writeSync(this.fd, buf, done, buf.byteLength - done, this.fileBytes + done);
    this.fileBytes += buf.byteLength;
    this.tail = [];
    this.tailOffsets = [];
    this.tailBytes = 0;
    this.tailCharge = 0;
  }

  private readFile(target: Uint8Array, position: number): void {
    let done = 0;
    while (done < target.byteLength) {
      const n = fs.readSync(this.fd as number, target, done, target.byteLength - done, position + done);
      if (n === 0) throw new RangeError(`transaction spill file ended at ${position + done}`);
      done += n;
    }
  }

  private async readFileAsync(target: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < target.byteLength) {
      const n = await new Promise<number>((resolve, reject) =>
        fs.read(this.fd as number, target, done, target.byteLength - done, position + done, (e, bytes) => (e ? reject(e) : resolve(bytes))),
      );
      if (n === 0) throw new RangeError(`transaction spill file ended at ${position + done}`);
      done += n;
    }
  }
}

/** First index k with a[k] >= v (a sorted ascending). */
export function lowerBound(a: ArrayLike<number>, v: number, n = a.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
