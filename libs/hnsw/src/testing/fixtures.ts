// The in-repo dataset fixtures as arenas of every element type the index takes.
import { join } from 'node:path';

import { FIXTURES, fixtureDir, readFvecs } from '@vecgres/datasets';
import { encodeHalf } from '@vecgres/native-bindings';

export interface Fixture {
  dim: number;
  rows: number;
  base: Float32Array;
  nq: number;
  queries: Float32Array;
}

function load(name: string): Fixture {
  const dir = fixtureDir(name);
  if (dir === undefined) throw new Error(`fixture ${name} is missing from tools/datasets/fixtures`);
  const base = readFvecs(join(dir, 'base.fvecs.gz'));
  const queries = readFvecs(join(dir, 'query.fvecs.gz'));
  return { dim: base.d, rows: base.n, base: base.data, nq: queries.n, queries: queries.data };
}

/** fiori-docs-minilm-384-cosine: 678 x 384 unit vectors, 100 queries. */
export function fiori(): Fixture {
  return load(FIXTURES.fiori);
}

/** fashion-mnist slice: 2,000 x 784 (0-255 pixel values), 100 queries. */
export function fashionSlice(): Fixture {
  return load(FIXTURES.fashionSlice);
}

export function toHalf(v: Float32Array): Uint16Array {
  return encodeHalf(v);
}

/** pgvector's binary_quantize: bit j set when element j > 0, packed MSB-first. */
export function binaryQuantize(v: Float32Array, rows: number, dim: number): Uint8Array {
  const bytes = Math.ceil(dim / 8);
  const out = new Uint8Array(rows * bytes);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < dim; j++) {
      if (v[r * dim + j] > 0) out[r * bytes + (j >> 3)] |= 0x80 >> (j & 7);
    }
  }
  return out;
}
