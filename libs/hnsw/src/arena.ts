// HnswArena -> the native arena argument, with the checks that give clear messages in TS.
import { invalidParameter } from '@vecgres/errors';
import type { ElemType, HnswNativeArena } from '@vecgres/native-bindings';

import type { HnswArena } from './types';

const ARRAY_OF: Record<ElemType, string> = {
  f32: 'Float32Array',
  f16: 'Uint16Array',
  i8: 'Int8Array',
  u8: 'Uint8Array',
  bits: 'Uint8Array',
};

/** Elements of the arena's TypedArray per row. */
export function rowElements(elem: ElemType, dim: number): number {
  return elem === 'bits' ? Math.ceil(dim / 8) : dim;
}

export function toNativeArena(arena: HnswArena, elem: ElemType, dim: number): HnswNativeArena {
  if (arena.dim !== dim) {
    throw invalidParameter(`arena dimension ${arena.dim} does not match the index dimension ${dim}`);
  }
  if (arena.kind === 'mapped') return { file: arena.file, byteOffset: arena.byteOffset, rows: arena.rows };
  if (arena.data.constructor.name !== ARRAY_OF[elem]) {
    throw invalidParameter(`a ${elem} arena must be a ${ARRAY_OF[elem]} (got ${arena.data.constructor.name})`);
  }
  if (arena.data.length < arena.rows * rowElements(elem, dim)) {
    throw invalidParameter(`arena data holds fewer than ${arena.rows} rows`);
  }
  return { data: arena.data, rows: arena.rows };
}
