// One segment's candidates for a resolved filter tree (filter-tree.ts), from its payload indexes:
//
//   leaf  -> bitmap from the TermIndex / RangeIndex     (exact, or a superset: lossy keys, jsonb)
//   AND   -> AND of the children that have a bitmap      (a residual child: superset)
//   OR    -> OR of the children, unless one has none    (then: no bitmap, all rows)
//   NOT   -> complement of an exact child                (a superset: NULLs are not "false";
//            exact when the child is never NULL: IS [NOT] NULL leaves and AND / OR of them)
//   ─────────────────────────────────────────────────────────────────────────────────────────
//   result AND visibility  ->  { bits, count, exact, estimate }
//
// `exact` false: the candidates must be rechecked with the ORIGINAL filter on their rows.
// A segment without some leaf's index (not built: the caller passes none) treats that leaf as
// residual, so results never depend on which indexes exist.
import {
  RowBitmap, containmentTerms, exactEstimate, type CardinalityEstimate, type JsonTermValue, type RangeBound,
} from '@vecgres/payload-index';
import type { SegmentPayloadIndex } from './payload-file';
import type { ResolvedLeaf, ResolvedTree } from './filter-tree';
import { jsonTermValue, keywordFamily, keywordTerm, rangeKey, rangeKeyExact } from './payload-values';

/** A segment's candidates: visible rows the filter may accept. */
export interface SegmentFilterResult {
  bits: RowBitmap;
  count: number;
  /** True: exactly the visible rows passing the filter; false: a superset to recheck. */
  exact: boolean;
  estimate: CardinalityEstimate;
}

/** `nullFree`: the predicate is never NULL on any row (its complement is its NOT). */
interface Part { bits: RowBitmap | null; exact: boolean; nullFree?: boolean }

const ALL: Part = { bits: null, exact: false };

function keywordLeaf(ix: SegmentPayloadIndex, leaf: Extract<ResolvedLeaf, { kind: 'eq' }>, rows: number): Part {
  const family = keywordFamily(leaf.ref.type);
  if (!ix.terms || !family) return ALL;
  const terms: string[] = [];
  // A value with no term (5.5 against an integer column) equals no row.
  for (const v of leaf.values) {
    const t = keywordTerm(family, v);
    if (t !== undefined) terms.push(t);
  }
  return { bits: terms.length === 0 ? new RowBitmap(rows) : ix.terms.anyOf(terms), exact: true };
}

function bound(value: number, inclusive: boolean): RangeBound {
  return { value, inclusive };
}

function rangeLeaf(ix: SegmentPayloadIndex, leaf: Extract<ResolvedLeaf, { kind: 'eq' | 'range' }>, rows: number): Part {
  if (!ix.range) return ALL;
  const colExact = leaf.ref.type !== 1700;
  if (leaf.kind === 'eq') {
    let bits = new RowBitmap(rows);
    let exact = colExact;
    for (const v of leaf.values) {
      const key = rangeKey(v);
      if (key === null || Number.isNaN(key)) return ALL;
      exact &&= rangeKeyExact(v, 0);
      bits = bits.or(ix.range.bitmap(bound(key, true), bound(key, true)));
    }
    return { bits, exact };
  }
  const v = leaf.value;
  if (v === null || v === undefined) return { bits: new RowBitmap(rows), exact: true };
  const key = rangeKey(v);
  // NaN bounds (PostgreSQL: NaN above every number) are left to the recheck.
  if (key === null || Number.isNaN(key)) return ALL;
  const exact = colExact && rangeKeyExact(v, 0);
  // Lossy keys: inclusive bounds make the bitmap a superset (rounding is monotone).
  const strict = exact && (leaf.op === '<' || leaf.op === '>');
  const b = bound(key, !strict);
  const bits = leaf.op === '<' || leaf.op === '<=' ? ix.range.bitmap(undefined, b) : ix.range.bitmap(b, undefined);
  return { bits, exact };
}

