// How pgvector's types and PostgreSQL's bit strings look inside the engine. One JS form per
// type, shared by the codecs (pg-types), the functions and operators (executor), storage
// (vector columns) and the index libraries:
//
//   vector(n)    Float32Array, finite elements
//   halfvec(n)   Float32Array whose elements are exactly representable as IEEE half floats
//                (rounded on input/cast; storage keeps them as f16)
//   sparsevec(n) SparseVector: dim + ascending unique 0-based indices + non-zero values
//   bit(n) / varbit  BitString: bit length + packed bytes, most significant bit first, pad
//                bits zero (PostgreSQL's varbit layout, what hamming/jaccard kernels read)

/** pgvector's sparsevec. indices: Int32Array (0-based, ascending, unique), values: Float32Array (non-zero), same length. */
export class SparseVector {
  constructor(
    readonly dim: number,
    readonly indices: Int32Array,
    readonly values: Float32Array,
  ) {}

  get nnz(): number {
    return this.indices.length;
  }

  /** The dense form (length dim). */
  toDense(): Float32Array {
    const out = new Float32Array(this.dim);
    for (let i = 0; i < this.indices.length; i++) out[this.indices[i]] = this.values[i];
    return out;
  }
}

/** PostgreSQL's bit(n) / varbit value. bytes: Uint8Array of ceil(length/8), MSB first, pad bits 0. */
export class BitString {
  constructor(
    readonly length: number,
    readonly bytes: Uint8Array,
  ) {}

  bit(i: number): 0 | 1 {
    return ((this.bytes[i >> 3] >> (7 - (i & 7))) & 1) as 0 | 1;
  }
}

export function isSparseVector(v: unknown): v is SparseVector {
  return v instanceof SparseVector;
}

export function isBitString(v: unknown): v is BitString {
  return v instanceof BitString;
}
