// Ordering of vector, halfvec and sparsevec (the btree opclasses vector_ops, halfvec_ops,
// sparsevec_ops): vector_lt .. vector_cmp and their halfvec_/sparsevec_ twins, plus the
// three-way comparators ORDER BY / min / max need (vectorComparator).
//
// Dense: element by element, then the shorter vector first ("values before dimensions, like
// Postgres arrays"). Sparse: the same order as the dense form would give, computed over the
// stored entries (sparsevec_cmp_internal).
import type { SparseVector } from '@vecgres/pg-types';
import type { FunctionTable } from '../function-table';

export type VectorComparator = (a: any, b: any) => number;

/** vector_cmp_internal / halfvec_cmp_internal. a, b: Float32Array. */
export function denseCmp(a: Float32Array, b: Float32Array): number {
  const dim = Math.min(a.length, b.length);
  for (let i = 0; i < dim; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/**
 * sparsevec_cmp_internal with 0-based indices: where the entries first differ in position,
 * the vector holding a value there (against an implicit 0) is larger iff that value is > 0.
 */
export function sparseCmp(a: SparseVector, b: SparseVector): number {
  const ax = a.values;
  const bx = b.values;
  const nnz = Math.min(a.nnz, b.nnz);
  for (let i = 0; i < nnz; i++) {
    if (a.indices[i] < b.indices[i]) return ax[i] < 0 ? -1 : 1;
    if (a.indices[i] > b.indices[i]) return bx[i] < 0 ? 1 : -1;
    if (ax[i] < bx[i]) return -1;
    if (ax[i] > bx[i]) return 1;
  }
  if (a.nnz < b.nnz && b.indices[nnz] < a.dim) return bx[nnz] < 0 ? 1 : -1;
  if (a.nnz > b.nnz && a.indices[nnz] < b.dim) return ax[nnz] < 0 ? -1 : 1;
  return a.dim < b.dim ? -1 : a.dim > b.dim ? 1 : 0;
}

function comparisons(prefix: string, cmp: VectorComparator): FunctionTable {
  return {
    [`${prefix}_lt`]: (a: unknown, b: unknown) => cmp(a, b) < 0,
    [`${prefix}_le`]: (a: unknown, b: unknown) => cmp(a, b) <= 0,
    [`${prefix}_eq`]: (a: unknown, b: unknown) => cmp(a, b) === 0,
    [`${prefix}_ne`]: (a: unknown, b: unknown) => cmp(a, b) !== 0,
    [`${prefix}_ge`]: (a: unknown, b: unknown) => cmp(a, b) >= 0,
    [`${prefix}_gt`]: (a: unknown, b: unknown) => cmp(a, b) > 0,
    [`${prefix}_cmp`]: (a: unknown, b: unknown) => cmp(a, b),
  };
}

export const VECTOR_COMPARISON_FUNCTIONS: FunctionTable = {
  ...comparisons('vector', denseCmp),
  ...comparisons('halfvec', denseCmp),
  ...comparisons('sparsevec', sparseCmp),
};

const BY_PREFIX: Record<string, VectorComparator> = { vector: denseCmp, halfvec: denseCmp, sparsevec: sparseCmp };

/**
 * The comparator behind a vector-type comparison impl (`vector_lt`, `halfvec_cmp`, ... or a
 * `<family>lt`-style key such as `vectorlt` that min/max build), or undefined for other impls.
 */
export function vectorComparator(impl: string): VectorComparator | undefined {
  const m = /^(vector|halfvec|sparsevec)_?(lt|le|eq|ne|ge|gt|cmp)$/.exec(impl);
  return m ? BY_PREFIX[m[1]] : undefined;
}
