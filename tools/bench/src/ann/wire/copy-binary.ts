// COPY ... FROM STDIN (FORMAT binary) payload for rows (id int4, emb vector(d)).
// @see https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.4 (binary format)
// pgvector's binary vector (vector_recv/vector_send): int16 dim, int16 unused (0), then dim
// float4, all big-endian (network order).

/** PGCOPY\n\377\r\n\0, then int32 flags = 0 and int32 header-extension length = 0. */
export function copyBinaryHeader(): Buffer {
  const b = Buffer.alloc(19);
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1').copy(b, 0);
  b.writeInt32BE(0, 11);
  b.writeInt32BE(0, 15);
  return b;
}

/** The file trailer: a tuple field count of -1. */
export function copyBinaryTrailer(): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(-1, 0);
  return b;
}

/**
 * Tuples for rows [from, to) of `base` (Float32Array, n * dim, row-major), id = row index.
 * One tuple: int16 2 fields | int32 4, int32 id | int32 (4 + 4*dim), vector bytes.
 */
export function copyBinaryRows(base: Float32Array, dim: number, from: number, to: number): Buffer {
  const tuple = 2 + 4 + 4 + 4 + 4 + 4 * dim;
  const b = Buffer.alloc(tuple * (to - from));
  let o = 0;
  for (let i = from; i < to; i++) {
    o = b.writeInt16BE(2, o);
    o = b.writeInt32BE(4, o);
    o = b.writeInt32BE(i, o);
    o = b.writeInt32BE(4 + 4 * dim, o);
    o = b.writeInt16BE(dim, o);
    o = b.writeInt16BE(0, o);
    const off = i * dim;
    for (let j = 0; j < dim; j++) o = b.writeFloatBE(base[off + j]!, o);
  }
  return b;
}

/** pgvector's text literal of a vector: '[1,2.5,-3]' (shortest round-trip float text). */
export function vectorLiteral(v: Float32Array): string {
  let s = '[';
  for (let j = 0; j < v.length; j++) s += (j ? ',' : '') + String(v[j]);
  return `${s}]`;
}

/** pgvector's binary vector (vector_recv): int16 dim, int16 0, dim float4, big-endian. */
export function vectorBinary(v: Float32Array): Buffer {
  const b = Buffer.alloc(4 + 4 * v.length);
  b.writeInt16BE(v.length, 0);
  for (let j = 0; j < v.length; j++) b.writeFloatBE(v[j]!, 4 + 4 * j);
  return b;
}

/**
 * Tuples (id int4, attrs[0] int4, ..., emb vector(dim)) for rows [from, to) of `base`
 * (Float32Array, n * dim, row-major), id = row index; attrs: one Int32Array of n values per
 * integer column, in column order.
 */
export function copyBinaryRowsWithAttrs(base: Float32Array, dim: number, attrs: readonly Int32Array[], from: number, to: number): Buffer {
  const tuple = 2 + 8 + 8 * attrs.length + 4 + 4 + 4 * dim;
  const b = Buffer.alloc(tuple * (to - from));
  let o = 0;
  for (let i = from; i < to; i++) {
    o = b.writeInt16BE(2 + attrs.length, o);
    o = b.writeInt32BE(4, o);
    o = b.writeInt32BE(i, o);
    for (const a of attrs) {
      o = b.writeInt32BE(4, o);
      o = b.writeInt32BE(a[i]!, o);
    }
    o = b.writeInt32BE(4 + 4 * dim, o);
    o = b.writeInt16BE(dim, o);
    o = b.writeInt16BE(0, o);
    const off = i * dim;
    for (let j = 0; j < dim; j++) o = b.writeFloatBE(base[off + j]!, o);
  }
  return b;
}
