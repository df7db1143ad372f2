// Dimension typmods resolved through the codec registry (extension OIDs are per database).
import type { CodecRegistry } from '@vecgres/pg-types';
import { errorOf } from '../../testing/function-call';
import { sparse, vec } from './testing/values';
import { vectorTypmodCoercion } from './typmod';

const NAMES: Record<number, string> = { 90001: 'vector', 90002: 'halfvec', 90003: 'sparsevec', 90004: 'int4' };
const codecs = { get: (oid: number) => (NAMES[oid] ? { type: { oid, name: NAMES[oid] } } : undefined) } as unknown as CodecRegistry;

describe('vectorTypmodCoercion', () => {
  it('checks the dimensions of vector, halfvec and sparsevec', () => {
    expect(vectorTypmodCoercion(codecs, 90001, 3)!(vec('[1,2,3]'))).toEqual(vec('[1,2,3]'));
    expect(errorOf(() => vectorTypmodCoercion(codecs, 90001, 2)!(vec('[1,2,3]')))).toBe('22000 expected 2 dimensions, not 3');
    expect(errorOf(() => vectorTypmodCoercion(codecs, 90002, 4)!(vec('[1,2,3]')))).toBe('22000 expected 4 dimensions, not 3');
    expect(errorOf(() => vectorTypmodCoercion(codecs, 90003, 2)!(sparse('{}/3')))).toBe('22000 expected 2 dimensions, not 3');
  });

  it('leaves other types and typmod -1 alone', () => {
    expect(vectorTypmodCoercion(codecs, 90001, -1)).toBeUndefined();
    expect(vectorTypmodCoercion(codecs, 90004, 3)).toBeUndefined();
    expect(vectorTypmodCoercion(codecs, 12345, 3)).toBeUndefined();
  });
});
