// The identity of every virtual system relation: schema, name, PostgreSQL 15's relation OID
// and relkind, with its column list. pg_class / pg_attribute list these rows next to the
// user's relations, and regclass input/output and pg_table_is_visible know them, so
// `'pg_class'::regclass` and `\d pg_class` work. Row generators live in the view files and are
// joined to these in system-view-registry.ts.
import { INFORMATION_SCHEMA_NAMESPACE, PG_CATALOG_NAMESPACE, type Oid } from '../model/rows';
import { INFORMATION_SCHEMA_COLUMNS } from './columns/information-schema';
import { PG_CATALOG_COLUMNS } from './columns/pg-catalog';
import type { SystemSchema, ViewColumn } from './system-view';
import { VECGRES_CATALOG_COLUMNS, VECGRES_MEMORY_OID } from './vecgres-memory';

export interface SystemRelation {
  schema: SystemSchema;
  name: string;
  oid: Oid;
  kind: 'r' | 'v';
  /** relnamespace. */
  namespace: Oid;
  /** relisshared: the catalog is cluster-wide (roles, databases, tablespaces). */
  shared: boolean;
  columns: readonly ViewColumn[];
}

type Entry = readonly [SystemSchema, string, Oid, 'r' | 'v'];

/** Recorded from PostgreSQL 15 (pg_class.oid / relkind; view OIDs are fixed by initdb). */
const ENTRIES: readonly Entry[] = [
  ['pg_catalog', 'pg_am', 2601, 'r'],
  ['pg_catalog', 'pg_attrdef', 2604, 'r'],
  ['pg_catalog', 'pg_attribute', 1249, 'r'],
  ['pg_catalog', 'pg_authid', 1260, 'r'],
  ['pg_catalog', 'pg_available_extensions', 12081, 'v'],
  ['pg_catalog', 'pg_cast', 2605, 'r'],
  ['pg_catalog', 'pg_class', 1259, 'r'],
  ['pg_catalog', 'pg_collation', 3456, 'r'],
  ['pg_catalog', 'pg_constraint', 2606, 'r'],
  ['pg_catalog', 'pg_database', 1262, 'r'],
  ['pg_catalog', 'pg_depend', 2608, 'r'],
  ['pg_catalog', 'pg_description', 2609, 'r'],
  ['pg_catalog', 'pg_enum', 3501, 'r'],
  ['pg_catalog', 'pg_extension', 3079, 'r'],
  ['pg_catalog', 'pg_foreign_table', 3118, 'r'],
  ['pg_catalog', 'pg_index', 2610, 'r'],
  ['pg_catalog', 'pg_indexes', 12043, 'v'],
  ['pg_catalog', 'pg_inherits', 2611, 'r'],
  ['pg_catalog', 'pg_matviews', 12038, 'v'],
  ['pg_catalog', 'pg_namespace', 2615, 'r'],
  ['pg_catalog', 'pg_opclass', 2616, 'r'],
  ['pg_catalog', 'pg_operator', 2617, 'r'],
  ['pg_catalog', 'pg_partitioned_table', 3350, 'r'],
  ['pg_catalog', 'pg_policy', 3256, 'r'],
  ['pg_catalog', 'pg_proc', 1255, 'r'],
  ['pg_catalog', 'pg_publication', 6104, 'r'],
  ['pg_catalog', 'pg_publication_namespace', 6237, 'r'],
  ['pg_catalog', 'pg_publication_rel', 6106, 'r'],
  ['pg_catalog', 'pg_range', 3541, 'r'],
  ['pg_catalog', 'pg_rewrite', 2618, 'r'],
  ['pg_catalog', 'pg_roles', 12000, 'v'],
  ['pg_catalog', 'pg_sequence', 2224, 'r'],
  ['pg_catalog', 'pg_sequences', 12048, 'v'],
  ['pg_catalog', 'pg_settings', 12104, 'v'],
  ['pg_catalog', 'pg_shdescription', 2396, 'r'],
  ['pg_catalog', 'pg_stat_activity', 12222, 'v'],
  ['pg_catalog', 'pg_stat_progress_create_index', 12312, 'v'],
  ['pg_catalog', 'pg_statistic_ext', 3381, 'r'],
  ['pg_catalog', 'pg_tables', 12033, 'v'],
  ['pg_catalog', 'pg_tablespace', 1213, 'r'],
  ['pg_catalog', 'pg_trigger', 2620, 'r'],
  ['pg_catalog', 'pg_type', 1247, 'r'],
  ['pg_catalog', 'pg_user', 12014, 'v'],
  ['pg_catalog', 'pg_views', 12028, 'v'],
  // vecgres's own (not in PostgreSQL 15).
  ['pg_catalog', 'vecgres_memory', VECGRES_MEMORY_OID, 'v'],
  ['information_schema', 'check_constraints', 13260, 'v'],
  ['information_schema', 'columns', 13295, 'v'],
  ['information_schema', 'key_column_usage', 13329, 'v'],
  ['information_schema', 'referential_constraints', 13339, 'v'],
  ['information_schema', 'schemata', 13382, 'v'],
  ['information_schema', 'sequences', 13386, 'v'],
  ['information_schema', 'table_constraints', 13411, 'v'],
  ['information_schema', 'tables', 13425, 'v'],
  ['information_schema', 'views', 13483, 'v'],
];

const SHARED = new Set(['pg_authid', 'pg_database', 'pg_tablespace', 'pg_shdescription']);

function build(): SystemRelation[] {
  return ENTRIES.map(([schema, name, oid, kind]) => {
    const specs = (schema === 'pg_catalog' ? PG_CATALOG_COLUMNS : INFORMATION_SCHEMA_COLUMNS)[name] ??
      (schema === 'pg_catalog' ? VECGRES_CATALOG_COLUMNS[name] : undefined);
    if (!specs) throw new Error(`no column list for ${schema}.${name}`);
    return {
      schema, name, oid, kind,
      namespace: schema === 'pg_catalog' ? PG_CATALOG_NAMESPACE : INFORMATION_SCHEMA_NAMESPACE,
      shared: schema === 'pg_catalog' && SHARED.has(name),
      columns: specs.map(([n, typeOid, typmod]) => ({ name: n, typeOid, typmod })),
    };
  });
}

/** Every virtual system relation, in (schema, name) order. Frozen shared data. */
export const SYSTEM_RELATIONS: readonly SystemRelation[] = Object.freeze(build());

const BY_OID: ReadonlyMap<Oid, SystemRelation> = new Map(SYSTEM_RELATIONS.map((r) => [r.oid, r]));
const BY_NAME: ReadonlyMap<string, SystemRelation> = new Map(SYSTEM_RELATIONS.map((r) => [`${r.namespace}.${r.name}`, r]));

export function systemRelationByOid(oid: Oid): SystemRelation | undefined {
  return BY_OID.get(oid);
}

/** The system relation `name` in namespace `namespace` (an OID), if any. */
export function systemRelationByName(namespace: Oid, name: string): SystemRelation | undefined {
  return BY_NAME.get(`${namespace}.${name}`);
}
