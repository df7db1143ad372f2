// The whole compatibility script in README order.
import { gettingStarted, querying, storing } from './readme-basics';
import { filtering, hnsw, iterative, ivfflat } from './readme-indexing';
import { binary, faq, halfPrecision, hybrid, performance, sparse, subvectors } from './readme-types';
import { bitReference, casts, halfvecReference, sparsevecReference, vectorReference } from './reference';
import type { Step } from './step';

export const README_SCRIPT: readonly Step[] = [
  ...gettingStarted, ...storing, ...querying,
  ...hnsw, ...ivfflat, ...filtering, ...iterative,
  ...halfPrecision, ...binary, ...sparse, ...hybrid, ...subvectors, ...faq, ...performance,
  ...vectorReference, ...halfvecReference, ...bitReference, ...sparsevecReference, ...casts,
];

export { buildPsqlScript, parsePsqlOutput } from './psql-script';
export type { StepResult } from './psql-script';
export type { CompareMode, Step } from './step';
