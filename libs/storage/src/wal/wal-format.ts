// WAL on-disk format (all integers little-endian).
//
// File = header (32 bytes) + records. Files are named <first LSN as 16 hex digits>.wal and
// never reused, so a record's LSN must equal the previous record's LSN + 1.
//
//   header:  0 magic "VGRSWAL1" (8) | 8 version u32 | 12 header size u32 (32)
//            16 first LSN u64 | 24 CRC-32C of bytes 0..23 u32 | 28 reserved u32
//   record:  0 len u32 (bytes after the crc: 9 + payload length)
//            4 crc u32 (CRC-32C of bytes 8 .. 8+len: lsn, type, payload)
//            8 lsn u64 | 16 type u8 | 17 payload
//
// LSNs are record sequence numbers (1, 2, 3 ...), not byte positions: they stay meaningful if
// the log is later shipped to a broker [ROADMAP: WAL = records with increasing sequence numbers].
import type { StorageNative } from '@vecgres/native-bindings';

import { crc32cOf } from '../checksum';

export const WAL_MAGIC = 'VGRSWAL1';
export const WAL_VERSION = 1;
export const WAL_HEADER_BYTES = 32;
export const WAL_RECORD_HEADER_BYTES = 17; // len + crc + lsn + type
/** Records above this are treated as corrupt lengths (a torn length field can read as anything). */
export const WAL_MAX_RECORD_BYTES = 1 << 30;

export const WalRecordType = {
  /** One committed transaction (see engine/commit-record.ts). */
  Commit: 1,
  /**
   * Part of a large transaction's writes (same payload as Commit), logged just before its
   * Commit record; without that Commit record it is discarded at recovery.
   */
  TxData: 2,
} as const;
export type WalRecordType = (typeof WalRecordType)[keyof typeof WalRecordType];

export function walFileName(firstLsn: number): string {
  return `${firstLsn.toString(16).padStart(16, '0')}.wal`;
}

/** First LSN of a WAL file from its name, or undefined when the name is not a WAL file's. */
export function parseWalFileName(name: string): number | undefined {
  const m = /^([0-9a-f]{16})\.wal$/.exec(name);
  return m ? parseInt(m[1], 16) : undefined;
}

export function writeU64(dv: DataView, offset: number, v: number): void {
  dv.setUint32(offset, v >>> 0, true);
  dv.setUint32(offset + 4, Math.floor(v / 0x100000000), true);
}

export function readU64(dv: DataView, offset: number): number {
  return dv.getUint32(offset, true) + dv.getUint32(offset + 4, true) * 0x100000000;
}

export function encodeWalHeader(native: StorageNative, firstLsn: number): Uint8Array {
  const b = new Uint8Array(WAL_HEADER_BYTES);
  const dv = new DataView(b.buffer);
  for (let i = 0; i < 8; i++) b[i] = WAL_MAGIC.charCodeAt(i);
  dv.setUint32(8, WAL_VERSION, true);
  dv.setUint32(12, WAL_HEADER_BYTES, true);
  writeU64(dv, 16, firstLsn);
  dv.setUint32(24, native.crc32c(b.subarray(0, 24)), true);
  return b;
}

/** The first LSN of a file header, or an error text when the header is invalid. */
export function decodeWalHeader(native: StorageNative, b: Uint8Array): { firstLsn: number } | { error: string } {
  if (b.byteLength < WAL_HEADER_BYTES) return { error: 'short file header' };
  const dv = new DataView(b.buffer, b.byteOffset, WAL_HEADER_BYTES);
  for (let i = 0; i < 8; i++) if (b[i] !== WAL_MAGIC.charCodeAt(i)) return { error: 'bad magic' };
  if (dv.getUint32(24, true) !== native.crc32c(b.subarray(0, 24))) return { error: 'bad header checksum' };
  const version = dv.getUint32(8, true);
  if (version !== WAL_VERSION) return { error: `unsupported WAL version ${version}` };
  return { firstLsn: readU64(dv, 16) };
}

/** One encoded record: header + payload, checksum filled in. */
export async function encodeWalRecord(
  native: StorageNative,
  lsn: number,
  type: number,
  payload: Uint8Array,
): Promise<Uint8Array> {
  const b = new Uint8Array(WAL_RECORD_HEADER_BYTES + payload.byteLength);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, 9 + payload.byteLength, true);
  writeU64(dv, 8, lsn);
  b[16] = type;
  b.set(payload, WAL_RECORD_HEADER_BYTES);
  dv.setUint32(4, await crc32cOf(native, b.subarray(8)), true);
  return b;
}
