// avg and sum over vector and halfvec, with pgvector's semantics:
//
//   avg(vector)  SFUNC vector_accum, STYPE float8[] = {n, sum_1, ..., sum_d}, INITCOND '{0}',
//                FINALFUNC vector_avg (NULL when n = 0), COMBINEFUNC vector_combine
//   sum(vector)  SFUNC vector_add, STYPE vector, no INITCOND (NULL when no rows)
//   (halfvec_accum / halfvec_avg / halfvec_add likewise; halfvec_combine is vector_combine)
//
// Sums are accumulated in float8 and checked for overflow; the average is narrowed to float
// (or half) and must be finite. The scalar state functions are callable from SQL too
// (`SELECT vector_accum('{0}', '[1,2,3]')` -> {1,1,2,3}), so they take and return float8[]
// as PgArray; the aggregate implementations keep the same state in a Float64Array.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { PgArray } from '@vecgres/pg-types';
import type { AggImpl } from '../aggregates';
import type { FunctionTable } from '../function-table';
import { halfvecAdd, vectorAdd } from './arithmetic';
import { checkDim, checkElement, checkExpectedDim, float4ToHalf, isInf, overflow } from './checks';

type Dense = Float32Array;
type DenseType = 'vector' | 'halfvec';

/** CheckStateArray: a 1-D float8[] of at least one element (n) without NULLs. */
function stateValues(state: unknown, caller: string): Float64Array {
  const arr = state instanceof PgArray ? state : null;
  const ok = arr !== null && arr.ndim === 1 && arr.length >= 1 && !arr.hasNull && arr.elements.every((e) => typeof e === 'number');
  if (!ok) throw new SqlError(SQLSTATE.INTERNAL_ERROR, `${caller}: expected state array`);
  return Float64Array.from(arr.elements as number[]);
}

function stateArray(s: Float64Array): PgArray<number> {
  return PgArray.of(Array.from(s));
}

/** vector_accum: state [n, sums...] plus one vector (the first one fixes the dimension). */
function accum(state: Float64Array, v: Dense): Float64Array {
  const dim = state.length - 1;
  const fresh = dim === 0;
  if (!fresh) checkExpectedDim(dim, v.length);
  const out = new Float64Array(v.length + 1);
  out[0] = state[0] + 1;
  for (let i = 0; i < v.length; i++) {
    const x = fresh ? v[i] : state[i + 1] + v[i];
    if (isInf(x)) throw overflow();
    out[i + 1] = x;
  }
  return out;
}

/** vector_combine (also halfvec_combine): merge two partial states. */
function combine(s1: Float64Array, s2: Float64Array): Float64Array {
  const n1 = s1[0];
  const n2 = s2[0];
  let out: Float64Array;
  if (n1 === 0) out = Float64Array.from(s2);
  else if (n2 === 0) out = Float64Array.from(s1);
  else {
    checkExpectedDim(s1.length - 1, s2.length - 1);
    out = new Float64Array(s1.length);
    for (let i = 1; i < s1.length; i++) {
      const x = s1[i] + s2[i];
      if (isInf(x)) throw overflow();
      out[i] = x;
    }
  }
  checkDim('vector', out.length - 1);
  out[0] = n1 + n2;
  return out;
}

/** vector_avg / halfvec_avg: sums / n narrowed to the element type; NULL for no rows. */
function average(type: DenseType, s: Float64Array): Dense | null {
  const n = s[0];
  if (n === 0) return null;
  const dim = s.length - 1;
  checkDim(type, dim);
  const r = new Float32Array(dim);
  for (let i = 0; i < dim; i++) {
    const q = s[i + 1] / n;
    r[i] = type === 'halfvec' ? float4ToHalf(q) : q;
    checkElement(type, r[i]);
  }
  return r;
}

export const VECTOR_AGGREGATE_FUNCTIONS: FunctionTable = {
  vector_accum: (state: unknown, v: Dense) => stateArray(accum(stateValues(state, 'vector_accum'), v)),
  halfvec_accum: (state: unknown, v: Dense) => stateArray(accum(stateValues(state, 'halfvec_accum'), v)),
  vector_combine: (a: unknown, b: unknown) => stateArray(combine(stateValues(a, 'vector_combine'), stateValues(b, 'vector_combine'))),
  halfvec_combine: (a: unknown, b: unknown) => stateArray(combine(stateValues(a, 'vector_combine'), stateValues(b, 'vector_combine'))),
  vector_avg: (state: unknown) => average('vector', stateValues(state, 'vector_avg')),
  halfvec_avg: (state: unknown) => average('halfvec', stateValues(state, 'halfvec_avg')),
};

function avgAggregate(type: DenseType): AggImpl<Float64Array> {
  return {
    init: () => new Float64Array(1),
    step: (s, [v]) => (v === null ? s : accum(s, v as Dense)),
    final: (s) => average(type, s),
  };
}

function sumAggregate(add: (a: Dense, b: Dense) => Dense): AggImpl<Dense | null> {
  return {
    init: () => null,
    step: (s, [v]) => (v === null ? s : s === null ? (v as Dense) : add(s, v as Dense)),
    final: (s) => s,
  };
}

/** Aggregate implementations by the catalog's aggregate impl key (transfn[+finalfn]). */
export const VECTOR_AGGREGATES: Record<string, AggImpl> = {
  'vector_accum+vector_avg': avgAggregate('vector'),
  'halfvec_accum+halfvec_avg': avgAggregate('halfvec'),
  vector_add: sumAggregate(vectorAdd),
  halfvec_add: sumAggregate(halfvecAdd),
};
