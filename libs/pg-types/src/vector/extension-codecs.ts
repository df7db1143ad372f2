// Codec factories for extension types. An extension's types get their OIDs when CREATE
// EXTENSION runs, so a database cannot list their codecs up front: it looks at its catalog's
// pg_type rows and, for each type whose typinput function has a factory here, builds the
// codec for that OID (array types `_vector` use the element's codec).
import type { TypeCodec } from '../codec';
import { arrayCodec } from '../codecs/array';
import { denseVectorCodec } from './dense-codecs';
import { sparseVectorCodec } from './sparsevec-codec';

/** Builds the codec of an extension type given the OID this database assigned it. */
export type ExtensionCodecFactory = (oid: number) => TypeCodec<any>;

/** Factories keyed by pg_type.typinput (pgvector's input functions). */
export const EXTENSION_CODEC_FACTORIES: Readonly<Record<string, ExtensionCodecFactory>> = Object.freeze({
  vector_in: (oid: number) => denseVectorCodec('vector', oid),
  halfvec_in: (oid: number) => denseVectorCodec('halfvec', oid),
  sparsevec_in: (oid: number) => sparseVectorCodec(oid),
});

/** The codec of array type `arrayOid` named `name` (e.g. `_vector`) over `element`'s codec. */
export function extensionArrayCodec(arrayOid: number, name: string, element: TypeCodec<any>): TypeCodec<any> {
  return arrayCodec({ oid: arrayOid, name, typlen: -1, elementOid: element.type.oid }, element);
}

/** One extension type as pg_type describes it (the fields the codec lookup needs). */
export interface ExtensionTypeInfo {
  oid: number;
  name: string;
  input: string;
  /** typelem: the element type OID for an array type, else 0. */
  elem: number;
}

/**
 * Codecs for the given pg_type rows: base types with a factory for their typinput, then the
 * array types (typinput array_in) whose element got a codec. Others are skipped.
 */
export function codecsForExtensionTypes(types: Iterable<ExtensionTypeInfo>): TypeCodec<any>[] {
  const base = new Map<number, TypeCodec<any>>();
  const arrays: ExtensionTypeInfo[] = [];
  for (const t of types) {
    const factory = Object.prototype.hasOwnProperty.call(EXTENSION_CODEC_FACTORIES, t.input) ? EXTENSION_CODEC_FACTORIES[t.input] : undefined;
    if (factory) base.set(t.oid, factory(t.oid));
    else if (t.input === 'array_in' && t.elem !== 0) arrays.push(t);
  }
  const out = [...base.values()];
  for (const a of arrays) {
    const el = base.get(a.elem);
    if (el) out.push(extensionArrayCodec(a.oid, a.name, el));
  }
  return out;
}
