// The session's view of the catalog for clients: the virtual pg_catalog / information_schema
// tables (scanned like tables, rows computed from the transaction's catalog version when the
// scan starts) and the catalog functions (format_type, pg_get_indexdef, regclassin, ...) bound
// to the same context.
//
//   Session ──systemViewContext()──▶ SystemViewContext {catalog, session, registry, makeArray}
//      │                                  │                          │
//      ▼                                  ▼                          ▼
//   TableAccess.scan(oid < 16384)   SYSTEM_VIEWS rows(ctx)    CATALOG_FUNCTIONS[impl](ctx, args)
import {
  CATALOG_FUNCTIONS, Catalog, systemViewByOid, type ArrayFactory, type CatalogRegistry, type CatalogState, type SessionInfo,
  type SettingInfo, type SystemViewContext,
} from '@vecgres/catalog';
import { PgArray, createCodecRegistry, type CodecRegistry, type TypeCodec } from '@vecgres/pg-types';
import type { ScanColumn } from '@vecgres/planner';
import type { Row, TableAccess } from '../exec/exec-context';
import { setReturning } from '../functions/extra-context';

/** PgArray-based arrays (int2vector/oidvector keep their lower bound of 0). */
export const pgArrayFactory: ArrayFactory = (els, _type, lb) =>
  els.length === 0 ? new PgArray([], []) : new PgArray(els, [els.length], [lb]);

/** The parts of a session the catalog context is made of. */
export interface CatalogContextParts {
  catalog: Catalog;
  registry?: CatalogRegistry;
  user: string;
  database: string;
  searchPath: readonly string[];
  /** The session's temp schema name (pg_temp_N), whether or not it exists yet. */
  tempSchema?: string;
  /** SHOW ALL rows: name, setting, description (and pg_settings details when the definition has them). */
  settings?: () => ReadonlyArray<readonly [string, string, string, Partial<SettingInfo>?]>;
  activity?: SessionInfo['activity'];
  /** pg_stat_progress_create_index rows (running ANN index builds). */
  indexProgress?: SessionInfo['indexProgress'];
  /** vecgres_memory rows (per-table sizes from the storage engine). */
  memory?: SessionInfo['memory'];
  roles?: SessionInfo['roles'];
  databases?: SessionInfo['databases'];
}

/** pg_settings rows from SHOW ALL's (name, setting, description). */
function settingInfos(all: ReadonlyArray<readonly [string, string, string, Partial<SettingInfo>?]>): SettingInfo[] {
  return all.map(([name, setting, shortDesc, info]) => ({
    name, setting, category: 'Ungrouped', shortDesc, context: 'user', vartype: 'string', source: 'default', ...info,
  }));
}

export function systemViewContext(parts: CatalogContextParts): SystemViewContext {
  const session: SessionInfo = {
    user: parts.user,
    database: parts.database,
    searchPath: parts.searchPath,
    ...(parts.tempSchema ? { tempSchema: parts.tempSchema } : {}),
    ...(parts.settings ? { settings: () => settingInfos(parts.settings!()) } : {}),
    ...(parts.activity ? { activity: parts.activity } : {}),
    ...(parts.indexProgress ? { indexProgress: parts.indexProgress } : {}),
    ...(parts.memory ? { memory: parts.memory } : {}),
    ...(parts.roles ? { roles: parts.roles } : {}),
    ...(parts.databases ? { databases: parts.databases } : {}),
  };
  return { catalog: parts.catalog, session, makeArray: pgArrayFactory, ...(parts.registry ? { registry: parts.registry } : {}) };
}

/** Catalog functions that return a set (their rows as an array of values). */
const SET_RETURNING = new Set(['pg_partition_ancestors']);

/**
 * CATALOG_FUNCTIONS as session functions (impl -> (...args) => value) over `ctx()`, which is
 * called per invocation so a function sees the catalog version of the statement running it.
 */
export function catalogFunctions(ctx: () => SystemViewContext): Record<string, (...args: any[]) => unknown> {
  const out: Record<string, (...args: any[]) => unknown> = {};
  for (const [impl, fn] of Object.entries(CATALOG_FUNCTIONS)) {
    const f = (...args: unknown[]) => fn(ctx(), args);
    out[impl] = SET_RETURNING.has(impl) ? setReturning(1, f) : f;
  }
  return out;
}

/**
 * `tables` plus the virtual system relations: a scan of a system relation's OID yields its
 * rows (row id = position), projected onto the scan's columns (attnum = column position).
 */
export function withSystemTables(tables: TableAccess, ctx: () => SystemViewContext): TableAccess {
  return {
    scan(table: number, columns: readonly ScanColumn[]) {
      const view = systemViewByOid(table);
      if (!view) return tables.scan(table, columns);
      return (function* () {
        let rowId = 0;
        for (const values of view.rows(ctx())) {
          const row: Row = columns.map((c) => values[c.attnum - 1] ?? null);
          yield { rowId: rowId++, row };
        }
      })();
    },
    insert: (table, columns, row) => tables.insert(table, columns, row),
    update: (table, rowId, columns, row) => tables.update(table, rowId, columns, row),
    delete: (table, rowId) => tables.delete(table, rowId),
    // Constraint checks (constraints/*) look keys up and fetch rows through these.
    ...(tables.get ? { get: tables.get.bind(tables) } : {}),
    ...(tables.keys ? { keys: tables.keys } : {}),
    ...(tables.vectorSource ? { vectorSource: tables.vectorSource.bind(tables) } : {}),
  };
}

/**
 * A session's catalog contexts, remade only when the catalog version or the search path
 * changed (a Catalog caches its lookups, so reusing one matters for per-row functions).
 */
export class SessionCatalogView {
  private last: { state: CatalogState; path: string; ctx: SystemViewContext } | undefined;

  constructor(private readonly parts: () => Omit<CatalogContextParts, 'catalog'>) {}

  context(state: CatalogState): SystemViewContext {
    const parts = this.parts();
    const path = parts.searchPath.join(',');
    if (this.last?.state !== state || this.last.path !== path) {
      this.last = { state, path, ctx: systemViewContext({ ...parts, catalog: new Catalog(state) }) };
    }
    return this.last.ctx;
  }
}

/** Type OID -> [input, output] of the OID alias types, from libs/catalog. */
const REG_IO: ReadonlyMap<number, readonly [string, string]> = new Map([
  [2205, ['regclassin', 'regclassout']], [2206, ['regtypein', 'regtypeout']], [24, ['regprocin', 'regprocout']],
  [4089, ['regnamespacein', 'regnamespaceout']], [4096, ['regrolein', 'regroleout']],
] as const);

/**
 * `base` with the OID alias types' text forms taken from the session's catalog: a regclass
 * column prints `orders` (or `app.settings` when not on the path) and a text parameter of type
 * regclass is looked up by name. Binary forms stay the OID.
 */
export function withRegTextCodecs(base: CodecRegistry, ctx: () => SystemViewContext): CodecRegistry {
  const codecs: TypeCodec[] = base.oids().map((o) => base.require(o));
  const out = codecs.map((c): TypeCodec => {
    const io = REG_IO.get(c.type.oid);
    if (!io) return c;
    const [input, output] = io;
    return {
      ...c,
      toText: (v) => String(CATALOG_FUNCTIONS[output](ctx(), [v])),
      fromText: (text) => CATALOG_FUNCTIONS[input](ctx(), [text]),
    };
  });
  return createCodecRegistry(out);
}
