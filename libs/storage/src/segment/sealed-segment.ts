// An open sealed segment: verified on open (meta.json self-checksum + CRC-32C of every file it
// lists), vector files and payload.bin memory-mapped (a payload is copied out per row on read,
// so payload-heavy tables do not hold their data in the JS heap after commit), the small per-row
// columns and the payload offsets loaded into memory. Deletes
// after sealing change only the in-memory xmax; checkpoints persist them as a deletes file.
import * as path from 'node:path';

import type { MappedFile, StorageNative } from '@vecgres/native-bindings';

import { crc32cOf, hex32 } from '../checksum';
import { dataCorrupted, fsError, invalidStorageArgument } from '../errors';
import { fromUtf8, utf8, writeFileAtomic, writeFileDurable } from '../fs/atomic-file';
import type { StorageFs } from '../fs/storage-fs';
import { type SegmentReader, type VectorArena, allBitsSet, bitmapBytes, getBit, setBit } from '../table/segment-reader';
import { isVisible } from '../table/table-def';
import { readU64 } from '../wal/wal-format';
import { encodeMeta } from './segment-writer';
import {
  META_FILE,
  PAYLOAD_MAGIC,
  type SegmentMeta,
  VECTOR_HEADER_BYTES,
  VECTOR_MAGIC,
  hasMagic,
  isValidExtraFileName,
  validityFileName,
  vectorFileName,
} from './segment-format';
import { decodeDeletes } from './segment-deletes';

/** The manifest's reference to a deletes file of a segment. */
export interface DeletesRef {
  file: string;
  crc32c: number;
  count: number;
}

interface MappedColumn {
  dim: number;
  file: MappedFile;
  valid: Uint8Array;
}

export class SealedSegment implements SegmentReader {
  readonly sealed = true;
  private refs = 1;
  /** visibleBitmap's last result, dropped by setXmax (the only change to visibility). */
  private visibleCache: { snapshot: number; bits: Uint8Array; all: boolean } | undefined;
  /** Per vector column: whether every row is non-NULL (sealed: never changes). */
  private readonly allValid = new Map<string, boolean>();
  /**
   * What decides whether visibleCache answers another snapshot too: the largest xmin, and the
   * nonzero xmax values in ascending order (dropped by setXmax).
   */
  private visibilityEvents: { maxXmin: number; xmaxs: Float64Array } | undefined;
  private dropped = false;
  /** The deletes file currently persisted for this segment (manifest state). */
  deletesRef: DeletesRef | null;

  private constructor(
    readonly dir: string,
    private metaState: SegmentMeta,
    private readonly rowIds: Uint32Array,
    private readonly xmins: Float64Array,
    /** xmax as written in xmax.u64; `xmaxs` minus this is what a deletes file must hold. */
    private readonly baseXmax: Float64Array,
    private readonly xmaxs: Float64Array,
    /** payload.bin, mapped; row i's payload is bytes [payloadOffsets[i], payloadOffsets[i + 1]). */
    private readonly payloadFile: MappedFile,
    /** rows + 1 absolute byte offsets into payload.bin (its u64 offset table). */
    private readonly payloadOffsets: Float64Array,
    private readonly columns: Map<string, MappedColumn>,
    deletesRef: DeletesRef | null,
  ) {
    this.deletesRef = deletesRef;
  }

  get id(): string {
    return this.metaState.segmentId;
  }
  get meta(): SegmentMeta {
    return this.metaState;
  }

