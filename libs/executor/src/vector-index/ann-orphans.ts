// `ann.<oid>` segment files that no committed index owns. Index files are written to the
// sealed segments outside the storage transaction (a graph build is too big to buffer), so:
//   - a CREATE INDEX whose transaction rolls back (ROLLBACK, a failed or canceled build, ROLLBACK
//     TO a savepoint before it) must remove them itself: the OID may be handed out again and a
//     stale graph would then answer for another index;
//   - after a crash between the file write and the commit, they are collected at startup and
//     at CHECKPOINT: every `ann.<oid>` whose OID is not an hnsw / ivfflat index of the
//     committed catalog and not being built by an open transaction is removed.
import { Catalog, type CatalogState } from '@vecgres/catalog';
import type { StorageEngine } from '@vecgres/storage';
import { payloadIndexRef } from '@vecgres/planner';

/** Index files written by open transactions (owner: the transaction), per index OID -> table. */
export class AnnPendingBuilds {
  private readonly byOwner = new Map<object, Map<number, number>>();

  /** A build of index `oid` on storage table `table` wrote files in transaction `owner`. */
  note(owner: object, table: number, oid: number): void {
    let m = this.byOwner.get(owner);
    if (!m) this.byOwner.set(owner, (m = new Map()));
    m.set(oid, table);
  }

  /** Forgets `owner`'s builds; returns them as [oid, table] pairs. */
  take(owner: object): Array<[number, number]> {
    const m = this.byOwner.get(owner);
    this.byOwner.delete(owner);
    return m ? [...m] : [];
  }

  /** `owner`'s builds without forgetting them. */
  of(owner: object): Array<[number, number]> {
    return [...(this.byOwner.get(owner) ?? [])];
  }

  /** Forgets one build of `owner` (its index was rolled back to a savepoint). */
  forget(owner: object, oid: number): void {
    this.byOwner.get(owner)?.delete(oid);
  }

  /** Every OID an open transaction is building or built. */
  oids(): Set<number> {
    const out = new Set<number>();
    for (const m of this.byOwner.values()) for (const oid of m.keys()) out.add(oid);
    return out;
  }
}

/** The OID in an `ann.<oid>` file name, or undefined for other files. */
export function annFileOid(name: string): number | undefined {
  // Payload index files (`pidx.<oid>`, payload-index/payload-file.ts) share the lifecycle.
  const m = /^(?:ann|pidx)\.(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** OIDs of the hnsw / ivfflat indexes and the payload indexes (payloadIndexRef) in `state`. */
export function vectorIndexOids(state: CatalogState): Set<number> {
  const cat = new Catalog(state);
  const out = new Set<number>();
  for (const r of cat.relations()) {
    if (r.kind !== 'i') continue;
    const am = cat.accessMethod((r as { am: number }).am)?.name;
    if (am === 'hnsw' || am === 'ivfflat' || payloadIndexRef(cat, r.oid)) out.add(r.oid);
  }
  return out;
}

/**
 * Removes every `ann.<oid>` file of `engine`'s sealed segments whose OID is neither in `keep`
 * (committed indexes and open transactions' builds). Returns the number of files removed.
 */
export async function removeOrphanAnnFiles(engine: StorageEngine, keep: ReadonlySet<number>): Promise<number> {
  const targets: Array<{ table: number; segment: string; names: string[] }> = [];
  const view = engine.snapshot();
  try {
    for (const t of engine.tables()) {
      if (!view.hasTable(t.id)) continue;
      for (const seg of view.table(t.id).segments) {
        if (!seg.sealed) continue;
        const names = (engine.segmentFiles(t.id, seg.id) ?? []).filter((n) => {
          const oid = annFileOid(n);
          return oid !== undefined && !keep.has(oid);
        });
        if (names.length > 0) targets.push({ table: t.id, segment: seg.id, names });
      }
    }
  } finally {
    view.release();
  }
  let removed = 0;
  for (const t of targets) {
    await engine.removeSegmentFiles(t.table, t.segment, t.names);
    removed += t.names.length;
  }
  return removed;
}

/**
 * Removes the index file `name` from every sealed segment of `table` in the latest snapshot
 * (DROP INDEX / REINDEX of an ANN or payload index; segments without it are skipped).
 */
export async function removeIndexFileFromSegments(engine: StorageEngine, table: number, name: string): Promise<void> {
  const view = engine.snapshot();
  let ids: string[];
  try {
    ids = view.hasTable(table) ? view.table(table).segments.filter((s) => s.sealed).map((s) => s.id) : [];
  } finally {
    view.release();
  }
  for (const id of ids) await engine.removeSegmentFiles(table, id, [name]);
}
