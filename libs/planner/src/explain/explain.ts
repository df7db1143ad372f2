// EXPLAIN text of a physical plan in PostgreSQL's format with COSTS OFF:
//
//   Limit
//     ->  Sort
//           Sort Key: a DESC
//           ->  Seq Scan on t
//                 Filter: (a > 1)
//
// A node's title starts at its column, its detail lines two further right, children below
// with `->  ` (six more columns). Projections are not printed (PostgreSQL has no such node);
// a Filter is printed as its input's `Filter:` line, as PostgreSQL attaches quals to nodes.
import { conflictDetails } from '../plan/plan-on-conflict';
import type { PhysicalNode } from '../plan/physical-node';
import type { PhysicalVectorTopK } from '../plan/physical-vector-top-k';
import type { PlannedStatement } from '../plan/planned-statement';
import type { SortKey } from '../plan/physical-sort';
import { deparseAggregate, deparseExpr, type DeparseOptions } from './deparse-expr';
import { actualText, removedByFilter, vectorScanLines, type AnalyzeOptions } from './explain-analyze';

interface Rendered { title: string; details: string[]; children: PhysicalNode[] }

function countRelations(n: PhysicalNode, subplans: PhysicalNode[]): number {
  const own = n.kind === 'scan' || n.kind === 'vectorTopK' || n.kind === 'functionScan' || (n.kind === 'values' && n.rows.length > 1) ? 1 : 0;
  const kids = (() => {
    switch (n.kind) {
      case 'filter': case 'project': case 'sort': case 'limit': case 'aggregate': case 'distinct':
      case 'insert': case 'update': case 'delete': case 'window': case 'projectSet': return [n.input];
      case 'hashJoin': case 'nestedLoop': case 'setOp': case 'lateralJoin': return [n.left, n.right];
      case 'recursiveUnion': return [n.nonRecursive, n.recursive];
      default: return [];
    }
  })();
  return own + kids.reduce((s, k) => s + countRelations(k, []), 0) + subplans.reduce((s, k) => s + countRelations(k, []), 0);
}

function sortKeyText(k: SortKey, o: DeparseOptions): string {
  let s = deparseExpr(k.label ?? k.expr, o);
  if (k.desc) s += ' DESC';
  if (k.nullsFirst !== k.desc) s += k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
  return s;
}

function render(n: PhysicalNode, o: RenderOptions): Rendered {
  const d = (e: Parameters<typeof deparseExpr>[0]) => deparseExpr(e, o);
  switch (n.kind) {
    case 'scan':
      return {
        title: `Seq Scan on ${n.tableName}${n.alias !== n.tableName ? ` ${n.alias}` : ''}`,
        // Scan quals print unqualified (show_scan_qual), everything above qualifies with >1 relation.
        details: n.filter ? [`Filter: ${deparseExpr(n.filter, { ...o, qualify: false })}`] : [],
        children: [],
      };
    case 'filter': {
      const inner = render(n.input, o);
      const qual = n.input.kind === 'scan' || n.input.kind === 'functionScan' ? deparseExpr(n.predicate, { ...o, qualify: false }) : d(n.predicate);
      return { ...inner, details: [...inner.details, `Filter: ${qual}`] };
    }
    case 'project': return render(n.input, o);
    case 'sort': return { title: 'Sort', details: [`Sort Key: ${n.keys.map((k) => sortKeyText(k, o)).join(', ')}`], children: [n.input] };
    case 'limit': return { title: 'Limit', details: [], children: [n.input] };
    case 'hashJoin': {
      const cond = n.keys.map((k) => `(${d(k.left)} = ${d(k.right)})`);
      const hashCond = cond.length === 1 ? cond[0] : `(${cond.join(' AND ')})`;
      const details = [`Hash Cond: ${hashCond}`, ...(n.residual ? [`Join Filter: ${d(n.residual)}`] : [])];
      const hash: PhysicalNode = { kind: 'project', input: n.right, exprs: [] };
      return { title: n.joinType === 'left' ? 'Hash Left Join' : n.joinType === 'full' ? 'Hash Full Join' : 'Hash Join', details, children: [n.left, hash] };
    }
    case 'nestedLoop':
      return {
        title: n.joinType === 'left' ? 'Nested Loop Left Join' : n.joinType === 'full' ? 'Nested Loop Full Join' : 'Nested Loop',
        details: n.condition ? [`Join Filter: ${d(n.condition)}`] : [],
        children: [n.left, n.right],
      };
    case 'aggregate':
      return {
        title: n.groupKeys.length > 0 ? 'HashAggregate' : 'Aggregate',
        details: n.groupKeys.length > 0 ? [`Group Key: ${n.groupKeys.map(d).join(', ')}`] : [],
        children: [n.input],
      };
    case 'values':
      return { title: n.rows.length === 1 ? 'Result' : 'Values Scan on "*VALUES*"', details: [], children: [] };
    case 'result':
      return { title: 'Result', details: n.condition ? [`One-Time Filter: ${d(n.condition)}`] : [], children: [] };
    case 'distinct': return { title: 'Unique', details: [], children: [n.input] };
    case 'window': return { title: 'WindowAgg', details: [], children: [n.input] };
    case 'projectSet': return { title: 'ProjectSet', details: [], children: [n.input] };
    case 'lateralJoin':
      return {
        title: n.joinType === 'left' ? 'Nested Loop Left Join' : 'Nested Loop',
        details: n.condition ? [`Join Filter: ${d(n.condition)}`] : [],
        children: [n.left, n.right],
      };
    case 'recursiveUnion': return { title: 'Recursive Union', details: [], children: [n.nonRecursive, n.recursive] };
    case 'cteScan': return { title: `CTE Scan on ${n.name}${n.alias !== n.name ? ` ${n.alias}` : ''}`, details: [], children: [] };
    case 'workTableScan': return { title: `WorkTable Scan on ${n.name}${n.alias !== n.name ? ` ${n.alias}` : ''}`, details: [], children: [] };
    case 'setOp':
      if (n.op === 'union') return { title: n.all ? 'Append' : 'HashAggregate', details: [], children: [n.left, n.right] };
      return { title: `HashSetOp ${n.op === 'intersect' ? 'Intersect' : 'Except'}${n.all ? ' All' : ''}`, details: [], children: [n.left, n.right] };
    case 'functionScan':
      return { title: `Function Scan on ${n.name}${n.alias !== n.name ? ` ${n.alias}` : ''}`, details: [], children: [] };
    case 'insert': return { title: `Insert on ${n.tableName}`, details: n.onConflict ? conflictDetails(n.onConflict, (e) => deparseExpr(e, { ...o, qualify: true })) : [], children: [n.input] };
    case 'update': return { title: `Update on ${n.tableName}`, details: [], children: [n.input] };
    case 'delete': return { title: `Delete on ${n.tableName}`, details: [], children: [n.input] };
    case 'vectorTopK': {
      // Like a Seq Scan's quals, Order By and Filter print unqualified (one relation).
      const local = { ...o, qualify: false };
      return {
        // pgvector's plan shape names the index: `Index Scan using items_embedding_idx on items`.
        title: `Vector Top-K Scan${n.index ? ` using ${n.index.name}` : ''} on ${n.tableName}${n.alias !== n.tableName ? ` ${n.alias}` : ''}`,
        details: [
          `Order By: ${deparseExpr(n.distance, local)}`, `Strategy: ${n.strategy}`, ...(n.filter ? [`Filter: ${deparseExpr(n.filter, local)}`] : []),
          // Issue #7: the payload indexes the filter may use, and (EXPLAIN without ANALYZE, when
          // the executor estimated it) the filter strategy from the indexes' counts.
          ...(n.filter && n.payloadIndexes?.length ? [`Payload Indexes: ${n.payloadIndexes.map((p) => p.name).join(', ')}`] : []),
          ...(o.vectorFilter?.(n) ?? []),
        ],
        children: [],
      };
    }
  }
}

