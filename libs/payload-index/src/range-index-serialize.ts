// RangeIndex on disk ('VGPRNG01'; little-endian; sections 8-aligned, see binary-layout.ts):
//
//   0   'VGPRNG01'
//   8   u32 rows, u32 n (non-NULL rows)
//   16  keys       Float64[n]   ascending, NaN last, no -0
//   ..  positions  Uint32[n]    row of keys[i], ascending within equal keys, each row once
//
// open() checks the order the binary searches rely on and that positions are distinct rows
// below `rows` (bitmaps are written from them without bounds checks).
import { corrupt, LayoutReader, LayoutWriter } from './binary-layout';
import type { RangeLayout } from './range-index-build';
import { bitmapBytes } from './row-bitmap';

const MAGIC = 'VGPRNG01';
const WHAT = 'range index';
const HEADER_WORDS = 2;

export function serializeRangeLayout(rows: number, layout: RangeLayout): Uint8Array {
  const n = layout.keys.length;
  const w = new LayoutWriter(MAGIC, [rows, n], [8 * n, 4 * n]);
  w.section(layout.keys);
  w.section(layout.positions);
  return w.bytes;
}

export function openRangeLayout(bytes: Uint8Array, expectedRows?: number): { rows: number; layout: RangeLayout } {
  const r = new LayoutReader(bytes, WHAT, MAGIC, HEADER_WORDS);
  const rows = r.header(0);
  const n = r.header(1);
  // Checked before anything is sized by `rows`: a corrupt count must not allocate gigabytes.
  if (expectedRows !== undefined && rows !== expectedRows) {
    throw corrupt(WHAT, `built for ${rows} rows, the segment has ${expectedRows}`);
  }
  if (n > rows) throw corrupt(WHAT, `${n} keys for ${rows} rows`);
  r.expectSections([8 * n, 4 * n]);
  const keys = r.f64(n);
  const positions = r.u32(n);

  // Distinct rows: a bitmap when rows is in proportion to n, else a sorted copy.
  const seen = rows <= 64 * n + 65536 ? new Uint8Array(bitmapBytes(rows)) : null;
  let prevKey = -Infinity;
  let prevPos = -1;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const p = positions[i]!;
    const nan = Number.isNaN(k);
    const prevNan = Number.isNaN(prevKey);
    if (Object.is(k, -0)) throw corrupt(WHAT, `key ${i} is -0`);
    if (i > 0) {
      if (prevNan && !nan) throw corrupt(WHAT, `key ${i} follows a NaN`);
      if (!nan && k < prevKey) throw corrupt(WHAT, `keys decrease at ${i}`);
      const same = nan ? prevNan : k === prevKey;
      if (same && p <= prevPos) throw corrupt(WHAT, `positions of equal keys are not ascending at ${i}`);
    }
    if (p >= rows) throw corrupt(WHAT, `position ${p} at ${i} is outside ${rows} rows`);
    if (seen !== null) {
      const bit = 1 << (p & 7);
      if ((seen[p >>> 3]! & bit) !== 0) throw corrupt(WHAT, `row ${p} appears twice`);
      seen[p >>> 3]! |= bit;
    }
    prevKey = k;
    prevPos = p;
  }
  if (seen === null) {
    const sorted = positions.slice().sort();
    for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) throw corrupt(WHAT, `row ${sorted[i]} appears twice`);
  }
  return { rows, layout: { keys, positions } };
}
