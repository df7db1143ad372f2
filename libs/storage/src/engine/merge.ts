// Merging sealed segments without blocking readers or writers:
//
//   capture horizon = oldest active snapshot; rows deleted at or before it are dropped
//   read sources (vectors via async file reads, not the event loop), write the new segment
//   open + verify it; copy deletes that hit the sources meanwhile; swap in the table (sync)
//   flush WAL; write manifest; sources are released (unmapped once no reader pins them)
import * as path from 'node:path';

import { segmentDir } from '../data-dir/layout';
import { SealedSegment } from '../segment/sealed-segment';
import { VECTOR_HEADER_BYTES, vectorFileName } from '../segment/segment-format';
import { writeSegment } from '../segment/segment-writer';
import type { SegmentReader } from '../table/segment-reader';
import type { TableState } from '../table/table-state';
import type { EngineContext } from './engine-context';
import { type MergePolicyOptions, pickMerge } from './merge-policy';
import { persistManifest } from './persist-manifest';
import { gatherRows } from './seal';

export interface MergeSummary {
  tableId: number;
  merged: string[];
  into: string;
  rowsIn: number;
  rowsOut: number;
  /** Rows dropped because every snapshot already saw them deleted. */
  purged: number;
}

function deletedCount(seg: SegmentReader): number {
  let n = 0;
  for (let i = 0; i < seg.rowCount(); i++) if (seg.xmax(i) !== 0) n++;
  return n;
}

/** Merges per the policy (or exactly `ids` when given). Run inside the maintenance queue. */
export async function mergeTable(
  ctx: EngineContext,
  table: TableState,
  policy: MergePolicyOptions,
  ids?: string[],
): Promise<MergeSummary | null> {
  const pick = ids ?? pickMerge(table.sealed.map((s) => ({ id: s.id, rows: s.rowCount(), deleted: deletedCount(s) })), policy);
  if (!pick || pick.length === 0) return null;
  const sources = table.sealed.filter((s) => pick.includes(s.id));
  if (sources.length !== pick.length) return null;
  const horizon = ctx.state.oldestActiveSnapshot();
  const purgeable = (seg: SegmentReader, i: number) => seg.xmax(i) !== 0 && seg.xmax(i) <= horizon;
  const gathered = await gatherRows(
    sources.map((seg) => ({ seg, keep: (i: number) => !purgeable(seg, i) })),
    table.def.vectorColumns,
    async (seg, col) => {
      // A source written before the column was added has no file: all NULL (validity empty).
      if (!(seg as SealedSegment).hasVectorColumn(col.name)) return new Float32Array(0);
      const b = await ctx.fs.readFile(path.join((seg as SealedSegment).dir, vectorFileName(col.name)));
      const copy = b.slice(VECTOR_HEADER_BYTES);
      return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
    },
  );
  const id = ctx.state.newSegmentId();
  const dir = segmentDir(ctx.dataDir, table.def.id, id);
  await writeSegment(ctx.fs, ctx.native, dir, { ...gathered, tableId: table.def.id, segmentId: id, codec: ctx.state.codec.name });
  const merged = await SealedSegment.open(ctx.fs, ctx.native, dir, null);
  gathered.origin.forEach((o, k) => {
    const x = o.seg.xmax(o.i);
    if (x !== merged.xmax(k)) merged.setXmax(k, x);
  });
  // Swap synchronously: the merged segment takes the first source's place (keeps age order).
  const first = table.sealed.indexOf(sources[0]);
  table.sealed = table.sealed.filter((s) => !sources.includes(s));
  table.sealed.splice(Math.min(first, table.sealed.length), 0, merged);
  await ctx.wal.flush();
  await persistManifest(ctx, ctx.state.checkpointLsn, ctx.state.catalogJson);
  for (const s of sources) s.drop();
  const rowsIn = sources.reduce((n, s) => n + s.rowCount(), 0);
  return { tableId: table.def.id, merged: pick, into: id, rowsIn, rowsOut: merged.rowCount(), purged: rowsIn - merged.rowCount() };
}