function emit(n: PhysicalNode, col: number, o: RenderOptions, out: string[], hashChild = false, a?: AnalyzeOptions): void {
  // The right side of a hash join is printed under a `Hash` node, as PostgreSQL builds one.
  if (hashChild && n.kind === 'project' && n.exprs.length === 0) {
    out.push(`${' '.repeat(col - 4)}->  Hash${a ? actualText(a.stats(n.input), a.timing) : ''}`);
    emit(n.input, col + 6, o, out, false, a);
    return;
  }
  const r = render(n, o);
  const title = a ? r.title + actualText(a.stats(n), a.timing) : r.title;
  out.push(col === 0 ? title : `${' '.repeat(col - 4)}->  ${title}`);
  let removed = a ? removedByFilter(n, a) : undefined;
  for (const line of r.details) {
    out.push(`${' '.repeat(col + 2)}${line}`);
    if (removed !== undefined && line.startsWith('Filter: ')) {
      out.push(`${' '.repeat(col + 2)}Rows Removed by Filter: ${removed}`);
      removed = undefined;
    }
  }
  if (a) for (const line of vectorScanLines(n, a)) out.push(`${' '.repeat(col + 2)}${line}`);
  const isHashJoin = unwrapFilter(n).kind === 'hashJoin';
  r.children.forEach((c, i) => emit(c, col + 6, o, out, isHashJoin && i === 1, a));
}

function unwrapFilter(n: PhysicalNode): PhysicalNode {
  let x = n;
  while (x.kind === 'filter' || x.kind === 'project') x = x.input;
  return x;
}

/** Deparse options plus the per-node extras of one EXPLAIN. */
type RenderOptions = DeparseOptions & Pick<ExplainOptions, 'vectorFilter'>;

export interface ExplainOptions {
  typeName?: DeparseOptions['typeName'];
  /**
   * Extra lines of a filtered Vector Top-K (the executor's estimate from the payload indexes at
   * explain time: `Filter Strategy: exact over payload index (estimated rows: 1010 of 100000)`).
   */
  vectorFilter?: (n: PhysicalVectorTopK) => string[] | undefined;
  /** EXPLAIN ANALYZE: the measured statistics to print with each node. */
  analyze?: AnalyzeOptions;
}

/** EXPLAIN (COSTS OFF) text, one string per output row. */
export function explainLines(plan: PlannedStatement | PhysicalNode, opts: ExplainOptions = {}): string[] {
  const root = plan.kind === 'plan' ? plan.root : plan;
  const subplans = plan.kind === 'plan' ? plan.subplans : [];
  const o: RenderOptions = {
    qualify: countRelations(root, subplans) > 1, ...(opts.typeName ? { typeName: opts.typeName } : {}), ...(opts.vectorFilter ? { vectorFilter: opts.vectorFilter } : {}),
  };
  const out: string[] = [];
  emit(root, 0, o, out, false, opts.analyze);
  subplans.forEach((sp, i) => {
    out.push(`  SubPlan ${i + 1}`);
    emit(sp, 6, o, out, false, opts.analyze);
  });
  return out;
}

export function explain(plan: PlannedStatement | PhysicalNode, opts: ExplainOptions = {}): string {
  return explainLines(plan, opts).join('\n');
}

export { deparseAggregate };
