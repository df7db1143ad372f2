// The payload of a WAL Commit record: one committed transaction, all of its writes. A
// transaction buffers its writes in memory and logs them in this single record at commit, so
// an uncommitted (or torn) transaction leaves nothing behind after recovery.
//
//   commitSeq u64 | nOps u32 | ops...
//   op 1 CreateTable: def JSON (u32 len + utf8)
//   op 2 DropTable:   tableId u32
//   op 3 Insert:      tableId u32 | rowId u32 | payload (u32 len + bytes) | nVec u16-as-u32 |
//                     per vector column in table order: present u8 [+ dim u32 + float32 x dim]
//   op 4 Delete:      tableId u32 | rowId u32
//   op 5 Catalog:     catalog JSON (u32 len + utf8)
import { ByteReader, ByteWriter } from '../row/bytes';
import type { StorageTableDef } from '../table/table-def';

export type CommitOp =
  | { kind: 'createTable'; def: StorageTableDef }
  | { kind: 'dropTable'; tableId: number }
  | { kind: 'insert'; tableId: number; rowId: number; payload: Uint8Array; vectors: (Float32Array | null)[] }
  | { kind: 'delete'; tableId: number; rowId: number }
  | { kind: 'catalog'; json: string };

export interface CommitRecord {
  commitSeq: number;
  ops: CommitOp[];
}

const OP = { createTable: 1, dropTable: 2, insert: 3, delete: 4, catalog: 5 } as const;

export function encodeCommit(rec: CommitRecord): Uint8Array {
  const w = new ByteWriter();
  w.u64(rec.commitSeq).u32(rec.ops.length);
  for (const op of rec.ops) {
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
    }
  }
  return w.finish();
}

export function decodeCommit(payload: Uint8Array): CommitRecord {
  const r = new ByteReader(payload);
  const commitSeq = r.u64();
  const n = r.u32();
  const ops: CommitOp[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r.u8();
    switch (kind) {
      case OP.createTable:
        ops.push({ kind: 'createTable', def: JSON.parse(r.string()) as StorageTableDef });
        break;
      case OP.dropTable:
        ops.push({ kind: 'dropTable', tableId: r.u32() });
        break;
      case OP.insert: {
        const tableId = r.u32();
        const rowId = r.u32();
        const payloadBytes = r.block();
        const nv = r.u32();
        const vectors: (Float32Array | null)[] = [];
        for (let j = 0; j < nv; j++) vectors.push(r.u8() === 0 ? null : r.f32s(r.u32()));
        ops.push({ kind: 'insert', tableId, rowId, payload: payloadBytes, vectors });
        break;
      }
      case OP.delete:
        ops.push({ kind: 'delete', tableId: r.u32(), rowId: r.u32() });
        break;
      case OP.catalog:
        ops.push({ kind: 'catalog', json: r.string() });
        break;
      default:
        throw new RangeError(`unknown commit op ${kind}`);
    }
  }
  return { commitSeq, ops };
}
