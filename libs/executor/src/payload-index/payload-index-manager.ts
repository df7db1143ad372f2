// The payload indexes of one Database's sealed segments (issue #7), mirroring the ANN index
// lifecycle (vector-index/ann-index-manager.ts) with one difference: a missing segment index
// is built by the first query that needs it and AWAITED (decoding one column of a segment is
// cheap next to a graph build, and the query would otherwise decode every row anyway), then
// cached and persisted as the segment file `pidx.<index oid>`:
//   CREATE INDEX  -> built for every existing sealed segment (buildTable);
//   seal / merge  -> new segments get theirs lazily (segmentIndex);
//   restart       -> opened from the files, never rebuilt;
//   DROP / REINDEX / rollback -> files removed (dropIndex), orphans collected with the ANN ones.
// The mutable segment never has one: the executor evaluates the filter on its rows.
// Keys: `${table}/${segment}/${index oid}` (segment ids are never reused within a table).
import { jsonRowCodec, type SegmentReader, type StorageEngine } from '@vecgres/storage';
import { RangeIndex, TermIndex, jsonOpsTerms, jsonPathTerms } from '@vecgres/payload-index';
import type { PayloadIndexRef, ScanColumn } from '@vecgres/planner';
import { decodeRow } from '../storage/row-format';
import { removeIndexFileFromSegments } from '../vector-index/ann-orphans';
import { keywordFamily, keywordTerm, jsonTermValue, rangeKey } from './payload-values';
import { openPayloadIndex, payloadFileName, serializePayloadIndex, type SegmentPayloadIndex } from './payload-file';

export interface PayloadManagerStats {
  builds: number;
  opens: number;
}

/** Yields to the event loop (builds decode O(rows) values: never in one synchronous stretch). */
const yieldLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Rows decoded between yields. */
const DECODE_BATCH = 4096;

/** Builds index `ref`'s structures over every row of `seg` (deleted rows included: visibility is AND-ed at query time). */
export async function buildSegmentPayload(seg: SegmentReader, ref: PayloadIndexRef, pause: () => Promise<void> = yieldLoop): Promise<SegmentPayloadIndex> {
  const rows = seg.rowCount();
  const col: ScanColumn[] = [{ attnum: ref.attnum, name: 'key', type: { oid: ref.type, typmod: -1 } as ScanColumn['type'] }];
  const values: unknown[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    values[i] = decodeRow(col, jsonRowCodec.decode(seg.payload(i)))[0];
    if (i % DECODE_BATCH === DECODE_BATCH - 1) await pause();
  }
  const out: SegmentPayloadIndex = { bytes: 0 };
  const family = keywordFamily(ref.type);
  for (const kind of ref.kinds) {
    if (kind === 'keyword' && family) {
      out.terms = await TermIndex.buildAsync(rows, (i) => {
        const t = values[i] === null || values[i] === undefined ? undefined : keywordTerm(family, values[i]);
        return t === undefined ? null : [t];
      }, pause);
    } else if (kind === 'range') {
      out.range = await RangeIndex.buildAsync(rows, (i) => (values[i] === null || values[i] === undefined ? null : rangeKey(values[i])), pause);
    } else if (kind === 'jsonb_path_ops' || kind === 'jsonb_ops') {
      const termsOf = kind === 'jsonb_path_ops' ? jsonPathTerms : jsonOpsTerms;
      out.terms = await TermIndex.buildAsync(rows, (i) => {
        const j = jsonTermValue(values[i]);
        return j === undefined ? null : termsOf(j);
      }, pause);
      out.jsonb = kind;
    }
  }
  return out;
}

export class PayloadIndexManager {
  private readonly cache = new Map<string, SegmentPayloadIndex>();
  private readonly inFlight = new Map<string, Promise<SegmentPayloadIndex | undefined>>();
  /** Indexes dropped in this process: stale plans must not rebuild their files. */
  private readonly dropped = new Set<number>();
  readonly stats: PayloadManagerStats = { builds: 0, opens: 0 };
  lastError: unknown;

  constructor(private readonly engine: StorageEngine) {}

  /**
   * Index `ref` of sealed segment `seg` (opened, or built now and persisted); undefined for the
   * mutable segment, a dropped index or a segment merged away (the caller evaluates rows).
   */
  async segmentIndex(table: number, seg: SegmentReader, ref: PayloadIndexRef): Promise<SegmentPayloadIndex | undefined> {
    if (!seg.sealed || this.dropped.has(ref.oid)) return undefined;
    const key = `${table}/${seg.id}/${ref.oid}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.load(table, seg, ref, key).catch((e: unknown) => {
      this.lastError = e;
      return undefined;
    }).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  private async load(table: number, seg: SegmentReader, ref: PayloadIndexRef, key: string): Promise<SegmentPayloadIndex | undefined> {
    this.prune(table);
    const files = this.engine.segmentFiles(table, seg.id);
    if (files === null) return undefined;
    const name = payloadFileName(ref.oid);
    if (files.includes(name)) {
      const ix = openPayloadIndex(await this.engine.readSegmentFile(table, seg.id, name));
      this.stats.opens++;
      this.cache.set(key, ix);
      return ix;
    }
    const ix = await buildSegmentPayload(seg, ref);
    const bytes = serializePayloadIndex(ix);
    ix.bytes = bytes.byteLength;
    // Dropped or merged away while building: answer this query, persist nothing.
    if (this.dropped.has(ref.oid) || this.engine.segmentFiles(table, seg.id) === null) return ix;
    await this.engine.addSegmentFiles(table, seg.id, { [name]: bytes });
    this.stats.builds++;
    this.cache.set(key, ix);
    return ix;
  }

  /** CREATE INDEX: builds (and persists) `ref` for every sealed segment of `table` lacking it. */
  async buildTable(table: number, ref: PayloadIndexRef, signal?: AbortSignal): Promise<void> {
    this.dropped.delete(ref.oid);
    this.lastError = undefined;
    const view = this.engine.snapshot();
    try {
      const segs = view.hasTable(table) ? view.table(table).segments.filter((s) => s.sealed) : [];
      for (const seg of segs) {
        if (signal?.aborted) throw signal.reason;
        const ix = await this.segmentIndex(table, seg, ref);
        if (!ix && this.lastError) throw this.lastError;
      }
    } finally {
      view.release();
    }
  }

  /** DROP INDEX / REINDEX / rollback: forgets index `oid` and removes its files from `table`'s sealed segments. */
  async dropIndex(table: number | undefined, oid: number, opts: { rebuilding?: boolean } = {}): Promise<void> {
    if (!opts.rebuilding) this.dropped.add(oid);
    const mine = (k: string) => k.endsWith(`/${oid}`);
    await Promise.all([...this.inFlight.entries()].filter(([k]) => mine(k)).map(([, p]) => p));
    for (const k of [...this.cache.keys()]) if (mine(k)) this.cache.delete(k);
    if (table === undefined) return;
    await removeIndexFileFromSegments(this.engine, table, payloadFileName(oid));
  }

  /** Forgets cached indexes of `table`'s segments that are gone (merged away). */
  private prune(table: number): void {
    for (const k of [...this.cache.keys()]) {
      const [t, seg] = k.split('/');
      if (Number(t) === table && this.engine.segmentFiles(table, seg) === null) this.cache.delete(k);
    }
  }

  /** DROP TABLE. */
  forgetTable(table: number): void {
    for (const k of [...this.cache.keys()]) if (k.startsWith(`${table}/`)) this.cache.delete(k);
  }

  /** Waits for builds in flight (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.inFlight.values()]);
  }
}
