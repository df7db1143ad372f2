// Sealed segment directory format. Every file is immutable once meta.json names it; meta.json
// lists each file with its size and CRC-32C (checked on open) and carries its own checksum, so
// a segment directory is self-describing and can be copied or shipped on its own.
//
//   vectors.<col>.f32     64-byte header, then rows x dim float32, row-major, at byte 64
//                          (mmap is page-aligned, so the array is 64-byte aligned for SIMD)
//                          header: magic "VGRSVEC1" | version u32 | dim u32 | rows u32 |
//                          elem type u32 (0 = float32) | data offset u32 (64) | zero padding
//   vectors.<col>.valid   validity bitmap, LSB-first, bit i set when row i's vector is non-NULL
//   payload.bin           magic "VGRSPAY1" | rows u32 | 0 u32 | (rows + 1) u64 offsets | bytes
//   rowids.u32            rows x u32 table row ids, ascending
//   xmin.u64 / xmax.u64   rows x u64 commit sequences (xmax 0 = live at seal/merge time)
//   deleted.bitmap        LSB-first bitmap: rows whose xmax was set at seal/merge time
//   deletes.<gen>.bin     deletes after sealing (not listed in meta.json: the manifest names
//                          the current generation): magic "VGRSDEL1" | count u32 | 0 u32 |
//                          count x (row position u32, xmax u64)
//   <extra files>         added later by index libraries through addSegmentFiles()
//   meta.json             SegmentMeta
export const SEGMENT_FORMAT_VERSION = 1;
export const VECTOR_HEADER_BYTES = 64;
export const VECTOR_MAGIC = 'VGRSVEC1';
export const PAYLOAD_MAGIC = 'VGRSPAY1';
export const DELETES_MAGIC = 'VGRSDEL1';
export const META_FILE = 'meta.json';

export interface SegmentFileEntry {
  bytes: number;
  crc32c: number;
}

export interface SegmentMeta {
  formatVersion: number;
  segmentId: string;
  tableId: number;
  rows: number;
  minRowId: number;
  maxRowId: number;
  vectorColumns: { name: string; dim: number; elemType: 'f32' }[];
  codec: string;
  files: Record<string, SegmentFileEntry>;
  /** CRC-32C of this JSON with metaCrc32c removed (JSON.stringify, keys in this order). */
  metaCrc32c?: number;
}

export function vectorFileName(col: string): string {
  return `vectors.${col}.f32`;
}

export function validityFileName(col: string): string {
  return `vectors.${col}.valid`;
}

export function writeMagic(b: Uint8Array, magic: string): void {
  for (let i = 0; i < 8; i++) b[i] = magic.charCodeAt(i);
}

export function hasMagic(b: Uint8Array, magic: string): boolean {
  if (b.byteLength < 8) return false;
  for (let i = 0; i < 8; i++) if (b[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/** Extra file names must stay inside the directory and not shadow the core files. */
export function isValidExtraFileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name) && name !== META_FILE && !name.endsWith('.tmp');
}
