// @vecgres/catalog: the system catalog as plain, versioned, copy-on-write data (user objects)
// over PostgreSQL's builtin rows (types, functions, operators, casts with their real OIDs);
// DDL as pure functions state -> state with PostgreSQL's errors and notices; name resolution
// with search_path; type names, typmods and format_type; (de)serialisation for storage.

// State and rows.
export * from './model/rows';
export type * from './model/relations';
export {
  CATALOG_FORMAT_VERSION, BUILTIN_NAMESPACES, createCatalogState, allocateOids,
  type CatalogState, type CatalogCollection, type OidMap,
} from './model/state';
export { serializeCatalog, deserializeCatalog, catalogToJson, catalogFromJson, type CatalogEnvelope } from './model/serialize';
export type { CatalogNotice } from './model/notice';

// Builtins.
export { BUILTINS, type BuiltinRows } from './builtins/builtin-rows';
export { TYPE_OID, AM_OID } from './builtins/type-oids';

// Lookups and name resolution.
export { Catalog, catalogOf } from './lookup/catalog';
export {
  DEFAULT_SEARCH_PATH, parseSearchPath, formatSearchPath, resolveSearchPath, currentSchema, currentSchemas,
  type SearchPathContext, type ResolvedSearchPath,
} from './lookup/search-path';
export {
  lookupNamespace, lookupRelation, requireRelation, creationNamespace, lookupTypeByName, visibleProcs,
  visibleOperators, isRelationVisible, isTypeVisible, isProcVisible, qualifiedNameText, undefinedSchema,
  type ResolveContext, type ProcCandidate,
} from './lookup/resolve';

// Types.
export { resolveTypeName, lookupTypeName, serialTypeOf, SERIAL_TYPES, type ResolvedType } from './types/resolve-type';
export { formatType, type FormatTypeOptions } from './types/format-type';
export { builtinTypmodHandlers, INTERVAL_FULL_RANGE, type TypmodHandler, type TypmodInput } from './types/typmod';
export { quoteIdentifier, quoteQualified, quoteLiteral } from './types/quote';

// Registry (access methods, extensions, typmod handlers).
export {
  CatalogRegistry, createCatalogRegistry, builtinAccessMethodSpecs, type AccessMethodSpec, type ExtensionSpec,
} from './registry/registry';
export {
  validateReloptions, type ReloptionSpec, type ReloptionSpecs, type ReloptionValues, type ValidatedOptions,
} from './registry/reloptions';
// pgvector's `vector` extension (types, functions, operators, opclasses, hnsw/ivfflat).
export * from './extensions/vector/index';

// DDL.
export { applyDdl, isDdlStmt, DDL_KINDS, type DdlStmt, type ApplyOptions } from './ddl/apply-ddl';
export type { DdlContext, DdlResult, DdlEffect } from './ddl/ddl-builder';
export type { AsColumn } from './ddl/create-table';
export type { ViewColumn as ViewQueryColumn } from './views/create-view';
export { viewQuery } from './views/alter-view';
export { deparseViewQuery, type ViewDeparseOptions } from './views/view-deparse';
export { pgGetViewdef } from './views/view-functions';
export { alterSequence, type AlterSequenceInput } from './ddl/sequence';
export { ExtensionBuilder, type ExtensionInstaller, type NewTypeRow, type NewProcRow, type NewOperatorRow, type NewOpclassRow } from './ddl/extension-builder';
export { describeObject, type ObjectAddress } from './ddl/object-address';
export { defaultOpclass } from './ddl/index-build';
export { makeObjectName, chooseRelationName, chooseConstraintName, figureIndexColname } from './ddl/naming';
export { exprToSql, type DeparseOptions } from './deparse/expr-to-sql';

// Transactions and sequence values.
export { CatalogTransaction } from './transaction/catalog-transaction';
export {
  InMemorySequenceValues, SequenceSession, nextval, setval, resetSequence,
  type SequenceValue, type SequenceValueStore,
} from './sequences/sequence-values';

// Virtual pg_catalog / information_schema tables and the catalog functions (H14).
export {
  plainArrayFactory, type SystemView, type SystemViewContext, type SystemSchema, type SystemValue, type ViewColumn,
  type ViewColumnSpec, type ViewRecord, type SessionInfo, type RoleInfo, type DatabaseInfo, type SettingInfo,
  type ActivityInfo, type IndexProgressInfo, type ArrayFactory,
} from './system-views/system-view';
export { SYSTEM_VIEWS, findSystemView, systemViewByOid } from './system-views/system-view-registry';
export { SYSTEM_RELATIONS, systemRelationByOid, systemRelationByName, type SystemRelation } from './system-views/system-relations';
export { PREDEFINED_ROLES, sessionRoles, BOOTSTRAP_SUPERUSER_OID } from './system-views/view-helpers';
export { CATALOG_FUNCTIONS, type CatalogFunction } from './functions/catalog-functions';
export {
  regclassIn, regclassOut, regtypeIn, regtypeOut, regprocIn, regprocOut, regnamespaceIn, regnamespaceOut, regroleIn,
  regroleOut, splitQualifiedName,
} from './functions/reg-types';
export { pgGetIndexdef, pgGetConstraintdef, pgGetExpr } from './functions/ruleutils';
export { ruleExpr, type RuleContext } from './functions/rule-expr';
export {
  relationIdentity, relationOnPath, relationDisplayName, isRelationOidVisible, type RelationIdentity,
} from './functions/relation-names';
