// Sealing: the mutable segment of a table becomes an immutable segment directory.
//
//   beginSeal (sync): mutable -> "sealing", a fresh mutable takes new inserts
//   write files (async; readers keep reading "sealing"; deletes keep landing in it)
//   open + verify the new segment, copy deletes that happened meanwhile, swap (sync)
//   flush WAL, write manifest -> the sealed rows no longer need their WAL
import { segmentDir } from '../data-dir/layout';
import { SealedSegment } from '../segment/sealed-segment';
import type { SegmentInput } from '../segment/segment-writer';
import { writeSegment } from '../segment/segment-writer';
import type { SegmentReader } from '../table/segment-reader';
import { bitmapBytes, getBit, setBit } from '../table/segment-reader';
import type { TableState } from '../table/table-state';
import type { VectorColumnDef } from '../table/table-def';
import type { EngineContext } from './engine-context';
import { persistManifest } from './persist-manifest';

export interface SealSummary {
  tableId: number;
  segmentId: string;
  rows: number;
}

/** Column arrays of the rows `pick` selects from `sources`, sorted by row id. */
export function gatherRows(
  sources: { seg: SegmentReader; keep: (i: number) => boolean }[],
  vectorColumns: VectorColumnDef[],
  readVectors: (seg: SegmentReader, col: VectorColumnDef) => Float32Array | Promise<Float32Array>,
): Promise<Omit<SegmentInput, 'tableId' | 'segmentId' | 'codec'> & { origin: { seg: SegmentReader; i: number }[] }> {
  return (async () => {
    const origin: { seg: SegmentReader; i: number }[] = [];
    for (const { seg, keep } of sources) {
      const n = seg.rowCount();
      for (let i = 0; i < n; i++) if (keep(i)) origin.push({ seg, i });
    }
    origin.sort((a, b) => a.seg.rowId(a.i) - b.seg.rowId(b.i));
    const rows = origin.length;
    const rowIds = new Uint32Array(rows);
    const xmin = new Float64Array(rows);
    const xmax = new Float64Array(rows);
    const payloads: Uint8Array[] = new Array(rows);
    origin.forEach((o, k) => {
      rowIds[k] = o.seg.rowId(o.i);
      xmin[k] = o.seg.xmin(o.i);
      xmax[k] = o.seg.xmax(o.i);
      payloads[k] = o.seg.payload(o.i);
    });
    const vectors = new Map<string, { data: Float32Array; valid: Uint8Array }>();
    for (const col of vectorColumns) {
      const data = new Float32Array(rows * col.dim);
      const valid = new Uint8Array(bitmapBytes(rows));
      const arenas = new Map<SegmentReader, { data: Float32Array; valid: Uint8Array }>();
      for (const { seg } of sources) arenas.set(seg, { data: await readVectors(seg, col), valid: seg.vectorValidity(col.name) });
      origin.forEach((o, k) => {
        const a = arenas.get(o.seg) as { data: Float32Array; valid: Uint8Array };
        if (!getBit(a.valid, o.i)) return;
        setBit(valid, k);
        data.set(a.data.subarray(o.i * col.dim, (o.i + 1) * col.dim), k * col.dim);
      });
      vectors.set(col.name, { data, valid });
    }
    return { vectorColumns, rows, rowIds, xmin, xmax, payloads, vectors, origin };
  })();
}

/**
 * Seals the table's mutable segment (no-op when it is empty). Run inside the maintenance queue.
 * `persist: false` skips the manifest: a large commit seals while it is applied, and the
 * manifest may only reference its rows once its Commit record is durable (commit-stream.ts).
 */
export async function sealTable(ctx: EngineContext, table: TableState, opts: { persist?: boolean } = {}): Promise<SealSummary | null> {
  // A previous seal that failed left its rows in `sealing`; they stay there (readable, in the
  // WAL) until a restart rebuilds them, rather than risk losing track of them.
  if (table.mutable.rowCount() === 0 || table.sealing !== null) return null;
  const prevSealedBefore = table.sealedBeforeLsn;
  const prevFromLsn = table.mutableFromLsn;
  const src = table.beginSeal(ctx.wal.nextLogSequence);
  try {
    const gathered = await gatherRows([{ seg: src, keep: () => true }], table.def.vectorColumns, (seg, col) => {
      const a = seg.vectorArena(col.name);
      return a.kind === 'memory' ? a.data : new Float32Array(0);
    });
    const dir = segmentDir(ctx.dataDir, table.def.id, src.id);
    await writeSegment(ctx.fs, ctx.native, dir, {
      ...gathered,
      tableId: table.def.id,
      segmentId: src.id,
      codec: ctx.state.codec.name,
    });
    const sealed = await SealedSegment.open(ctx.fs, ctx.native, dir, null);
    // Deletes that landed in the source while the files were written.
    gathered.origin.forEach((o, k) => {
      const x = o.seg.xmax(o.i);
      if (x !== sealed.xmax(k)) sealed.setXmax(k, x);
    });
    table.sealed.push(sealed);
    table.sealing = null;
    if (opts.persist !== false) {
      await ctx.wal.flush();
      await persistManifest(ctx, ctx.state.checkpointLsn, ctx.state.catalogJson);
    }
    return { tableId: table.def.id, segmentId: src.id, rows: sealed.rowCount() };
  } catch (e) {
    if (table.sealing === src) {
      // The rows are still only in memory + WAL: keep the WAL from their first record.
      table.sealedBeforeLsn = prevSealedBefore;
      table.mutableFromLsn = prevFromLsn ?? table.mutableFromLsn;
    }
    throw e;
  }
}
