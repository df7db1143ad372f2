// Checkpoint: persist deletes of sealed segments, the catalog blob and the segment lists in a
// new manifest at checkpoint LSN L (the last LSN assigned when it starts), then drop WAL files
// no longer needed and garbage left by merges, drops and crashed seals.
import * as path from 'node:path';

import { segmentsDir, tableSegmentsDir } from '../data-dir/layout';
import { crc32cOf } from '../checksum';
import { writeFileDurable } from '../fs/atomic-file';
import { encodeDeletes } from '../segment/segment-deletes';
import type { EngineContext } from './engine-context';
import { persistManifest, replayStartLsn } from './persist-manifest';

export interface CheckpointSummary {
  checkpointLsn: number;
  /** Segments whose deletes file was rewritten. */
  deletesFilesWritten: number;
  walFilesRemoved: string[];
  /** Segment directories and files no longer referenced, removed. */
  garbageRemoved: number;
}

export async function checkpoint(ctx: EngineContext, catalog?: unknown): Promise<CheckpointSummary> {
  const st = ctx.state;
  const lsn = ctx.wal.nextLogSequence - 1;
  if (catalog !== undefined) st.catalogJson = JSON.stringify(catalog);
  // Capture every sealed segment's deletes now (synchronously), so the files hold exactly the
  // deletes logged at or before `lsn`; later ones are replayed from the WAL.
  const work = [...st.tables.values()].flatMap((t) => t.sealed.map((seg) => ({ seg, diff: seg.deleteDiff() })));
  await ctx.wal.flush(lsn);
  let written = 0;
  const oldFiles: string[] = [];
  for (const { seg, diff } of work) {
    const prev = seg.deletesRef;
    if (diff.positions.length === (prev?.count ?? 0)) continue; // deletes only ever grow
    const gen = `deletes.${lsn.toString(16).padStart(16, '0')}.bin`;
    const data = encodeDeletes(diff.positions, diff.xmax);
    await writeFileDurable(ctx.fs, path.join(seg.dir, gen), data);
    await ctx.fs.syncDir(seg.dir);
    seg.deletesRef = { file: gen, crc32c: await crc32cOf(ctx.native, data), count: diff.positions.length };
    if (prev && prev.file !== gen) oldFiles.push(path.join(seg.dir, prev.file));
    written++;
  }
  const manifest = await persistManifest(ctx, lsn, st.catalogJson);
  for (const f of oldFiles) await ctx.fs.unlink(f).catch(() => undefined);
  const walFilesRemoved = await ctx.wal.removeBefore(replayStartLsn(manifest));
  const garbageRemoved = await removeUnreferenced(ctx);
  return { checkpointLsn: lsn, deletesFilesWritten: written, walFilesRemoved, garbageRemoved };
}

/** Deletes segment directories that no live table references (after a merge, drop or crash). */
export async function removeUnreferenced(ctx: EngineContext): Promise<number> {
  const root = segmentsDir(ctx.dataDir);
  if (!(await ctx.fs.exists(root))) return 0;
  let removed = 0;
  for (const tdir of await ctx.fs.readdir(root)) {
    const tableId = /^t(\d+)$/.exec(tdir);
    const t = tableId ? ctx.state.tables.get(Number(tableId[1])) : undefined;
    if (!t) {
      await ctx.fs.removeTree(path.join(root, tdir));
      removed++;
      continue;
    }
    const live = new Set(t.sealed.map((s) => s.id));
    // The segment being sealed right now may be writing its directory: keep it.
    if (t.sealing) live.add(t.sealing.id);
    const dir = tableSegmentsDir(ctx.dataDir, t.def.id);
    for (const sdir of await ctx.fs.readdir(dir)) {
      const base = sdir.endsWith('.tmp') ? sdir.slice(0, -4) : sdir;
      if (live.has(base)) continue;
      await ctx.fs.removeTree(path.join(dir, sdir));
      removed++;
    }
  }
  return removed;
}
