// From tree + WHERE -> physical nodes. Each conjunct is pushed to the lowest subtree that has
// all the columns it reads (never into the nullable side of a LEFT JOIN); at a join, equality
// conjuncts between one column set of each side become hash keys, the rest a residual
// condition; a join without equality keys is a nested loop. A scan takes its conjuncts as its
// own filter (the pushed-down predicate a future index scan or vector node consumes).
import { notSupported } from '@vecgres/errors';
import type { BoundExpr } from '../types/bound-expr';
import { boundChildren, columnsRead, mapBound } from '../types/bound-walk';
import type { FromTree } from './plan-from';
import type { HashKey } from './physical-hash-join';
import { outputTypes, type PhysicalNode } from './physical-node';

const BOOL = { oid: 16, typmod: -1 };

/** Splits an AND tree into its conjuncts. */
export function conjuncts(e: BoundExpr | undefined): BoundExpr[] {
  if (!e) return [];
  if (e.kind === 'bool' && e.op === 'and') return e.args.flatMap(conjuncts);
  return [e];
}

export function andAll(list: BoundExpr[]): BoundExpr | undefined {
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return { kind: 'bool', op: 'and', args: list, type: BOOL };
}

/** The same expression reading column `i - delta` wherever it read column i. */
export function shiftColumns(e: BoundExpr, delta: number): BoundExpr {
  if (delta === 0) return e;
  return mapBound(e, (x) => (x.kind === 'column' ? { ...x, index: x.index - delta } : x));
}

function covers(t: FromTree, cols: Set<number>): boolean {
  for (const c of cols) if (c < t.start || c >= t.start + t.width) return false;
  return true;
}

function isVolatile(e: BoundExpr): boolean {
  if (e.kind === 'call' && e.volatile) return true;
  if (e.kind === 'subquery') return true;
  return boundChildren(e).some(isVolatile);
}

function place(t: FromTree, conj: BoundExpr, cols: Set<number>): void {
  if (t.kind === 'join' && !isVolatile(conj)) {
    // Never into the nullable side of an outer join.
    const intoLeft = t.joinType === 'inner' || t.joinType === 'left';
    const intoRight = t.joinType === 'inner' || t.joinType === 'right';
    if (cols.size > 0 && intoLeft && covers(t.left, cols)) return place(t.left, conj, cols);
    if (cols.size > 0 && intoRight && covers(t.right, cols)) return place(t.right, conj, cols);
  }
  t.filters.push(conj);
}

/** Pushes each inner join's own conditions down where they fit (they arrive on the join). */
function distribute(t: FromTree): void {
  if (t.kind !== 'join') return;
  if (t.joinType === 'inner') {
    const mine = t.filters;
    t.filters = [];
    for (const c of mine) place(t, c, columnsRead(c));
  }
  distribute(t.left);
  distribute(t.right);
}

function splitKeys(t: Extract<FromTree, { kind: 'join' }>, conds: BoundExpr[]): { keys: HashKey[]; rest: BoundExpr[] } {
  const keys: HashKey[] = [];
  const rest: BoundExpr[] = [];
  for (const c of conds) {
    if (c.kind === 'call' && c.form === 'op' && c.name === '=' && c.args.length === 2 && !isVolatile(c)) {
      const [a, b] = c.args;
      const ca = columnsRead(a);
      const cb = columnsRead(b);
      if (ca.size > 0 && cb.size > 0) {
        if (covers(t.left, ca) && covers(t.right, cb)) {
          keys.push({ left: shiftColumns(a, t.left.start), right: shiftColumns(b, t.right.start), eqImpl: c.impl });
          continue;
        }
        if (covers(t.left, cb) && covers(t.right, ca)) {
          keys.push({ left: shiftColumns(b, t.left.start), right: shiftColumns(a, t.right.start), eqImpl: c.impl });
          continue;
        }
      }
    }
    rest.push(c);
  }
  return { keys, rest };
}

