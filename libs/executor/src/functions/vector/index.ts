// pgvector's functions, operators, casts and aggregates for the executor, keyed by the C
// function names of pgvector's vector.sql (the catalog's impl keys for the extension's
// pg_proc rows): one table for registry.ts, the aggregates for aggregates.ts, and the
// comparators ORDER BY needs for vector / halfvec / sparsevec.
//
//   distance.ts    l2 / ip / cosine / l1 / spherical of vector and halfvec
//   arithmetic.ts  + - * ||, dims, norms, l2_normalize, binary_quantize, subvector
//   sparse.ts      sparsevec distances, l2_norm, l2_normalize
//   bit.ts         hamming_distance, jaccard_distance
//   casts.ts       typmod casts, arrays <-> vector types, vector <-> halfvec <-> sparsevec
//   compare.ts     < <= = <> >= > and *_cmp (btree opclasses)
//   aggregates.ts  avg / sum and their state functions
import type { FunctionTable } from '../function-table';
import { VECTOR_AGGREGATE_FUNCTIONS } from './aggregates';
import { DENSE_ARITHMETIC_FUNCTIONS } from './arithmetic';
import { BIT_FUNCTIONS } from './bit';
import { VECTOR_CAST_FUNCTIONS } from './casts';
import { VECTOR_COMPARISON_FUNCTIONS } from './compare';
import { DENSE_DISTANCE_FUNCTIONS } from './distance';
import { SPARSE_FUNCTIONS } from './sparse';

export { VECTOR_AGGREGATES } from './aggregates';
export { vectorComparator, denseCmp, sparseCmp } from './compare';
export { roundToHalf, float4ToHalf } from './checks';
export { vectorTypmodCoercion } from './typmod';

export const VECTOR_FUNCTIONS: FunctionTable = {
  ...DENSE_DISTANCE_FUNCTIONS,
  ...DENSE_ARITHMETIC_FUNCTIONS,
  ...SPARSE_FUNCTIONS,
  ...BIT_FUNCTIONS,
  ...VECTOR_CAST_FUNCTIONS,
  ...VECTOR_COMPARISON_FUNCTIONS,
  ...VECTOR_AGGREGATE_FUNCTIONS,
};
