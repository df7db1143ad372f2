// pg_sequence, and the convenience views clients query instead of pg_class: pg_sequences,
// pg_tables, pg_indexes (and pg_views / pg_matviews, empty: vecgres has no views yet).
// @see https://www.postgresql.org/docs/15/view-pg-tables.html
import { pgGetIndexdef } from '../functions/ruleutils';
import { SYSTEM_RELATIONS } from './system-relations';
import type { SystemViewContext, ViewRecord } from './system-view';

export function* pgSequenceRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of ctx.catalog.relations()) {
    if (r.kind !== 'S') continue;
    const p = r.params;
    yield {
      seqrelid: r.oid, seqtypid: p.type, seqstart: BigInt(p.start), seqincrement: BigInt(p.increment),
      seqmax: BigInt(p.max), seqmin: BigInt(p.min), seqcache: BigInt(p.cache), seqcycle: p.cycle,
    };
  }
}

function schemaName(ctx: SystemViewContext, ns: number): string {
  return ctx.catalog.namespace(ns)?.name ?? '';
}

/** pg_sequences; last_value is NULL (sequence state lives outside the catalog). */
export function* pgSequencesRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of ctx.catalog.relations()) {
    if (r.kind !== 'S') continue;
    const p = r.params;
    yield {
      schemaname: schemaName(ctx, r.namespace), sequencename: r.name, sequenceowner: r.owner, data_type: p.type,
      start_value: BigInt(p.start), min_value: BigInt(p.min), max_value: BigInt(p.max),
      increment_by: BigInt(p.increment), cycle: p.cycle, cache_size: BigInt(p.cache), last_value: null,
    };
  }
}

export function* pgTablesRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const { catalog } = ctx;
  for (const s of SYSTEM_RELATIONS) {
    if (s.kind !== 'r') continue;
    yield {
      schemaname: s.schema, tablename: s.name, tableowner: 'postgres', tablespace: s.shared ? 'pg_global' : null,
      hasindexes: true, hasrules: false, hastriggers: false, rowsecurity: false,
    };
  }
  for (const r of catalog.relations()) {
    if (r.kind !== 'r') continue;
    const hasTriggers = catalog.constraintsOf(r.oid).some((c) => c.type === 'f') || catalog.foreignKeysReferencing(r.oid).length > 0;
    yield {
      schemaname: schemaName(ctx, r.namespace), tablename: r.name, tableowner: r.owner, tablespace: null,
      hasindexes: catalog.indexesOf(r.oid).length > 0, hasrules: false, hastriggers: hasTriggers, rowsecurity: false,
    };
  }
}

export function* pgIndexesRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  for (const r of ctx.catalog.relations()) {
    if (r.kind !== 'i') continue;
    yield {
      schemaname: schemaName(ctx, r.namespace), tablename: ctx.catalog.relation(r.table)?.name ?? '',
      indexname: r.name, tablespace: null, indexdef: pgGetIndexdef(ctx, r.oid),
    };
  }
}

/** Catalogs vecgres has no rows for yet (no inheritance, triggers, policies, publications...). */
export function* noRows(): Iterable<ViewRecord> {
  // Intentionally empty.
}
