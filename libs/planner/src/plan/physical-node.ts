// The physical plan: plain data (JSON-serialisable), one node kind per file, a tree the
// executor runs by pulling batches of rows from the root. See README.md.
import type { PhysicalAggregate } from './physical-aggregate';
import type { PhysicalDelete } from './physical-delete';
import type { PhysicalDistinct } from './physical-distinct';
import type { PhysicalFilter } from './physical-filter';
import type { PhysicalFunctionScan } from './physical-function-scan';
import type { PhysicalHashJoin } from './physical-hash-join';
import type { PhysicalInsert } from './physical-insert';
import type { PhysicalLimit } from './physical-limit';
import type { PhysicalNestedLoop } from './physical-nested-loop';
import type { PhysicalProject } from './physical-project';
import type { PhysicalResult } from './physical-result';
import type { PhysicalScan } from './physical-scan';
import type { PhysicalSetOp } from './physical-set-op';
import type { PhysicalSort } from './physical-sort';
import type { PhysicalUpdate } from './physical-update';
import type { PhysicalValues } from './physical-values';
import type { PhysicalVectorTopK } from './physical-vector-top-k';
import type { PhysicalWindow } from './physical-window';
import type { PhysicalRecursiveUnion, PhysicalWorkTableScan } from './physical-recursive-union';
import type { PhysicalLateralJoin } from './physical-lateral-join';
import type { PhysicalProjectSet } from './physical-project-set';
import type { PhysicalCteScan } from './physical-cte-scan';
import { functionScanTypes } from './physical-function-scan';

export type PhysicalNode =
  | PhysicalScan | PhysicalFilter | PhysicalProject | PhysicalSort | PhysicalLimit
  | PhysicalHashJoin | PhysicalNestedLoop | PhysicalAggregate | PhysicalValues | PhysicalResult
  | PhysicalDistinct | PhysicalSetOp | PhysicalFunctionScan | PhysicalInsert | PhysicalUpdate
  | PhysicalDelete | PhysicalVectorTopK | PhysicalWindow | PhysicalRecursiveUnion | PhysicalWorkTableScan
  | PhysicalLateralJoin | PhysicalProjectSet | PhysicalCteScan;

export type PhysicalNodeKind = PhysicalNode['kind'];

/** Direct inputs of a node. */
export function planChildren(n: PhysicalNode): PhysicalNode[] {
  switch (n.kind) {
    case 'filter': case 'project': case 'sort': case 'limit': case 'aggregate': case 'distinct':
    case 'insert': case 'update': case 'delete': case 'window': case 'projectSet':
      return [n.input];
    case 'hashJoin': case 'nestedLoop': case 'setOp': case 'lateralJoin':
      return [n.left, n.right];
    case 'recursiveUnion':
      return [n.nonRecursive, n.recursive];
    default:
      return [];
  }
}

type TypeRef = import('../types/bound-expr').TypeRef;

/** Column types of the rows a node produces. */
export function outputTypes(n: PhysicalNode): TypeRef[] {
  switch (n.kind) {
    case 'scan': return [...n.columns.map((c) => c.type), ...(n.rowId ? [{ oid: 20, typmod: -1 }] : [])];
    case 'filter': case 'limit': case 'sort': case 'distinct': return outputTypes(n.input);
    case 'project': return n.exprs.map((e) => e.type);
    case 'hashJoin': case 'nestedLoop': case 'lateralJoin': return [...outputTypes(n.left), ...outputTypes(n.right)];
    case 'aggregate': return [...n.groupKeys.map((k) => k.type), ...n.aggregates.map((a) => a.type)];
    case 'values': return (n.rows[0] ?? []).map((e) => e.type);
    case 'result': return [];
    case 'setOp': return outputTypes(n.left);
    case 'functionScan': return functionScanTypes(n);
    case 'insert': case 'update': case 'delete': return n.returning.map((e) => e.type);
    case 'vectorTopK': return n.columns.map((c) => c.type);
    case 'window': return [...outputTypes(n.input), ...n.funcs.map((f) => f.type)];
    case 'recursiveUnion': return outputTypes(n.nonRecursive);
    case 'projectSet': return [...outputTypes(n.input), ...n.calls.map((c) => c.columns[0])];
    case 'workTableScan': return n.types;
    case 'cteScan': return n.types;
  }
}
