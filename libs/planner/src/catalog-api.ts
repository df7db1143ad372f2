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
  type CatalogRegistry,
  type ColumnRow,
  type OperatorRow,
  type ProcRow,
  type ResolveContext,
  type TableRelation,
  type TypeRow,
} from '@vecgres/catalog';