  /** Opens and verifies the segment in `dir`, applying the deletes file named by the manifest. */
  static async open(
    fs: StorageFs,
    native: StorageNative,
    dir: string,
    deletes: DeletesRef | null,
  ): Promise<SealedSegment> {
    const metaPath = path.join(dir, META_FILE);
    let meta: SegmentMeta;
    try {
      meta = JSON.parse(fromUtf8(await fs.readFile(metaPath))) as SegmentMeta;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code) throw fsError('read segment file', metaPath, e);
      throw dataCorrupted(`segment file "${metaPath}" is not valid JSON`, { cause: e });
    }
    const { metaCrc32c, ...body } = meta;
    if (metaCrc32c !== native.crc32c(utf8(JSON.stringify(body)))) {
      throw dataCorrupted(`checksum mismatch in segment file "${metaPath}"`);
    }
    const mapped: MappedFile[] = [];
    try {
      const read = async (name: string): Promise<Uint8Array> => {
        const p = path.join(dir, name);
        const entry = meta.files[name];
        if (!entry) throw dataCorrupted(`segment "${dir}" does not list file "${name}"`);
        const b = await fs.readFile(p).catch((e) => {
          throw fsError('read segment file', p, e);
        });
        verify(p, entry, b.byteLength, await crc32cOf(native, b));
        return b;
      };
      const n = meta.rows;
      const rowIdBytes = await read('rowids.u32');
      const rowIds = new Uint32Array(rowIdBytes.slice().buffer, 0, n);
      const xmins = u64ToF64(await read('xmin.u64'), n);
      const baseXmax = u64ToF64(await read('xmax.u64'), n);
      const mapVerified = async (name: string): Promise<MappedFile> => {
        const entry = meta.files[name];
        if (!entry) throw dataCorrupted(`segment "${dir}" does not list file "${name}"`);
        const file = await mapVerifiedFile(native, path.join(dir, name), entry);
        mapped.push(file);
        return file;
      };
      const payloadPath = path.join(dir, 'payload.bin');
      const payloadFile = await mapVerified('payload.bin');
      const payloadHead = new Uint8Array(16);
      if (payloadFile.byteLength < 16 + (n + 1) * 8) throw dataCorrupted(`bad header in segment file "${payloadPath}"`);
      payloadFile.readInto(0, payloadHead);
      if (!hasMagic(payloadHead, PAYLOAD_MAGIC) || new DataView(payloadHead.buffer).getUint32(8, true) !== n) {
        throw dataCorrupted(`bad header in segment file "${payloadPath}"`);
      }
      const offsetBytes = new Uint8Array((n + 1) * 8);
      payloadFile.readInto(16, offsetBytes);
      const payloadOffsets = u64ToF64(offsetBytes, n + 1);
      for (let i = 0; i < n; i++) {
        if (payloadOffsets[i] > payloadOffsets[i + 1]) throw dataCorrupted(`bad offsets in segment file "${payloadPath}"`);
      }
      if (payloadOffsets[n] > payloadFile.byteLength) throw dataCorrupted(`bad offsets in segment file "${payloadPath}"`);
      const columns = new Map<string, MappedColumn>();
      for (const col of meta.vectorColumns) {
        const name = vectorFileName(col.name);
        const p = path.join(dir, name);
        const file = await mapVerified(name);
        const head = new Uint8Array(VECTOR_HEADER_BYTES);
        file.readInto(0, head);
        const hdv = new DataView(head.buffer);
        if (!hasMagic(head, VECTOR_MAGIC) || hdv.getUint32(12, true) !== col.dim || hdv.getUint32(16, true) !== n) {
          throw dataCorrupted(`bad header in segment file "${p}"`);
        }
        columns.set(col.name, { dim: col.dim, file, valid: await read(validityFileName(col.name)) });
      }
      // Index files added later (graphs, codes) are verified too: nothing listed is read unchecked.
      const verified = new Set(['rowids.u32', 'xmin.u64', 'xmax.u64', 'payload.bin']);
      for (const col of meta.vectorColumns) {
        verified.add(vectorFileName(col.name));
        verified.add(validityFileName(col.name));
      }
      // Verified through a mapping closed right after (see mapVerifiedFile): an index graph is
      // mapped or read when first used, not kept from here.
      for (const name of Object.keys(meta.files)) {
        if (verified.has(name)) continue;
        const file = await mapVerified(name);
        mapped.pop();
        file.close();
      }
      const xmaxs = baseXmax.slice();
      if (deletes) {
        const p = path.join(dir, deletes.file);
        const b = await fs.readFile(p).catch((e) => {
          throw fsError('read segment file', p, e);
        });
        verify(p, { bytes: b.byteLength, crc32c: deletes.crc32c }, b.byteLength, await crc32cOf(native, b));
        const d = decodeDeletes(b);
        if (!d) throw dataCorrupted(`bad header in segment file "${p}"`);
        for (let k = 0; k < d.positions.length; k++) xmaxs[d.positions[k]] = d.xmax[k];
      }
      return new SealedSegment(dir, meta, rowIds, xmins, baseXmax, xmaxs, payloadFile, payloadOffsets, columns, deletes);
    } catch (e) {
      for (const f of mapped) f.close();
      throw e;
    }
  }

  rowCount(): number {
    return this.metaState.rows;
  }
  rowId(i: number): number {
    return this.rowIds[i];
  }
  xmin(i: number): number {
    return this.xmins[i];
  }
  xmax(i: number): number {
    return this.xmaxs[i];
  }
  setXmax(i: number, seq: number): void {
    this.xmaxs[i] = seq;
    this.visibleCache = undefined;
    this.visibilityEvents = undefined;
  }
  /** A copy of row i's payload bytes, read from the mapping (one small native read). */
  payload(i: number): Uint8Array {
    const start = this.payloadOffsets[i];
    const out = new Uint8Array(this.payloadOffsets[i + 1] - start);
    if (out.byteLength > 0) this.payloadFile.readInto(start, out);
    return out;
  }
  payloadsAt(positions: ArrayLike<number>): Uint8Array[] {
    const ranges = new Float64Array(positions.length * 2);
    let total = 0;
    for (let j = 0; j < positions.length; j++) {
      const i = positions[j];
      if (!(i >= 0 && i < this.metaState.rows)) throw invalidStorageArgument(`segment ${this.id} has no row ${i}`);
      ranges[2 * j] = this.payloadOffsets[i];
      ranges[2 * j + 1] = this.payloadOffsets[i + 1];
      total += ranges[2 * j + 1] - ranges[2 * j];
    }
    const bytes = new Uint8Array(total);
    if (total > 0) this.payloadFile.readRanges(ranges, bytes);
    const out: Uint8Array[] = new Array(positions.length);
    for (let j = 0, at = 0; j < positions.length; j++) {
      const len = ranges[2 * j + 1] - ranges[2 * j];
      out[j] = bytes.subarray(at, at + len);
      at += len;
    }
    return out;
  }
  findRow(rowId: number): number {
    let lo = 0;
    let hi = this.metaState.rows - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.rowIds[mid];
      if (v === rowId) return mid;
      if (v < rowId) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  /**
   * Whether the segment has column `col`'s files. A column added to the table after the segment
   * was written (ALTER TABLE ADD COLUMN) has none: its rows read NULL there.
   */
  hasVectorColumn(col: string): boolean {
    return this.columns.has(col);
  }

  vector(col: string, i: number): Float32Array | null {
    const c = this.columns.get(col);
    if (!c || !getBit(c.valid, i)) return null;
    const out = new Float32Array(c.dim);
    c.file.readInto(VECTOR_HEADER_BYTES + i * c.dim * 4, out);
    return out;
  }
  vectorValidity(col: string): Uint8Array {
    return this.columns.get(col)?.valid ?? new Uint8Array(bitmapBytes(this.metaState.rows));
  }
  /**
   * A column the segment predates (see hasVectorColumn) has an arena without data (dim 0): every
   * row is NULL (empty validity), so no row of it is ever a candidate. `rows` stays the row count
   * so callers still walk the rows (NULL vectors sort last).
   */
  vectorArena(col: string): VectorArena {
    const c = this.columns.get(col);
    if (!c) return { kind: 'memory', dim: 0, rows: this.metaState.rows, data: new Float32Array(0) };
    return { kind: 'mapped', dim: c.dim, rows: this.metaState.rows, file: c.file, byteOffset: VECTOR_HEADER_BYTES };
  }
  /**
   * Rows visible at `snapshot` (a copy the caller may modify). The last snapshot's bitmap is
   * kept until the next setXmax: a read-only workload asks for the same snapshot at every
   * query, and recomputing is a loop over every row of the segment (100k per query).
   */
  visibleBitmap(snapshot: number): Uint8Array {
    return this.visibility(snapshot).bits.slice();
  }

  allAdmitted(snapshot: number, col: string): boolean {
    if (!this.visibility(snapshot).all) return false;
    let valid = this.allValid.get(col);
    if (valid === undefined) {
      const c = this.columns.get(col);
      valid = c !== undefined && allBitsSet(c.valid, this.metaState.rows);
      this.allValid.set(col, valid);
    }
    return valid;
  }

  /** The cached visibility of `snapshot` (computed when no cached one answers it). */
  private visibility(snapshot: number): { bits: Uint8Array; all: boolean } {
    const hit = this.visibleCache;
    if (hit && (hit.snapshot === snapshot || this.sameVisibility(hit.snapshot, snapshot))) return hit;
    const n = this.metaState.rows;
    const bits = new Uint8Array(bitmapBytes(n));
    let visible = 0;
    for (let i = 0; i < n; i++) {
      if (isVisible(this.xmins[i], this.xmaxs[i], snapshot)) {
        setBit(bits, i);
        visible++;
      }
    }
    this.visibleCache = { snapshot, bits, all: visible === n };
    return this.visibleCache;
  }

  /**
   * Whether every row is visible at snapshot `a` exactly when it is at `b`: no xmin or xmax lies
   * in (min(a, b), max(a, b)]. Every statement takes a new snapshot even when nothing was
   * written, so without this a read-only workload rebuilt the bitmap (a loop over every row)
   * per query. O(log deletes) after one O(rows) pass per change of the segment's deletes.
   */
  private sameVisibility(a: number, b: number): boolean {
    let ev = this.visibilityEvents;
    if (!ev) {
      let maxXmin = -Infinity;
      const dels: number[] = [];
      for (let i = 0; i < this.metaState.rows; i++) {
        if (this.xmins[i] > maxXmin) maxXmin = this.xmins[i];
        if (this.xmaxs[i] !== 0) dels.push(this.xmaxs[i]);
      }
      ev = this.visibilityEvents = { maxXmin, xmaxs: Float64Array.from(dels).sort() };
    }
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (lo < ev.maxXmin) return false;
    // The first xmax above lo must also be above hi.
    let l = 0;
    let h = ev.xmaxs.length;
    while (l < h) {
      const mid = (l + h) >>> 1;
      if (ev.xmaxs[mid] <= lo) l = mid + 1;
      else h = mid;
    }
    return l === ev.xmaxs.length || ev.xmaxs[l] > hi;
  }

  /** Deletes not in xmax.u64: what the next deletes file must hold. */
  deleteDiff(): { positions: Uint32Array; xmax: Float64Array } {
    const pos: number[] = [];
    for (let i = 0; i < this.xmaxs.length; i++) if (this.xmaxs[i] !== this.baseXmax[i]) pos.push(i);
    return { positions: Uint32Array.from(pos), xmax: Float64Array.from(pos, (i) => this.xmaxs[i]) };
  }

  /** Names of the extra files added by index libraries. */
  extraFiles(): string[] {
    const core = new Set(['payload.bin', 'rowids.u32', 'xmin.u64', 'xmax.u64', 'deleted.bitmap']);
    for (const c of this.metaState.vectorColumns) {
      core.add(vectorFileName(c.name));
      core.add(validityFileName(c.name));
    }
    return Object.keys(this.metaState.files).filter((f) => !core.has(f));
  }

  /** Reads and verifies an extra file added with addFiles(). */
  async readFile(fs: StorageFs, native: StorageNative, name: string): Promise<Uint8Array> {
    const entry = this.metaState.files[name];
    if (!entry) throw invalidStorageArgument(`segment ${this.id} has no file "${name}"`);
    const p = path.join(this.dir, name);
    const b = await fs.readFile(p);
    verify(p, entry, b.byteLength, await crc32cOf(native, b));
    return b;
  }

  /**
   * Maps and verifies an extra file added with addFiles(): for files searched in place (HNSW
   * graphs), which the mapping serves with 2 MiB pages where the kernel can (see mapVerified).
   */
  async mapFile(native: StorageNative, name: string): Promise<MappedFile> {
    const entry = this.metaState.files[name];
    if (!entry) throw invalidStorageArgument(`segment ${this.id} has no file "${name}"`);
    return mapVerifiedFile(native, path.join(this.dir, name), entry);
  }

  /**
   * Adds named files (e.g. a graph, quantized codes) to this segment atomically: the files are
   * written and fsynced first, then meta.json is replaced in one rename, so after a crash the
   * segment has all of them or none. Existing files are never overwritten.
   */
  async addFiles(fs: StorageFs, native: StorageNative, files: Record<string, Uint8Array>): Promise<void> {
    const next: SegmentMeta = { ...this.metaState, files: { ...this.metaState.files } };
    for (const [name, data] of Object.entries(files)) {
      if (!isValidExtraFileName(name) || name in next.files || name.startsWith('deletes.')) {
        throw invalidStorageArgument(`invalid or existing segment file name "${name}"`);
      }
      await writeFileDurable(fs, path.join(this.dir, name), data);
      next.files[name] = { bytes: data.byteLength, crc32c: await crc32cOf(native, data) };
    }
    await writeFileAtomic(fs, path.join(this.dir, META_FILE), encodeMeta(native, next));
    this.metaState = next;
  }

  /**
   * Removes named extra files (a dropped or rebuilt index): meta.json stops listing them in one
   * atomic replace first, then the files are unlinked, so a crash in between leaves only an
   * unlisted file (never a listed one missing). Names not present are ignored.
   */
  async removeFiles(fs: StorageFs, native: StorageNative, names: readonly string[]): Promise<void> {
    const core = new Set(['payload.bin', 'rowids.u32', 'xmin.u64', 'xmax.u64', 'deleted.bitmap']);
    const gone = names.filter((n) => n in this.metaState.files && this.extraFiles().includes(n) && !core.has(n));
    if (gone.length === 0) return;
    const next: SegmentMeta = { ...this.metaState, files: { ...this.metaState.files } };
    for (const n of gone) delete next.files[n];
    await writeFileAtomic(fs, path.join(this.dir, META_FILE), encodeMeta(native, next));
    this.metaState = next;
    for (const n of gone) await fs.unlink(path.join(this.dir, n)).catch(() => undefined);
  }

  /** Bytes of the segment's files on disk (vectors separately) and held in memory. */
  sizes(): { vectorFileBytes: number; otherFileBytes: number; memoryBytes: number } {
    let vectorFileBytes = 0;
    let otherFileBytes = 0;
    for (const [name, e] of Object.entries(this.metaState.files)) {
      if (name.startsWith('vectors.') && name.endsWith('.f32')) vectorFileBytes += e.bytes;
      else otherFileBytes += e.bytes;
    }
    const n = this.metaState.rows;
    const memoryBytes = n * (4 + 8 + 8 + 8) + this.payloadOffsets.byteLength;
    return { vectorFileBytes, otherFileBytes, memoryBytes };
  }

  retain(): void {
    this.refs++;
  }
  /** Drops one reference; the mappings close when the last one goes after drop(). */
  release(): void {
    if (--this.refs !== 0) return;
    this.payloadFile.close();
    for (const c of this.columns.values()) c.file.close();
  }
  /** Removes the engine's own reference (segment merged away or table dropped). */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.release();
  }
}

