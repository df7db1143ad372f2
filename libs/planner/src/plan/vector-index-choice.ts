// Which ANN index (if any) a Vector Top-K Scan searches: its strategy. An hnsw / ivfflat index
// of the table is usable when (pgvector's rules, README "Why isn't a query using an index?"):
//   - its one key is the ordered column itself, or an expression key equal (bound over the
//     table's row, compared deparsed) to the ORDER BY operand, e.g. `(emb::halfvec(3))`,
//   - its opclass's ORDER BY operator is the query's distance operator (vector_l2_ops for <->,
//     vector_cosine_ops for <=>, ...): compared by the operator's impl key, never by name text,
//   - a partial index's predicate is implied by the WHERE clause: every conjunct of the
//     predicate is (deparsed identically) a conjunct of the filter, e.g. `category_id = 123`.
// A `vector` column key searches the storage vector arena; halfvec / bit keys and expression keys
// get an index that owns its vectors (the key evaluated per row at build time: `key`, `elem`).
// sparsevec keys, and ivfflat over anything but a `vector` column, stay exact.
// Among several usable indexes: a partial one (its predicate matched), then hnsw, then the oldest.
import { vectorOpclass } from '@vecgres/catalog';
import type { Expr } from '@vecgres/sql';
import type { BindContext } from '../bind/bind-context';
import { bindCondition, bindExpr, type ExprEnv } from '../bind/bind-expr';
import { Scope } from '../bind/scope';
import { deparseExpr } from '../explain/deparse-expr';
import type { BoundExpr } from '../types/bound-expr';
import type { VectorTopKIndex } from './physical-vector-top-k';
import type { ScanColumn } from './physical-scan';

/** (opclass input type, ORDER BY operator) -> the distance impl key it orders by. */
const ORDER_IMPL: Readonly<Record<string, string>> = {
  'vector <->': 'l2_distance',
  'vector <#>': 'vector_negative_inner_product',
  'vector <=>': 'cosine_distance',
  'vector <+>': 'l1_distance',
  'halfvec <->': 'halfvec_l2_distance',
  'halfvec <#>': 'halfvec_negative_inner_product',
  'halfvec <=>': 'halfvec_cosine_distance',
  'halfvec <+>': 'halfvec_l1_distance',
  'bit <~>': 'hamming_distance',
  'bit <%>': 'jaccard_distance',
};

/** Arena element type of an index owning its vectors, by opclass input type. */
const OWNED_ELEM: Readonly<Record<string, 'f32' | 'f16' | 'bits'>> = { vector: 'f32', halfvec: 'f16', bit: 'bits' };

/** The AND conjuncts of `e` (a bare expression is one conjunct). */
function conjuncts(e: BoundExpr): BoundExpr[] {
  if (e.kind === 'bool' && e.op === 'and') return e.args.flatMap(conjuncts);
  return [e];
}

function tableEnv(ctx: BindContext, table: { oid: number; name: string }, columns: readonly ScanColumn[]): ExprEnv {
  const scope = new Scope();
  scope.add({
    alias: table.name,
    tableName: table.name,
    tableOid: table.oid,
    columns: columns.map((c) => ({ name: c.name, type: c.type, tableOid: table.oid, attnum: c.attnum })),
  }, -1);
  return {
    ctx, scope, clause: 'index predicate',
    // The catalog rejected subqueries in index predicates / expressions at CREATE INDEX.
    subqueries: { plan: () => { throw new Error('subquery in an index predicate'); } },
  };
}

function boundPredicate(ctx: BindContext, table: { oid: number; name: string }, columns: readonly ScanColumn[], expr: Expr): BoundExpr | undefined {
  try {
    return bindCondition(tableEnv(ctx, table, columns), expr, 'WHERE');
  } catch {
    return undefined;
  }
}

/** An index expression key bound over the table's row (as the query's operand is), or undefined. */
function boundKey(ctx: BindContext, table: { oid: number; name: string }, columns: readonly ScanColumn[], expr: Expr): BoundExpr | undefined {
  try {
    return bindExpr(tableEnv(ctx, table, columns), expr);
  } catch {
    return undefined;
  }
}

/** True when `filter` implies `predicate` (conjunct inclusion, compared as deparsed text). */
function implies(filter: BoundExpr | undefined, predicate: BoundExpr): boolean {
  if (!filter) return false;
  const have = new Set(conjuncts(filter).map((c) => deparseExpr(c, { qualify: false })));
  return conjuncts(predicate).every((c) => have.has(deparseExpr(c, { qualify: false })));
}

export interface VectorIndexQuery {
  table: number;
  tableName: string;
  columns: readonly ScanColumn[];
  /** attnum of the ordered column (0: the operand is an expression, `key`). */
  vectorColumn: number;
  /** The ORDER BY operand over the scan row (a column, or an expression). */
  key?: BoundExpr;
  /** impl key of the ORDER BY distance operator. */
  metric: string;
  filter?: BoundExpr;
}

/** The index a Vector Top-K over `q` searches, or undefined (exact scan). */
export function chooseVectorIndex(ctx: BindContext, q: VectorIndexQuery): VectorTopKIndex | undefined {
  const cat = ctx.catalog;
  const found: Array<VectorTopKIndex & { partial: boolean }> = [];
  for (const ix of cat.indexesOf(q.table)) {
    const am = cat.accessMethod(ix.am)?.name;
    if ((am !== 'hnsw' && am !== 'ivfflat') || ix.keys.length !== 1) continue;
    const key = ix.keys[0];
    let bound: BoundExpr | undefined;
    if (key.expr) {
      bound = q.key ? boundKey(ctx, { oid: q.table, name: q.tableName }, q.columns, key.expr.expr) : undefined;
      if (!bound || !q.key || deparseExpr(bound, { qualify: false }) !== deparseExpr(q.key, { qualify: false })) continue;
    } else if (q.vectorColumn === 0 || key.attnum !== q.vectorColumn) continue;
    const oc = cat.opclass(key.opclass);
    const decl = oc ? vectorOpclass(am, oc.name) : undefined;
    if (!oc || !decl || !decl.operator || ORDER_IMPL[`${decl.type} ${decl.operator}`] !== q.metric) continue;
    const elem = OWNED_ELEM[decl.type];
    const owned = key.expr !== undefined || decl.type !== 'vector';
    // Indexes owning their vectors are HNSW only (libs/ivfflat is float32 over storage arenas).
    if (owned && (!elem || am !== 'hnsw')) continue;
    const ownKey = owned ? bound ?? q.key : undefined;
    if (owned && !ownKey) continue;
    if (ix.predicate) {
      const pred = boundPredicate(ctx, { oid: q.table, name: q.tableName }, q.columns, ix.predicate.expr);
      if (!pred || !implies(q.filter, pred)) continue;
    }
    found.push({
      oid: ix.oid, name: ix.name, am, opclass: oc.name, options: [...ix.options], partial: ix.predicate !== undefined,
      ...(ownKey ? { key: ownKey, elem, dim: ownKey.type.typmod } : {}),
    });
  }
  found.sort((a, b) => Number(b.partial) - Number(a.partial) || Number(b.am === 'hnsw') - Number(a.am === 'hnsw') || a.oid - b.oid);
  if (found.length === 0) return undefined;
  const { partial: _partial, ...best } = found[0];
  return best;
}
