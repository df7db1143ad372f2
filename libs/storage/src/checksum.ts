// CRC-32C through the native addon, choosing the synchronous call only for small inputs so the
// event loop never checksums more than CRC32C_SYNC_LIMIT bytes in one go.
import { CRC32C_SYNC_LIMIT, type StorageNative } from '@vecgres/native-bindings';

export async function crc32cOf(native: StorageNative, data: Uint8Array): Promise<number> {
  return data.byteLength <= CRC32C_SYNC_LIMIT ? native.crc32c(data) : native.crc32cAsync(data);
}

export function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
