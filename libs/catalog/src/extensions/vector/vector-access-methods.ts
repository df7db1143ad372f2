// pgvector's typmod handlers (vector_typmod_in & co.) and the hnsw / ivfflat access methods'
// capabilities and WITH (...) options, with pgvector's ranges, defaults and messages.
// @see https://github.com/pgvector/pgvector/blob/v0.8.0/src/hnsw.c (HnswInit: add_int_reloption)
// @see https://github.com/pgvector/pgvector/blob/v0.8.0/src/ivfflat.c
import { invalidParameter } from '@vecgres/errors';
import type { DefOption } from '@vecgres/sql';
import type { AccessMethodSpec } from '../../registry/registry';
import { validateReloptions, type ReloptionValues, type ValidatedOptions } from '../../registry/reloptions';
import type { TypmodHandler } from '../../types/typmod';

export const HNSW_OPTION_SPECS = {
  m: { type: 'int', min: 2, max: 100, default: 16 },
  ef_construction: { type: 'int', min: 4, max: 1000, default: 64 },
  // Beyond pgvector (issue #7, Qdrant's payload_m): extra links among rows sharing a value of a
  // payload-indexed column, traversed by filtered searches only. 0 = none.
  payload_m: { type: 'int', min: 0, max: 100, default: 0 },
} as const;

export const IVFFLAT_OPTION_SPECS = {
  lists: { type: 'int', min: 1, max: 32768, default: 100 },
} as const;

export type HnswOptions = ReloptionValues<typeof HNSW_OPTION_SPECS>;
export type IvfflatOptions = ReloptionValues<typeof IVFFLAT_OPTION_SPECS>;

/** hnsw's WITH (m, ef_construction), including hnswbuild.c's ef_construction >= 2 * m check. */
export function validateHnswOptions(options: readonly DefOption[]): ValidatedOptions<HnswOptions> {
  const v = validateReloptions(HNSW_OPTION_SPECS, options);
  if (v.config.ef_construction < 2 * v.config.m) throw invalidParameter('ef_construction must be greater than or equal to 2 * m');
  return v;
}

/** The AM specs: single column, no INCLUDE, no uniqueness, no ordered scans (amroutine). */
export function vectorAccessMethodSpecs(): AccessMethodSpec[] {
  const caps = { canUnique: false, canMultiColumn: false, canInclude: false, canOrder: false };
  return [
    { name: 'hnsw', ...caps, validateOptions: validateHnswOptions },
    { name: 'ivfflat', ...caps, validateOptions: (o) => validateReloptions(IVFFLAT_OPTION_SPECS, o) },
  ];
}

/** VECTOR_MAX_DIM / HALFVEC_MAX_DIM / SPARSEVEC_MAX_DIM. */
const MAX_DIM = { vector: 16000, halfvec: 16000, sparsevec: 1000000000 } as const;

/** vector_typmod_in & co.: one modifier, the dimension count (no typmodout: printed as `(n)`). */
export function vectorTypmodHandler(type: keyof typeof MAX_DIM): TypmodHandler {
  return {
    in({ mods }) {
      if (mods.length !== 1) throw invalidParameter('invalid type modifier');
      if (mods[0] < 1) throw invalidParameter(`dimensions for type ${type} must be at least 1`);
      if (mods[0] > MAX_DIM[type]) throw invalidParameter(`dimensions for type ${type} cannot exceed ${MAX_DIM[type]}`);
      return mods[0];
    },
    out: (typmod) => (typmod >= 0 ? `(${typmod})` : ''),
  };
}
