// Writers for .fvecs / .ivecs (optionally gzip'd), the inverse of read-vecs.ts. Output is
// byte-for-byte reproducible: gzip level 9 with Node's fixed header (mtime 0).
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import type { Vecs } from './read-vecs';

/** Encodes n rows of d values (data: Float32Array | Int32Array, length n*d) as vecs bytes. */
export function encodeVecs(vecs: Vecs<Float32Array | Int32Array>): Buffer {
  const { n, d, data } = vecs;
  if (data.length !== n * d) throw new Error(`encodeVecs: data has ${data.length} values, n*d = ${n * d}`);
  const rowBytes = 4 * (d + 1);
  const out = Buffer.alloc(n * rowBytes);
  for (let i = 0; i < n; i++) {
    out.writeInt32LE(d, i * rowBytes);
    if (data instanceof Float32Array) {
      for (let j = 0; j < d; j++) out.writeFloatLE(data[i * d + j], i * rowBytes + 4 + 4 * j);
    } else {
      for (let j = 0; j < d; j++) out.writeInt32LE(data[i * d + j], i * rowBytes + 4 + 4 * j);
    }
  }
  return out;
}

/** Writes vecs to `path`, gzip'd (level 9) when the name ends in .gz. */
export function writeVecs(path: string, vecs: Vecs<Float32Array | Int32Array>): void {
  const bytes = encodeVecs(vecs);
  writeFileSync(path, path.endsWith('.gz') ? gzipSync(bytes, { level: 9 }) : bytes);
}
