// Writes a sealed segment directory: every file fsynced, meta.json last, then the whole
// directory renamed into place and the parent fsynced. A crash leaves either no directory or a
// complete one; a leftover "<id>.tmp" directory is garbage removed at the next open.
import * as path from 'node:path';

import type { StorageNative } from '@vecgres/native-bindings';

import { crc32cOf } from '../checksum';
import { utf8, writeFileDurable } from '../fs/atomic-file';
import type { StorageFs } from '../fs/storage-fs';
import { bitmapBytes, setBit } from '../table/segment-reader';
import type { VectorColumnDef } from '../table/table-def';
import { writeU64 } from '../wal/wal-format';
import {
  META_FILE,
  PAYLOAD_MAGIC,
  SEGMENT_FORMAT_VERSION,
  type SegmentMeta,
  VECTOR_HEADER_BYTES,
  VECTOR_MAGIC,
  validityFileName,
  vectorFileName,
  writeMagic,
} from './segment-format';

/** Column-oriented rows of a segment to write, sorted by rowId. */
export interface SegmentInput {
  tableId: number;
  segmentId: string;
  codec: string;
  vectorColumns: VectorColumnDef[];
  rows: number;
  rowIds: Uint32Array; // rows
  xmin: Float64Array; // rows
  xmax: Float64Array; // rows
  payloads: Uint8Array[]; // rows
  /** Per column: rows x dim float32 (NULL rows zero-filled) and the validity bitmap. */
  vectors: Map<string, { data: Float32Array; valid: Uint8Array }>;
}

function u64Column(values: Float64Array): Uint8Array {
  const b = new Uint8Array(values.length * 8);
  const dv = new DataView(b.buffer);
  for (let i = 0; i < values.length; i++) writeU64(dv, i * 8, values[i]);
  return b;
}

function payloadFile(payloads: Uint8Array[]): Uint8Array {
  const head = 16 + (payloads.length + 1) * 8;
  const total = payloads.reduce((n, p) => n + p.byteLength, head);
  const b = new Uint8Array(total);
  const dv = new DataView(b.buffer);
  writeMagic(b, PAYLOAD_MAGIC);
  dv.setUint32(8, payloads.length, true);
  let off = head;
  payloads.forEach((p, i) => {
    writeU64(dv, 16 + i * 8, off);
    b.set(p, off);
    off += p.byteLength;
  });
  writeU64(dv, 16 + payloads.length * 8, off);
  return b;
}

function vectorFile(dim: number, rows: number, data: Float32Array): Uint8Array {
  const b = new Uint8Array(VECTOR_HEADER_BYTES + rows * dim * 4);
  const dv = new DataView(b.buffer);
  writeMagic(b, VECTOR_MAGIC);
  dv.setUint32(8, SEGMENT_FORMAT_VERSION, true);
  dv.setUint32(12, dim, true);
  dv.setUint32(16, rows, true);
  dv.setUint32(20, 0, true);
  dv.setUint32(24, VECTOR_HEADER_BYTES, true);
  b.set(new Uint8Array(data.buffer, data.byteOffset, rows * dim * 4), VECTOR_HEADER_BYTES);
  return b;
}

/** Meta JSON with its self-checksum filled in. */
export function encodeMeta(native: StorageNative, meta: SegmentMeta): Uint8Array {
  const { metaCrc32c: _ignored, ...body } = meta;
  const crc = native.crc32c(utf8(JSON.stringify(body)));
  return utf8(JSON.stringify({ ...body, metaCrc32c: crc }, null, 1));
}

export async function writeSegment(
  fs: StorageFs,
  native: StorageNative,
  finalDir: string,
  input: SegmentInput,
): Promise<SegmentMeta> {
  const tmpDir = `${finalDir}.tmp`;
  await fs.removeTree(tmpDir);
  await fs.mkdir(tmpDir);
  const files: SegmentMeta['files'] = {};
  const put = async (name: string, data: Uint8Array): Promise<void> => {
    await writeFileDurable(fs, path.join(tmpDir, name), data);
    files[name] = { bytes: data.byteLength, crc32c: await crc32cOf(native, data) };
  };
  const n = input.rows;
  for (const col of input.vectorColumns) {
    const v = input.vectors.get(col.name);
    if (!v) throw new Error(`segment input lacks vector column ${col.name}`);
    await put(vectorFileName(col.name), vectorFile(col.dim, n, v.data));
    await put(validityFileName(col.name), v.valid.slice(0, bitmapBytes(n)));
  }
  await put('payload.bin', payloadFile(input.payloads));
  await put('rowids.u32', new Uint8Array(input.rowIds.buffer, input.rowIds.byteOffset, n * 4).slice());
  await put('xmin.u64', u64Column(input.xmin));
  await put('xmax.u64', u64Column(input.xmax));
  const deleted = new Uint8Array(bitmapBytes(n));
  for (let i = 0; i < n; i++) if (input.xmax[i] !== 0) setBit(deleted, i);
  await put('deleted.bitmap', deleted);
  const meta: SegmentMeta = {
    formatVersion: SEGMENT_FORMAT_VERSION,
    segmentId: input.segmentId,
    tableId: input.tableId,
    rows: n,
    minRowId: n > 0 ? input.rowIds[0] : 0,
    maxRowId: n > 0 ? input.rowIds[n - 1] : 0,
    vectorColumns: input.vectorColumns.map((c) => ({ name: c.name, dim: c.dim, elemType: 'f32' as const })),
    codec: input.codec,
    files,
  };
  await writeFileDurable(fs, path.join(tmpDir, META_FILE), encodeMeta(native, meta));
  await fs.syncDir(tmpDir);
  await fs.removeTree(finalDir);
  await fs.rename(tmpDir, finalDir);
  await fs.syncDir(path.dirname(finalDir));
  return meta;
}
