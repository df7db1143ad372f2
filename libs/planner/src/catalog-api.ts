// The catalog surface the planner uses, imported in one place. libs/catalog was being written
// alongside this package; keeping the imports here makes its final export names a one-file
// change.
export {
  Catalog,
  formatType,
  lookupRelation,
  visibleOperators,
  visibleProcs,
  resolveTypeName,
  relationOnPath,
  systemRelationByName,
  systemViewByOid,
  type SystemView,
  type SystemViewContext,
  regclassIn,
  regnamespaceIn,
  regprocIn,
  regroleIn,
  regtypeIn,
  type CatalogRegistry,
  type ColumnRow,
  type OperatorRow,
  type ProcRow,
  type ResolveContext,
  type TableRelation,
  type TypeRow,
} from '@vecgres/catalog';