function withFilters(node: PhysicalNode, filters: BoundExpr[], start: number): PhysicalNode {
  const pred = andAll(filters.map((f) => shiftColumns(f, start)));
  if (!pred) return node;
  if (node.kind === 'scan' && !node.filter) return { ...node, filter: pred };
  // A FROM subquery or view over one table: through an identity projection, the scan takes
  // the outer conjuncts after its own, one flat AND as PostgreSQL's pulled-up subquery shows it.
  if (node.kind === 'project' && node.input.kind === 'scan' && node.exprs.length === node.input.columns.length
    && node.exprs.every((x, i) => x.kind === 'column' && x.index === i)) {
    const scan = node.input;
    // Printed (EXPLAIN) under the scanned columns' names, not the subquery's aliases.
    const renamed = mapBound(pred, (x) => (x.kind === 'column' ? { ...x, name: scan.columns[x.index].name } : x));
    return { ...node, input: withFilters(scan, [renamed], 0) };
  }
  if (node.kind === 'scan' && node.filter) {
    const own = node.filter.kind === 'bool' && node.filter.op === 'and' ? node.filter.args : [node.filter];
    const outer = pred.kind === 'bool' && pred.op === 'and' ? pred.args : [pred];
    return { ...node, filter: andAll([...own, ...outer]) };
  }
  return { kind: 'filter', input: node, predicate: pred };
}

function build(t: FromTree): PhysicalNode {
  if (t.kind === 'leaf') return withFilters(t.node, t.filters, t.start);
  const left = build(t.left);
  const right = build(t.right);
  // Inner join: its remaining filters are the join condition. Left join: the ON conditions are;
  // filters placed on a left join (WHERE over both sides) apply above it.
  const joinConds = t.joinType === 'inner' ? t.filters : t.on;
  const above = t.joinType === 'inner' ? [] : t.filters;
  const { keys, rest } = splitKeys(t, joinConds);
  if (t.joinType === 'right') return withFilters(swappedRightJoin(t, left, right, keys, rest), above, t.start);
  if (t.joinType === 'full' && keys.length === 0) {
    throw notSupported('FULL JOIN is only supported with merge-joinable or hash-joinable join conditions');
  }
  const residual = andAll(rest.map((r) => shiftColumns(r, t.start)));
  const common = { joinType: t.joinType, left, right, leftWidth: t.left.width, rightWidth: t.right.width };
  const node: PhysicalNode = keys.length > 0
    ? { kind: 'hashJoin', ...common, keys, ...(residual ? { residual } : {}) }
    : { kind: 'nestedLoop', ...common, ...(residual ? { condition: residual } : {}) };
  return withFilters(node, above, t.start);
}

/**
 * `A RIGHT JOIN B ON c` as `B LEFT JOIN A ON c`, then a projection back to A's columns
 * followed by B's (the row layout the rest of the query was bound against).
 */
function swappedRightJoin(t: Extract<FromTree, { kind: 'join' }>, left: PhysicalNode, right: PhysicalNode, keys: HashKey[], rest: BoundExpr[]): PhysicalNode {
  const lw = t.left.width;
  const rw = t.right.width;
  const swap = (e: BoundExpr) => mapBound(shiftColumns(e, t.start), (x) => (x.kind === 'column' ? { ...x, index: x.index < lw ? x.index + rw : x.index - lw } : x));
  const residual = andAll(rest.map(swap));
  const swappedKeys = keys.map((k) => ({ left: k.right, right: k.left, eqImpl: k.eqImpl }));
  const common = { joinType: 'left' as const, left: right, right: left, leftWidth: rw, rightWidth: lw };
  const join: PhysicalNode = swappedKeys.length > 0
    ? { kind: 'hashJoin', ...common, keys: swappedKeys, ...(residual ? { residual } : {}) }
    : { kind: 'nestedLoop', ...common, ...(residual ? { condition: residual } : {}) };
  const types = [...outputTypes(left), ...outputTypes(right)];
  const exprs: BoundExpr[] = types.map((type, i) => ({ kind: 'column', index: i < lw ? i + rw : i - lw, type, name: `c${i}` }));
  return { kind: 'project', input: join, exprs };
}

/** The physical plan of a FROM tree under `where` (over the flat FROM row). */
export function planFromTree(tree: FromTree, where: BoundExpr | undefined): PhysicalNode {
  distribute(tree);
  for (const c of conjuncts(where)) place(tree, c, columnsRead(c));
  return build(tree);
}

/** Several FROM items are a left-deep chain of inner (cross) joins. */
export function crossJoin(items: FromTree[]): FromTree {
  return items.slice(1).reduce<FromTree>((acc, r) => ({
    kind: 'join', joinType: 'inner', left: acc, right: r, on: [], start: acc.start, width: acc.width + r.width, filters: [],
  }), items[0]);
}
