// Codecs for extension types (pgvector's vector, halfvec, sparsevec and their arrays). Their
// OIDs are assigned by CREATE EXTENSION, so the codec registry of a database cannot be fixed
// at start-up: it is a base registry (builtins + catalog-only types) layered with the codecs
// of whatever extension types the catalog state in use holds (typinput name -> factory in
// @vecgres/pg-types).
//
//   base registry ──get(oid)──▶ found? ──no──▶ extension codecs of state() ──▶ codec | undefined
//                                               (built once per state.types object)
//
// Catalog states are copy-on-write and `state.types` only holds extension types, so the map
// object itself is the cache key: a new extension (or DROP EXTENSION) gives a new object, and
// a rolled-back transaction's state, whose OIDs may be handed out again, is simply never
// asked again.
import type { CatalogState } from '@vecgres/catalog';
import { codecsForExtensionTypes, createCodecRegistry, type CodecRegistry } from '@vecgres/pg-types';

const EMPTY: CodecRegistry = createCodecRegistry([]);

/** Per-database cache: extension codecs per `CatalogState.types` map. */
export class ExtensionCodecCache {
  private readonly byTypes = new WeakMap<object, CodecRegistry>();

  /** The codecs of the extension types in `state` (empty when there are none). */
  forState(state: CatalogState): CodecRegistry {
    const types = state.types;
    let r = this.byTypes.get(types);
    if (!r) {
      const rows = Object.values(types);
      r = rows.length === 0 ? EMPTY : createCodecRegistry(codecsForExtensionTypes(rows));
      this.byTypes.set(types, r);
    }
    return r;
  }
}

/** `base`, then the extension codecs of the catalog state `state()` returns at each lookup. */
export function withExtensionCodecs(base: CodecRegistry, cache: ExtensionCodecCache, state: () => CatalogState): CodecRegistry {
  const ext = () => cache.forState(state());
  return {
    get: (oid) => base.get(oid) ?? ext().get(oid),
    require(oid) {
      const c = base.get(oid) ?? ext().get(oid);
      if (!c) throw new Error(`no codec registered for type OID ${oid}`);
      return c;
    },
    has: (oid) => base.has(oid) || ext().has(oid),
    oids: () => [...base.oids(), ...ext().oids()],
  };
}
