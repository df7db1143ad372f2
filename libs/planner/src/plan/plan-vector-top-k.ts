// Which SELECTs become one Vector Top-K Scan (physical-vector-top-k.ts). A rewrite of the
// finished plan of one query level, matching exactly
//
//   Limit(count[, offset]) -> Sort(ONE key, ASC, NULLS LAST) -> Project -> Seq Scan(t[, filter])
//
// where the sort key is `<col> <op> <query>` or `<query> <op> <col>` with
//   - <op> an operator (not a function call) whose impl key is a distance of the vector
//     extension (identified by impl key, never by the operator's name text; every one of them
//     is symmetric, so both argument orders qualify),
//   - <col> a column of the scanned table, or an expression over its columns when an index
//     owning its vectors has that expression as its key (vector-index-choice.ts): otherwise an
//     expression operand keeps the Sort,
//   - <query> a constant, parameter or non-volatile expression without column references or
//     subqueries (evaluated once per run).
// Then: Limit -> Project -> VectorTopK, the Sort gone. Anything else (joins, DESC, NULLS
// FIRST, no LIMIT, several keys, `1 - (a <=> b)`, GROUP BY, DISTINCT, windows) keeps the Sort.
import type { BoundCall, BoundExpr } from '../types/bound-expr';
import { boundChildren, isRunConstant } from '../types/bound-walk';
import type { PhysicalNode } from './physical-node';
import type { PhysicalVectorTopK } from './physical-vector-top-k';
import type { BindContext } from '../bind/bind-context';
import { chooseVectorIndex } from './vector-index-choice';
import { payloadIndexesOf } from './payload-index-choice';

/**
 * Impl keys of the vector extension's distance operators (pgvector's C function names):
 * <-> <#> <=> <+> for vector, halfvec and sparsevec, <~> <%> for bit.
 */
export const VECTOR_DISTANCE_IMPLS: ReadonlySet<string> = new Set([
  'l2_distance', 'vector_negative_inner_product', 'cosine_distance', 'l1_distance',
  'halfvec_l2_distance', 'halfvec_negative_inner_product', 'halfvec_cosine_distance', 'halfvec_l1_distance',
  'sparsevec_l2_distance', 'sparsevec_negative_inner_product', 'sparsevec_cosine_distance', 'sparsevec_l1_distance',
  'hamming_distance', 'jaccard_distance',
]);

/** True when `e` reads only the current row (no outer rows, aggregates, subqueries or volatile calls). */
function isRowExpr(e: BoundExpr): boolean {
  switch (e.kind) {
    case 'outer': case 'aggRef': case 'windowRef': case 'srfRef': case 'subquery': return false;
    case 'call': if (e.volatile) return false; break;
    default: break;
  }
  return boundChildren(e).every(isRowExpr);
}

/**
 * The distance call `e` as (column index or -1, operand, query), or undefined when it is not
 * one. An expression operand (column -1) is only usable through an index keyed by it.
 */
function matchDistance(e: BoundExpr): { call: BoundCall; column: number; key: BoundExpr; query: BoundExpr } | undefined {
  if (e.kind !== 'call' || e.form !== 'op' || e.args.length !== 2 || !VECTOR_DISTANCE_IMPLS.has(e.impl)) return undefined;
  const [a, b] = e.args;
  if (a.kind === 'column' && isRunConstant(b)) return { call: e, column: a.index, key: a, query: b };
  if (b.kind === 'column' && isRunConstant(a)) return { call: e, column: b.index, key: b, query: a };
  if (!isRunConstant(a) && isRowExpr(a) && isRunConstant(b)) return { call: e, column: -1, key: a, query: b };
  if (!isRunConstant(b) && isRowExpr(b) && isRunConstant(a)) return { call: e, column: -1, key: b, query: a };
  return undefined;
}

/** Rewrites `node` (the root of one query level's plan) into a Vector Top-K Scan when it matches. */
export function planVectorTopK(node: PhysicalNode, ctx?: BindContext): PhysicalNode {
  if (node.kind !== 'limit' || !node.count) return node;
  const sort = node.input;
  if (sort.kind !== 'sort' || sort.keys.length !== 1) return node;
  const key = sort.keys[0];
  if (key.desc || key.nullsFirst || key.expr.kind !== 'column') return node;
  const project = sort.input;
  if (project.kind !== 'project') return node;
  const scan = project.input;
  if (scan.kind !== 'scan' || scan.rowId) return node;
  const m = matchDistance(project.exprs[key.expr.index]);
  const col = m && m.column >= 0 ? scan.columns[m.column] : undefined;
  if (!m || (!col && !ctx)) return node;
  const topK: PhysicalVectorTopK = {
    kind: 'vectorTopK',
    table: scan.table,
    tableName: scan.tableName,
    alias: scan.alias,
    columns: scan.columns,
    vectorColumn: col ? col.attnum : 0,
    vectorIndex: col ? m.column : -1,
    metric: m.call.impl,
    distance: m.call,
    query: m.query,
    k: node.count,
    ...(node.offset ? { offset: node.offset } : {}),
    ...(scan.filter ? { filter: scan.filter } : {}),
    strategy: 'exact',
  };
  const index = ctx ? chooseVectorIndex(ctx, {
    table: scan.table, tableName: scan.tableName, columns: scan.columns, vectorColumn: col ? col.attnum : 0, key: m.key, metric: m.call.impl, filter: scan.filter,
  }) : undefined;
  // An expression operand is a Vector Top-K only through an index keyed by it.
  if (!col && !index?.key) return node;
  const payload = ctx ? payloadIndexesOf(ctx.catalog, scan.table, scan.columns) : [];
  if (index) {
    topK.strategy = index.am;
    topK.index = index;
    if (payload.length > 0 && index.am === 'hnsw' && index.options.some((o) => /^payload_m=[1-9]/i.test(o))) topK.index = { ...index, payload };
  }
  // The filter's payload indexes: those on a column the filter reads.
  const read = new Set<number>();
  const visit = (e: BoundExpr): void => {
    if (e.kind === 'column') read.add(scan.columns[e.index]?.attnum ?? -1);
    boundChildren(e).forEach(visit);
  };
  if (scan.filter) visit(scan.filter);
  const usable = payload.filter((p) => read.has(p.attnum));
  if (usable.length > 0) topK.payloadIndexes = usable;
  return { ...node, input: { ...project, input: topK } };
}
