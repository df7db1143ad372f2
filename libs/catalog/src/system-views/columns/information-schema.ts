// GENERATED from PostgreSQL 15.18's catalogs (pg_attribute of each relation, attnum > 0, domain
// types replaced by their base type and typmod as RowDescription reports them), so the virtual
// tables present exactly PostgreSQL 15's column names, order, types and typmods.
// Each entry: [attname, atttypid, atttypmod].
import type { ViewColumnSpec } from '../system-view';

/** Columns of the information_schema relations, keyed by relation name. */
export const INFORMATION_SCHEMA_COLUMNS: Readonly<Record<string, readonly ViewColumnSpec[]>> = {
  check_constraints: [
    ['constraint_catalog', 19, -1], ['constraint_schema', 19, -1], ['constraint_name', 19, -1],
    ['check_clause', 1043, -1],
  ],
  columns: [
    ['table_catalog', 19, -1], ['table_schema', 19, -1], ['table_name', 19, -1], ['column_name', 19, -1],
    ['ordinal_position', 23, -1], ['column_default', 1043, -1], ['is_nullable', 1043, 7], ['data_type', 1043, -1],
    ['character_maximum_length', 23, -1], ['character_octet_length', 23, -1], ['numeric_precision', 23, -1],
    ['numeric_precision_radix', 23, -1], ['numeric_scale', 23, -1], ['datetime_precision', 23, -1],
    ['interval_type', 1043, -1], ['interval_precision', 23, -1], ['character_set_catalog', 19, -1],
    ['character_set_schema', 19, -1], ['character_set_name', 19, -1], ['collation_catalog', 19, -1],
    ['collation_schema', 19, -1], ['collation_name', 19, -1], ['domain_catalog', 19, -1], ['domain_schema', 19, -1],
    ['domain_name', 19, -1], ['udt_catalog', 19, -1], ['udt_schema', 19, -1], ['udt_name', 19, -1],
    ['scope_catalog', 19, -1], ['scope_schema', 19, -1], ['scope_name', 19, -1], ['maximum_cardinality', 23, -1],
    ['dtd_identifier', 19, -1], ['is_self_referencing', 1043, 7], ['is_identity', 1043, 7],
    ['identity_generation', 1043, -1], ['identity_start', 1043, -1], ['identity_increment', 1043, -1],
    ['identity_maximum', 1043, -1], ['identity_minimum', 1043, -1], ['identity_cycle', 1043, 7],
    ['is_generated', 1043, -1], ['generation_expression', 1043, -1], ['is_updatable', 1043, 7],
  ],
  key_column_usage: [
    ['constraint_catalog', 19, -1], ['constraint_schema', 19, -1], ['constraint_name', 19, -1],
    ['table_catalog', 19, -1], ['table_schema', 19, -1], ['table_name', 19, -1], ['column_name', 19, -1],
    ['ordinal_position', 23, -1], ['position_in_unique_constraint', 23, -1],
  ],
  referential_constraints: [
    ['constraint_catalog', 19, -1], ['constraint_schema', 19, -1], ['constraint_name', 19, -1],
    ['unique_constraint_catalog', 19, -1], ['unique_constraint_schema', 19, -1], ['unique_constraint_name', 19, -1],
    ['match_option', 1043, -1], ['update_rule', 1043, -1], ['delete_rule', 1043, -1],
  ],
  schemata: [
    ['catalog_name', 19, -1], ['schema_name', 19, -1], ['schema_owner', 19, -1],
    ['default_character_set_catalog', 19, -1], ['default_character_set_schema', 19, -1],
    ['default_character_set_name', 19, -1], ['sql_path', 1043, -1],
  ],
  sequences: [
    ['sequence_catalog', 19, -1], ['sequence_schema', 19, -1], ['sequence_name', 19, -1], ['data_type', 1043, -1],
    ['numeric_precision', 23, -1], ['numeric_precision_radix', 23, -1], ['numeric_scale', 23, -1],
    ['start_value', 1043, -1], ['minimum_value', 1043, -1], ['maximum_value', 1043, -1], ['increment', 1043, -1],
    ['cycle_option', 1043, 7],
  ],
  table_constraints: [
    ['constraint_catalog', 19, -1], ['constraint_schema', 19, -1], ['constraint_name', 19, -1],
    ['table_catalog', 19, -1], ['table_schema', 19, -1], ['table_name', 19, -1], ['constraint_type', 1043, -1],
    ['is_deferrable', 1043, 7], ['initially_deferred', 1043, 7], ['enforced', 1043, 7], ['nulls_distinct', 1043, 7],
  ],
  tables: [
    ['table_catalog', 19, -1], ['table_schema', 19, -1], ['table_name', 19, -1], ['table_type', 1043, -1],
    ['self_referencing_column_name', 19, -1], ['reference_generation', 1043, -1],
    ['user_defined_type_catalog', 19, -1], ['user_defined_type_schema', 19, -1], ['user_defined_type_name', 19, -1],
    ['is_insertable_into', 1043, 7], ['is_typed', 1043, 7], ['commit_action', 1043, -1],
  ],
  views: [
    ['table_catalog', 19, -1], ['table_schema', 19, -1], ['table_name', 19, -1], ['view_definition', 1043, -1],
    ['check_option', 1043, -1], ['is_updatable', 1043, 7], ['is_insertable_into', 1043, 7],
    ['is_trigger_updatable', 1043, 7], ['is_trigger_deletable', 1043, 7], ['is_trigger_insertable_into', 1043, 7],
  ],
};
