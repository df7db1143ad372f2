// Test builders for the vector functions: pgvector's literals -> engine values (vector and
// halfvec as Float32Array, sparsevec as SparseVector, bit as BitString, arrays as PgArray) and
// results -> psql's text, so specs read like pgvector's regression files (test/expected/*.out).
// Inputs are assumed well-formed (input validation is the codecs' job); halfvec literals are
// rounded to half as halfvec_in does.
import { BitString, PgArray, SparseVector, formatFloat4, formatFloat8 } from '@vecgres/pg-types';
import { roundToHalf } from '../checks';

function items(text: string, open: string, close: string): string[] {
  const t = text.trim();
  if (!t.startsWith(open) || !t.endsWith(close)) throw new Error(`bad test literal ${text}`);
  const body = t.slice(1, -1).trim();
  return body === '' ? [] : body.split(',').map((s) => s.trim());
}

/** '[1,2,3]' -> vector. */
export function vec(text: string): Float32Array {
  return Float32Array.from(items(text, '[', ']'), (s) => Math.fround(Number(s)));
}

/** '[1,2,3]' -> halfvec (elements rounded to half). */
export function half(text: string): Float32Array {
  return Float32Array.from(items(text, '[', ']'), (s) => roundToHalf(Math.fround(Number(s))));
}

/** '{1:1.5,3:3.5}/5' (1-based, as pgvector writes it) -> sparsevec; zeros dropped, sorted. */
export function sparse(text: string): SparseVector {
  const slash = text.lastIndexOf('/');
  const entries = items(text.slice(0, slash), '{', '}')
    .map((e) => e.split(':').map((x) => x.trim()))
    .map(([i, v]) => [Number(i) - 1, Math.fround(Number(v))] as const)
    .filter(([, v]) => v !== 0)
    .sort((a, b) => a[0] - b[0]);
  return new SparseVector(Number(text.slice(slash + 1)), Int32Array.from(entries, (e) => e[0]), Float32Array.from(entries, (e) => e[1]));
}

/** '1011' -> bit(4). */
export function bits(text: string): BitString {
  const bytes = new Uint8Array((text.length + 7) >> 3);
  for (let i = 0; i < text.length; i++) if (text[i] === '1') bytes[i >> 3] |= 0x80 >> (i & 7);
  return new BitString(text.length, bytes);
}

/** '{1,2,3}' -> a 1-D array of numbers (int4[] / float4[] / float8[]); `{{1}}` gives 2-D, NULL gives null. */
export function arr(text: string, numeric = false): PgArray {
  const t = text.trim();
  if (t.startsWith('{{')) return new PgArray(items(t.slice(1, -1), '{', '}').map(Number), [1, items(t.slice(1, -1), '{', '}').length]);
  return PgArray.of(items(t, '{', '}').map((s) => (s === 'NULL' ? null : numeric ? s : Number(s))));
}

/** psql's text of a result: vectors as [..], sparsevecs as {i:v}/d, bits as 0/1, float8 numbers, float8[]. */
export function show(v: unknown, elem: 'float4' | 'float8' = 'float8'): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Float32Array) return `[${Array.from(v, (x) => formatFloat4(x)).join(',')}]`;
  if (v instanceof SparseVector) {
    const e = Array.from(v.indices, (i, k) => `${i + 1}:${formatFloat4(v.values[k])}`);
    return `{${e.join(',')}}/${v.dim}`;
  }
  if (v instanceof BitString) return Array.from({ length: v.length }, (_, i) => v.bit(i)).join('');
  if (v instanceof PgArray) return `{${v.elements.map((x) => (elem === 'float4' ? formatFloat4(x as number) : formatFloat8(x as number))).join(',')}}`;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return formatFloat8(v);
  return String(v);
}
