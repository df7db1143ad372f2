// Every virtual system relation with its row generator, and the lookups the binder uses:
// by (schema, name) for `FROM pg_catalog.pg_class`, by OID for `'pg_class'::regclass` scans.
import type { Oid } from '../model/rows';
import { checkConstraintsRows, keyColumnUsageRows, referentialConstraintsRows, tableConstraintsRows } from './info-schema-constraints';
import { columnsRows, schemataRows, sequencesRows, tablesRows } from './info-schema-tables';
import {
  pgAmRows, pgAvailableExtensionsRows, pgCollationRows, pgDependRows, pgDescriptionRows, pgExtensionRows, pgOpclassRows, pgTablespaceRows,
} from './pg-am';
import { pgAttrdefRows, pgAttributeRows } from './pg-attribute';
import { pgClassRows, pgNamespaceRows } from './pg-class';
import { pgConstraintRows, pgIndexRows } from './pg-index';
import { pgAuthidRows, pgDatabaseRows, pgRolesRows, pgUserRows } from './pg-roles';
import { noRows, pgIndexesRows, pgSequenceRows, pgSequencesRows, pgTablesRows } from './pg-sequence';
import { pgSettingsRows, pgStatActivityRows, pgStatProgressCreateIndexRows } from './pg-settings';
import { pgCastRows, pgOperatorRows, pgProcRows, pgTypeRows } from './pg-type-proc';
import { informationSchemaViewsRows, pgViewsRows } from '../views/view-functions';
import { SYSTEM_RELATIONS, type SystemRelation } from './system-relations';
import type { SystemSchema, SystemValue, SystemView, SystemViewContext, ViewRecord } from './system-view';
import { vecgresMemoryRows } from './vecgres-memory';

type RowsFn = (ctx: SystemViewContext) => Iterable<ViewRecord>;

const GENERATORS: Readonly<Record<string, RowsFn>> = {
  'pg_catalog.pg_am': pgAmRows,
  'pg_catalog.pg_attrdef': pgAttrdefRows,
  'pg_catalog.pg_attribute': pgAttributeRows,
  'pg_catalog.pg_authid': pgAuthidRows,
  'pg_catalog.pg_cast': pgCastRows,
  'pg_catalog.pg_class': pgClassRows,
  'pg_catalog.pg_collation': pgCollationRows,
  'pg_catalog.pg_constraint': pgConstraintRows,
  'pg_catalog.pg_database': pgDatabaseRows,
  'pg_catalog.pg_depend': pgDependRows,
  'pg_catalog.pg_description': pgDescriptionRows,
  'pg_catalog.pg_extension': pgExtensionRows,
  'pg_catalog.pg_available_extensions': pgAvailableExtensionsRows,
  'pg_catalog.pg_index': pgIndexRows,
  'pg_catalog.pg_indexes': pgIndexesRows,
  'pg_catalog.pg_namespace': pgNamespaceRows,
  'pg_catalog.pg_opclass': pgOpclassRows,
  'pg_catalog.pg_operator': pgOperatorRows,
  'pg_catalog.pg_proc': pgProcRows,
  'pg_catalog.pg_roles': pgRolesRows,
  'pg_catalog.pg_sequence': pgSequenceRows,
  'pg_catalog.pg_sequences': pgSequencesRows,
  'pg_catalog.pg_settings': pgSettingsRows,
  'pg_catalog.pg_stat_activity': pgStatActivityRows,
  'pg_catalog.pg_stat_progress_create_index': pgStatProgressCreateIndexRows,
  'pg_catalog.pg_tables': pgTablesRows,
  'pg_catalog.pg_tablespace': pgTablespaceRows,
  'pg_catalog.pg_type': pgTypeRows,
  'pg_catalog.pg_user': pgUserRows,
  'pg_catalog.pg_views': pgViewsRows,
  'pg_catalog.vecgres_memory': vecgresMemoryRows,
  'information_schema.check_constraints': checkConstraintsRows,
  'information_schema.columns': columnsRows,
  'information_schema.key_column_usage': keyColumnUsageRows,
  'information_schema.referential_constraints': referentialConstraintsRows,
  'information_schema.schemata': schemataRows,
  'information_schema.sequences': sequencesRows,
  'information_schema.table_constraints': tableConstraintsRows,
  'information_schema.tables': tablesRows,
  'information_schema.views': informationSchemaViewsRows,
  // The rest have no rows in vecgres (yet): pg_enum, pg_range, pg_rewrite, pg_inherits,
  // pg_trigger, pg_policy, pg_statistic_ext, pg_foreign_table, pg_partitioned_table,
  // pg_publication*, pg_shdescription, pg_matviews.
};

function makeView(rel: SystemRelation): SystemView {
  const generate = GENERATORS[`${rel.schema}.${rel.name}`] ?? noRows;
  const names = rel.columns.map((c) => c.name);
  return {
    schema: rel.schema,
    name: rel.name,
    oid: rel.oid,
    kind: rel.kind,
    columns: rel.columns,
    records: generate,
    *rows(ctx: SystemViewContext): Iterable<SystemValue[]> {
      for (const rec of generate(ctx)) yield names.map((n) => (Object.hasOwn(rec, n) ? rec[n] : null));
    },
  };
}

/** Every virtual system relation. Frozen shared data. */
export const SYSTEM_VIEWS: readonly SystemView[] = Object.freeze(SYSTEM_RELATIONS.map(makeView));

const BY_NAME: ReadonlyMap<string, SystemView> = new Map(SYSTEM_VIEWS.map((v) => [`${v.schema}.${v.name}`, v]));
const BY_OID: ReadonlyMap<Oid, SystemView> = new Map(SYSTEM_VIEWS.map((v) => [v.oid, v]));

/** The view `schema.name`, if vecgres serves it. */
export function findSystemView(schema: SystemSchema | string, name: string): SystemView | undefined {
  return BY_NAME.get(`${schema}.${name}`);
}

export function systemViewByOid(oid: Oid): SystemView | undefined {
  return BY_OID.get(oid);
}
