// PhysicalNode -> Runner: the one dispatch over node kinds (one builder per file). Every node
// is paced (exec/paced.ts) so that no statement holds the event loop, whichever node loops.
import { outputTypes, type PhysicalNode } from '@vecgres/planner';
import type { ExecContext } from '../exec/exec-context';
import { paced } from '../exec/paced';
import { instrument } from '../exec/plan-stats';
import { buildCteScan } from './cte-scan';
import { buildAggregate } from './aggregate';
import { buildDistinct } from './distinct';
import { buildFilter } from './filter';
import { buildFunctionScan } from './function-scan';
import { buildHashJoin } from './hash-join';
import { buildLimit } from './limit';
import { buildDelete, buildInsert, buildUpdate, type ModifyCounter } from './modify';
import { buildNestedLoop } from './nested-loop';
import { buildProject } from './project';
import type { Runner } from './runner';
import { buildScan } from './scan';
import { buildSetOp } from './set-op';
import { buildSort } from './sort';
import { buildResult, buildValues } from './values';
import { buildWindow } from './window';
import { buildLateralJoin } from './lateral-join';
import { buildProjectSet } from './project-set';
import { buildRecursiveUnion, buildWorkTableScan } from './recursive-union';
import { buildVectorTopK } from './vector-top-k';
import type { VectorTopKNeeds } from './vector-top-k-columns';

/**
 * Builds the operator tree of `node`; DML nodes add their affected rows to `counter`. `needs`:
 * the columns each Vector Top-K's consumer reads (vector-top-k-columns.ts); default all.
 */
export function buildNode(node: PhysicalNode, ctx: ExecContext, counter: ModifyCounter = { rows: 0 }, needs?: VectorTopKNeeds): Runner {
  return paced(ctx, buildOne(node, ctx, counter, needs));
}

function buildOne(node: PhysicalNode, ctx: ExecContext, counter: ModifyCounter, needs?: VectorTopKNeeds): Runner {
  const build = (n: PhysicalNode, c: ExecContext) => instrument(n, c, buildNode(n, c, counter, needs));
  switch (node.kind) {
    case 'scan': return buildScan(node, ctx);
    case 'filter': return buildFilter(node, ctx, build);
    case 'project': return buildProject(node, ctx, build);
    case 'sort': return buildSort(node, ctx, build);
    case 'limit': return buildLimit(node, ctx, build);
    case 'hashJoin': return buildHashJoin(node, ctx, build);
    case 'nestedLoop': return buildNestedLoop(node, ctx, build);
    case 'aggregate': return buildAggregate(node, ctx, build);
    case 'values': return buildValues(node, ctx);
    case 'result': return buildResult(node, ctx);
    case 'distinct': return buildDistinct(node, ctx, build, outputTypes(node.input));
    case 'setOp': return buildSetOp(node, ctx, build, outputTypes(node.left));
    case 'functionScan': return buildFunctionScan(node, ctx);
    case 'insert': return buildInsert(node, ctx, build, counter);
    case 'update': return buildUpdate(node, ctx, build, counter);
    case 'delete': return buildDelete(node, ctx, build, counter);
    case 'window': return buildWindow(node, ctx, build);
    case 'lateralJoin': return buildLateralJoin(node, ctx, build);
    case 'projectSet': return buildProjectSet(node, ctx, build);
    case 'recursiveUnion': return buildRecursiveUnion(node, ctx, build, outputTypes(node.nonRecursive));
    case 'cteScan': return buildCteScan(node, ctx);
    case 'workTableScan': return buildWorkTableScan(node, ctx);
    case 'vectorTopK': return buildVectorTopK(node, ctx, needs?.get(node));
  }
}
