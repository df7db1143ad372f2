// The segment file `pidx.<index oid>`: the payload structures one index has over one sealed
// segment (a TermIndex and / or a RangeIndex of libs/payload-index), in one container:
//
//   'VGPIDX01' | u32 sections | u32 0 | per section: u32 kind, u32 byteLength, bytes, pad to 8
//
// little-endian; each section starts 8-byte aligned (relative to the file) so the structures
// open in place (views, no copy) when the file's buffer is aligned. The segment-file layer
// checksums the whole file; lengths are still validated here (a truncated file throws XX001).
import { RangeIndex, TermIndex } from '@vecgres/payload-index';
import type { PayloadIndexKind } from '@vecgres/planner';

const MAGIC = 'VGPIDX01';
const KIND_CODES: Readonly<Record<PayloadIndexKind, number>> = { keyword: 1, range: 2, jsonb_path_ops: 3, jsonb_ops: 4 };

/** One index's structures over one segment (by kind). */
export interface SegmentPayloadIndex {
  terms?: TermIndex;
  /** The jsonb opclass the terms were built with (gin indexes). */
  jsonb?: 'jsonb_path_ops' | 'jsonb_ops';
  range?: RangeIndex;
  /** Serialized size in bytes. */
  bytes: number;
}

/** The segment file holding payload index `oid`. */
export function payloadFileName(oid: number): string {
  return `pidx.${oid}`;
}

/** The OID in a `pidx.<oid>` file name, or undefined for other files. */
export function payloadFileOid(name: string): number | undefined {
  const m = /^pidx\.(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

function corrupt(message: string): Error {
  return Object.assign(new Error(`payload index file is corrupt: ${message}`), { code: 'XX001' });
}

export function serializePayloadIndex(ix: SegmentPayloadIndex): Uint8Array {
  const sections: Array<[number, Uint8Array]> = [];
  if (ix.terms) sections.push([KIND_CODES[ix.jsonb ?? 'keyword'], ix.terms.serialize()]);
  if (ix.range) sections.push([KIND_CODES.range, ix.range.serialize()]);
  let size = 16;
  for (const [, b] of sections) size += 8 + ((b.byteLength + 7) & ~7);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set(Buffer.from(MAGIC, 'latin1'), 0);
  dv.setUint32(8, sections.length, true);
  let at = 16;
  for (const [kind, b] of sections) {
    dv.setUint32(at, kind, true);
    dv.setUint32(at + 4, b.byteLength, true);
    out.set(b, at + 8);
    at += 8 + ((b.byteLength + 7) & ~7);
  }
  return out;
}

export function openPayloadIndex(bytes: Uint8Array): SegmentPayloadIndex {
  if (bytes.byteLength < 16 || Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString('latin1') !== MAGIC) throw corrupt('bad header');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = dv.getUint32(8, true);
  const out: SegmentPayloadIndex = { bytes: bytes.byteLength };
  let at = 16;
  for (let i = 0; i < n; i++) {
    if (at + 8 > bytes.byteLength) throw corrupt('truncated section header');
    const kind = dv.getUint32(at, true);
    const len = dv.getUint32(at + 4, true);
    if (at + 8 + len > bytes.byteLength) throw corrupt('truncated section');
    const body = bytes.subarray(at + 8, at + 8 + len);
    if (kind === KIND_CODES.range) out.range = RangeIndex.open(body);
    else if (kind === KIND_CODES.keyword || kind === KIND_CODES.jsonb_path_ops || kind === KIND_CODES.jsonb_ops) {
      out.terms = TermIndex.open(body);
      if (kind !== KIND_CODES.keyword) out.jsonb = kind === KIND_CODES.jsonb_path_ops ? 'jsonb_path_ops' : 'jsonb_ops';
    } else throw corrupt(`unknown section kind ${kind}`);
    at += 8 + ((len + 7) & ~7);
  }
  return out;
}
