// A miniature `vector` extension for tests (and a worked example for the pgvector issue): a
// type with a typmod, its I/O functions, a distance function and operator, the hnsw access
// method with typed WITH options, and an operator class.
import { invalidParameter } from '@vecgres/errors';
import type { CatalogRegistry, ExtensionSpec } from '../registry/registry';
import { validateReloptions } from '../registry/reloptions';

export const HNSW_OPTIONS = {
  m: { type: 'int', min: 2, max: 100, default: 16 },
  ef_construction: { type: 'int', min: 4, max: 1000, default: 64 },
} as const;

export const fakeVectorExtension: ExtensionSpec = {
  name: 'vector',
  version: '0.8.0',
  relocatable: true,
  install(x) {
    const { oid: vector } = x.addType({
      name: 'vector', len: -1, byval: false, type: 'b', category: 'U', preferred: false, delim: ',',
      input: 'vector_in', output: 'vector_out', receive: 'vector_recv', send: 'vector_send',
      modin: 'vector_typmod_in', modout: '-', align: 'i', storage: 'x',
    });
    const float8 = x.typeOid('float8');
    const l2 = x.addProc({ name: 'l2_distance', args: [vector, vector], ret: float8, strict: true, vol: 'i', kind: 'f', impl: 'l2_distance' });
    x.addOperator({ name: '<->', kind: 'b', left: vector, right: vector, result: float8, proc: l2, impl: 'l2_distance', canHash: false, canMerge: false });
    const hnsw = x.addAccessMethod({ name: 'hnsw', type: 'i', handler: 'hnswhandler' });
    x.addOpclass({ am: hnsw, name: 'vector_l2_ops', type: vector, isDefault: false });
  },
};

/** Registers the fake extension, its typmod handler and the hnsw access method. */
export function registerFakeVector(registry: CatalogRegistry): CatalogRegistry {
  registry.registerExtension(fakeVectorExtension);
  registry.registerTypmod('vector_typmod_in', '-', {
    in({ mods }) {
      if (mods.length !== 1) throw invalidParameter('invalid type modifier');
      if (mods[0] < 1) throw invalidParameter('dimensions for type vector must be at least 1');
      if (mods[0] > 16000) throw invalidParameter('dimensions for type vector cannot exceed 16000');
      return mods[0];
    },
    out: (typmod) => (typmod >= 0 ? `(${typmod})` : ''),
  });
  registry.registerAccessMethod({
    name: 'hnsw', canUnique: false, canMultiColumn: false, canInclude: false, canOrder: false,
    validateOptions: (o) => validateReloptions(HNSW_OPTIONS, o),
  });
  return registry;
}
