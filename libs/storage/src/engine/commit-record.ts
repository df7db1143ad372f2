// The payload of a WAL Commit record: one committed transaction, all of its writes. A
// transaction buffers its writes and logs them in this single record at commit, so an
// uncommitted (or torn) transaction leaves nothing behind after recovery.
//
// A transaction that spilled (see tx-log.ts) is logged as a run of TxData records (same
// payload layout, same commitSeq; createTable/insert/delete ops) immediately followed by its
// Commit record (dropTable/catalog ops). Recovery keeps the run only when that Commit record
// follows it intact (engine/replay-groups.ts).
//
//   commitSeq u64 | nOps u32 | ops...
//   op 1 CreateTable: def JSON (u32 len + utf8)
//   op 2 DropTable:   tableId u32
//   op 3 Insert:      tableId u32 | rowId u32 | payload (u32 len + bytes) | nVec u16-as-u32 |
//                     per vector column in table order: present u8 [+ dim u32 + float32 x dim]
//   op 4 Delete:      tableId u32 | rowId u32
//   op 5 Catalog:     catalog JSON (u32 len + utf8)
//   op 6 AddVectorColumn: tableId u32 | column JSON {name, dim} (u32 len + utf8); appended to
//                     the table's vector columns (existing rows read NULL there); inserts
//                     logged before it in the same or earlier records carry fewer vectors
import { ByteReader, ByteWriter } from '../row/bytes';
import type { StorageTableDef, VectorColumnDef } from '../table/table-def';

export type CommitOp =
  | { kind: 'createTable'; def: StorageTableDef }
  | { kind: 'dropTable'; tableId: number }
  | { kind: 'insert'; tableId: number; rowId: number; payload: Uint8Array; vectors: (Float32Array | null)[] }
  | { kind: 'delete'; tableId: number; rowId: number }
  | { kind: 'catalog'; json: string }
  | { kind: 'addVectorColumn'; tableId: number; column: VectorColumnDef };

export interface CommitRecord {
  commitSeq: number;
  ops: CommitOp[];
}

const OP = { createTable: 1, dropTable: 2, insert: 3, delete: 4, catalog: 5, addVectorColumn: 6 } as const;

export function encodeCommit(rec: CommitRecord): Uint8Array {
  const w = new ByteWriter();
  w.u64(rec.commitSeq).u32(rec.ops.length);
  for (const op of rec.ops) encodeOpInto(w, op);
  return w.finish();
}

/** One op alone (a transaction's buffered writes, see tx-log.ts): the bytes encodeCommit writes for it. */
export function encodeOp(op: CommitOp): Uint8Array {
  const w = new ByteWriter();
  encodeOpInto(w, op);
  return w.finish();
}

/**
 * A commit (or TxData) payload from ops already encoded with encodeOp, concatenated in
 * `ops` (n of them): no decode/re-encode of large transactions.
 */
export function encodeCommitRaw(commitSeq: number, n: number, ops: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + ops.byteLength);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, commitSeq >>> 0, true);
  dv.setUint32(4, Math.floor(commitSeq / 0x100000000), true);
  dv.setUint32(8, n, true);
  out.set(ops, 12);
  return out;
}

function encodeOpInto(w: ByteWriter, op: CommitOp): void {
  w.u8(OP[op.kind]);
  switch (op.kind) {
    case 'createTable':
      w.string(JSON.stringify(op.def));
      break;
    case 'dropTable':
      w.u32(op.tableId);
      break;
    case 'insert':
      w.u32(op.tableId).u32(op.rowId).block(op.payload).u32(op.vectors.length);
      for (const v of op.vectors) {
        if (v === null) w.u8(0);
        else w.u8(1).u32(v.length).f32s(v);
      }
      break;
    case 'delete':
      w.u32(op.tableId).u32(op.rowId);
      break;
    case 'catalog':
      w.string(op.json);
      break;
    case 'addVectorColumn':
      w.u32(op.tableId).string(JSON.stringify({ name: op.column.name, dim: op.column.dim }));
      break;
  }
}

export function decodeCommit(payload: Uint8Array): CommitRecord {
  const r = new ByteReader(payload);
  const commitSeq = r.u64();
  const n = r.u32();
  const ops: CommitOp[] = [];
  for (let i = 0; i < n; i++) ops.push(decodeOpFrom(r));
  return { commitSeq, ops };
}

/** The op encodeOp wrote. */
export function decodeOp(bytes: Uint8Array): CommitOp {
  return decodeOpFrom(new ByteReader(bytes));
}

/** Op kind codes as stored (first byte of an encoded op). */
export const OP_CODE = OP;

function decodeOpFrom(r: ByteReader): CommitOp {
  const kind = r.u8();
  switch (kind) {
    case OP.createTable:
      return { kind: 'createTable', def: JSON.parse(r.string()) as StorageTableDef };
    case OP.dropTable:
      return { kind: 'dropTable', tableId: r.u32() };
    case OP.insert: {
      const tableId = r.u32();
      const rowId = r.u32();
      const payloadBytes = r.block();
      const nv = r.u32();
      const vectors: (Float32Array | null)[] = [];
      for (let j = 0; j < nv; j++) vectors.push(r.u8() === 0 ? null : r.f32s(r.u32()));
      return { kind: 'insert', tableId, rowId, payload: payloadBytes, vectors };
    }
    case OP.delete:
      return { kind: 'delete', tableId: r.u32(), rowId: r.u32() };
    case OP.catalog:
      return { kind: 'catalog', json: r.string() };
    case OP.addVectorColumn: {
      const tableId = r.u32();
      return { kind: 'addVectorColumn', tableId, column: JSON.parse(r.string()) as VectorColumnDef };
    }
    default:
      throw new RangeError(`unknown commit op ${kind}`);
  }
}