function verify(p: string, entry: { bytes: number; crc32c: number }, bytes: number, crc: number): void {
  if (bytes !== entry.bytes || crc !== entry.crc32c) {
    throw dataCorrupted(`checksum mismatch in segment file "${p}"`, {
      detail: `expected ${entry.bytes} bytes with CRC-32C ${hex32(entry.crc32c)}, found ${bytes} bytes with ${hex32(crc)}`,
    });
  }
}

/**
 * Maps file `p` and verifies it through the mapping (closed again if that fails).
 * mappedCrc32c releases what it read, so the file is not left resident, and the page cache then
 * holds it in the folios the mapping faulted in: 2 MiB ones where the kernel can, which searches
 * map with 2 MiB page-table entries. A read() pass first would cache it in small folios for good.
 */
async function mapVerifiedFile(native: StorageNative, p: string, entry: { bytes: number; crc32c: number }): Promise<MappedFile> {
  const file = await native.openMappedFile(p).catch((e) => {
    throw fsError('map segment file', p, e);
  });
  try {
    verify(p, entry, file.byteLength, await native.mappedCrc32c(file, 0, file.byteLength));
    return file;
  } catch (e) {
    file.close();
    throw e;
  }
}

function u64ToF64(b: Uint8Array, n: number): Float64Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = readU64(dv, i * 8);
  return out;
}