function jsonLeaf(ix: SegmentPayloadIndex, leaf: Extract<ResolvedLeaf, { kind: 'contains' | 'field' }>, rows: number): Part {
  if (!ix.terms || !ix.jsonb) return ALL;
  const ops = ix.jsonb;
  const allOf = (q: JsonTermValue): RowBitmap | null => {
    const terms = containmentTerms(q, ops);
    return terms.length === 0 ? null : ix.terms!.allOf(terms);
  };
  if (leaf.kind === 'contains') {
    if (leaf.value === null || leaf.value === undefined) return { bits: new RowBitmap(rows), exact: true };
    const q = jsonTermValue(leaf.value);
    const bits = q === undefined ? null : allOf(q);
    return bits ? { bits, exact: false } : ALL;
  }
  if (leaf.key === null || leaf.value === null) return { bits: new RowBitmap(rows), exact: true };
  if (typeof leaf.key !== 'string' || typeof leaf.value !== 'string') return ALL;
  const text = leaf.value;
  // ->> gives the text of any scalar (and of nested containers, not indexed here: residual).
  if (/^\s*[[{]/.test(text)) return ALL;
  const alts: JsonTermValue[] = [text];
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) alts.push({ num: text });
  if (text === 'true' || text === 'false') alts.push(text === 'true');
  let bits = new RowBitmap(rows);
  for (const alt of alts) {
    const b = allOf(new Map([[leaf.key, alt]]));
    if (!b) return ALL;
    bits = bits.or(b);
  }
  return { bits, exact: false };
}

/** Types whose range key exists for every non-NULL value (float NaN included). */
const RANGE_TOTAL = new Set([700, 701]);

/**
 * col IS [NOT] NULL: the rows without a key. Keyword families give every non-NULL value a term,
 * float range keys cover every value; other range types can lack a key for special values
 * ('infinity', numeric NaN objects), so their IS NULL is a superset and IS NOT NULL residual.
 */
function nullLeaf(ix: SegmentPayloadIndex, leaf: Extract<ResolvedLeaf, { kind: 'null' }>, rows: number): Part {
  let keyed: RowBitmap | undefined;
  let total = false;
  if (ix.terms && !ix.jsonb && keywordFamily(leaf.ref.type)) {
    keyed = RowBitmap.fromPositions(rows, ix.terms.postingGroups(1, rows).positions);
    total = true;
  } else if (ix.range) {
    keyed = ix.range.bitmap();
    total = RANGE_TOTAL.has(leaf.ref.type);
  }
  if (!keyed) return ALL;
  if (leaf.negated) return total ? { bits: keyed, exact: true, nullFree: true } : ALL;
  return { bits: keyed.not(), exact: total, nullFree: total };
}

function evalLeaf(leaf: ResolvedLeaf, indexes: ReadonlyMap<number, SegmentPayloadIndex>, rows: number): Part {
  const ix = indexes.get(leaf.ref.oid);
  if (!ix) return ALL;
  switch (leaf.kind) {
    case 'eq': return leaf.use === 'keyword' ? keywordLeaf(ix, leaf, rows) : rangeLeaf(ix, leaf, rows);
    case 'range': return rangeLeaf(ix, leaf, rows);
    case 'null': return nullLeaf(ix, leaf, rows);
    default: return jsonLeaf(ix, leaf, rows);
  }
}

function evalTree(t: ResolvedTree, indexes: ReadonlyMap<number, SegmentPayloadIndex>, rows: number): Part {
  switch (t.kind) {
    case 'residual': return ALL;
    case 'leaf': return evalLeaf(t.leaf, indexes, rows);
    case 'not': {
      const p = evalTree(t.arg, indexes, rows);
      if (!p.bits || !p.exact) return ALL;
      return p.nullFree ? { bits: p.bits.not(), exact: true, nullFree: true } : { bits: p.bits.not(), exact: false };
    }
    case 'and': {
      let bits: RowBitmap | null = null;
      let exact = true;
      let nullFree = true;
      for (const a of t.args) {
        const p = evalTree(a, indexes, rows);
        exact &&= p.exact;
        nullFree &&= p.nullFree === true;
        if (p.bits) bits = bits ? bits.and(p.bits) : p.bits;
      }
      return { bits, exact: exact && bits !== null, nullFree: nullFree && exact && bits !== null };
    }
    case 'or': {
      let bits = new RowBitmap(rows);
      let exact = true;
      let nullFree = true;
      for (const a of t.args) {
        const p = evalTree(a, indexes, rows);
        if (!p.bits) return ALL;
        exact &&= p.exact;
        nullFree &&= p.nullFree === true;
        bits = bits.or(p.bits);
      }
      return { bits, exact, nullFree: nullFree && exact };
    }
  }
}

/**
 * The candidates of a sealed segment with `rows` rows: `visible` (Uint8Array, LSB-first,
 * ceil(rows / 8) bytes) AND the filter's index bitmap; undefined when no leaf could use an
 * index here (every visible row is a candidate: the caller evaluates the filter on rows).
 */
export function segmentCandidates(tree: ResolvedTree, indexes: ReadonlyMap<number, SegmentPayloadIndex>, rows: number, visible: Uint8Array): SegmentFilterResult | undefined {
  const p = evalTree(tree, indexes, rows);
  if (!p.bits) return undefined;
  const bits = p.bits.and(new RowBitmap(rows, visible));
  const count = bits.count();
  return {
    bits, count, exact: p.exact,
    estimate: p.exact ? exactEstimate(count) : { min: 0, expected: count, max: count, exact: false },
  };
}

/** The payload index OIDs the leaves of `t` read. */
export function leafIndexes(t: ResolvedTree, out: Set<number> = new Set()): Set<number> {
  if (t.kind === 'leaf') out.add(t.leaf.ref.oid);
  else if (t.kind === 'not') leafIndexes(t.arg, out);
  else if (t.kind === 'and' || t.kind === 'or') for (const a of t.args) leafIndexes(a, out);
  return out;
}
