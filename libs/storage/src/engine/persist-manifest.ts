// Builds the manifest from the in-memory state and writes it atomically.
import { writeManifest, type Manifest } from './manifest';
import type { EngineContext } from './engine-context';

/**
 * Writes the manifest for the current state. The caller holds the maintenance queue (no other
 * manifest write runs) and has flushed the WAL past every commit the sealed segments contain.
 */
export async function persistManifest(ctx: EngineContext, checkpointLsn: number, catalogJson: string): Promise<Manifest> {
  const st = ctx.state;
  const m: Manifest = {
    formatVersion: ctx.formatVersion,
    checkpointLsn,
    lastCommitSeq: st.lastCommitSeq,
    nextTableId: st.nextTableId,
    nextSegmentSeq: st.nextSegmentSeq,
    catalog: JSON.parse(catalogJson),
    tables: [...st.tables.values()].map((t) => ({
      def: t.def,
      nextRowId: t.nextRowId,
      insertsFromLsn: t.mutableFromLsn ?? Math.max(t.sealedBeforeLsn, checkpointLsn + 1),
      segments: t.sealed.map((s) => ({ id: s.id, rows: s.rowCount(), deletes: s.deletesRef })),
    })),
  };
  await writeManifest(ctx.fs, ctx.native, ctx.dataDir, m);
  st.checkpointLsn = checkpointLsn;
  return m;
}

/** WAL needed for recovery starts here: the checkpoint, or an older unsealed mutable row. */
export function replayStartLsn(m: Manifest): number {
  let start = m.checkpointLsn + 1;
  for (const t of m.tables) if (t.insertsFromLsn < start) start = t.insertsFromLsn;
  return start;
}
