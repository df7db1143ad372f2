// Readers for the dataset formats of /work/shared/datasets/README.md:
//   .fvecs / .ivecs: rows of [int32 d][d x float32 | int32], little-endian; optionally gzip'd.
//   .jsonl: one JSON value per line; optionally gzip'd.
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { gunzipSync } from 'node:zlib';

/** n rows of d values, row-major: data[i * d + j]. */
export interface Vecs<T extends Float32Array | Int32Array> {
  n: number;
  d: number;
  data: T;
}

/** The file's bytes, gunzipped when the name ends in .gz. */
export function readMaybeGzip(path: string): Buffer {
  const raw = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(raw) : raw;
}

type ArrayCtor<T> = { new (length: number): T };

function decodeRows<T extends Float32Array | Int32Array>(bytes: Uint8Array, ctor: ArrayCtor<T>, source: string): Vecs<T> {
  if (bytes.byteLength === 0) return { n: 0, d: 0, data: new ctor(0) };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const d = view.getInt32(0, true);
  const rowBytes = 4 * (d + 1);
  if (d <= 0 || bytes.byteLength % rowBytes !== 0) {
    throw new Error(`${source}: not a vecs file (first row has d=${d}; ${bytes.byteLength} bytes is not a multiple of ${rowBytes})`);
  }
  const n = bytes.byteLength / rowBytes;
  const data = new ctor(n * d);
  const le = endianness() === 'LE';
  // Copy whole rows as bytes (little-endian host: the file layout is the in-memory layout);
  // per-element DataView reads only on a big-endian host.
  const outBytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < n; i++) {
    const at = i * rowBytes;
    const rowD = view.getInt32(at, true);
    if (rowD !== d) throw new Error(`${source}: row ${i} has d=${rowD}, expected ${d}`);
    if (le) {
      outBytes.set(bytes.subarray(at + 4, at + rowBytes), i * d * 4);
    } else {
      for (let j = 0; j < d; j++) {
        data[i * d + j] = ctor === (Float32Array as unknown) ? view.getFloat32(at + 4 + 4 * j, true) : view.getInt32(at + 4 + 4 * j, true);
      }
    }
  }
  return { n, d, data };
}

/** Decodes .fvecs bytes (already gunzipped); `source` names the input in errors. */
export function decodeFvecs(bytes: Uint8Array, source = 'fvecs'): Vecs<Float32Array> {
  return decodeRows(bytes, Float32Array, source);
}

/** Decodes .ivecs bytes (already gunzipped); `source` names the input in errors. */
export function decodeIvecs(bytes: Uint8Array, source = 'ivecs'): Vecs<Int32Array> {
  return decodeRows(bytes, Int32Array, source);
}

/** Reads a .fvecs or .fvecs.gz file. */
export function readFvecs(path: string): Vecs<Float32Array> {
  return decodeFvecs(readMaybeGzip(path), path);
}

/** Reads a .ivecs or .ivecs.gz file. */
export function readIvecs(path: string): Vecs<Int32Array> {
  return decodeIvecs(readMaybeGzip(path), path);
}

/** Reads a per-row scalar attribute file (.ivecs with d = 1): one Int32 per row. */
export function readAttribute(path: string): Int32Array {
  const vecs = readIvecs(path);
  if (vecs.n > 0 && vecs.d !== 1) throw new Error(`${path}: attribute files have d=1, found d=${vecs.d}`);
  return vecs.data;
}

/** Reads a .jsonl or .jsonl.gz file: one parsed value per non-empty line. */
export function readJsonl<T = unknown>(path: string): T[] {
  const text = readMaybeGzip(path).toString('utf8');
  const out: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`${path}:${i + 1}: invalid JSON (${(error as Error).message})`);
    }
  }
  return out;
}
