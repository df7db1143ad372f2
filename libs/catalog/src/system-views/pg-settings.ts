// pg_settings and pg_stat_activity: rows the session supplies through callbacks (the settings
// snapshot of this session, the server's live connections), laid out as PostgreSQL 15's views.
// @see https://www.postgresql.org/docs/15/view-pg-settings.html
// @see https://www.postgresql.org/docs/15/monitoring-stats.html#MONITORING-PG-STAT-ACTIVITY-VIEW
import type { SystemViewContext, ViewRecord } from './system-view';
import { makeArray, roleOid, sessionDatabases } from './view-helpers';

export function* pgSettingsRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const settings = ctx.session.settings?.() ?? [];
  for (const s of [...settings].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    yield {
      name: s.name, setting: s.setting, unit: s.unit ?? null, category: s.category, short_desc: s.shortDesc,
      extra_desc: s.extraDesc ?? null, context: s.context, vartype: s.vartype, source: s.source,
      min_val: s.minVal ?? null, max_val: s.maxVal ?? null,
      enumvals: s.enumVals ? makeArray(ctx, s.enumVals, 25) : null,
      boot_val: s.bootVal ?? null, reset_val: s.resetVal ?? null,
      // Only parameters set from a configuration file carry these.
      sourcefile: null, sourceline: null, pending_restart: s.pendingRestart ?? false,
    };
  }
}

export function* pgStatActivityRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const activity = ctx.session.activity?.() ?? [];
  const databases = sessionDatabases(ctx.session);
  for (const a of activity) {
    const db = a.database !== undefined ? databases.find((d) => d.name === a.database) : undefined;
    yield {
      datid: db?.oid ?? null, datname: a.database ?? null, pid: a.pid, leader_pid: null,
      usesysid: a.user !== undefined ? roleOid(ctx, a.user) : null, usename: a.user ?? null,
      application_name: a.applicationName ?? '', client_addr: a.clientAddr ?? null, client_hostname: null,
      client_port: a.clientPort ?? null, backend_start: a.backendStart ?? null, xact_start: a.xactStart ?? null,
      query_start: a.queryStart ?? null, state_change: a.stateChange ?? null, wait_event_type: null, wait_event: null,
      state: a.state ?? null, backend_xid: null, backend_xmin: null, query_id: null, query: a.query ?? '',
      backend_type: a.backendType ?? 'client backend',
    };
  }
}

/**
 * pg_stat_progress_create_index: PostgreSQL's phase for an index AM's own phases is
 * `building index: <amphasename>` (system_views.sql), e.g. pgvector's "loading tuples".
 */
export function* pgStatProgressCreateIndexRows(ctx: SystemViewContext): Iterable<ViewRecord> {
  const databases = sessionDatabases(ctx.session);
  for (const p of ctx.session.indexProgress?.() ?? []) {
    yield {
      pid: p.pid, datid: databases.find((d) => d.name === p.database)?.oid ?? null, datname: p.database,
      relid: p.relid, index_relid: p.indexRelid, command: p.command, phase: `building index: ${p.amPhase}`,
      lockers_total: 0n, lockers_done: 0n, current_locker_pid: 0n,
      blocks_total: BigInt(p.blocksTotal), blocks_done: BigInt(p.blocksDone),
      tuples_total: BigInt(p.tuplesTotal), tuples_done: BigInt(p.tuplesDone), partitions_total: 0n, partitions_done: 0n,
    };
  }
}
