// Dimension typmods of the extension's types (`vector(3)`, `halfvec(3)`, `sparsevec(5)`):
// PostgreSQL applies a length coercion by calling the type's cast-to-itself function with the
// typmod (pgvector's vector(vector, int4, bool) and its halfvec / sparsevec twins). The
// executor's typmodCoercion only knows the builtin types by OID, and extension OIDs are
// assigned per database, so this resolves the type by its codec's name instead.
import type { CodecRegistry } from '@vecgres/pg-types';
import { VECTOR_CAST_FUNCTIONS } from './casts';

const TYPMOD_CASTS: Record<string, string> = { vector: 'vector', halfvec: 'halfvec', sparsevec: 'sparsevec' };

/** The `expected %d dimensions, not %d` check for a vector-type OID with a typmod, else undefined. */
export function vectorTypmodCoercion(codecs: CodecRegistry, oid: number, typmod: number): ((v: any) => unknown) | undefined {
  if (typmod < 0) return undefined;
  const name = codecs.get(oid)?.type.name;
  if (name === undefined || !Object.hasOwn(TYPMOD_CASTS, name)) return undefined;
  const cast = VECTOR_CAST_FUNCTIONS[TYPMOD_CASTS[name]];
  return (v: unknown) => cast(v, typmod);
}
