// @vecgres/planner: binder (names, types, operator/function/cast resolution, parameter type
// inference) and planner (bound query -> physical plan as plain data), plus EXPLAIN text.
// See README.md for the design.
export { planStatement, isPlannable, type PlannableStmt } from './plan/plan-statement';
export type { BindOptions } from './bind/bind-context';
export { explain, explainLines, type ExplainOptions } from './explain/explain';
export { type AnalyzeOptions, type NodeStats } from './explain/explain-analyze';
export { deparseExpr, deparseAggregate, typeLabel, type DeparseOptions } from './explain/deparse-expr';
export { planChildren, outputTypes, type PhysicalNode, type PhysicalNodeKind } from './plan/physical-node';
export type { PlannedStatement } from './plan/planned-statement';
export type { PhysicalScan, ScanColumn } from './plan/physical-scan';
export type { PhysicalFilter } from './plan/physical-filter';
export type { PhysicalProject } from './plan/physical-project';
export type { PhysicalSort, SortKey } from './plan/physical-sort';
export type { PhysicalLimit } from './plan/physical-limit';
export type { PhysicalHashJoin, HashKey } from './plan/physical-hash-join';
export type { PhysicalNestedLoop } from './plan/physical-nested-loop';
export type { PhysicalAggregate } from './plan/physical-aggregate';
export type { PhysicalValues } from './plan/physical-values';
export type { PhysicalResult } from './plan/physical-result';
export type { PhysicalDistinct } from './plan/physical-distinct';
export type { PhysicalSetOp } from './plan/physical-set-op';
export type { PhysicalFunctionScan, SrfCall } from './plan/physical-function-scan';
export type { PhysicalLateralJoin } from './plan/physical-lateral-join';
export type { PhysicalProjectSet } from './plan/physical-project-set';
export type { PhysicalInsert } from './plan/physical-insert';
export type { OnConflictSpec } from './plan/plan-on-conflict';
export type { PhysicalUpdate } from './plan/physical-update';
export type { PhysicalDelete } from './plan/physical-delete';
export type { ModifyTarget } from './plan/physical-modify';
export { typeOfTableExpr } from './plan/expr-type';
export { planTableConstraints, planColumnDefault, planColumnRewrite, type ConstraintSet, type ConstrainedTable, type UniqueKeySpec, type CheckSpec, type ForeignKeySpec, type FkAction } from './plan/plan-constraints';
export type { PhysicalVectorTopK } from './plan/physical-vector-top-k';
export type { PhysicalWindow, WindowFuncCall, WindowFrameSpec, WindowFrameBound } from './plan/physical-window';
export type { PhysicalRecursiveUnion, PhysicalWorkTableScan } from './plan/physical-recursive-union';
export type { PhysicalCteScan } from './plan/physical-cte-scan';
export type * from './types/bound-expr';
export type { OutputColumn } from './types/output-column';
export { boundChildren, mapBound, boundKey } from './types/bound-walk';
