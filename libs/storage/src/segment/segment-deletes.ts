// The deletes file of a sealed segment (see segment-format.ts).
import { DELETES_MAGIC, hasMagic, writeMagic } from './segment-format';
import { readU64, writeU64 } from '../wal/wal-format';

export function encodeDeletes(positions: Uint32Array, xmax: Float64Array): Uint8Array {
  const b = new Uint8Array(16 + positions.length * 12);
  const dv = new DataView(b.buffer);
  writeMagic(b, DELETES_MAGIC);
  dv.setUint32(8, positions.length, true);
  for (let k = 0; k < positions.length; k++) {
    dv.setUint32(16 + k * 12, positions[k], true);
    writeU64(dv, 16 + k * 12 + 4, xmax[k]);
  }
  return b;
}

export function decodeDeletes(b: Uint8Array): { positions: Uint32Array; xmax: Float64Array } | null {
  if (!hasMagic(b, DELETES_MAGIC) || b.byteLength < 16) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = dv.getUint32(8, true);
  if (b.byteLength !== 16 + n * 12) return null;
  const positions = new Uint32Array(n);
  const xmax = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    positions[k] = dv.getUint32(16 + k * 12, true);
    xmax[k] = readU64(dv, 16 + k * 12 + 4);
  }
  return { positions, xmax };
}
